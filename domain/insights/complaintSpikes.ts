import { percent, poissonCountZ, relativeChange, round, Z_CRITICAL } from './statistics';
import type { InsightProducer, InsightQuery } from './types';

/** The current window needs at least this many complaints in the category. */
export const COMPLAINTS_MIN_CURRENT = 10;
/** A spike is at least 1.5 × the previous window's count (a 50 % rise). */
export const COMPLAINTS_MIN_CHANGE = 0.5;

/** The label of complaints filed without a category. */
export const UNCATEGORISED = 'uncategorised';

/**
 * Complaint conversations (issue 18) opened in each window, per category, with distinct
 * customers. Bounded by the windows through the conversations (tenant_id, created_at) WHERE
 * type = 'complaint' index of migration 20261208000400.
 */
async function complaintCounts(q: InsightQuery) {
  const { rows } = await q.db.raw<{ rows: Array<{ category: string; current: number; previous: number; customers: number }> }>(
    `SELECT coalesce(nullif(btrim(category), ''), ?) AS category,
            count(*) FILTER (WHERE created_at >= ?)::int AS current,
            count(*) FILTER (WHERE created_at < ?)::int AS previous,
            count(DISTINCT customer_id) FILTER (WHERE created_at >= ?)::int AS customers
       FROM conversations
      WHERE tenant_id = ? AND type = 'complaint' AND created_at >= ? AND created_at < ?
      GROUP BY 1 ORDER BY 1`,
    [UNCATEGORISED, q.window.from, q.window.from, q.window.from, q.tenantId, q.previousWindow.from, q.window.to],
  );
  return rows;
}

/** Complaint categories whose count rose beyond chance (Poisson rate test) period over period. */
export const complaintSpikes: InsightProducer = {
  type: 'complaint_spike',
  async produce(q) {
    return (await complaintCounts(q)).flatMap((r) => {
      const z = poissonCountZ(r.current, r.previous);
      const change = relativeChange(r.current, r.previous);
      // A category with no complaint before has no ratio: its rise is judged by the test alone.
      if (r.current < COMPLAINTS_MIN_CURRENT || z < Z_CRITICAL || (change !== null && change < COMPLAINTS_MIN_CHANGE)) return [];
      return [
        {
          type: 'complaint_spike' as const,
          subject: { kind: 'complaint_category' as const, id: null, name: r.category },
          title: change === null ? `New complaints about ${r.category}` : `Complaints about ${r.category} rose ${percent(change)}`,
          description: `${r.current} complaints about ${r.category} in the last ${q.periodDays} days against ${r.previous} in the ${q.periodDays} days before (from ${r.customers} customers; z = ${round(z)}).`,
          recommendation: `Look into what changed for ${r.category} (a product, a supplier, a delivery route) and answer the open complaints first.`,
          affectedCustomers: r.customers,
          effect: change ?? 1,
          metric: { name: 'complaints', current: r.current, previous: r.previous, change },
          evidence: {
            window: q.window,
            previousWindow: q.previousWindow,
            counts: { currentComplaints: r.current, previousComplaints: r.previous, customers: r.customers },
          },
        },
      ];
    });
  },
};
