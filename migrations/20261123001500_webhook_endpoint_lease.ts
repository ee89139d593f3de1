import type { Knex } from 'knex';

/**
 * Dispatchers lease their endpoint instead of each delivery (issue 7, throughput):
 *
 * - `webhook_endpoints.dispatch_owner` / `dispatch_lease_until`: the one dispatcher run that may
 *   send the endpoint's deliveries, renewed every few seconds; a dead worker's lease expires and
 *   the next run sends whatever was left pending, with the same `webhook-id`.
 * - `webhook_deliveries.claimed_until` goes: the per-row lease cost an UPDATE of every delivery
 *   before it was sent, and each claim re-read the rows still claimed ahead of it (about 110 µs of
 *   backend CPU per delivery, a third of the ledger's cost). A dispatcher now reads due rows with
 *   a keyset cursor over `(next_attempt_at, id)`, so the due index carries `id`.
 * - The attempt → delivery foreign key becomes a statement-level cascade trigger: its per-row
 *   check (a key-share lock on the delivery the same statement then updates) cost ~25 µs per
 *   attempt. Deleting deliveries (directly, or through their endpoint or tenant) still deletes
 *   their attempts.
 * - The delivery → event foreign key goes (~16 µs per relayed delivery): events are only ever
 *   deleted with their tenant, which deletes the tenant's endpoints and so their deliveries in
 *   the same statement; deliveries are only created from an event in the same statement or
 *   transaction.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE webhook_endpoints ADD COLUMN dispatch_owner uuid, ADD COLUMN dispatch_lease_until timestamptz');
  await knex.raw('DROP INDEX webhook_deliveries_due');
  await knex.raw("CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint_id, next_attempt_at, id) WHERE status = 'pending'");
  await knex.raw('ALTER TABLE webhook_deliveries DROP COLUMN claimed_until');
  await knex.raw('ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_event_id_foreign');
  await knex.raw('ALTER TABLE webhook_attempts DROP CONSTRAINT webhook_attempts_delivery_id_foreign');
  await knex.raw(`
    CREATE FUNCTION herald_delete_webhook_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN DELETE FROM webhook_attempts a USING gone g WHERE a.delivery_id = g.id; RETURN NULL; END $$`);
  await knex.raw(`CREATE TRIGGER webhook_deliveries_delete_attempts AFTER DELETE ON webhook_deliveries
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION herald_delete_webhook_attempts()`);
}

/** Restores per-delivery claims and the attempt foreign key. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER webhook_deliveries_delete_attempts ON webhook_deliveries');
  await knex.raw('DROP FUNCTION herald_delete_webhook_attempts()');
  await knex.raw('DELETE FROM webhook_attempts a WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = a.delivery_id)');
  await knex.raw(
    'ALTER TABLE webhook_attempts ADD CONSTRAINT webhook_attempts_delivery_id_foreign FOREIGN KEY (delivery_id) REFERENCES webhook_deliveries (id) ON DELETE CASCADE',
  );
  await knex.raw(
    'ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_event_id_foreign FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE',
  );
  await knex.raw('ALTER TABLE webhook_deliveries ADD COLUMN claimed_until timestamptz');
  await knex.raw('DROP INDEX webhook_deliveries_due');
  await knex.raw("CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending'");
  await knex.raw('ALTER TABLE webhook_endpoints DROP COLUMN dispatch_lease_until, DROP COLUMN dispatch_owner');
}
