import { z } from 'zod';
import { PageQuery, PaginationView, pageRequestOf } from '../../pagination';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { JourneyParams, JourneyVersionParams, JourneyVersionView, JourneyView, PublishBody, ResumeBody } from './schema';

const One = z.object({ data: JourneyView });

/** Publish, pause, resume and archive, and the published versions. */
export function journeyActionRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/journeys/:id/publish',
    summary: 'Publish the draft as a new immutable version; new runs enter it',
    description:
      'Running customers stay on their version unless `migrate.map` is given: then every open run of older versions moves at its next step, to the node the map names (old node → new node, or "exit"), a node the new version keeps mapping to itself. A paused journey stays paused.',
    tag: 'Journeys',
    auth: WRITERS,
    params: JourneyParams,
    body: PublishBody,
    bodyOptional: true,
    unexpressed: [
      { status: 422, rule: "the draft must have no problems (the journey's `problems`); details carry location draft and the same paths" },
      {
        status: 422,
        rule: 'every map target must be a node of the new version or "exit"; every node holding open runs must be mapped or kept by the new version (details name migrate.map.<node> with the run count); nothing changes',
      },
      { status: 409, rule: 'an archived journey cannot be published' },
    ],
    responses: {
      200: { description: 'Published: the journey with its new current version', schema: One },
      404: { description: 'No such journey' },
      409: { description: 'The journey is archived' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.journeys.publish(commandContext(ctx), params.id, body) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/journeys/:id/pause',
    summary: 'Pause an active journey: runs hold in place, no one enters',
    tag: 'Journeys',
    auth: WRITERS,
    params: JourneyParams,
    unexpressed: [{ status: 409, rule: 'only an active journey can be paused' }],
    responses: { 200: { description: 'Paused', schema: One }, 404: { description: 'No such journey' }, 409: { description: 'Not active' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.journeys.pause(commandContext(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/journeys/:id/resume',
    summary: 'Resume a paused journey; timers that expired meanwhile fire at once or move later by the paused time',
    tag: 'Journeys',
    auth: WRITERS,
    params: JourneyParams,
    body: ResumeBody,
    bodyOptional: true,
    unexpressed: [{ status: 409, rule: 'only a paused journey can be resumed' }],
    responses: { 200: { description: 'Active again', schema: One }, 404: { description: 'No such journey' }, 409: { description: 'Not paused' } },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.journeys.resume(commandContext(ctx), params.id, body.timers) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/journeys/:id/archive',
    summary: 'Archive: no new entries; open runs finish (those of a paused journey continue)',
    tag: 'Journeys',
    auth: WRITERS,
    params: JourneyParams,
    unexpressed: [{ status: 409, rule: 'only an active or paused journey can be archived' }],
    responses: { 200: { description: 'Archived', schema: One }, 404: { description: 'No such journey' }, 409: { description: 'A draft or already archived' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.journeys.archive(commandContext(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/journeys/:id/versions',
    summary: "The journey's published versions, newest first",
    tag: 'Journeys',
    auth: READERS,
    params: JourneyParams,
    query: z.object(PageQuery),
    responses: {
      200: {
        description: 'A page of versions',
        schema: z.object({ data: z.array(JourneyVersionView), pagination: PaginationView }).meta({ id: 'JourneyVersionList' }),
      },
      404: { description: 'No such journey' },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = await ctx.domain.journeys.versions(tenantOf(ctx), params.id, pageRequestOf(query));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/journeys/:id/versions/:version',
    summary: 'One published version: its frozen definition and the campaigns of its send nodes',
    tag: 'Journeys',
    auth: READERS,
    params: JourneyVersionParams,
    responses: { 200: { description: 'The version', schema: z.object({ data: JourneyVersionView }) }, 404: { description: 'No such journey or version' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.journeys.version(tenantOf(ctx), params.id, params.version) };
    },
  });
}
