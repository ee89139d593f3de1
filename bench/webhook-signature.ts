import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): base64 HMAC-SHA256 of
 * `${id}.${timestamp}.${body}`, sent as `webhook-signature: v1,<sig>`. The benchmark signs
 * and verifies every message so the baseline pays the same crypto Herald's deliveries will.
 */

/** Headers a signed delivery carries. */
export interface SignedHeaders {
  'content-type': string;
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** How far a timestamp may drift before the receiver refuses it (replay protection). */
const TOLERANCE_SECONDS = 300;

const hmac = (secret: Buffer, id: string, timestamp: string, body: string): Buffer =>
  createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest();

/** Builds the headers for one delivery of `body`. */
export function signWebhook(secret: Buffer, id: string, body: string, now = Date.now()): SignedHeaders {
  const timestamp = String(Math.floor(now / 1000));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${hmac(secret, id, timestamp, body).toString('base64')}`,
  };
}

/**
 * Checks a delivery the way a careful receiver does: fresh timestamp, and any of the
 * space-separated `v1,` signatures matching in constant time.
 */
export function verifyWebhook(secret: Buffer, headers: Record<string, string | string[] | undefined>, body: string, now = Date.now()): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = hmac(secret, id, timestamp, body);
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || signature === undefined) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
