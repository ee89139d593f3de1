import type { Knex } from 'knex';
import { NON_SPENDING_STATUSES, ORDER_STATUSES, type CustomerOrderStats, type OrderStatus } from './types';

interface SpendingRow {
  orders: number;
  spent: number;
  average: number;
  first_at: Date | null;
  last_at: Date | null;
}

interface MonthRow {
  month: string;
  orders: number;
  total: number;
}

/**
 * A customer's order figures, computed from the orders themselves (not the cached columns on
 * customers), with the same rule as refreshCustomerStatistics: totalOrders counts every order
 * (the sum of ordersByStatus, as in seed 002); cancelled and refunded orders count for nothing
 * else (paidOrders, the money figures, the dates, spendByMonth). Months are calendar months in UTC. A
 * customer without orders, or one this tenant does not have, gets zeros: callers check that the
 * customer exists.
 */
export async function customerOrderStats(db: Knex, tenantId: string, customerId: string): Promise<CustomerOrderStats> {
  const excluded = [...NON_SPENDING_STATUSES];
  const [byStatus, spending, months] = await Promise.all([
    db('orders')
      .select('status')
      .count<Array<{ status: OrderStatus; count: number }>>({ count: '*' })
      .where({ tenant_id: tenantId, customer_id: customerId })
      .groupBy('status'),
    db('orders')
      .select(
        db.raw(
          'count(*)::int AS orders, coalesce(sum(total), 0) AS spent, coalesce(round(avg(total), 2), 0) AS average, min(placed_at) AS first_at, max(placed_at) AS last_at',
        ),
      )
      .where({ tenant_id: tenantId, customer_id: customerId })
      .whereNotIn('status', excluded)
      .first() as Promise<SpendingRow | undefined>,
    db.raw<{ rows: MonthRow[] }>(
      `SELECT to_char(m.month, 'YYYY-MM') AS month, count(o.id)::int AS orders, coalesce(sum(o.total), 0) AS total
       FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '11 months', date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') AS m(month)
       LEFT JOIN orders o
         ON o.tenant_id = ? AND o.customer_id = ? AND o.status <> ALL (?::text[])
        AND o.placed_at >= (m.month AT TIME ZONE 'UTC') AND o.placed_at < ((m.month + interval '1 month') AT TIME ZONE 'UTC')
       GROUP BY m.month
       ORDER BY m.month`,
      [tenantId, customerId, excluded],
    ),
  ]);
  const ordersByStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const row of byStatus) ordersByStatus[row.status] = Number(row.count);
  return {
    ordersByStatus,
    totalOrders: Object.values(ordersByStatus).reduce((sum, n) => sum + n, 0),
    paidOrders: spending?.orders ?? 0,
    totalSpent: spending?.spent ?? 0,
    averageOrderValue: spending?.average ?? 0,
    firstOrderAt: spending?.first_at ?? null,
    lastOrderAt: spending?.last_at ?? null,
    spendByMonth: months.rows.map((r) => ({ month: r.month, orders: r.orders, total: r.total })),
  };
}
