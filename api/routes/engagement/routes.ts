import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { CustomerParams } from '../customers/schema';
import { SegmentParams } from '../segments/schema';
import { CustomerBestHourResponse, SegmentBestHourResponse } from './schema';

/** The best-hour model, read-only (issue 19): a customer's and a segment's best send hour with its evidence. */
export function engagementRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/best-hour',
    summary: "A customer's best send hour from their opens, in their timezone (null with a reason when there is none)",
    tag: 'Best send time',
    auth: READERS,
    params: CustomerParams,
    responses: { 200: { description: 'The best hour and its evidence', schema: CustomerBestHourResponse }, 404: { description: 'No such customer' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.engagement.customerBestHour(tenantOf(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/segments/:id/best-hour',
    summary: "A segment's best send hour from its members' opens, each in the member's timezone",
    tag: 'Best send time',
    auth: READERS,
    params: SegmentParams,
    responses: { 200: { description: 'The best hour and its evidence', schema: SegmentBestHourResponse }, 404: { description: 'No such segment' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.engagement.segmentBestHour(tenantOf(ctx), params.id) };
    },
  });
}
