import type { Knex } from 'knex';
import { markEventSegmentsPending } from '../segments/repo';
import { DEFAULT_EVENT_RETENTION_MONTHS, EVENT_RETENTION_SQL } from '../tenants/settings';

/**
 * Upkeep of `customer_events`' monthly partitions (migration 20261205000200), run daily by a
 * Temporal schedule (workflows/customerEventPartitions.ts):
 *
 * 1. Retention: partitions that end before the longest tenant retention (default 13 months) are
 *    dropped whole; a tenant with a shorter retention has its older rows deleted; rows that old
 *    in the default partition are deleted too. Segments with event conditions in the tenants whose
 *    events went are marked for a refresh: their counts may have changed with nothing tracked.
 * 2. Partitions: the current month and the next `monthsAhead` exist, and so does every month
 *    within retention that has rows in the default partition (backfills, or a month the job had
 *    not created yet): such a month is created apart, its rows moved into it, and then attached.
 * 3. messageId claims older than 35 days are pruned (deduplication holds at least 30 days).
 *
 * Name counts (`customer_event_names`) are counts of events received, and are not lowered by
 * retention.
 */

/** How long a messageId claim is kept: a repeat within this window is deduplicated. */
export const MESSAGE_ID_DAYS = 35;

/** What one upkeep pass did. */
export interface PartitionPass {
  created: string[];
  /** Rows moved out of the default partition into the partitions created. */
  moved: number;
  dropped: string[];
  /** Rows deleted by retention (shorter tenant retentions and the default partition). */
  deleted: number;
  /** Segments with event conditions marked for a refresh because retention deleted events. */
  segmentsMarked: number;
  prunedMessageIds: number;
}

/** The partition holding the month that starts at `start` (UTC). */
export const partitionName = (start: Date) => `customer_events_${start.getUTCFullYear()}_${String(start.getUTCMonth() + 1).padStart(2, '0')}`;

/** The first instant of the UTC month `offset` months from `at`'s month. */
const monthStart = (at: Date, offset = 0) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));

/** `at` moved back `months` calendar months (day clamped by Date's own arithmetic). */
const monthsBefore = (at: Date, months: number) => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/** The monthly partitions that exist, by name, with the month each starts. */
async function monthlyPartitions(db: Knex): Promise<Map<string, Date>> {
  const { rows } = await db.raw<{ rows: Array<{ relname: string }> }>(
    `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'customer_events'::regclass AND c.relname ~ '^customer_events_[0-9]{4}_[0-9]{2}$'`,
  );
  return new Map(
    rows.map((r) => {
      const [, year, month] = /^customer_events_(\d{4})_(\d{2})$/.exec(r.relname)!;
      return [r.relname, new Date(Date.UTC(Number(year), Number(month) - 1, 1))];
    }),
  );
}

/** Retention: drops whole partitions past the longest retention, deletes rows past each tenant's own. */
async function applyRetention(
  db: Knex,
  now: Date,
  existing: Map<string, Date>,
): Promise<{ dropped: string[]; deleted: number; cutoff: Date; touched: string[] | 'all' }> {
  const { rows: retentions } = await db.raw<{ rows: Array<{ tenant_id: string; months: number }> }>(EVENT_RETENTION_SQL);
  const longest = Math.max(0, ...retentions.map((r) => r.months)) || DEFAULT_EVENT_RETENTION_MONTHS;
  const cutoff = monthsBefore(now, longest);
  const dropped: string[] = [];
  for (const [name, start] of existing) {
    if (monthStart(start, 1) > cutoff) continue;
    await db.raw(`DROP TABLE ${name}`);
    existing.delete(name);
    dropped.push(name);
  }
  let deleted = (await db.raw('DELETE FROM customer_events_default WHERE occurred_at < ?', [cutoff])).rowCount as number;
  // Dropped partitions and the default partition hold every tenant's events; the rest are per tenant.
  const touched: string[] = [];
  const everyone = dropped.length > 0 || deleted > 0;
  for (const t of retentions.filter((r) => r.months < longest)) {
    const rows = (await db.raw('DELETE FROM customer_events WHERE tenant_id = ? AND occurred_at < ?', [t.tenant_id, monthsBefore(now, t.months)]))
      .rowCount as number;
    deleted += rows;
    if (rows > 0) touched.push(t.tenant_id);
  }
  return { dropped, deleted, cutoff, touched: everyone ? 'all' : touched };
}

/**
 * Creates one month's partition in one transaction: a table like the parent, the default
 * partition's rows of that month moved into it, then attached (Postgres refuses to create a
 * partition whose rows still sit in the default one). Answers the rows moved.
 */
async function createMonth(db: Knex, start: Date): Promise<number> {
  const name = partitionName(start);
  const end = monthStart(start, 1);
  return db.transaction(async (trx) => {
    await trx.raw(`CREATE TABLE ${name} (LIKE customer_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    const moved = await trx.raw(
      `WITH moved AS (DELETE FROM customer_events_default WHERE occurred_at >= ? AND occurred_at < ? RETURNING *) INSERT INTO ${name} SELECT * FROM moved`,
      [start, end],
    );
    await trx.raw(`ALTER TABLE customer_events ATTACH PARTITION ${name} FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`);
    return moved.rowCount as number;
  });
}

/**
 * One upkeep pass at `now` (the caller's clock: the activity passes the worker's, tests their
 * own). Safe to repeat: every step looks at what exists first.
 */
export async function maintainCustomerEventPartitions(db: Knex, now: Date, monthsAhead = 3): Promise<PartitionPass> {
  const existing = await monthlyPartitions(db);
  const { dropped, deleted, cutoff, touched } = await applyRetention(db, now, existing);
  const segmentsMarked = (await markEventSegmentsPending(db, touched)).length;
  const wanted = new Map<string, Date>();
  for (let offset = 0; offset <= monthsAhead; offset++) wanted.set(partitionName(monthStart(now, offset)), monthStart(now, offset));
  const { rows: stranded } = await db.raw<{ rows: Array<{ month: Date }> }>(
    `SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month FROM customer_events_default`,
  );
  for (const { month } of stranded) if (monthStart(month, 1) > cutoff) wanted.set(partitionName(month), monthStart(month));
  const created: string[] = [];
  let moved = 0;
  for (const [name, start] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    if (existing.has(name)) continue;
    moved += await createMonth(db, start);
    created.push(name);
  }
  const pruned = await db.raw('DELETE FROM customer_event_ids WHERE received_at < ?', [new Date(now.getTime() - MESSAGE_ID_DAYS * 86400000)]);
  return { created, moved, dropped, deleted, segmentsMarked, prunedMessageIds: pruned.rowCount as number };
}
