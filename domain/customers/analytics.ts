import type { Knex } from 'knex';
import type { ConversationQueries } from '../conversations/queries';

/**
 * Tenant-wide customer figures for dashboards (seed 001's stats/summary and seed 002's
 * analytics), each computed by one aggregate query with FILTER clauses rather than a query per
 * figure.
 */
export function createCustomerAnalytics(deps: { db: Knex; conversations: Pick<ConversationQueries, 'complaintMetrics'> }) {
  const { db } = deps;

  async function counts(tenantId: string) {
    const row = await db('customers')
      .where('tenant_id', tenantId)
      .whereNull('deleted_at')
      .select(
        db.raw(`
        count(*)::int AS total,
        count(*) FILTER (WHERE status = 'active' AND NOT is_blocked)::int AS active,
        count(*) FILTER (WHERE status = 'inactive')::int AS inactive,
        count(*) FILTER (WHERE status = 'suspended')::int AS suspended,
        count(*) FILTER (WHERE status = 'blocked' OR is_blocked)::int AS blocked,
        count(*) FILTER (WHERE tier = 'regular')::int AS tier_regular,
        count(*) FILTER (WHERE tier = 'premium')::int AS tier_premium,
        count(*) FILTER (WHERE tier = 'vip')::int AS tier_vip,
        count(*) FILTER (WHERE segment_label = 'vip')::int AS seg_vip,
        count(*) FILTER (WHERE segment_label = 'regular')::int AS seg_regular,
        count(*) FILTER (WHERE segment_label = 'new')::int AS seg_new,
        count(*) FILTER (WHERE segment_label = 'inactive')::int AS seg_inactive,
        count(*) FILTER (WHERE created_at >= date_trunc('day', now()))::int AS new_today,
        count(*) FILTER (WHERE created_at >= date_trunc('week', now()))::int AS new_week,
        count(*) FILTER (WHERE created_at >= date_trunc('month', now()))::int AS new_month,
        coalesce(sum(total_orders), 0)::int AS total_orders,
        coalesce(sum(paid_orders), 0)::int AS paid_orders,
        coalesce(sum(total_spent), 0)::numeric AS total_revenue`),
      )
      .first();
    return row as Record<string, number>;
  }

  /** Seed 001's summary: totals, VIPs, blocked, new this month, and counts per segment label. */
  async function summary(tenantId: string) {
    const c = await counts(tenantId);
    return {
      summary: { totalCustomers: c.total, activeCustomers: c.active, vipCustomers: c.tier_vip, blockedCustomers: c.blocked, newThisMonth: c.new_month },
      segments: [
        { segment: 'vip', count: c.seg_vip },
        { segment: 'regular', count: c.seg_regular },
        { segment: 'new', count: c.seg_new },
        { segment: 'inactive', count: c.seg_inactive },
      ],
    };
  }

  /**
   * Seed 002's analytics: status and tier breakdowns, new-customer windows, order metrics, top
   * customers. totalOrders counts every order (seed 002), paidOrders those not cancelled or
   * refunded (the ones totalRevenue sums).
   */
  async function analytics(tenantId: string) {
    const [c, complaintMetrics, top] = await Promise.all([
      counts(tenantId),
      deps.conversations.complaintMetrics(tenantId),
      db('customers')
        .where('tenant_id', tenantId)
        .whereNull('deleted_at')
        .where('total_spent', '>', 0)
        .select('id', 'full_name', 'email', 'total_orders', 'paid_orders', 'total_spent')
        .orderBy([{ column: 'total_spent', order: 'desc' }, { column: 'id' }])
        .limit(10),
    ]);
    const perCustomer = (v: number) => (c.total ? Math.round((v / c.total) * 100) / 100 : 0);
    return {
      summary: {
        totalCustomers: c.total,
        activeCustomers: c.active,
        inactiveCustomers: c.inactive,
        suspendedCustomers: c.suspended,
        blockedCustomers: c.blocked,
        newCustomersToday: c.new_today,
        newCustomersThisWeek: c.new_week,
        newCustomersThisMonth: c.new_month,
      },
      customerTypes: { regular: c.tier_regular, premium: c.tier_premium, vip: c.tier_vip },
      segments: { vip: c.seg_vip, regular: c.seg_regular, new: c.seg_new, inactive: c.seg_inactive },
      orderMetrics: {
        totalOrders: c.total_orders,
        paidOrders: c.paid_orders,
        totalRevenue: Number(c.total_revenue),
        averageOrdersPerCustomer: perCustomer(c.total_orders!),
        averageRevenuePerCustomer: perCustomer(Number(c.total_revenue)),
      },
      complaintMetrics,
      topCustomers: top.map((t) => ({
        customerId: t.id,
        fullName: t.full_name,
        email: t.email,
        totalOrders: t.total_orders,
        paidOrders: t.paid_orders,
        totalSpent: t.total_spent,
      })),
    };
  }

  return { summary, analytics };
}
