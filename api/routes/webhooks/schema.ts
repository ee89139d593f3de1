import { z } from 'zod';
import { EVENT_TYPES } from '../../../domain/webhooks/eventTypes';
import { PageQuery, PaginationView } from '../../pagination';
import { text } from '../../text';
import { dateTimeField } from '../../timeFields';

/** What an endpoint can subscribe to: an exact event type, a family wildcard (`customer.*`) or `*`. */
const EVENT_FILTERS = ['*', ...new Set(EVENT_TYPES.flatMap((t) => [`${t.type.split('.')[0]}.*`, t.type]))] as [string, ...string[]];

/**
 * A signing secret: Standard Webhooks' `whsec_` + base64 of 16–64 bytes, or (seed 003) any
 * other 16–128 printable characters. The same rule as domain/webhooks/secrets.ts, as one pattern.
 */
const B64 = '[A-Za-z0-9+/]';
const SECRET = new RegExp(`^(whsec_((${B64}{4}){5,20}(${B64}{4}|${B64}{3}=|${B64}{2}==)|(${B64}{4}){21}${B64}{2}==)|(?!whsec_)[\\x21-\\x7e]{16,128})$`);

const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name');

/** Fields an endpoint can set (create and PATCH); the SSRF guard and the catalogue check them in the domain. */
/**
 * How a URL is checked, for the field's and the routes' documentation (seed 003's example host
 * `your-app.com` is refused on a machine where it has no DNS answer).
 */
export const URL_CHECK_DESCRIPTION =
  'Checked when the endpoint is created or its URL changed, before anything is stored: the host must resolve (DNS) here, ' +
  'and every address it resolves to (or the literal address) must be public. A host without a DNS answer is refused with 422 ' +
  '"does not resolve"; one that is or resolves to a loopback, private, link-local or reserved address with 422 "private or reserved address" ' +
  "(an operator can allow such hosts or networks in the deployment's configuration). Deliveries check the address again on every connection.";

const endpointFields = {
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
    .max(2000)
    .meta({ description: `http or https URL. ${URL_CHECK_DESCRIPTION}` }),
  events: z
    .array(z.enum(EVENT_FILTERS))
    .min(1)
    .max(100)
    .meta({ description: 'Exact types, family wildcards such as customer.*, or * (see /webhooks/event-types)' }),
  description: text({ max: 500 }).nullish(),
  enabled: z.boolean(),
  rateLimit: z.number().int().min(1).max(10_000).nullable().meta({ description: 'Deliveries per second at most; null for no limit' }),
  maxConcurrency: z.number().int().min(1).max(100).meta({ description: 'Requests in flight at once' }),
  headers: z.record(HeaderName, text({ max: 1000, trim: false })).refine((h) => Object.keys(h).length <= 20, 'at most 20 headers'),
};

/** Body of POST /webhooks: seed 003's `url`, `events`, `secret` plus Herald's options. */
export const CreateWebhook = z
  .object({
    ...endpointFields,
    events: endpointFields.events.default(['*']),
    enabled: endpointFields.enabled.optional(),
    rateLimit: endpointFields.rateLimit.optional(),
    maxConcurrency: endpointFields.maxConcurrency.optional(),
    headers: endpointFields.headers.optional(),
    secret: z
      .string()
      .regex(SECRET, 'must be whsec_<base64 of 16–64 bytes> or 16–128 printable characters without spaces')
      .optional()
      .meta({ description: 'whsec_<base64> or 16–128 printable characters; generated when absent' }),
  })
  .strict()
  .meta({ id: 'CreateWebhook' });

/** Body of PATCH /webhooks/:id: any subset of the fields (the secret changes through rotate-secret). */
export const UpdateWebhook = z.object(endpointFields).partial().strict().meta({ id: 'UpdateWebhook' });

/** Body of POST /webhooks/:id/rotate-secret (optional). */
export const RotateSecret = z
  .object({ secret: z.string().regex(SECRET, 'must be whsec_<base64 of 16–64 bytes> or 16–128 printable characters without spaces').optional() })
  .strict()
  .meta({ id: 'RotateWebhookSecret' });

/** Body of POST /webhooks/:id/replay. */
export const ReplayBody = z
  .object({
    scope: z.enum(['all', 'failed']).default('failed'),
    from: dateTimeField.optional(),
    to: dateTimeField.optional(),
  })
  .strict()
  .meta({ id: 'ReplayWebhookDeliveries' });

/** Path parameter naming one endpoint. */
export const WebhookParams = z.object({ id: z.uuid('must be a webhook id (UUID)') });
/** Path parameters naming a replay job of an endpoint. */
export const ReplayParams = z.object({ id: z.uuid('must be a webhook id (UUID)'), replayId: z.uuid('must be a replay id (UUID)') });
/** Path parameter naming one delivery. */
export const DeliveryParams = z.object({ id: z.uuid('must be a delivery id (UUID)') });

/** Query of GET /webhooks. */
export const WebhookListQuery = z.object(PageQuery).strict();

/** Query of GET /webhooks/:id/deliveries. */
export const DeliveryListQuery = z
  .object({
    ...PageQuery,
    status: z.enum(['pending', 'succeeded', 'failed']).optional(),
    eventType: text({ max: 100, trim: false }).optional(),
    from: dateTimeField.optional(),
    to: dateTimeField.optional(),
  })
  .strict();

/** An endpoint as returned (never with its secret, except from create and rotate-secret). */
export const WebhookView = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    disabledAt: z.string().nullable(),
    rateLimit: z.number().int().nullable(),
    maxConcurrency: z.number().int(),
    headers: z.record(z.string(), z.string()),
    failingSince: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    previousSecretExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });

/** An endpoint with its secret. */
export const WebhookWithSecretView = WebhookView.extend({ secret: z.string() }).meta({ id: 'WebhookWithSecret' });

/** A delivery as returned. */
export const DeliveryView = z
  .object({
    id: z.uuid(),
    endpointId: z.uuid(),
    eventId: z.uuid(),
    eventType: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    succeededAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

/** A delivery with its payload and attempts. */
export const DeliveryDetailView = DeliveryView.extend({
  payload: z.unknown(),
  attemptLog: z.array(
    z.object({
      attempt: z.number().int(),
      startedAt: z.string(),
      latencyMs: z.number().int(),
      statusCode: z.number().int().nullable(),
      responseExcerpt: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
}).meta({ id: 'WebhookDeliveryDetail' });

/** A replay job. */
export const ReplayView = z
  .object({
    id: z.uuid(),
    endpointId: z.uuid(),
    scope: z.enum(['all', 'failed']),
    from: z.string().nullable(),
    to: z.string().nullable(),
    status: z.enum(['running', 'completed', 'failed']),
    progress: z.object({ total: z.number().int(), processed: z.number().int() }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookReplay' });

/** List responses. */
export const WebhookListResponse = z.object({ data: z.array(WebhookView), pagination: PaginationView });
export const DeliveryListResponse = z.object({ data: z.array(DeliveryView), pagination: PaginationView });
