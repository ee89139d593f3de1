import type { Knex } from 'knex';
import { iso } from '../../lib/time';
import { resolveRange, type AnalyticsRange, type RangeRequest } from './range';
import { activeCustomers, assertZoneKnownToPostgres, campaignBuckets, newCustomerBuckets, orderBuckets, rollupState, segmentSnapshots } from './series';

/** Campaigns and segments listed in one answer at most (those with the most activity / the largest first). */
export const MAX_SERIES = 50;

/** The range as the answers echo it. */
function rangeView(r: AnalyticsRange) {
  return { period: r.period, timezone: r.timezone, startDate: r.startDate, endDate: r.endDate, previousRange: r.previous };
}

/** Revenue text → integer cents, so sums across buckets are exact. */
const cents = (text: string | null | undefined) => Math.round(Number(text ?? 0) * 100);
const money = (c: number) => c / 100;
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : 0);

/** Index grouped rows by bucket ('' for the previous range). */
function byBucket<T extends { bucket: string | null }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.bucket ?? '', row]));
}

/**
 * Analytics over time (seed 003's /analytics/customers|revenue|campaigns|segments with period,
 * startDate, endDate; Herald adds timezone): each answer is a series with one entry per bucket
 * (empty buckets as zeros), the totals of the range and of the previous range of the same length.
 */
