import type { Knex } from 'knex';

/**
 * The outbox keeps events insert-only; what the relay still has to fan out is a queue of its own
 * (issue 7, throughput):
 *
 * - `event_relay_queue` holds (seq, id, tenant_id, type) of every committed event not relayed
 *   yet. A statement-level trigger on `events` fills it in the inserting statement, so every
 *   writer (API commands, imports, segment refreshes, the webhook engine) feeds it in its own
 *   transaction without knowing about it; a write's event and its queue row commit together.
 * - The relay deletes the queue rows it fans out, in the statement that writes the deliveries.
 *   Marking `events.relayed_at` instead was a non-HOT update of a wide row with three indexes
 *   (the column was in the unrelayed index's predicate): ~28 µs per event, and a dead tuple per
 *   event in the biggest table for vacuum to clean. A queue delete is ~3 µs; the trigger adds
 *   ~6 µs per event to a bulk insert and tens of µs to a one-event statement.
 * - `events.relayed_at` and its partial index go: the queue is the relay's backlog. A
 *   `webhook.test` event is never queued: it is for one endpoint, written with its delivery.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE event_relay_queue (
    seq bigint PRIMARY KEY, id uuid NOT NULL, tenant_id uuid NOT NULL, type text NOT NULL
  ) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000)`);
  await knex.raw(`
    CREATE FUNCTION herald_queue_events_for_relay() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO event_relay_queue (seq, id, tenant_id, type)
        SELECT n.seq, n.id, n.tenant_id, n.type FROM new_events n WHERE n.type <> 'webhook.test';
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE TRIGGER events_queue_for_relay AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION herald_queue_events_for_relay()`);
  await knex.raw(`INSERT INTO event_relay_queue (seq, id, tenant_id, type)
    SELECT seq, id, tenant_id, type FROM events WHERE relayed_at IS NULL AND type <> 'webhook.test'`);
  await knex.raw('DROP INDEX events_unrelayed');
  await knex.raw('ALTER TABLE events DROP COLUMN relayed_at');
}

/** Restores `events.relayed_at` (events still queued are unrelayed; every other one counts as relayed). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events ADD COLUMN relayed_at timestamptz');
  await knex.raw('UPDATE events e SET relayed_at = e.created_at WHERE NOT EXISTS (SELECT 1 FROM event_relay_queue q WHERE q.seq = e.seq)');
  await knex.raw('CREATE INDEX events_unrelayed ON events (seq) WHERE relayed_at IS NULL');
  await knex.raw('DROP TRIGGER events_queue_for_relay ON events');
  await knex.raw('DROP FUNCTION herald_queue_events_for_relay()');
  await knex.raw('DROP TABLE event_relay_queue');
}
