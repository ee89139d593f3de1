import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { EventNamesQuery, EventNamesResponse } from './schema';

/** GET /events/names: the event names seen, for picking one in a rule. */
export function eventNameRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/events/names',
    summary: 'The event names tracked in this tenant, most frequent first, with counts and last occurrence',
    tag: 'Customer events',
    auth: READERS,
    query: EventNamesQuery,
    responses: { 200: { description: 'The names', schema: EventNamesResponse } },
    handler: async (ctx, { query }) => {
      ctx.body = { data: await ctx.domain.customerEvents.names(tenantOf(ctx), { prefix: query.prefix, limit: query.limit }) };
    },
  });
}
