import type { Knex } from 'knex';

/**
 * Customer events (issue 16): what customers did, in the Segment spec's shape (track / identify),
 * for segment conditions and journeys.
 *
 * - `customer_events` is range-partitioned by month of `occurred_at`, so retention drops whole
 *   partitions and rule queries over "the last D days" read only the months they cover. A default
 *   partition takes events outside the monthly partitions (old backfills, or a month the
 *   partition schedule has not created yet; the schedule moves them out when it creates it).
 *   `customer_id` is null for events known only by `anonymous_id` until an identify merges them.
 * - `customer_event_ids` deduplicates `messageId` per tenant across partitions (a unique key on a
 *   partitioned table must include the partition key, and a repeat may carry another timestamp).
 * - `customer_event_names` keeps each name's count and last occurrence, so a marketer picking a
 *   name in a rule does not make Postgres scan every event.
 *
 * The months around the migration's date are created here (migrations keep their own copy of
 * the partition naming: they are history); `domain/customerEvents/partitions.ts` keeps them ahead.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE customer_events (
      id uuid NOT NULL,
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      customer_id uuid REFERENCES customers (id) ON DELETE CASCADE,
      anonymous_id text,
      name text NOT NULL,
      properties jsonb NOT NULL DEFAULT '{}'::jsonb,
      context jsonb,
      message_id text,
      occurred_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      backfill boolean NOT NULL DEFAULT false,
      PRIMARY KEY (occurred_at, id),
      CHECK (customer_id IS NOT NULL OR anonymous_id IS NOT NULL),
      CHECK (char_length(name) BETWEEN 1 AND 200)
    ) PARTITION BY RANGE (occurred_at)`);
  // Per customer: their timeline, and the one-customer evaluator's counts by name and time.
  await knex.raw('CREATE INDEX customer_events_customer ON customer_events (tenant_id, customer_id, name, occurred_at)');
  // Per name over the audience: the SQL evaluator's aggregate, and the names' last occurrence.
  await knex.raw('CREATE INDEX customer_events_name ON customer_events (tenant_id, name, occurred_at) INCLUDE (customer_id)');
  // Anonymous history, found again when an identify merges it into a customer.
  await knex.raw('CREATE INDEX customer_events_anonymous ON customer_events (tenant_id, anonymous_id) WHERE customer_id IS NULL');
  await knex.raw('CREATE TABLE customer_events_default PARTITION OF customer_events DEFAULT');
  const now = new Date();
  for (let offset = -1; offset <= 3; offset++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const name = `customer_events_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
    await knex.raw(`CREATE TABLE ${name} PARTITION OF customer_events FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`);
  }

  await knex.raw(`
    CREATE TABLE customer_event_ids (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      message_id text NOT NULL,
      event_id uuid NOT NULL,
      customer_id uuid,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, message_id)
    )`);
  await knex.raw('CREATE INDEX customer_event_ids_received ON customer_event_ids (received_at)');

  await knex.raw(`
    CREATE TABLE customer_event_names (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      name text NOT NULL,
      count bigint NOT NULL DEFAULT 0,
      first_seen_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, name)
    )`);
}

/** Drops the three tables (and every partition with the first). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS customer_event_names');
  await knex.raw('DROP TABLE IF EXISTS customer_event_ids');
  await knex.raw('DROP TABLE IF EXISTS customer_events');
}
