import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookEvent } from './types';

export { Webhook, WebhookVerificationError };

/** Request headers as frameworks hand them over: a fetch `Headers`, or Node's header object. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** The three Standard Webhooks headers, whatever the letter case or container. */
function signatureHeaders(headers: WebhookHeaders): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const get = (name: string): string => {
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? '';
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
    return Array.isArray(entry) ? entry.join(' ') : (entry ?? '');
  };
  return { 'webhook-id': get('webhook-id'), 'webhook-timestamp': get('webhook-timestamp'), 'webhook-signature': get('webhook-signature') };
}

/**
 * Verifies a webhook request from Herald and answers its event, typed. `payload` must be the raw
 * body exactly as received (verify before parsing JSON). `secret` is the endpoint's secret in
 * either form Herald accepts: `whsec_<base64>`, or a plain string of your own (seed 003's form),
 * whose bytes are the key. Throws {@link WebhookVerificationError} when the signature does not
 * match any signature in the header (during a rotation Herald signs with both secrets) or the
 * timestamp is more than five minutes away from now.
 */
export function verifyWebhook(payload: string | Uint8Array, headers: WebhookHeaders, secret: string): WebhookEvent {
  // A plain secret's key is its characters' codes (latin1), as Herald signs with it.
  const webhook = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
  const body = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
  return webhook.verify(body, signatureHeaders(headers)) as WebhookEvent;
}
