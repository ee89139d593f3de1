import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { PageQuery, PaginationView, pageRequestOf } from '../../pagination';
import { CampaignAnalyticsOverTime, CustomerAnalytics, RANGE_RULES, RangeFields, RangeQuery, RevenueAnalytics, SegmentAnalytics } from './schema';

/** Query of GET /analytics/campaigns: the paged list's fields (50 a page by default, seed 003's dashboard) and the range's. */
const CampaignQuery = z.object({ ...PageQuery, limit: z.coerce.number().int().min(1).max(100).default(50), ...RangeFields });

const PagedCampaigns = z.object({ data: z.array(z.record(z.string(), z.unknown())), pagination: PaginationView }).meta({ id: 'CampaignAnalyticsPage' });

const RANGE_DESCRIPTION =
  'Buckets are local days, weeks (Monday first), months or years of `timezone`; every bucket of the range is listed, empty ones as zeros. ' +
  '`totals` cover the range, `previousTotals` the same number of days before it.';

/** Analytics over time (issue 19): customers, revenue, campaigns and segments by period. */
export function analyticsRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/analytics/customers',
    summary: 'New and active customers over time (seed 003)',
    description: `${RANGE_DESCRIPTION} New customers: created in the bucket and not deleted. Active customers: placed at least one order in the bucket (any status); the totals count each customer once.`,
    tag: 'Analytics',
    auth: READERS,
    query: RangeQuery,
    unexpressed: RANGE_RULES,
    responses: { 200: { description: 'Series and totals', schema: CustomerAnalytics } },
    handler: async (ctx, { query }) => {
      ctx.body = { data: await ctx.domain.analytics.customers(tenantOf(ctx), query) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/analytics/revenue',
    summary: 'Orders, revenue and average order value over time (seed 003)',
    description: `${RANGE_DESCRIPTION} Orders count every order placed in the bucket; paidOrders and revenue leave out cancelled and refunded ones; averageOrderValue = revenue / paidOrders.`,
    tag: 'Analytics',
    auth: READERS,
    query: RangeQuery,
    unexpressed: RANGE_RULES,
    responses: { 200: { description: 'Series and totals', schema: RevenueAnalytics } },
    handler: async (ctx, { query }) => {
      ctx.body = { data: await ctx.domain.analytics.revenue(tenantOf(ctx), query) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/analytics/campaigns',
    summary: 'Campaign analytics: the paged per-campaign list, or sends, opens and clicks over time when a range field is given (seed 003)',
    description:
      'Without period, startDate, endDate or timezone: per-campaign analytics from the ledger, newest first, paged (the earlier answer). ' +
      `With any of them: sends, opens and clicks over time, for the tenant and per campaign. ${RANGE_DESCRIPTION}`,
    tag: 'Analytics',
    auth: READERS,
    query: CampaignQuery,
    unexpressed: RANGE_RULES,
    responses: { 200: { description: 'A page of per-campaign analytics, or series and totals', schema: z.union([PagedCampaigns, CampaignAnalyticsOverTime]) } },
    handler: async (ctx, { query }) => {
      const { period, startDate, endDate, timezone } = query;
      if (period === undefined && startDate === undefined && endDate === undefined && timezone === undefined)
        ctx.body = await ctx.domain.campaigns.overview(tenantOf(ctx), pageRequestOf(query));
      else ctx.body = { data: await ctx.domain.analytics.campaigns(tenantOf(ctx), { period, startDate, endDate, timezone }) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/analytics/segments',
    summary: 'Segment sizes over time, from the daily snapshots (seed 003)',
    description: `${RANGE_DESCRIPTION} Each bucket shows the last snapshot taken in it (null where none was). totals/previousTotals: first and last snapshot of the range and their difference.`,
    tag: 'Analytics',
    auth: READERS,
    query: RangeQuery,
    unexpressed: RANGE_RULES,
    responses: { 200: { description: 'Series per segment', schema: SegmentAnalytics } },
    handler: async (ctx, { query }) => {
      ctx.body = { data: await ctx.domain.analytics.segments(tenantOf(ctx), query) };
    },
  });
}
