import { z } from 'zod';
import { PageQuery, PaginationView, pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget, type UnexpressedRule } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { JOURNEY_EXAMPLES } from './examples';
import { JourneyBody, JourneyListItemView, JourneyParams, JourneyView } from './schema';

const One = z.object({ data: JourneyView });

/** What the journey body's schema cannot state; graph and reference problems are listed in `problems`, not refused. */
export const JOURNEY_BODY_RULES: readonly UnexpressedRule[] = [
  {
    status: 422,
    rule: 'every where (property conditions) and branch rule must be valid in the rule language: fields of GET /segments/fields, operators and values their types take; details point into the journey (nodes[2].branches[0].rule.all[0].operator)',
  },
  { status: 422, rule: 'every key of layout must be the id of one of the journey’s nodes, or $entry (details: layout.<key>)' },
];

/** The parts of a journey body: its name and description, and the definition the draft holds. */
const inputOf = ({ name, description, ...definition }: z.output<typeof JourneyBody>) => ({ name, description, definition });

/** Journey definitions: create, list, read, replace the draft and delete. */
export function journeyRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/journeys',
    summary: 'Create a draft journey (a graph of nodes from an entry trigger)',
    description:
      'The draft is stored even when its graph is not yet publishable: `problems` lists what publish would refuse (unreachable nodes, edges to no node, loops without a wait, templates that do not parse, an email without subject, unknown segments or webhook endpoints…), each with its path.',
    tag: 'Journeys',
    auth: WRITERS,
    idempotent: true,
    bracketPaths: true,
    body: JourneyBody,
    bodyExamples: JOURNEY_EXAMPLES,
    unexpressed: JOURNEY_BODY_RULES,
    responses: { 201: { description: 'Created (status draft)', schema: One } },
    handler: async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = { data: await ctx.domain.journeys.create(commandContext(ctx), inputOf(body)) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/journeys',
    summary: "The tenant's journeys, newest first, page or cursor pagination, each with its run counts (entered, active now)",
    tag: 'Journeys',
    auth: READERS,
    query: z.object(PageQuery),
    responses: {
      200: {
        description: 'A page of journeys, each with its run counts',
        schema: z.object({ data: z.array(JourneyListItemView), pagination: PaginationView }).meta({ id: 'JourneyList' }),
      },
    },
    handler: async (ctx, { query }) => {
      ctx.body = await ctx.domain.journeys.list(tenantOf(ctx), pageRequestOf(query));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/journeys/:id',
    summary: 'One journey: its draft with its problems, status and current version',
    tag: 'Journeys',
    auth: READERS,
    params: JourneyParams,
    responses: { 200: { description: 'The journey', schema: One }, 404: { description: 'No such journey' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.journeys.get(tenantOf(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'put',
    path: '/api/v1/journeys/:id',
    summary: 'Replace the name, description and draft (any status; published versions never change)',
    tag: 'Journeys',
    auth: WRITERS,
    bracketPaths: true,
    params: JourneyParams,
    body: JourneyBody,
    unexpressed: JOURNEY_BODY_RULES,
    responses: { 200: { description: 'Updated', schema: One }, 404: { description: 'No such journey' } },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.journeys.update(commandContext(ctx), params.id, inputOf(body)) };
    },
  });
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/journeys/:id',
    summary: 'Delete a draft or archived journey with its versions and runs',
    tag: 'Journeys',
    auth: WRITERS,
    params: JourneyParams,
    unexpressed: [{ status: 409, rule: 'an active or paused journey cannot be deleted: archive it first' }],
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such journey' }, 409: { description: 'The journey is live (active or paused)' } },
    handler: async (ctx, { params }) => {
      await ctx.domain.journeys.remove(commandContext(ctx), params.id);
      ctx.status = 204;
    },
  });
}