export function createAnalyticsService(deps: { db: Knex; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  /** The resolved range, its timezone also known to Postgres. */
  const rangeOf = async (request: RangeRequest) => {
    const r = resolveRange(request, now());
    await assertZoneKnownToPostgres(db, r.timezone);
    return r;
  };

  return {
    /** New customers and active customers (ordered in the bucket) over time. */
    async customers(tenantId: string, request: RangeRequest) {
      const r = await rangeOf(request);
      const state = await rollupState(db, tenantId);
      const [created, active] = await Promise.all([newCustomerBuckets(db, tenantId, r, state.until), activeCustomers(db, tenantId, r)]);
      const news = byBucket(created);
      const series = r.buckets.map((date) => ({ date, newCustomers: news.get(date)?.new_customers ?? 0, activeCustomers: active.buckets.get(date) ?? 0 }));
      return {
        ...rangeView(r),
        series,
        totals: { newCustomers: series.reduce((n, b) => n + b.newCustomers, 0), activeCustomers: active.total },
        previousTotals: { newCustomers: news.get('')?.new_customers ?? 0, activeCustomers: active.previous },
        materialisedAt: iso(state.at),
      };
    },

    /** Orders, paid orders, revenue and average order value (revenue / paid orders) over time. */
    async revenue(tenantId: string, request: RangeRequest) {
      const r = await rangeOf(request);
      const state = await rollupState(db, tenantId);
      const rows = byBucket(await orderBuckets(db, tenantId, r, state.until));
      const figures = (row?: { orders: number; paid_orders: number; revenue: string }) => {
        const revenueCents = cents(row?.revenue);
        const paid = row?.paid_orders ?? 0;
        return {
          orders: row?.orders ?? 0,
          paidOrders: paid,
          revenue: money(revenueCents),
          averageOrderValue: paid ? Math.round(revenueCents / paid) / 100 : 0,
          revenueCents,
        };
      };
      const series = r.buckets.map((date) => ({ date, ...figures(rows.get(date)) }));
      const sum = series.reduce(
        (t, b) => ({ orders: t.orders + b.orders, paidOrders: t.paidOrders + b.paidOrders, revenueCents: t.revenueCents + b.revenueCents }),
        {
          orders: 0,
          paidOrders: 0,
          revenueCents: 0,
        },
      );
      const strip = ({ revenueCents: _c, ...rest }: ReturnType<typeof figures> & { date?: string }) => rest;
      return {
        ...rangeView(r),
        series: series.map(strip),
        totals: strip(figures({ orders: sum.orders, paid_orders: sum.paidOrders, revenue: String(money(sum.revenueCents)) })),
        previousTotals: strip(figures(rows.get(''))),
        materialisedAt: iso(state.at),
      };
    },

    /**
     * Sends, opens and clicks over time: the tenant's series and the campaigns with marks in the
     * range (most sends first, at most MAX_SERIES), each with its own series. From the
     * materialised slots only: as of `materialisedAt` (at most five minutes old).
     */
    async campaigns(tenantId: string, request: RangeRequest) {
      const r = await rangeOf(request);
      const [state, rows] = await Promise.all([rollupState(db, tenantId), campaignBuckets(db, tenantId, r)]);
      type Marks = { sent: number; opened: number; clicked: number };
      const zero = (): Marks => ({ sent: 0, opened: 0, clicked: 0 });
      const add = (t: Marks, m: Marks) => ({ sent: t.sent + m.sent, opened: t.opened + m.opened, clicked: t.clicked + m.clicked });
      const withRates = (m: Marks) => ({ ...m, openRate: ratio(m.opened, m.sent), clickRate: ratio(m.clicked, m.sent) });
      const all = new Map<string, Marks>();
      const perCampaign = new Map<string, Map<string, Marks>>();
      for (const row of rows) {
        const key = row.bucket ?? '';
        all.set(key, add(all.get(key) ?? zero(), row));
        const own = perCampaign.get(row.campaign_id) ?? new Map<string, Marks>();
        own.set(key, add(own.get(key) ?? zero(), row));
        perCampaign.set(row.campaign_id, own);
      }
      const totalOf = (m: Map<string, Marks>) => r.buckets.reduce((t, d) => add(t, m.get(d) ?? zero()), zero());
      const active = [...perCampaign.entries()]
        .map(([id, marks]) => ({ id, marks, totals: totalOf(marks) }))
        .filter((c) => c.totals.sent + c.totals.opened + c.totals.clicked > 0)
        .sort((a, b) => b.totals.sent - a.totals.sent || a.id.localeCompare(b.id));
      const shown = active.slice(0, MAX_SERIES);
      const names = new Map<string, { name: string; channel: string }>(
        (
          await db('campaigns')
            .where('tenant_id', tenantId)
            .whereIn(
              'id',
              shown.map((c) => c.id),
            )
            .select('id', 'name', 'channel')
        ).map((c) => [c.id, c]),
      );
      return {
        ...rangeView(r),
        series: r.buckets.map((date) => ({ date, ...withRates(all.get(date) ?? zero()) })),
        totals: withRates(totalOf(all)),
        previousTotals: withRates(all.get('') ?? zero()),
        campaigns: shown.map((c) => ({
          campaignId: c.id,
          name: names.get(c.id)?.name ?? null,
          channel: names.get(c.id)?.channel ?? null,
          series: r.buckets.map((date) => ({ date, ...withRates(c.marks.get(date) ?? zero()) })),
          totals: withRates(c.totals),
          previousTotals: withRates(c.marks.get('') ?? zero()),
        })),
        campaignCount: active.length,
        materialisedAt: iso(state.at),
      };
    },

    /**
     * Segment sizes over time from the daily snapshots: per segment (largest now first, at most
     * MAX_SERIES), the last snapshot of each bucket (null where none was taken) and, for the range
     * and the previous range, the first and last snapshot and their difference.
     */
    async segments(tenantId: string, request: RangeRequest) {
      const r = await rangeOf(request);
      const [segments, rows] = await Promise.all([
        db('segments')
          .where('tenant_id', tenantId)
          .orderBy([{ column: 'member_count', order: 'desc' }, { column: 'id' }])
          .limit(MAX_SERIES)
          .select('id', 'name', 'member_count'),
        segmentSnapshots(db, tenantId, r),
      ]);
      const span = (values: number[]) =>
        values.length
          ? { first: values[0]!, last: values[values.length - 1]!, change: values[values.length - 1]! - values[0]! }
          : { first: null, last: null, change: null };
      return {
        ...rangeView(r),
        segments: segments.map((s) => {
          const own = rows.filter((row) => row.segment_id === s.id);
          const last = new Map(own.map((row) => [row.bucket ?? '', row.members]));
          return {
            segmentId: s.id,
            name: s.name,
            currentMembers: s.member_count,
            series: r.buckets.map((date) => ({ date, members: last.get(date) ?? null })),
            totals: span(own.filter((row) => row.bucket !== null).map((row) => row.members)),
            previousTotals: span(own.filter((row) => row.bucket === null).map((row) => row.members)),
          };
        }),
        segmentCount: await db('segments')
          .where('tenant_id', tenantId)
          .count<{ count: string }[]>('* as count')
          .then((c) => Number(c[0]!.count)),
      };
    },
  };
}

/** The analytics service the API calls. */
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
