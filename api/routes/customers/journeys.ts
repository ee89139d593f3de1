import { pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget } from '../../route';
import { READERS, tenantOf } from '../../routeContext';
import { CustomerJourneyListQuery, CustomerJourneysParams, JourneyRunListResponse } from '../journeys/insightSchema';

/** GET /customers/:id/journeys: the customer's runs across journeys. */
export function customerJourneyRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/journeys',
    summary: "A customer's journey runs across journeys, newest entry first",
    tag: 'Journeys',
    auth: READERS,
    params: CustomerJourneysParams,
    query: CustomerJourneyListQuery,
    responses: { 200: { description: 'A page of runs', schema: JourneyRunListResponse }, 404: { description: 'No such customer' } },
    handler: async (ctx, { params, query }) => {
      ctx.body = await ctx.domain.journeyRuns.listForCustomer(
        tenantOf(ctx),
        params.id,
        { state: query.state, journeyId: query.journeyId },
        pageRequestOf(query),
      );
    },
  });
}
