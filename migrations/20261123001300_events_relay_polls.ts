import type { Knex } from 'knex';

/**
 * Event-writing transactions stop sending NOTIFY. Postgres serialises the commits of all
 * transactions that issued a NOTIFY (one cluster-wide lock held through the commit's WAL flush,
 * so group commit cannot batch them): measured with pgbench here, 10 clients inserting one row
 * per transaction commit ~8,000/s without a NOTIFY and ~2,600/s with one. Every API write appends
 * an event, so the trigger capped the whole write path. The webhook relay now polls the unrelayed
 * events (an indexed, usually empty read) every 100 ms instead of being woken.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER IF EXISTS events_notify ON events');
  await knex.raw('DROP FUNCTION IF EXISTS herald_notify_events()');
}

/** Restores the per-statement NOTIFY on events. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION herald_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('herald_events', ''); RETURN NULL; END $$`);
  await knex.raw('CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION herald_notify_events()');
}
