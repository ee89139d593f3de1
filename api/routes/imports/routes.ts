import { z } from 'zod';
import { ImportOptionsInput, withDefaults } from '../../../domain/imports/options';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import {
  BulkImportBody,
  BulkImportResponse,
  ImportUploadBodies,
  ImportErrorListResponse,
  ImportErrorsQuery,
  ImportListQuery,
  ImportListResponse,
  ImportParams,
  ImportQuery,
  ImportView,
} from './schema';
import { readUpload } from './upload';
import { pageRequestOf } from '../../pagination';

const UPLOAD_SUMMARY =
  'Import customers in bulk: text/csv, multipart/form-data (a CSV file), application/x-ndjson (streamed, no size limit) or application/json ' +
  '(an array or { customers: [...] }, within the body limit). Answers 202 with the import; poll it for progress.';

/** Bulk imports: upload, progress, errors, cancellation, and seed 001's synchronous bulk import. */
export function importRoutes(target: RouteTarget): void {
  for (const path of ['/api/v1/imports', '/api/v1/customers/import']) {
    addRoute(target, {
      method: 'post',
      path,
      summary: UPLOAD_SUMMARY,
      tag: 'Imports',
      auth: WRITERS,
      query: ImportQuery,
      streamedBody: ImportUploadBodies,
      unexpressed: [
        {
          status: 400,
          rule: 'a CSV needs a header line and at least one row, and must parse as CSV; each NDJSON line must be a JSON object; a multipart body needs a file part',
        },
        {
          status: 422,
          rule: 'the upload must hold at least one row; options given as JSON text (mapping) must parse, and mapping values must name customer fields',
        },
      ],
      responses: {
        202: { description: 'Accepted: the rows are staged and the import is queued', schema: z.object({ data: ImportView }) },
        415: { description: 'Unsupported content type' },
        503: { description: 'The workflow service is unavailable' },
      },
      handler: async (ctx) => {
        const upload = await readUpload(ctx);
        const job = await ctx.domain.imports.create(commandContext(ctx), upload);
        ctx.status = 202;
        ctx.set('Location', `/api/v1/imports/${job.id}`);
        ctx.body = { data: job };
      },
    });
  }
  addRoute(target, {
    method: 'post',
    path: '/api/v1/customers/bulk/import',
    summary: 'Import up to 1,000 customers and answer with the outcome of every row (seed 001)',
    tag: 'Imports',
    auth: WRITERS,
    body: BulkImportBody,
    unexpressed: [{ status: 422, rule: 'options.mapping values must name customer fields' }],
    responses: {
      200: { description: 'Counts and per-row details', schema: BulkImportResponse },
      413: { description: 'More than 1,000 customers: use POST /imports' },
    },
    handler: async (ctx, { body }) => {
      const options = body.options ?? ImportOptionsInput.parse({});
      ctx.body = await ctx.domain.imports.importNow(commandContext(ctx), body.customers, withDefaults(options, ctx.config.DEFAULT_PHONE_REGION));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/imports',
    summary: "The tenant's imports, newest first",
    tag: 'Imports',
    auth: READERS,
    query: ImportListQuery,
    responses: { 200: { description: 'A page of imports', schema: ImportListResponse } },
    handler: async (ctx, { query }) => {
      ctx.body = await ctx.domain.imports.list(tenantOf(ctx), pageRequestOf(query), query.status);
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/imports/:id',
    summary: 'An import with live progress (counts, rows/s, ETA)',
    tag: 'Imports',
    auth: READERS,
    params: ImportParams,
    responses: { 200: { description: 'The import', schema: z.object({ data: ImportView }) }, 404: { description: 'No such import' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.imports.get(tenantOf(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/imports/:id/errors',
    summary: "An import's failed rows (row number, field, reason): a page of JSON or ?format=csv for all",
    tag: 'Imports',
    auth: READERS,
    params: ImportParams,
    query: ImportErrorsQuery,
    responses: {
      200: {
        description: 'A page of row errors (JSON), or all of them (CSV)',
        content: { 'application/json': ImportErrorListResponse, 'text/csv': z.string().meta({ description: 'row,field,message then one line per error' }) },
      },
      404: { description: 'No such import' },
    },
    handler: async (ctx, { params, query }) => {
      if (query.format === 'csv') {
        const stream = await ctx.domain.imports.errorsCsv(tenantOf(ctx), params.id);
        ctx.type = 'text/csv; charset=utf-8';
        ctx.attachment(`import-${params.id}-errors.csv`);
        ctx.body = stream;
        return;
      }
      ctx.body = await ctx.domain.imports.errors(tenantOf(ctx), params.id, pageRequestOf(query));
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/imports/:id/cancel',
    summary: 'Cancel an import; rows already imported stay',
    tag: 'Imports',
    auth: WRITERS,
    params: ImportParams,
    responses: {
      200: { description: 'Cancelled', schema: z.object({ data: ImportView }) },
      404: { description: 'No such import' },
      409: { description: 'Already finished' },
    },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.imports.cancel(commandContext(ctx), params.id) };
    },
  });
}
