// Only the signature check: the full twilio package would add ~24 MB to every API process.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { z } from 'zod';
import { trackingKeys } from '../../../lib/secretKeys';
import { AppError, forbidden, notFound } from '../../../lib/errors';
import type { HeraldContext } from '../../context';
import { addRoute, type RouteTarget } from '../../route';
import { hhmmField, TIMEZONE_RULE, timezoneField } from '../../timeFields';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { text } from '../../text';

const TokenParams = z.object({ token: text({ min: 10, max: 200, trim: false }) });
const MessageBody = z
  .object({
    message: text({ min: 1, max: 10_000 }),
    channel: z.enum(['email', 'sms']).default('sms'),
    subject: text({ min: 1, max: 998 }).optional(),
  })
  .strict();
const MessagingSettings = z
  .object({
    fromEmail: text({ min: 3, max: 320 }).optional().meta({ description: 'From header of e-mail, e.g. "Shop <news@shop.example>"' }),
    communicationHours: z.object({ start: hhmmField, end: hhmmField }).strict().optional().meta({ description: 'for customers without their own' }),
    timezone: timezoneField.optional(),
    inboundNumbers: z
      .array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, e.g. +14155550100'))
      .max(100)
      .optional()
      .meta({
        description: "The tenant's Twilio numbers: inbound SMS and WhatsApp to them become this tenant's conversations (POST /messaging/twilio/inbound)",
      }),
    conversationReopenDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .optional()
      .meta({ description: 'A message on a conversation resolved within this many days reopens it; later it opens a new one (default 7)' }),
    smsSegmentPrice: z
      .object({ amount: z.number().min(0).max(100), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD') })
      .strict()
      .optional()
      .meta({ description: 'What one SMS segment costs, for the cost the message checks show (default 0.0083 USD)' }),
  })
  .strict();
const Sent = z.object({
  success: z.literal(true),
  sent: z.number().int(),
  campaignId: z.uuid(),
  skipped: z.array(z.object({ customerId: z.string(), reason: z.string() })),
});

/** A transparent 1×1 GIF, answered by the open-tracking pixel. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Reads a form-encoded request body (Twilio's callbacks) as a plain object. */
export async function formBody(ctx: HeraldContext): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new AppError(413, 'payload_too_large', 'The callback body is too large');
    chunks.push(chunk as Buffer);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/**
 * Messaging: seed 000's direct messages, and the public endpoints recipients and providers
 * reach (unsubscribe, open and click tracking with signed tokens, Twilio status callbacks),
 * plus the development outbox.
 */
export function messagingRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/customers/message',
    summary: 'Seed 000: message several customers (through the campaign pipeline: consent, ledger, audit)',
    tag: 'Messaging',
    auth: WRITERS,
    body: MessageBody.extend({ customerIds: z.array(z.uuid()).min(1).max(1000) }),
    responses: {
      200: { description: 'Queued; `sent` counts recipients the message will reach, `skipped` the others with the reason', schema: Sent },
      404: { description: 'An id is not a customer of this tenant' },
    },
    handler: async (ctx, { body }) => {
      const r = await ctx.domain.campaigns.sendDirect(commandContext(ctx), body);
      ctx.body = { success: true, sent: r.queued, campaignId: r.campaignId, skipped: r.skipped };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/customers/:id/message',
    summary: 'Seed 000: message one customer',
    tag: 'Messaging',
    auth: WRITERS,
    params: z.object({ id: z.uuid('must be a UUID') }),
    body: MessageBody,
    responses: {
      200: { description: 'Queued', schema: z.object({ success: z.literal(true), campaignId: z.uuid() }) },
      404: { description: 'No such customer' },
      422: { description: 'The customer cannot be messaged on this channel (reason in details)' },
    },
    handler: async (ctx, { params, body }) => {
      const r = await ctx.domain.campaigns.sendDirect(commandContext(ctx), { ...body, customerIds: [params.id] });
      if (r.skipped.length)
        throw new AppError(422, 'not_messageable', `The customer cannot be messaged by ${body.channel}: ${r.skipped[0]!.reason}`, [
          { location: 'body', path: 'channel', message: r.skipped[0]!.reason },
        ]);
      ctx.body = { success: true, campaignId: r.campaignId };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/messaging/unsubscribe/:token',
    summary: 'Unsubscribe page (a GET never unsubscribes: link scanners prefetch)',
    tag: 'Messaging',
    auth: 'public',
    params: TokenParams,
    responses: { 200: { description: 'An HTML page with a confirm button', content: { 'text/html': z.string() } } },
    handler: (ctx, { params }) => {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = `<!doctype html><title>Unsubscribe</title><form method="post" action="${encodeURIComponent(params.token)}"><p>Stop receiving these messages?</p><button name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`;
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/messaging/unsubscribe/:token',
    summary: 'One-click unsubscribe (RFC 8058): consent off and the address suppressed',
    tag: 'Messaging',
    auth: 'public',
    // Mail clients POST `List-Unsubscribe=One-Click` as a form; the token alone decides, so the body is not read.
    params: TokenParams,
    bodyOptional: true,
    streamedBody: {
      'application/x-www-form-urlencoded': z
        .record(z.string(), z.string())
        .meta({ description: 'Mail clients send `List-Unsubscribe=One-Click` (RFC 8058); the token alone decides and the form is not read' }),
    },
    responses: {
      200: { description: 'Unsubscribed', schema: z.object({ data: z.object({ unsubscribed: z.literal(true) }) }) },
      404: { description: 'Invalid token' },
    },
    handler: async (ctx, { params }) => {
      if (!(await ctx.domain.campaigns.unsubscribe(trackingKeys(ctx.config), params.token))) throw notFound('Subscription');
      ctx.body = { data: { unsubscribed: true } };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/messaging/open/:token',
    summary: 'Open-tracking pixel',
    tag: 'Messaging',
    auth: 'public',
    params: TokenParams,
    responses: { 200: { description: 'A 1×1 GIF', content: { 'image/gif': z.string().meta({ format: 'binary' }) } }, 404: { description: 'Invalid token' } },
    handler: async (ctx, { params }) => {
      if (!(await ctx.domain.campaigns.recordOpen(trackingKeys(ctx.config), params.token))) throw notFound('Message');
      ctx.type = 'image/gif';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = PIXEL;
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/messaging/click/:token',
    summary: 'Click redirect: records the click, then 302 to the signed target (never an open redirect)',
    tag: 'Messaging',
    auth: 'public',
    params: TokenParams,
    query: z.object({ url: z.url() }),
    responses: {
      302: { description: 'Redirect to the target', headers: { Location: { description: 'The signed target URL' } } },
      404: { description: 'Invalid token or target' },
    },
    handler: async (ctx, { params, query }) => {
      if (!(await ctx.domain.campaigns.recordClick(trackingKeys(ctx.config), params.token, query.url))) throw notFound('Link');
      ctx.redirect(query.url);
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/messaging/twilio/status',
    summary: "Twilio delivery status callback (checked with twilio's validateRequest)",
    tag: 'Messaging',
    auth: 'public',
    query: z
      .object({
        ledgerId: z.uuid().optional().meta({ description: 'A campaign message (its ledger row)' }),
        messageId: z.uuid().optional().meta({ description: 'A conversation message (an agent reply)' }),
      })
      .refine((q) => (q.ledgerId === undefined) !== (q.messageId === undefined), { message: 'send ledgerId or messageId', path: ['ledgerId'] }),
    streamedBody: {
      'application/x-www-form-urlencoded': z.record(z.string(), z.string()).meta({ description: "Twilio's status parameters (MessageStatus, ErrorCode, …)" }),
    },
    responses: { 204: { description: 'Applied' }, 403: { description: 'Bad or missing X-Twilio-Signature' } },
    unexpressed: [{ status: 400, rule: 'exactly one of ledgerId (a campaign message) and messageId (a conversation message) names the message' }],
    handler: async (ctx, { query }) => {
      const token = ctx.config.TWILIO_AUTH_TOKEN;
      const params = await formBody(ctx);
      const url = ctx.config.PUBLIC_URL ? `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}${ctx.originalUrl}` : ctx.href;
      if (!token || !validateRequest(token, ctx.get('X-Twilio-Signature'), url, params)) throw forbidden('The Twilio signature does not match');
      if (query.ledgerId) await ctx.domain.campaigns.applySmsStatus(query.ledgerId, params.MessageStatus ?? '', params.ErrorCode);
      else await ctx.domain.conversations.applyMessageStatus(query.messageId!, params.MessageStatus ?? '', params.ErrorCode);
      ctx.status = 204;
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/messaging/settings',
    summary: "The tenant's messaging defaults: from address, communication hours, timezone",
    tag: 'Messaging',
    auth: READERS,
    responses: { 200: { description: 'The settings', schema: z.object({ data: MessagingSettings }) } },
    handler: async (ctx) => {
      ctx.body = { data: await ctx.domain.messaging.settings(tenantOf(ctx)) };
    },
  });
  addRoute(target, {
    method: 'put',
    path: '/api/v1/messaging/settings',
    summary: "Replace the tenant's messaging defaults",
    tag: 'Messaging',
    auth: ['admin'],
    unexpressed: [TIMEZONE_RULE],
    body: MessagingSettings,
    responses: {
      200: { description: 'The settings', schema: z.object({ data: MessagingSettings }) },
      409: { description: 'An inbound number is already listed by another tenant' },
    },
    handler: async (ctx, { body }) => {
      ctx.body = { data: await ctx.domain.messaging.updateSettings(commandContext(ctx), body) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/dev/outbox',
    summary: 'Development only: messages the local SMTP catcher and log SMS provider received',
    tag: 'Messaging',
    auth: READERS,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
    responses: {
      200: { description: 'Newest first', schema: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) },
      404: { description: 'In production' },
    },
    handler: async (ctx, { query }) => {
      if (ctx.config.NODE_ENV === 'production') throw notFound('Route');
      ctx.body = { data: await ctx.domain.messaging.devOutbox(tenantOf(ctx), query.limit) };
    },
  });
}
