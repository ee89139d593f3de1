import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a tracking token stands for: an open, a click (with its target) or an unsubscribe of one ledger row. */
export type TokenPurpose = 'open' | 'click' | 'unsubscribe';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const mac = (secret: string, purpose: TokenPurpose, ledgerId: string, extra: string) =>
  createHmac('sha256', secret).update(`${purpose}\n${ledgerId}\n${extra}`).digest('base64url').slice(0, 32);

/**
 * Signs a ledger row id for one purpose (`<id>.<mac>`): links in messages carry no customer data
 * and cannot be forged or replayed for another purpose or another click target.
 */
export function signToken(secret: string, purpose: TokenPurpose, ledgerId: string, extra = ''): string {
  return `${ledgerId}.${mac(secret, purpose, ledgerId, extra)}`;
}

/**
 * The ledger row id of a valid token, or null when the token is malformed or no key signed it. Any
 * of `secrets` may have signed it (the current key, then earlier ones), so links in messages sent
 * before a key change keep working.
 */
export function verifyToken(secrets: string | readonly string[], purpose: TokenPurpose, token: string, extra = ''): string | null {
  const [ledgerId, signature] = token.split('.');
  if (!ledgerId || !signature || !UUID.test(ledgerId)) return null;
  const given = Buffer.from(signature);
  const signedBy = (secret: string) => {
    const expected = Buffer.from(mac(secret, purpose, ledgerId, extra));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  return [secrets].flat().some(signedBy) ? ledgerId : null;
}

/** Links a message needs, built from the public base URL. */
export interface MessageLinks {
  unsubscribeUrl: string;
  openPixelUrl: string;
  clickUrl(target: string): string;
  statusCallbackUrl: string;
}

/** The public links of one ledger row (unsubscribe, open pixel, click redirects, Twilio status callback). */
export function messageLinks(publicUrl: string, secret: string, ledgerId: string): MessageLinks {
  const base = `${publicUrl.replace(/\/$/, '')}/api/v1/messaging`;
  return {
    unsubscribeUrl: `${base}/unsubscribe/${signToken(secret, 'unsubscribe', ledgerId)}`,
    openPixelUrl: `${base}/open/${signToken(secret, 'open', ledgerId)}`,
    clickUrl: (target) => `${base}/click/${signToken(secret, 'click', ledgerId, target)}?url=${encodeURIComponent(target)}`,
    statusCallbackUrl: `${base}/twilio/status?ledgerId=${ledgerId}`,
  };
}

/**
 * Adds open and click tracking to rendered HTML: every absolute http(s) href goes through the
 * click redirect and a 1×1 pixel is appended. Plain-text bodies are left as they are.
 */
export function addTracking(html: string, links: MessageLinks): string {
  const rewritten = html.replace(/href="(https?:\/\/[^"]+)"/g, (_m, url: string) => `href="${links.clickUrl(url.replace(/&amp;/g, '&'))}"`);
  return `${rewritten}<img src="${links.openPixelUrl}" width="1" height="1" alt="" style="display:none">`;
}
