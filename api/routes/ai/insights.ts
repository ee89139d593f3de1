import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { InsightsQuery, InsightsResponse } from './insightsSchema';

/** GET /ai/insights (seed 003): insights computed from the tenant's own data by statistics, no model. */
export function insightRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/ai/insights',
    summary: "Insights from the tenant's data: category trends, customers at risk, segment, engagement, deferral and complaint changes",
    description:
      'Each type compares the period with the one before it (or reads the state now) and reports only what passes its significance test and minimum sample ' +
      '(docs/insights.md lists the thresholds). The same data always gives the same insights, ranked by affected customers × effect size.',
    tag: 'AI',
    auth: READERS,
    query: InsightsQuery,
    responses: { 200: { description: 'Insights, best first', schema: InsightsResponse } },
    handler: async (ctx, { query }) => {
      ctx.body = await ctx.domain.insights.list(tenantOf(ctx), { periodDays: query.period, types: query.types, limit: query.limit });
    },
  });
}
