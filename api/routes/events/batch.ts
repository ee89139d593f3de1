import type { z } from 'zod';
import type { BatchItem } from '../../../domain/customerEvents/types';
import { AppError } from '../../../lib/errors';
import type { HeraldContext } from '../../context';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, WRITERS } from '../../routeContext';
import { identifyInputOf, trackInputOf } from './inputs';
import { BATCH_ITEM_SCHEMAS, BatchCall, BatchResponse, MAX_BATCH_BYTES } from './schema';

/** The body's size as received (the parser keeps the raw text), for the 500 KB limit. */
const bodyBytes = (ctx: HeraldContext, body: unknown) => {
  const raw = (ctx.request as { rawBody?: unknown }).rawBody;
  return typeof raw === 'string' ? Buffer.byteLength(raw) : Buffer.byteLength(JSON.stringify(body));
};

/** One item checked against its type's schema; a bad one becomes its own 422, naming `batch.<index>.<field>`. */
function itemOf(raw: Record<string, unknown>, index: number, sharedContext: Record<string, unknown> | undefined): BatchItem {
  const declared = typeof raw.type === 'string' ? raw.type : 'unknown';
  const invalid = (details: Array<{ path: string; message: string }>): BatchItem => ({
    type: 'invalid',
    declared,
    error: { status: 422, code: 'validation_failed', message: 'The item did not pass validation', details: details.map((d) => ({ location: 'body', ...d })) },
  });
  if (declared !== 'track' && declared !== 'identify') return invalid([{ path: `batch.${index}.type`, message: 'must be "track" or "identify"' }]);
  const parsed = BATCH_ITEM_SCHEMAS[declared].safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues.map((i) => ({ path: ['batch', index, ...i.path].join('.'), message: i.message })));
  return declared === 'track'
    ? { type: 'track', input: trackInputOf(parsed.data as z.output<(typeof BATCH_ITEM_SCHEMAS)['track']>, sharedContext) }
    : { type: 'identify', input: identifyInputOf(parsed.data as z.output<(typeof BATCH_ITEM_SCHEMAS)['identify']>) };
}

/** POST /batch: Segment's batch call, each item answered on its own. */
export function batchRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/batch',
    summary: 'Track and identify in bulk (Segment batch call)',
    tag: 'Customer events',
    auth: WRITERS,
    description:
      'Items run in order (consecutive tracks are stored in one transaction). The answer is 200 with one result per item: accepted, deduplicated, or the error that item alone got (422, 404, 409), so one bad item never drops the others. A body over 500 KB as sent is refused with 413.',
    body: BatchCall,
    responses: { 200: { description: 'One result per item', schema: BatchResponse } },
    handler: async (ctx, { body }) => {
      if (bodyBytes(ctx, body) > MAX_BATCH_BYTES)
        throw new AppError(413, 'payload_too_large', `A batch must be at most ${MAX_BATCH_BYTES / 1024} KB; send smaller batches`);
      const items = body.batch.map((raw, i) => itemOf(raw, i, body.context));
      const results = await ctx.domain.customerEvents.batch(commandContext(ctx), items);
      const accepted = results.filter((r) => r.ok).length;
      const deduplicated = results.filter((r) => r.ok && 'deduplicated' in r && r.deduplicated).length;
      ctx.body = { data: { accepted: accepted - deduplicated, deduplicated, failed: results.length - accepted, results } };
    },
  });
}
