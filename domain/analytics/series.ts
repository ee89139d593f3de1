import type { Knex } from 'knex';
import { validationFailed } from '../../lib/errors';
import { activeFromPairs, noteZoneRequested, type ActiveRange } from './activePairs';
import { dayAfter, type AnalyticsRange } from './range';
import { UNPAID_STATUSES } from './rollups';

/** One bucket's row from a grouped query: `bucket` is the local first day, null for the previous range. */
type Grouped<T> = T & { bucket: string | null };

/**
 * The range's instants in SQL: local midnights of the previous range's start, the range's start
 * and the day after its end, in the request's timezone (DST-aware: Postgres applies the offset of
 * each instant). Bound as ?-parameters in this order: previous start, start, end + 1, timezone x3.
 */
const BOUNDS_SQL = `(SELECT ?::date::timestamp AT TIME ZONE ? AS prev_from, ?::date::timestamp AT TIME ZONE ? AS from_, ?::date::timestamp AT TIME ZONE ? AS to_) b`;
const boundsOf = (r: AnalyticsRange) => [r.previous.startDate, r.timezone, r.startDate, r.timezone, dayAfter(r.endDate), r.timezone];
/** The bucket of an instant column, or null when it falls in the previous range. */
const bucketOf = (column: string) => `CASE WHEN ${column} < b.from_ THEN NULL ELSE to_char(date_trunc(?, ${column} AT TIME ZONE ?), 'YYYY-MM-DD') END`;

/** Zones Postgres has accepted (its zone database may lag the runtime's, which resolveRange checked). */
const zonesKnown = new Set<string>(['UTC']);

/** Refuses (422) a timezone the runtime knows but Postgres does not, instead of failing the query. */
export async function assertZoneKnownToPostgres(db: Knex, timezone: string): Promise<void> {
  if (zonesKnown.has(timezone)) return;
  try {
    await db.raw('SELECT now() AT TIME ZONE ?', [timezone]);
  } catch (err) {
    if ((err as { code?: string }).code !== '22023') throw err;
    const message = `Unknown timezone ${JSON.stringify(timezone)}: use an IANA name such as Europe/Paris`;
    throw validationFailed([{ location: 'query', path: 'timezone', message }], message);
  }
  zonesKnown.add(timezone);
}

/** When the rollups of a tenant were last materialised, and up to which instant they hold. */
export async function rollupState(db: Knex, tenantId: string): Promise<{ until: Date | null; at: Date | null }> {
  const row = await db('analytics_rollup_state').where('tenant_id', tenantId).first('materialised_until', 'materialised_at');
  return { until: row?.materialised_until ?? null, at: row?.materialised_at ?? null };
}

/** Rows of the base tables after the watermark are read live; without one, everything is. */
const watermarkOf = (until: Date | null) => (until ? until.toISOString() : '-infinity');

/**
 * Orders, paid orders and revenue (text, exact) per bucket and for the previous range: the order
 * slots before the watermark plus the orders placed since (the (tenant_id, placed_at) index).
 */
export async function orderBuckets(db: Knex, tenantId: string, r: AnalyticsRange, until: Date | null) {
  const w = watermarkOf(until);
  const { rows } = await db.raw<{ rows: Array<Grouped<{ orders: number; paid_orders: number; revenue: string }>> }>(
    `SELECT bucket, sum(orders)::int AS orders, sum(paid_orders)::int AS paid_orders, sum(revenue)::text AS revenue
     FROM (
       SELECT ${bucketOf('s.slot')} AS bucket, s.orders, s.paid_orders, s.revenue
       FROM analytics_order_slots s, ${BOUNDS_SQL}
       WHERE s.tenant_id = ? AND s.slot >= b.prev_from AND s.slot < least(b.to_, ?::timestamptz)
       UNION ALL
       SELECT ${bucketOf('o.placed_at')}, 1, (o.status NOT IN ${UNPAID_STATUSES})::int,
              CASE WHEN o.status NOT IN ${UNPAID_STATUSES} THEN o.total ELSE 0 END
       FROM orders o, ${BOUNDS_SQL}
       WHERE o.tenant_id = ? AND o.placed_at >= greatest(b.prev_from, ?::timestamptz) AND o.placed_at < b.to_
     ) x
     GROUP BY bucket`,
    [r.period, r.timezone, ...boundsOf(r), tenantId, w, r.period, r.timezone, ...boundsOf(r), tenantId, w],
  );
  return rows;
}

