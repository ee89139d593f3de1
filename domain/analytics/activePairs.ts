import type { Knex } from 'knex';

/**
 * Active customers (distinct customers who ordered in a range) from rollups, exactly: a customer
 * is active in [A, B) when one of their orders there follows an order placed before A (or is their
 * first), so active = orders in [A, B) − repeat orders in [A, B) whose previous order is at or
 * after A. `analytics_active_pairs` counts repeat orders per (local day of the previous order,
 * local day of the order) in each timezone asked for; this module writes it and its zones.
 */

/** Zones whose pairs a tenant keeps at most (the most recently requested); others are read live. */
export const MAX_ACTIVE_ZONES = 8;
/** A zone not requested for this many days is dropped with its pairs. */
export const ZONE_IDLE_DAYS = 30;

/** The previous order of the same customer: lag within the rows read, else the index (tenant_id, customer_id, placed_at). */
const WITH_PREVIOUS = (rows: string) => `
  SELECT w.customer_id, w.placed_at,
         coalesce(w.prev, (SELECT max(p.placed_at) FROM orders p WHERE p.tenant_id = w.tenant_id AND p.customer_id = w.customer_id AND p.placed_at < w.placed_at)) AS prev
  FROM (SELECT o.tenant_id, o.customer_id, o.placed_at, lag(o.placed_at) OVER (PARTITION BY o.customer_id ORDER BY o.placed_at) AS prev FROM ${rows}) w`;

/**
 * Records that a tenant asked for active customers in a timezone, so the schedule keeps that
 * zone's pairs (at most one write an hour per zone: the timestamp only has to show recent use).
 */
export async function noteZoneRequested(db: Knex, tenantId: string, timezone: string): Promise<void> {
  await db.raw(
    `INSERT INTO analytics_active_zones (tenant_id, timezone, requested_at) VALUES (?, ?, now())
     ON CONFLICT (tenant_id, timezone) DO UPDATE SET requested_at = excluded.requested_at
     WHERE analytics_active_zones.requested_at < now() - interval '1 hour'`,
    [tenantId, timezone],
  );
}

/**
 * Builds the pairs of the tenant's requested zones up to `until`, inside the rollup transaction:
 * from all history when `lower` is null (the daily rebuild) or the zone is new, else from the local
 * day of `lower` (the orders after it get their previous order by lag or one index probe). Zones
 * idle for ZONE_IDLE_DAYS are dropped; zones beyond the MAX_ACTIVE_ZONES most recent lose their
 * pairs and are read live until requested again.
 */
