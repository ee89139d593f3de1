import { z } from 'zod';
import { addRoute, type RouteTarget, type UnexpressedRule } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import {
  CreateWebhook,
  DeliveryView,
  RotateSecret,
  UpdateWebhook,
  URL_CHECK_DESCRIPTION,
  WebhookListQuery,
  WebhookListResponse,
  WebhookParams,
  WebhookView,
  WebhookWithSecretView,
} from './schema';
import { pageRequestOf } from '../../pagination';

/** The URL check of create and PATCH, with its two refusals as the 422 words them. */
const URL_RULE: readonly UnexpressedRule[] = [
  {
    status: 422,
    rule: 'the url host must resolve ("host … does not resolve"), and only to addresses the SSRF guard allows ("… private or reserved address"), unless WEBHOOK_ALLOWED_HOSTS lists the host',
  },
];

/** Webhook endpoints: CRUD, the event catalogue, secret rotation and test events. */
export function webhookRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/webhooks/event-types',
    summary: 'The event types an endpoint can subscribe to',
    tag: 'Webhooks',
    auth: READERS,
    responses: { 200: { description: 'The catalogue', schema: z.object({ data: z.array(z.object({ type: z.string(), description: z.string() })) }) } },
    handler: (ctx) => {
      ctx.body = { data: ctx.domain.webhooks.eventTypes() };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/webhooks',
    unexpressed: URL_RULE,
    summary: 'Create an endpoint (the secret is shown in this answer only)',
    tag: 'Webhooks',
    auth: WRITERS,
    idempotent: true,
    description: `The URL is checked now, not at the first delivery. ${URL_CHECK_DESCRIPTION}`,
    body: CreateWebhook,
    responses: { 201: { description: 'Created, with its secret', schema: z.object({ data: WebhookWithSecretView }) } },
    handler: async (ctx, { body }) => {
      const created = await ctx.domain.webhooks.create(commandContext(ctx), body);
      ctx.status = 201;
      ctx.set('Location', `/api/v1/webhooks/${created.id}`);
      ctx.body = { data: created };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/webhooks',
    summary: "The tenant's endpoints",
    tag: 'Webhooks',
    auth: READERS,
    query: WebhookListQuery,
    responses: { 200: { description: 'A page of endpoints', schema: WebhookListResponse } },
    handler: async (ctx, { query }) => {
      ctx.body = await ctx.domain.webhookDeliveries.listEndpoints(tenantOf(ctx), pageRequestOf(query));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/webhooks/:id',
    summary: 'One endpoint (without its secret)',
    tag: 'Webhooks',
    auth: READERS,
    params: WebhookParams,
    responses: { 200: { description: 'The endpoint', schema: z.object({ data: WebhookView }) }, 404: { description: 'No such endpoint' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: await ctx.domain.webhooks.get(tenantOf(ctx), params.id) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/webhooks/:id',
    unexpressed: URL_RULE,
    summary: 'Change an endpoint; enabling a disabled one delivers what it missed',
    tag: 'Webhooks',
    auth: WRITERS,
    description: `A new URL is checked as on create; nothing changes when it is refused. ${URL_CHECK_DESCRIPTION}`,
    params: WebhookParams,
    body: UpdateWebhook,
    responses: { 200: { description: 'Updated', schema: z.object({ data: WebhookView }) }, 404: { description: 'No such endpoint' } },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.webhooks.update(commandContext(ctx), params.id, body) };
    },
  });
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/webhooks/:id',
    summary: 'Delete an endpoint with its deliveries',
    tag: 'Webhooks',
    auth: WRITERS,
    params: WebhookParams,
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such endpoint' } },
    handler: async (ctx, { params }) => {
      await ctx.domain.webhooks.remove(commandContext(ctx), params.id);
      ctx.status = 204;
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/webhooks/:id/rotate-secret',
    summary: 'Issue a new secret; the old one keeps signing for 24 h (both signatures sent)',
    tag: 'Webhooks',
    auth: WRITERS,
    params: WebhookParams,
    body: RotateSecret,
    bodyOptional: true,
    responses: {
      200: { description: 'The endpoint with its new secret', schema: z.object({ data: WebhookWithSecretView }) },
      404: { description: 'No such endpoint' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: await ctx.domain.webhooks.rotateSecret(commandContext(ctx), params.id, body?.secret) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/webhooks/:id/test',
    summary: 'Send a webhook.test event to this endpoint',
    tag: 'Webhooks',
    auth: WRITERS,
    params: WebhookParams,
    responses: { 202: { description: 'Queued; follow the delivery', schema: z.object({ data: DeliveryView }) }, 404: { description: 'No such endpoint' } },
    handler: async (ctx, { params }) => {
      const delivery = await ctx.domain.webhooks.sendTest(commandContext(ctx), params.id);
      ctx.status = 202;
      ctx.set('Location', `/api/v1/deliveries/${delivery.id}`);
      ctx.body = { data: delivery };
    },
  });
}