/** New customers (created in the bucket and not deleted) per bucket and for the previous range: slots plus the live tail. */
export async function newCustomerBuckets(db: Knex, tenantId: string, r: AnalyticsRange, until: Date | null) {
  const w = watermarkOf(until);
  const { rows } = await db.raw<{ rows: Array<Grouped<{ new_customers: number }>> }>(
    `SELECT bucket, sum(n)::int AS new_customers
     FROM (
       SELECT ${bucketOf('s.slot')} AS bucket, s.new_customers AS n
       FROM analytics_customer_slots s, ${BOUNDS_SQL}
       WHERE s.tenant_id = ? AND s.slot >= b.prev_from AND s.slot < least(b.to_, ?::timestamptz)
       UNION ALL
       SELECT ${bucketOf('c.created_at')}, 1
       FROM customers c, ${BOUNDS_SQL}
       WHERE c.tenant_id = ? AND c.deleted_at IS NULL AND c.created_at >= greatest(b.prev_from, ?::timestamptz) AND c.created_at < b.to_
     ) x
     GROUP BY bucket`,
    [r.period, r.timezone, ...boundsOf(r), tenantId, w, r.period, r.timezone, ...boundsOf(r), tenantId, w],
  );
  return rows;
}

/**
 * Active customers (distinct customers with at least one order placed in the bucket, any status)
 * per bucket, for the whole range and for the previous range, counted from the orders index that
 * carries customer_id (an index-only scan of both ranges): the answer when the timezone has no
 * pairs yet. `total` rows (bucket null, previous false/true) are the range's and the previous range's.
 */
async function liveActiveCustomers(db: Knex, tenantId: string, r: AnalyticsRange) {
  const { rows } = await db.raw<{ rows: Array<{ previous: boolean; bucket: string | null; active: number }> }>(
    `SELECT previous, bucket, count(DISTINCT customer_id)::int AS active
     FROM (
       SELECT o.placed_at < b.from_ AS previous, ${bucketOf('o.placed_at')} AS bucket, o.customer_id
       FROM orders o, ${BOUNDS_SQL}
       WHERE o.tenant_id = ? AND o.placed_at >= b.prev_from AND o.placed_at < b.to_
     ) x
     GROUP BY GROUPING SETS ((previous, bucket), (previous))`,
    [r.period, r.timezone, ...boundsOf(r), tenantId],
  );
  const at = (previous: boolean, bucket: string | null) => rows.find((a) => a.previous === previous && a.bucket === bucket)?.active ?? 0;
  return { buckets: new Map(r.buckets.map((b) => [b, at(false, b)])), total: at(false, null), previous: at(true, null) };
}

const TOTAL = 'total';
const PREVIOUS = 'previous';

/**
 * Active customers per bucket, in the range and in the previous range: exact, from the timezone's
 * rollup pairs plus the live tail (activePairs.ts) once the schedule has built them, from the
 * orders index before that. Notes the timezone as requested, so the next run builds its pairs.
 */
export async function activeCustomers(db: Knex, tenantId: string, r: AnalyticsRange) {
  await noteZoneRequested(db, tenantId, r.timezone);
  const end = dayAfter(r.endDate);
  const ranges: ActiveRange[] = [
    ...r.buckets.map((label, i) => ({ key: label, from: label < r.startDate ? r.startDate : label, to: r.buckets[i + 1] ?? end })),
    { key: TOTAL, from: r.startDate, to: end },
    { key: PREVIOUS, from: r.previous.startDate, to: r.startDate },
  ];
  const counts = await activeFromPairs(db, tenantId, r.timezone, ranges);
  if (!counts) return liveActiveCustomers(db, tenantId, r);
  return { buckets: new Map(r.buckets.map((b) => [b, counts.get(b) ?? 0])), total: counts.get(TOTAL) ?? 0, previous: counts.get(PREVIOUS) ?? 0 };
}

/** Sends, opens and clicks per campaign and bucket (previous range: bucket null), from the campaign slots only. */
export async function campaignBuckets(db: Knex, tenantId: string, r: AnalyticsRange) {
  const { rows } = await db.raw<{ rows: Array<Grouped<{ campaign_id: string; sent: number; opened: number; clicked: number }>> }>(
    `SELECT s.campaign_id, ${bucketOf('s.slot')} AS bucket, sum(s.sent)::int AS sent, sum(s.opened)::int AS opened, sum(s.clicked)::int AS clicked
     FROM analytics_campaign_slots s, ${BOUNDS_SQL}
     WHERE s.tenant_id = ? AND s.slot >= b.prev_from AND s.slot < b.to_
     GROUP BY 1, 2`,
    [r.period, r.timezone, ...boundsOf(r), tenantId],
  );
  return rows;
}

/**
 * Each segment's snapshots in the previous range and the range, oldest first, with the bucket of
 * the snapshot's time (null in the previous range).
 */
export async function segmentSnapshots(db: Knex, tenantId: string, r: AnalyticsRange) {
  const { rows } = await db.raw<{ rows: Array<Grouped<{ segment_id: string; members: number }>> }>(
    `SELECT s.segment_id, ${bucketOf('s.taken_at')} AS bucket, s.members
     FROM segment_size_snapshots s, ${BOUNDS_SQL}
     WHERE s.tenant_id = ? AND s.taken_at >= b.prev_from AND s.taken_at < b.to_
     ORDER BY s.segment_id, s.taken_at`,
    [r.period, r.timezone, ...boundsOf(r), tenantId],
  );
  return rows;
}
