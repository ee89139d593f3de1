import { z } from 'zod';
import { EXPORT_CONTENT_TYPES } from '../../../lib/exportStreams';
import { forbidden } from '../../../lib/errors';
import type { HeraldContext } from '../../context';
import { EXPORT_CONTENT } from '../../routeDocs';
import { addRoute, type RouteTarget } from '../../route';
import { CustomerListQuery, filtersFrom, pageFrom, sortFrom } from './listQuery';
import { READERS, tenantOf } from '../../routeContext';
import { CustomerParams } from './schema';
import { CustomerListResponse, CustomerSelfResponse, ObjectResponse } from './views';
import { text } from '../../text';

const SearchQuery = CustomerListQuery.omit({ search: true }).extend({ q: text({ min: 2, max: 100, message: 'must be at least 2 characters' }) });
const ExportQuery = CustomerListQuery.extend({ format: z.enum(['csv', 'json', 'ndjson']).default('csv') });

/** The compiled rule of a segmentId filter (404 for a segment of another tenant). */
const segmentPredicate = async (ctx: HeraldContext, segmentId: string | undefined) =>
  segmentId ? ctx.domain.segments.predicateFor(tenantOf(ctx), segmentId) : undefined;

/** The customer a customer-role credential speaks for. */
const selfId = (ctx: HeraldContext) => {
  const id = ctx.state.principal?.customerId;
  if (!id) throw forbidden('This credential is not linked to a customer');
  return id;
};

/**
 * Read-only views over customers: search, tenant statistics and analytics, per-customer
 * statistics, self-service for customer-role credentials, and streaming export. Registered
 * before `/customers/:id` so these fixed paths win.
 */
export function customerReportRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/me',
    summary: "The signed-in customer's own profile",
    tag: 'Customer self-service',
    auth: ['customer'],
    responses: { 200: { description: 'The profile, with its complaint counts', schema: CustomerSelfResponse }, 404: { description: 'Profile not found' } },
    handler: async (ctx) => {
      ctx.body = { data: await ctx.domain.customers.self(tenantOf(ctx), selfId(ctx)) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/me/statistics',
    summary: "The signed-in customer's order and complaint statistics",
    tag: 'Customer self-service',
    auth: ['customer'],
    responses: { 200: { description: 'Statistics', schema: ObjectResponse } },
    handler: async (ctx) => {
      ctx.body = { data: await ctx.domain.customers.statistics(tenantOf(ctx), selfId(ctx)) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/search',
    unexpressed: [{ status: 404, rule: 'segmentId must name a segment of this tenant' }],
    summary: 'Search by name, email or phone (q, at least 2 characters)',
    tag: 'Customers',
    auth: READERS,
    query: SearchQuery,
    responses: { 200: { description: 'Matching customers', schema: CustomerListResponse } },
    handler: async (ctx, { query }) => {
      ctx.body = await ctx.domain.customers.list(
        tenantOf(ctx),
        { ...filtersFrom(query), search: query.q, predicate: await segmentPredicate(ctx, query.segmentId) },
        sortFrom(query),
        pageFrom(query),
      );
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/export',
    unexpressed: [{ status: 404, rule: 'segmentId must name a segment of this tenant' }],
    summary: 'Stream customers as CSV, JSON or NDJSON (list filters apply)',
    tag: 'Customers',
    auth: READERS,
    query: ExportQuery,
    responses: { 200: { description: 'The export, streamed', content: EXPORT_CONTENT } },
    handler: async (ctx, { query }) => {
      const predicate = await segmentPredicate(ctx, query.segmentId);
      ctx.type = EXPORT_CONTENT_TYPES[query.format];
      ctx.set('Content-Disposition', `attachment; filename="customers.${query.format}"`);
      ctx.body = ctx.domain.customers.exportCustomers(tenantOf(ctx), { ...filtersFrom(query), predicate }, query.format);
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/stats/summary',
    summary: 'Totals, VIPs, blocked, new this month, counts per segment',
    tag: 'Customer analytics',
    auth: READERS,
    responses: { 200: { description: 'Summary', schema: ObjectResponse } },
    handler: async (ctx) => {
      ctx.body = { data: await ctx.domain.customers.summary(tenantOf(ctx)) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/analytics',
    summary: 'Breakdowns by status, tier and segment; new customers; order and complaint metrics; top customers',
    tag: 'Customer analytics',
    auth: READERS,
    responses: { 200: { description: 'Analytics', schema: ObjectResponse } },
    handler: async (ctx) => {
      ctx.body = { data: await ctx.domain.customers.analytics(tenantOf(ctx)) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/customers/:id/stats',
    summary: 'Orders by status, average order value, spend by month, complaint statistics',
    tag: 'Customer analytics',
    auth: READERS,
    params: CustomerParams,
    responses: { 200: { description: 'Statistics', schema: ObjectResponse }, 404: { description: 'No such customer' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.customers.statistics(tenantOf(ctx), params.id) };
    },
  });
}
