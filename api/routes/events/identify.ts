import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, WRITERS } from '../../routeContext';
import { IDENTIFY_RULES, IdentifyCall, IdentifyResultView } from './schema';
import { identifyInputOf } from './inputs';

/** POST /identify: who someone is, Segment's identify call. */
export function identifyRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/identify',
    summary: 'Create or update a customer from traits (Segment identify call)',
    tag: 'Customer events',
    auth: WRITERS,
    description:
      'Creates or updates the customer named by userId (externalId) or email, through the customers module (customer.created / customer.updated events). With an anonymousId as well, the events tracked under that anonymousId are attached to the customer.',
    body: IdentifyCall,
    unexpressed: IDENTIFY_RULES,
    responses: { 200: { description: 'The customer identified', schema: z.object({ data: IdentifyResultView }) } },
    handler: async (ctx, { body }) => {
      ctx.body = { data: await ctx.domain.customerEvents.identify(commandContext(ctx), identifyInputOf(body)) };
    },
  });
}
