import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { pageRequestOf, rangeFrom } from '../../pagination';
import { CustomerEventListQuery, CustomerEventListResponse, CustomerEventParams } from './schema';

/** GET /customers/:id/events: a customer's event timeline. */
export function customerEventListRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/events',
    summary: "A customer's tracked events, newest first (filter by name and time)",
    tag: 'Customer events',
    auth: READERS,
    params: CustomerEventParams,
    query: CustomerEventListQuery,
    responses: { 200: { description: 'A page of events', schema: CustomerEventListResponse }, 404: { description: 'No such customer' } },
    handler: async (ctx, { params, query }) => {
      const names = query.name
        ?.split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      ctx.body = await ctx.domain.customerEvents.listForCustomer(
        tenantOf(ctx),
        params.id,
        { names, occurredAt: rangeFrom<string>(query, 'occurredAt') },
        pageRequestOf(query),
      );
    },
  });
}
