import { NON_SPENDING_STATUSES } from '../orders/types';
import { compoundPoissonZ, percent, poissonCountZ, relativeChange, round, Z_CRITICAL } from './statistics';
import type { InsightFinding, InsightProducer, InsightQuery } from './types';

/** The larger of the two windows must hold at least this many orders with the category. */
export const CATEGORY_MIN_ORDERS = 20;
/** The smallest relative change reported (15 %), however significant. */
export const CATEGORY_MIN_CHANGE = 0.15;

/** One category's figures in one window. */
interface CategoryWindow {
  orders: number;
  revenue: number;
  revenueSq: number;
  customers: number;
}

const EMPTY: CategoryWindow = { orders: 0, revenue: 0, revenueSq: 0, customers: 0 };

/**
 * Per category (order_items.category, trimmed) and window: paid orders holding it, its revenue
 * (the items' totals), the sum of squares of each order's category revenue (the compound Poisson
 * variance) and distinct buyers. Bounded by the two windows: orders (tenant_id, placed_at) index,
 * then order_items by order_id.
 */
async function categoryWindows(q: InsightQuery): Promise<Map<string, { current: CategoryWindow; previous: CategoryWindow }>> {
  const { rows } = await q.db.raw<{ rows: Array<{ category: string; cur: boolean; orders: number; revenue: string; revenue_sq: string; customers: number }> }>(
    `WITH windowed AS (
       SELECT o.id, o.customer_id, o.placed_at >= ? AS cur
         FROM orders o
        WHERE o.tenant_id = ? AND o.placed_at >= ? AND o.placed_at < ? AND o.status <> ALL (?::text[])
     ), per_order AS (
       SELECT btrim(i.category) AS category, w.cur, w.id, w.customer_id, sum(i.total) AS revenue
         FROM windowed w JOIN order_items i ON i.order_id = w.id AND i.tenant_id = ?
        WHERE btrim(coalesce(i.category, '')) <> ''
        GROUP BY 1, 2, 3, 4
     )
     SELECT category, cur, count(*)::int AS orders, sum(revenue)::text AS revenue, sum(revenue * revenue)::text AS revenue_sq,
            count(DISTINCT customer_id)::int AS customers
       FROM per_order GROUP BY category, cur ORDER BY category, cur`,
    [q.window.from, q.tenantId, q.previousWindow.from, q.window.to, [...NON_SPENDING_STATUSES], q.tenantId],
  );
  const out = new Map<string, { current: CategoryWindow; previous: CategoryWindow }>();
  for (const r of rows) {
    const entry = out.get(r.category) ?? { current: EMPTY, previous: EMPTY };
    const figures = { orders: r.orders, revenue: Number(r.revenue), revenueSq: Number(r.revenue_sq), customers: r.customers };
    out.set(r.category, r.cur ? { ...entry, current: figures } : { ...entry, previous: figures });
  }
  return out;
}

/** The category's finding when its revenue (preferred) or order count changed significantly, else null. */
function findingFor(q: InsightQuery, category: string, cur: CategoryWindow, prev: CategoryWindow): InsightFinding | null {
  if (Math.max(cur.orders, prev.orders) < CATEGORY_MIN_ORDERS) return null;
  const revenueZ = compoundPoissonZ({ sum: cur.revenue, sumSq: cur.revenueSq }, { sum: prev.revenue, sumSq: prev.revenueSq });
  const ordersZ = poissonCountZ(cur.orders, prev.orders);
  const revenueChange = relativeChange(cur.revenue, prev.revenue);
  const ordersChange = relativeChange(cur.orders, prev.orders);
  const passes = (z: number, change: number | null) => Math.abs(z) >= Z_CRITICAL && change !== null && Math.abs(change) >= CATEGORY_MIN_CHANGE;
  const byRevenue = passes(revenueZ, revenueChange);
  if (!byRevenue && !passes(ordersZ, ordersChange)) return null;
  const [name, current, previous, change, z] = byRevenue
    ? (['revenue', round(cur.revenue), round(prev.revenue), revenueChange!, revenueZ] as const)
    : (['orders', cur.orders, prev.orders, ordersChange!, ordersZ] as const);
  const fell = change < 0;
  const days = q.periodDays;
  const what = name === 'revenue' ? 'Revenue' : 'Orders';
  return {
    type: 'category_trend',
    subject: { kind: 'category', id: null, name: category },
    title: `${what} in ${category} ${fell ? 'fell' : 'rose'} ${percent(change)}`,
    description:
      `${what} in the ${category} category ${fell ? 'decreased' : 'increased'} by ${percent(change)} over the last ${days} days ` +
      `(${previous} → ${current}; ${prev.orders} → ${cur.orders} orders from ${prev.customers} → ${cur.customers} buyers; z = ${round(z)}).`,
    recommendation: fell
      ? `Consider a targeted promotion for ${category} to the ${prev.customers} customers who bought it in the previous ${days} days.`
      : `Demand for ${category} is up: feature it in upcoming campaigns and check its stock.`,
    affectedCustomers: Math.max(cur.customers, prev.customers),
    effect: change,
    metric: { name, current, previous, change },
    evidence: {
      window: q.window,
      previousWindow: q.previousWindow,
      counts: {
        currentOrders: cur.orders,
        previousOrders: prev.orders,
        currentRevenue: round(cur.revenue),
        previousRevenue: round(prev.revenue),
        currentBuyers: cur.customers,
        previousBuyers: prev.customers,
      },
    },
  };
}

/** Revenue or order count per product category changing period over period (seed 003's "Declining Engagement in Electronics"). */
export const categoryTrends: InsightProducer = {
  type: 'category_trend',
  async produce(q) {
    const windows = await categoryWindows(q);
    return [...windows.entries()].flatMap(([category, { current, previous }]) => findingFor(q, category, current, previous) ?? []);
  },
};
