import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { JourneyAnalyticsQuery, JourneyAnalyticsResponse, JourneyParams } from './insightSchema';

/** GET /journeys/:id/analytics: one version's counts per node, edge, send node and goal. */
export function journeyAnalyticsRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/journeys/:id/analytics',
    summary: 'Counts of one journey version: per node, per edge, per send node (from the ledger) and for the goal',
    description:
      'Counted per version, never mixed: steps belong to the version that ran them, runs to the version they are on ' +
      '(a run moved by a migration map counts in the version it moved to), and a message to the step that sent it.',
    tag: 'Journeys',
    auth: READERS,
    params: JourneyParams,
    query: JourneyAnalyticsQuery,
    unexpressed: [{ status: 404, rule: 'version must be a published version of the journey; without it the journey must have been published' }],
    responses: {
      200: { description: "The version's analytics", schema: JourneyAnalyticsResponse },
      404: { description: 'No such journey, or no such version' },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = { data: await ctx.domain.journeyAnalytics.analytics(tenantOf(ctx), params.id, query.version) };
    },
  });
}
