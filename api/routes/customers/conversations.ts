import { z } from 'zod';
import { PageQuery, pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { CustomerParams } from './schema';
import { CustomerConversationListResponse } from './views';

const CustomerConversationsQuery = z.object(PageQuery);

/** GET /customers/:id/conversations (seed 001): the customer's conversations, newest message first. */
export function customerConversationRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/conversations',
    summary: "A customer's conversations (messages not included), newest message first",
    tag: 'Customers',
    auth: READERS,
    params: CustomerParams,
    query: CustomerConversationsQuery,
    responses: {
      200: { description: 'A page of conversations', schema: CustomerConversationListResponse },
      404: { description: 'No such customer in this tenant' },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = await ctx.domain.customers.conversations(tenantOf(ctx), params.id, pageRequestOf(query));
    },
  });
}
