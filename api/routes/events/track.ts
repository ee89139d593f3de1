import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, WRITERS } from '../../routeContext';
import { TRACK_RULES, TrackCall, TrackResultView } from './schema';
import { trackInputOf } from './inputs';

/** POST /track: one customer event, Segment's track call. */
export function trackRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/track',
    summary: 'Track a customer event (Segment track call)',
    tag: 'Customer events',
    auth: WRITERS,
    description:
      'Stores the event for the customer named by userId (externalId) or email, creating that customer unless the tenant turned it off; with only an anonymousId the event waits for an identify. A repeated messageId stores nothing and answers deduplicated: true.',
    body: TrackCall,
    unexpressed: TRACK_RULES,
    responses: { 200: { description: 'Stored, or recognised as a repeat', schema: z.object({ data: TrackResultView }) } },
    handler: async (ctx, { body }) => {
      ctx.body = { data: await ctx.domain.customerEvents.track(commandContext(ctx), trackInputOf(body)) };
    },
  });
}
