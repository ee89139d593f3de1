import type { Knex } from 'knex';

/**
 * Name counts in shards (issue 16's ingest benchmark). Every batch of events upserts the count
 * rows of its names, and holds their row locks until its commit (the WAL flush included), so with
 * one row per (tenant, name) every concurrent batch of a tenant waited for the one before it:
 * about 30 batches a second, whatever the cores. Each batch now adds to one of a few rows per
 * name (`shard`, picked at random by the writer), and readers add the shards up.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE customer_event_names ADD COLUMN shard smallint NOT NULL DEFAULT 0');
  await knex.raw('ALTER TABLE customer_event_names DROP CONSTRAINT customer_event_names_pkey');
  await knex.raw('ALTER TABLE customer_event_names ADD PRIMARY KEY (tenant_id, name, shard)');
}

/** Back to one row per name: the shards are added up into shard 0 first. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE customer_event_names c SET count = s.count, first_seen_at = s.first_seen_at, last_seen_at = s.last_seen_at
    FROM (SELECT tenant_id, name, sum(count)::bigint AS count, min(first_seen_at) AS first_seen_at, max(last_seen_at) AS last_seen_at
          FROM customer_event_names GROUP BY tenant_id, name) s
    WHERE c.tenant_id = s.tenant_id AND c.name = s.name AND c.shard = 0`);
  await knex.raw(`
    INSERT INTO customer_event_names (tenant_id, name, count, first_seen_at, last_seen_at, shard)
    SELECT tenant_id, name, sum(count)::bigint, min(first_seen_at), max(last_seen_at), 0 FROM customer_event_names
    GROUP BY tenant_id, name HAVING bool_and(shard <> 0)`);
  await knex.raw('DELETE FROM customer_event_names WHERE shard <> 0');
  await knex.raw('ALTER TABLE customer_event_names DROP CONSTRAINT customer_event_names_pkey');
  await knex.raw('ALTER TABLE customer_event_names DROP COLUMN shard');
  await knex.raw('ALTER TABLE customer_event_names ADD PRIMARY KEY (tenant_id, name)');
}
