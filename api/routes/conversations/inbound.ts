// Only the signature check: the full twilio package would add ~24 MB to every API process.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { z } from 'zod';
import { forbidden } from '../../../lib/errors';
import { addRoute, type RouteTarget } from '../../route';
import { formBody } from '../messaging/routes';

/** The empty TwiML answer: Herald replies later, through the API, never in the webhook's answer. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * Twilio's inbound webhook for SMS and WhatsApp (issue 18), accept-then-process: the signature is
 * checked against PUBLIC_URL + the path and the auth token (403, nothing stored), then Twilio's
 * parameters are stored in the inbound queue in one statement and the empty TwiML is answered.
 * The worker's inbound processor applies the message shortly after (tenant by the `To` number's
 * `inboundNumbers`, customer, thread, events); a number no tenant claims, or a sender that is not
 * a phone number, is answered 200 all the same so Twilio never retries forever.
 */
export function conversationInboundRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/messaging/twilio/inbound',
    summary: "Twilio's inbound message webhook (SMS and WhatsApp), checked with twilio's validateRequest",
    description:
      'Accept-then-process: a correctly signed post is stored in the inbound queue and answered at once with an empty TwiML ' +
      'response. The worker applies it shortly after (usually well under a second): the tenant whose `inboundNumbers` list the ' +
      '`To` number, the customer found by phone or created, STOP/START consent, the thread, `message.received` and ' +
      '`conversation.opened` events. A repeated `MessageSid` is stored once. A number no tenant claims, or a sender that is not a ' +
      'phone number, is answered 200 too (the first stores nothing, the second is kept as an unmatched conversation).',
    tag: 'Conversations',
    auth: 'public',
    streamedBody: {
      'application/x-www-form-urlencoded': z
        .record(z.string(), z.string())
        .meta({ description: "Twilio's message parameters (MessageSid, From, To, Body, NumMedia, OptOutType, …)" }),
    },
    responses: {
      200: {
        description: 'Accepted: stored for processing, applied to its tenant and thread shortly after; an empty TwiML response',
        content: { 'text/xml': z.string() },
      },
      403: { description: 'Bad or missing X-Twilio-Signature' },
    },
    handler: async (ctx) => {
      const token = ctx.config.TWILIO_AUTH_TOKEN;
      const params = await formBody(ctx);
      const url = ctx.config.PUBLIC_URL ? `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}${ctx.originalUrl}` : ctx.href;
      if (!token || !validateRequest(token, ctx.get('X-Twilio-Signature'), url, params)) throw forbidden('The Twilio signature does not match');
      await ctx.domain.conversations.acceptInbound(params);
      ctx.type = 'text/xml';
      ctx.body = EMPTY_TWIML;
    },
  });
}
