import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks signing: `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`, the
 * same bytes the `standardwebhooks` library computes (the tests verify every request with it),
 * but with Node's native HMAC instead of the library's pure-JavaScript SHA-256, which cost a
 * few percent of the dispatcher's CPU per delivery. During a rotation both keys sign and the
 * header carries both signatures, space-separated, as the spec allows.
 */
export function createSigner(keys: readonly Uint8Array[]) {
  return {
    /** The headers of one attempt: `webhook-id` is the delivery id, the same on every retry. */
    headers(id: string, at: Date, body: string): Record<string, string> {
      const timestamp = String(Math.floor(at.getTime() / 1000));
      const signed = `${id}.${timestamp}.${body}`;
      return {
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': keys.map((key) => `v1,${createHmac('sha256', key).update(signed).digest('base64')}`).join(' '),
      };
    },
  };
}

/** A signer for a set of keys. */
export type Signer = ReturnType<typeof createSigner>;
