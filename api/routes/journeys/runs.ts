import { pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { JourneyParams, JourneyRunListQuery, JourneyRunListResponse, JourneyRunParams, JourneyRunResponse } from './insightSchema';

/** GET /journeys/:id/runs and GET /journeys/:id/runs/:runId: a journey's runs, and one run with its step log. */
export function journeyRunRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/journeys/:id/runs',
    summary: "A journey's runs, newest entry first (filter by node, state, customer, version)",
    tag: 'Journeys',
    auth: READERS,
    params: JourneyParams,
    query: JourneyRunListQuery,
    unexpressed: [{ status: 404, rule: 'version must be a published version of the journey' }],
    responses: { 200: { description: 'A page of runs', schema: JourneyRunListResponse }, 404: { description: 'No such journey or version' } },
    handler: async (ctx, { params, query }) => {
      ctx.body = await ctx.domain.journeyRuns.listRuns(
        tenantOf(ctx),
        params.id,
        { nodeId: query.node, state: query.state, customerId: query.customerId, version: query.version },
        pageRequestOf(query),
      );
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/journeys/:id/runs/:runId',
    summary: 'One run with its step log: what each step did, when, why it branched and what it sent',
    tag: 'Journeys',
    auth: READERS,
    params: JourneyRunParams,
    responses: { 200: { description: 'The run', schema: JourneyRunResponse }, 404: { description: 'No such journey or run' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.journeyRuns.getRun(tenantOf(ctx), params.id, params.runId) };
    },
  });
}
