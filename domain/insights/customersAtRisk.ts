import { round } from './statistics';
import type { InsightProducer, InsightQuery } from './types';

/** A customer needs this many paid orders to have a usual gap (two gaps to average). */
export const AT_RISK_MIN_ORDERS = 3;
/**
 * Overdue when the time since the last order exceeds 3 × the usual gap: for a customer who orders
 * at random at their usual rate (a Poisson process), the chance of such a silence is e^−3 ≈ 5 %.
 */
export const AT_RISK_GAP_FACTOR = 3;
/** A usual gap under a day (several orders at once) says nothing about a rhythm: such customers are not judged. */
export const AT_RISK_MIN_GAP_DAYS = 1;
/** Customers silent for longer than this are lapsed, not at risk, and are left out (it also bounds the scan). */
export const AT_RISK_LOOKBACK_DAYS = 365;
/** Fewer customers at risk than this is not reported. */
export const AT_RISK_MIN_CUSTOMERS = 5;

const DAY_MS = 86_400_000;

/**
 * Counts, among customers with ≥ 3 paid orders whose last one lies within the lookback, those whose
 * silence exceeds 3 × their own usual gap ((last − first) / (paid orders − 1), from the cached
 * order statistics on `customers`, so no order is read), with the revenue they represent: their
 * lifetime spend, and what their usual rhythm would bring in one period (average order value ×
 * period / gap). Seconds are date_part's float8, not extract's numeric (ten times slower over
 * 200,000 customers). The range on last_order_at repeats the expression of the customers_sort_last_order_at index.
 */
async function atRiskFigures(q: InsightQuery) {
  const { rows } = await q.db.raw<{ rows: Array<{ eligible: number; at_risk: number; lifetime: string; expected: string; median_gap_days: number | null }> }>(
    `SELECT count(*)::int AS eligible,
            count(*) FILTER (WHERE overdue)::int AS at_risk,
            coalesce(sum(total_spent) FILTER (WHERE overdue), 0)::text AS lifetime,
            coalesce(sum(average_order_value * ? / gap_seconds) FILTER (WHERE overdue), 0)::text AS expected,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY gap_seconds / 86400) FILTER (WHERE overdue) AS median_gap_days
       FROM (SELECT c.total_spent, c.average_order_value, g.gap_seconds,
                    date_part('epoch', ?::timestamptz - c.last_order_at) > ? * g.gap_seconds AS overdue
               FROM customers c
               CROSS JOIN LATERAL (SELECT date_part('epoch', c.last_order_at - c.first_order_at) / (c.paid_orders - 1) AS gap_seconds) g
              WHERE c.tenant_id = ? AND c.deleted_at IS NULL
                AND coalesce(c.last_order_at, '-infinity'::timestamptz) >= ? AND coalesce(c.last_order_at, '-infinity'::timestamptz) < ?
                AND c.paid_orders >= ? AND c.first_order_at IS NOT NULL
                AND g.gap_seconds >= ?) x`,
    [
      q.periodDays * 86_400,
      q.now,
      AT_RISK_GAP_FACTOR,
      q.tenantId,
      new Date(q.now.getTime() - AT_RISK_LOOKBACK_DAYS * DAY_MS),
      q.now,
      AT_RISK_MIN_ORDERS,
      AT_RISK_MIN_GAP_DAYS * 86_400,
    ],
  );
  const r = rows[0]!;
  return { eligible: r.eligible, atRisk: r.at_risk, lifetime: Number(r.lifetime), expected: Number(r.expected), medianGapDays: r.median_gap_days };
}

/** Customers whose time since their last order is beyond their own usual inter-order gap. */
export const customersAtRisk: InsightProducer = {
  type: 'customers_at_risk',
  async produce(q) {
    const f = await atRiskFigures(q);
    if (f.atRisk < AT_RISK_MIN_CUSTOMERS) return [];
    const gap = round(f.medianGapDays ?? 0, 1);
    return [
      {
        type: 'customers_at_risk',
        subject: { kind: 'customers', id: null, name: 'customers at risk' },
        title: `${f.atRisk} regular customers are overdue for their next order`,
        description:
          `${f.atRisk} of ${f.eligible} customers with a regular ordering rhythm have not ordered for more than ${AT_RISK_GAP_FACTOR} times their usual gap ` +
          `(median usual gap ${gap} days). They spent ${round(f.lifetime)} in total and would bring about ${round(f.expected)} every ${q.periodDays} days at their usual pace.`,
        recommendation: `Send these customers a win-back message (a reminder or an offer on what they usually buy) before they lapse for good.`,
        affectedCustomers: f.atRisk,
        effect: 1,
        metric: { name: 'customersAtRisk', current: f.atRisk, previous: null, change: null },
        evidence: {
          window: { from: new Date(q.now.getTime() - AT_RISK_LOOKBACK_DAYS * DAY_MS), to: q.now },
          previousWindow: null,
          counts: {
            eligibleCustomers: f.eligible,
            customersAtRisk: f.atRisk,
            lifetimeRevenue: round(f.lifetime),
            expectedRevenuePerPeriod: round(f.expected),
            medianUsualGapDays: gap,
          },
        },
      },
    ];
  },
};
