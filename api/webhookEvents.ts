import { EVENT_CATALOGUE, EVENT_TYPE_NAMES, WEBHOOK_BODIES } from '../domain/events/catalogue';
import type { OpenAPIRegistry } from './openapi';

/**
 * The webhooks Herald sends, in the OpenAPI document's top-level `webhooks` object: one entry per
 * event type, its body generated from the same schema the emitters are typed by
 * (domain/events/catalogue.ts), with the Standard Webhooks headers and what each answer does.
 */

/** Who gets an event of this type. */
const recipients = (type: string) =>
  type === 'webhook.test'
    ? 'Sent only to the endpoint being tested'
    : "Sent to every endpoint of the tenant whose `events` filter selects this type (exact, `family.*` or `*`; a disabled endpoint's are kept until it is enabled again)";

const HOW_TO_VERIFY =
  " as a POST of `application/json`, with the endpoint's own `headers`, `user-agent: Herald-Webhooks/1.0` and the Standard Webhooks headers. Verify the signature over the raw body " +
  'with any Standard Webhooks library (`standardwebhooks` on npm, PyPI, …) and the endpoint secret (`whsec_…`), reject timestamps far from now, ' +
  'and deduplicate on `webhook-id`: delivery is at least once, and events of one endpoint may arrive out of order when retried.';

/**
 * The Standard Webhooks headers every delivery attempt carries (channels/webhookSigning.ts), as
 * reusable header parameters. Plain OpenAPI objects: Herald sends these headers, it never parses them.
 */
function signatureHeaders(registry: OpenAPIRegistry) {
  const header = (component: string, name: string, schema: Record<string, string>, description: string) =>
    registry.registerComponent('parameters', component, { name, in: 'header', required: true, schema: { type: 'string', ...schema }, description }).ref;
  return [
    header('WebhookId', 'webhook-id', { format: 'uuid' }, 'The delivery id: one per event and endpoint, the same on every retry (deduplicate on it)'),
    header('WebhookTimestamp', 'webhook-timestamp', { pattern: '^[0-9]+$' }, 'When this attempt was signed, in Unix seconds (part of the signed content)'),
    header(
      'WebhookSignature',
      'webhook-signature',
      { pattern: '^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$' },
      '`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the endpoint secret (the base64 after `whsec_`); ' +
        'while a rotated-out secret is in its grace period, a second signature made with it follows, space-separated',
    ),
  ];
}

const answer = (description: string) => ({ description });

/**
 * What the receiver's answer does (domain/webhooks/settle.ts, retry.ts; defaults from
 * lib/config.ts): the delivery succeeds on 2xx, 410 disables the endpoint, anything else is
 * retried on the schedule and fails after the last retry.
 */
const RESPONSES = {
  '2XX': answer('Delivered: the delivery is marked succeeded and is not sent again. The response body is ignored (its start is kept in the attempt log).'),
  '410': answer(
    'Gone: the endpoint is disabled at once (`disabledReason: gone`, an `endpoint.disabled` event goes to the endpoints subscribed to it). ' +
      'This delivery and the events that follow are kept, not dropped, and are sent once the endpoint is enabled again (PATCH /webhooks/{id} `enabled: true`).',
  ),
  '429': answer(
    'Too many requests: retried after the `Retry-After` header (seconds or an HTTP date, at most 24 hours) when given, otherwise on the retry schedule.',
  ),
  '503': answer('Unavailable: handled as 429 (`Retry-After` honoured).'),
  default: answer(
    'Any other status (redirects are not followed, so 3xx too), a connection error or no answer within WEBHOOK_TIMEOUT_MS (15 s by default): ' +
      'retried with the same `webhook-id` after each delay of WEBHOOK_RETRY_SCHEDULE (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h by default, ±10 % jitter); ' +
      'after the last one the delivery is failed (it can be retried by hand: POST /deliveries/{id}/retry). An endpoint that has had no success for ' +
      'WEBHOOK_DISABLE_AFTER (5 days by default) is disabled (`disabledReason: failing`).',
  ),
};

/** Registers one `webhooks` entry per event type, with its body schema, headers and answers. */
export function registerWebhookEvents(registry: OpenAPIRegistry): void {
  const parameters = signatureHeaders(registry);
  for (const type of EVENT_TYPE_NAMES) {
    registry.registerWebhook({
      method: 'post',
      path: type,
      operationId: `webhook.${type}`,
      summary: EVENT_CATALOGUE[type].description,
      description: `${EVENT_CATALOGUE[type].description}. ${recipients(type)}${HOW_TO_VERIFY}`,
      tags: ['Webhook events'],
      parameters,
      request: {
        body: { required: true, description: `The ${type} event`, content: { 'application/json': { schema: WEBHOOK_BODIES[type] } } },
      },
      responses: RESPONSES,
    });
  }
}
