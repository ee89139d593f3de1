import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { CustomerParams } from './schema';

/** One current segment membership of a customer. */
const CustomerSegmentView = z
  .object({
    segmentId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    memberCount: z.number().int(),
    enteredAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'CustomerSegmentMembership' });

/** `{ data: memberships }`: every segment the customer is in now (a customer is in few, so no paging). */
const CustomerSegmentListResponse = z.object({ data: z.array(CustomerSegmentView) }).meta({ id: 'CustomerSegmentMembershipList' });

/** GET /customers/:id/segments: the segments a customer belongs to now, for the console's customer page. */
export function customerSegmentRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/segments',
    summary: 'The segments a customer belongs to now, with when they entered each, by segment name',
    tag: 'Customers',
    auth: READERS,
    params: CustomerParams,
    responses: {
      200: { description: 'The current memberships', schema: CustomerSegmentListResponse },
      404: { description: 'No such customer in this tenant' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.segmentMemberships.currentForCustomer(tenantOf(ctx), params.id) };
    },
  });
}
