import type { Knex } from 'knex';

/**
 * The delivery → endpoint foreign key becomes a statement-level cascade trigger (issue 7,
 * throughput): its per-row check cost ~12 µs of each relayed delivery, about 2 % of a delivery's
 * whole CPU. What it guaranteed still holds:
 *
 * - Deleting endpoints (directly, or through their tenant) deletes their deliveries, and through
 *   webhook_deliveries' own trigger their attempts, in the same statement.
 * - No delivery is written for an endpoint being deleted: the two statements that create
 *   deliveries (the relay's fan-out, an endpoint's test event) take a key-share lock on the
 *   endpoint row, which a concurrent DELETE waits for, and a row deleted meanwhile is not
 *   returned to them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_endpoint_id_foreign');
  await knex.raw(`
    CREATE FUNCTION herald_delete_endpoint_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN DELETE FROM webhook_deliveries d USING gone g WHERE d.endpoint_id = g.id; RETURN NULL; END $$`);
  await knex.raw(`CREATE TRIGGER webhook_endpoints_delete_deliveries AFTER DELETE ON webhook_endpoints
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION herald_delete_endpoint_deliveries()`);
}

/** Restores the foreign key (deleting any delivery whose endpoint is gone first). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER webhook_endpoints_delete_deliveries ON webhook_endpoints');
  await knex.raw('DROP FUNCTION herald_delete_endpoint_deliveries()');
  await knex.raw('DELETE FROM webhook_deliveries d WHERE NOT EXISTS (SELECT 1 FROM webhook_endpoints ep WHERE ep.id = d.endpoint_id)');
  await knex.raw(
    'ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_endpoint_id_foreign FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints (id) ON DELETE CASCADE',
  );
}
