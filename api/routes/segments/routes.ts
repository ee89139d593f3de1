import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { CustomerListQuery, filtersFrom, pageFrom, sortFrom } from '../customers/listQuery';
import { CustomerListResponse, CustomerView } from '../customers/views';
import { CreateSegment, PreviewSegment, SegmentListQuery, SegmentListResponse, SegmentParams, SegmentView, SuggestSegments, UpdateSegment } from './schema';
import { pageRequestOf } from '../../pagination';

/** Segments: definitions, audience preview and counts, and the members of a segment. */
export function segmentRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/segments/fields',
    summary: 'The segmentable fields, their types and allowed operators',
    tag: 'Segments',
    auth: READERS,
    responses: { 200: { description: 'The field catalogue', schema: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) } },
    handler: (ctx) => {
      ctx.body = { data: ctx.domain.segments.fields() };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/segments/preview',
    unexpressed: [{ status: 422, rule: 'every condition must name a field of GET /segments/fields with an operator and a value that field takes' }],
    summary: 'Count and sample the audience of rules without saving them',
    tag: 'Segments',
    auth: READERS,
    body: PreviewSegment,
    responses: {
      200: { description: 'Count and sample', schema: z.object({ data: z.object({ count: z.number().int(), sampleCustomers: z.array(CustomerView) }) }) },
    },
    handler: async (ctx, { body }) => {
      ctx.body = { data: await ctx.domain.segments.preview(tenantOf(ctx), body.rules, body.limit) };
    },
  });
  for (const path of ['/api/v1/ai/segment-suggestions', '/api/v1/segments/suggestions']) {
    addRoute(target, {
      method: 'post',
      path,
      unexpressed: [{ status: 422, rule: 'the phrase must contain words the rule suggester understands (details list the others)' }],
      summary: 'Suggest segments from a phrase ("vip customers in New York"); deterministic, no model',
      tag: 'Segments',
      auth: READERS,
      body: SuggestSegments,
      responses: { 200: { description: 'Suggestions, most confident first', schema: z.object({ suggestions: z.array(z.record(z.string(), z.unknown())) }) } },
      handler: async (ctx, { body }) => {
        ctx.body = { suggestions: await ctx.domain.segments.suggest(tenantOf(ctx), body.query) };
      },
    });
  }
  addRoute(target, {
    method: 'post',
    path: '/api/v1/segments',
    unexpressed: [{ status: 422, rule: 'every condition must name a field of GET /segments/fields with an operator and a value that field takes' }],
    summary: 'Create a segment (membership is computed in the background)',
    tag: 'Segments',
    auth: WRITERS,
    idempotent: true,
    body: CreateSegment,
    responses: { 201: { description: 'Created', schema: z.object({ data: SegmentView }) }, 409: { description: 'Name already used' } },
    handler: async (ctx, { body }) => {
      ctx.status = 201;
      ctx.body = { data: await ctx.domain.segments.create(commandContext(ctx), { name: body.name, description: body.description, rules: body.rules }) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/segments',
    summary: "The tenant's segments, newest first, page or cursor pagination",
    tag: 'Segments',
    auth: READERS,
    query: SegmentListQuery,
    responses: { 200: { description: 'A page of segments', schema: SegmentListResponse } },
    handler: async (ctx, { query }) => {
      ctx.body = await ctx.domain.segments.list(tenantOf(ctx), pageRequestOf(query));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/segments/:id',
    summary: 'One segment with its normalised rules',
    tag: 'Segments',
    auth: READERS,
    params: SegmentParams,
    responses: { 200: { description: 'The segment', schema: z.object({ data: SegmentView }) }, 404: { description: 'No such segment' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.segments.get(tenantOf(ctx), params.id) };
    },
  });
  for (const method of ['put', 'patch'] as const) {
    addRoute(target, {
      method,
      path: '/api/v1/segments/:id',
      unexpressed: [{ status: 422, rule: 'every condition must name a field of GET /segments/fields with an operator and a value that field takes' }],
      summary: 'Change name, description or rules',
      tag: 'Segments',
      auth: WRITERS,
      params: SegmentParams,
      body: UpdateSegment,
      responses: {
        200: { description: 'Updated', schema: z.object({ data: SegmentView }) },
        404: { description: 'No such segment' },
        409: { description: 'Name already used by another segment' },
      },
      handler: async (ctx, { params, body }) => {
        ctx.body = { data: await ctx.domain.segments.update(commandContext(ctx), params.id, body) };
      },
    });
  }
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/segments/:id',
    summary: 'Delete a segment',
    tag: 'Segments',
    auth: WRITERS,
    params: SegmentParams,
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such segment' } },
    handler: async (ctx, { params }) => {
      await ctx.domain.segments.remove(commandContext(ctx), params.id);
      ctx.status = 204;
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/segments/:id/count',
    summary: 'How many customers the segment selects now',
    tag: 'Segments',
    auth: READERS,
    params: SegmentParams,
    responses: {
      200: { description: 'The count', schema: z.object({ data: z.object({ count: z.number().int() }) }) },
      404: { description: 'No such segment' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = { data: { count: await ctx.domain.segments.count(tenantOf(ctx), params.id) } };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/segments/:id/customers',
    summary: "The segment's customers, paginated and filterable like the customer list",
    tag: 'Segments',
    auth: READERS,
    params: SegmentParams,
    query: CustomerListQuery,
    responses: { 200: { description: 'A page of customers', schema: CustomerListResponse }, 404: { description: 'No such segment' } },
    handler: async (ctx, { params, query }) => {
      const predicate = await ctx.domain.segments.predicateFor(tenantOf(ctx), params.id);
      ctx.body = await ctx.domain.customers.list(tenantOf(ctx), { ...filtersFrom(query), predicate }, sortFrom(query), pageFrom(query));
    },
  });
}
