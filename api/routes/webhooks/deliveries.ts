import { z } from 'zod';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import {
  DeliveryDetailView,
  DeliveryListQuery,
  DeliveryListResponse,
  DeliveryParams,
  DeliveryView,
  ReplayBody,
  ReplayParams,
  ReplayView,
  WebhookParams,
} from './schema';
import { PageQuery, PaginationView, pageRequestOf } from '../../pagination';

/** Deliveries: the list per endpoint, one delivery with its attempts, retry, and replay jobs. */
export function webhookDeliveryRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/webhooks/:id/deliveries',
    summary: "An endpoint's deliveries, filtered by status, type and time",
    tag: 'Webhooks',
    auth: READERS,
    params: WebhookParams,
    query: DeliveryListQuery,
    responses: { 200: { description: 'A page of deliveries', schema: DeliveryListResponse }, 404: { description: 'No such endpoint' } },
    handler: async (ctx, { params, query }) => {
      ctx.body = await ctx.domain.webhookDeliveries.listDeliveries(
        tenantOf(ctx),
        params.id,
        { status: query.status, eventType: query.eventType, from: query.from, to: query.to },
        pageRequestOf(query),
      );
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/deliveries/:id',
    summary: 'One delivery with its payload and every attempt',
    tag: 'Webhooks',
    auth: READERS,
    params: DeliveryParams,
    responses: { 200: { description: 'The delivery', schema: z.object({ data: DeliveryDetailView }) }, 404: { description: 'No such delivery' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.webhookDeliveries.getDelivery(tenantOf(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/deliveries/:id/retry',
    summary: 'Send a delivery again now (same webhook-id)',
    tag: 'Webhooks',
    auth: WRITERS,
    params: DeliveryParams,
    responses: {
      202: { description: 'Queued', schema: z.object({ data: DeliveryView }) },
      404: { description: 'No such delivery' },
      409: { description: 'Already queued' },
    },
    handler: async (ctx, { params }) => {
      ctx.status = 202;
      ctx.body = { data: await ctx.domain.webhookDeliveries.retryDelivery(commandContext(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/webhooks/:id/replay',
    summary: 'Replay all or failed deliveries of a time range, as a job with progress',
    tag: 'Webhooks',
    auth: WRITERS,
    params: WebhookParams,
    body: ReplayBody,
    bodyOptional: true,
    responses: { 202: { description: 'The replay job', schema: z.object({ data: ReplayView }) }, 404: { description: 'No such endpoint' } },
    handler: async (ctx, { params, body }) => {
      const job = await ctx.domain.webhookDeliveries.replay(commandContext(ctx), params.id, body);
      ctx.status = 202;
      ctx.set('Location', `/api/v1/webhooks/${params.id}/replays/${job.id}`);
      ctx.body = { data: job };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/webhooks/:id/replays',
    summary: "An endpoint's replay jobs with their progress, newest first, page or cursor pagination",
    tag: 'Webhooks',
    auth: READERS,
    params: WebhookParams,
    query: z.object(PageQuery),
    responses: {
      200: {
        description: 'A page of replay jobs',
        schema: z.object({ data: z.array(ReplayView), pagination: PaginationView }).meta({ id: 'WebhookReplayList' }),
      },
      404: { description: 'No such endpoint' },
    },
    handler: async (ctx, { params, query }) => {
      ctx.body = await ctx.domain.webhookDeliveries.listReplays(tenantOf(ctx), params.id, pageRequestOf(query));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/webhooks/:id/replays/:replayId',
    summary: 'A replay job and its progress',
    tag: 'Webhooks',
    auth: READERS,
    params: ReplayParams,
    responses: { 200: { description: 'The job', schema: z.object({ data: ReplayView }) }, 404: { description: 'No such job' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.webhookDeliveries.getReplay(tenantOf(ctx), params.id, params.replayId) };
    },
  });
}