export async function materialiseActivePairs(trx: Knex.Transaction, tenantId: string, lower: Date | null, until: Date): Promise<void> {
  await trx('analytics_active_zones')
    .where('tenant_id', tenantId)
    .andWhere('requested_at', '<', trx.raw(`now() - make_interval(days => ?)`, [ZONE_IDLE_DAYS]))
    .delete();
  const zones: Array<{ timezone: string; materialised_until: Date | null }> = await trx('analytics_active_zones')
    .where('tenant_id', tenantId)
    .orderBy([{ column: 'requested_at', order: 'desc' }, { column: 'timezone' }])
    .select('timezone', 'materialised_until');
  const kept = zones.slice(0, MAX_ACTIVE_ZONES);
  const dropped = zones.slice(MAX_ACTIVE_ZONES).map((z) => z.timezone);
  if (dropped.length) {
    await trx('analytics_active_pairs').where('tenant_id', tenantId).whereIn('timezone', dropped).delete();
    await trx('analytics_active_zones').where('tenant_id', tenantId).whereIn('timezone', dropped).update({ materialised_until: null });
  }
  for (const zone of kept) {
    const tz = zone.timezone;
    if (lower === null || zone.materialised_until === null) {
      await trx('analytics_active_pairs').where({ tenant_id: tenantId, timezone: tz }).delete();
      await trx.raw(
        `INSERT INTO analytics_active_pairs (tenant_id, timezone, prev_day, day, repeat_orders)
         SELECT ?, ?, (prev AT TIME ZONE ?)::date, (placed_at AT TIME ZONE ?)::date, count(*)
         FROM (SELECT placed_at, lag(placed_at) OVER (PARTITION BY customer_id ORDER BY placed_at) AS prev
               FROM orders WHERE tenant_id = ? AND placed_at < ?) x
         WHERE prev IS NOT NULL GROUP BY 3, 4`,
        [tenantId, tz, tz, tz, tenantId, until],
      );
    } else {
      const { rows } = await trx.raw<{ rows: Array<{ day: string; from: Date }> }>(
        `SELECT d::text AS day, d::timestamp AT TIME ZONE ? AS from FROM (SELECT (?::timestamptz AT TIME ZONE ?)::date AS d) x`,
        [tz, lower, tz],
      );
      const { day, from } = rows[0]!;
      await trx('analytics_active_pairs').where({ tenant_id: tenantId, timezone: tz }).andWhere('day', '>=', day).delete();
      await trx.raw(
        `INSERT INTO analytics_active_pairs (tenant_id, timezone, prev_day, day, repeat_orders)
         SELECT ?, ?, (prev AT TIME ZONE ?)::date, (placed_at AT TIME ZONE ?)::date, count(*)
         FROM (${WITH_PREVIOUS('orders o WHERE o.tenant_id = ? AND o.placed_at >= ? AND o.placed_at < ?')}) x
         WHERE prev IS NOT NULL GROUP BY 3, 4`,
        [tenantId, tz, tz, tz, tenantId, from, until],
      );
    }
    await trx('analytics_active_zones').where({ tenant_id: tenantId, timezone: tz }).update({ materialised_until: until });
  }
}

/** One range whose active customers are wanted: local days [from, to) and the key the answer carries. */
export interface ActiveRange {
  key: string;
  from: string;
  to: string;
}

/**
 * Active customers of each range in `timezone` from the zone's pairs and the order slots before the
 * zone's watermark, plus the orders placed since (the live tail, each with its previous order), all
 * in one statement so one snapshot is read. Null when the zone has no pairs yet (the caller then
 * counts from the orders index).
 */
export async function activeFromPairs(db: Knex, tenantId: string, timezone: string, ranges: ActiveRange[]): Promise<Map<string, number> | null> {
  const { rows } = await db.raw<{ rows: Array<{ key: string; active: number }> }>(
    `WITH q AS (SELECT ?::uuid AS t, ?::text AS tz),
     z AS (SELECT z.materialised_until AS w FROM analytics_active_zones z, q WHERE z.tenant_id = q.t AND z.timezone = q.tz AND z.materialised_until IS NOT NULL),
     k AS (SELECT u.key, u.a, u.b, u.a::timestamp AT TIME ZONE q.tz AS a_at, u.b::timestamp AT TIME ZONE q.tz AS b_at
           FROM unnest(?::text[], ?::date[], ?::date[]) AS u(key, a, b), q),
     tail AS (${WITH_PREVIOUS('orders o, q, z WHERE o.tenant_id = q.t AND o.placed_at >= z.w AND o.placed_at < (SELECT max(b_at) FROM k)')})
     SELECT k.key,
       ((SELECT coalesce(sum(s.orders), 0) FROM analytics_order_slots s WHERE s.tenant_id = q.t AND s.slot >= k.a_at AND s.slot < least(k.b_at, z.w))
        + (SELECT count(*) FROM tail WHERE tail.placed_at >= k.a_at AND tail.placed_at < k.b_at)
        - (SELECT coalesce(sum(p.repeat_orders), 0) FROM analytics_active_pairs p
           WHERE p.tenant_id = q.t AND p.timezone = q.tz AND p.prev_day >= k.a AND p.prev_day < k.b AND p.day < k.b)
        - (SELECT count(*) FROM tail WHERE tail.prev >= k.a_at AND tail.placed_at < k.b_at))::int AS active
     FROM q, z, k`,
    [tenantId, timezone, ranges.map((r) => r.key), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  return rows.length ? new Map(rows.map((r) => [r.key, r.active])) : null;
}
