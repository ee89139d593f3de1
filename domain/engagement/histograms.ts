import type { Knex } from 'knex';
import { HISTORY_DAYS, MAX_OPENS_PER_CUSTOMER, MIN_CUSTOMER_OPENS, minimumPeakTable } from './model';

/**
 * The best-hour model's reads: opens from the campaign ledger (`campaign_recipients.opened_at`,
 * index `campaign_recipients_opens`), counted by hour of day in each customer's timezone. Every
 * read takes the model's window and per-customer bound, so its cost follows the customers read,
 * never the tenant's whole ledger.
 */

/** SQL and bindings, to be spliced into a larger statement. */
export interface SqlFragment {
  sql: string;
  bindings: Knex.Value[];
}

/** The instants that bound the history read at `now`: the last {@link HISTORY_DAYS} days. */
export function historyWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - HISTORY_DAYS * 86_400_000), to: now };
}

/**
 * `CROSS JOIN LATERAL (…) tz`: the zone customer `c` is counted and sent in — their own when
 * Postgres knows it, else the tenant's default (`tenantZone`, else UTC). The same order as the
 * quiet-hours policy. The zone list is read once per statement (a hashed subplan).
 */
export function customerZoneJoin(tenantZone: string | null | undefined): SqlFragment {
  return {
    sql: `CROSS JOIN LATERAL (SELECT CASE WHEN c.timezone IN (SELECT name FROM pg_timezone_names) THEN c.timezone ELSE ?::text END AS zone) tz`,
    bindings: [tenantZone || 'UTC'],
  };
}

/** The latest opens (≤ the bound) of customer `c` in the window, as `SELECT opened_at …` (alias it). */
function latestOpensSql(window: { from: Date; to: Date }): SqlFragment {
  return {
    sql: `SELECT e.opened_at FROM campaign_recipients e
           WHERE e.tenant_id = c.tenant_id AND e.customer_id = c.id AND e.opened_at IS NOT NULL
             AND e.opened_at > ?::timestamptz AND e.opened_at <= ?::timestamptz
           ORDER BY e.opened_at DESC LIMIT ${MAX_OPENS_PER_CUSTOMER}`,
    bindings: [window.from, window.to],
  };
}

/**
 * `LEFT JOIN LATERAL (…) best`: customer `c`'s best hour as `best.hour` (null when the model finds
 * none), after {@link customerZoneJoin}. The SQL twin of `decideBestHour(…, MIN_CUSTOMER_OPENS)`:
 * the peak hour (earliest on a tie) of at least the minimum opens that reaches the precomputed
 * minimum peak for its number of opens.
 */
export function customerBestHourJoin(now: Date): SqlFragment {
  const opens = latestOpensSql(historyWindow(now));
  return {
    sql: `LEFT JOIN LATERAL (
            SELECT ranked.hour FROM (
              SELECT per_hour.hour, per_hour.n, sum(per_hour.n) OVER ()::int AS total
                FROM (SELECT extract(hour FROM o.opened_at AT TIME ZONE tz.zone)::int AS hour, count(*)::int AS n
                        FROM (${opens.sql}) o GROUP BY 1) per_hour
            ) ranked
            WHERE ranked.total >= ? AND ranked.n >= (?::int[])[ranked.total]
            ORDER BY ranked.n DESC, ranked.hour LIMIT 1
          ) best ON true`,
    bindings: [...opens.bindings, MIN_CUSTOMER_OPENS, minimumPeakTable()],
  };
}

/** Opens by local hour (24 slots) and how many customers they came from. */
export interface HourHistogram {
  histogram: number[];
  customers: number;
}

/** Folds `(hour, n, customers)` rows of a GROUPING SETS ((hour), ()) query into a histogram. */
function toHistogram(rows: { hour: number | null; n: number; customers: number }[]): HourHistogram {
  const histogram = Array.from({ length: 24 }, () => 0);
  let customers = 0;
  for (const r of rows) {
    if (r.hour === null) customers = r.customers;
    else histogram[r.hour] = r.n;
  }
  return { histogram, customers };
}

/**
 * Opens by local hour of the customers `membersSql` selects (a `SELECT customer_id …` of the
 * tenant), each customer counted in their own zone with the model's window and bound.
 */
export async function histogramOf(db: Knex, tenantId: string, membersSql: SqlFragment, tenantZone: string | null, now: Date): Promise<HourHistogram> {
  const zone = customerZoneJoin(tenantZone);
  const opens = latestOpensSql(historyWindow(now));
  const { rows } = await db.raw(
    `SELECT per_customer.hour, sum(per_customer.n)::int AS n, count(DISTINCT per_customer.customer_id)::int AS customers
       FROM (SELECT c.id AS customer_id, extract(hour FROM o.opened_at AT TIME ZONE tz.zone)::int AS hour, count(*)::int AS n
               FROM (${membersSql.sql}) m
               JOIN customers c ON c.id = m.customer_id AND c.tenant_id = ?
               ${zone.sql}
               CROSS JOIN LATERAL (${opens.sql}) o
              GROUP BY 1, 2) per_customer
      GROUP BY GROUPING SETS ((per_customer.hour), ())`,
    [...membersSql.bindings, tenantId, ...zone.bindings, ...opens.bindings],
  );
  return toHistogram(rows);
}
