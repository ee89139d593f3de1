import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of sign-in: session tokens (the cookie), their CSRF tokens, and the single-use
 * tokens of invitation and password-reset e-mails. The database holds only SHA-256 hashes.
 */

/** SHA-256 in hex: the stored form of a session token or a user token (random, so no salt or slow hash). */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A new session token: 32 random bytes, base64url (256 bits). */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/**
 * The CSRF token of a session: derived from the session token, which the page cannot read (the
 * cookie is httpOnly), so only a response of Herald's can tell it. Stable for the session's life.
 */
export const csrfTokenOf = (sessionToken: string): string => createHash('sha256').update(`herald-csrf:${sessionToken}`).digest('base64url');

/** Whether two secrets are equal, in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The token mailed for an invitation or a password reset: `<token id>.<HMAC of the id>`. It is
 * derived from the row's id with the deployment's key, so the worker that sends the e-mail can
 * rebuild it from the id alone: no secret travels through Temporal's history, and the table
 * keeps only the token's hash.
 */
export const userTokenFor = (tokenId: string, key: string): string =>
  `${tokenId}.${createHmac('sha256', `herald-user-token:${key}`).update(tokenId).digest('base64url')}`;

/** The id a mailed token names, when the token is well formed and its HMAC is right; undefined otherwise. */
export function tokenIdOf(token: string, key: string): string | undefined {
  const id = token.split('.', 1)[0] ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined;
  return sameSecret(userTokenFor(id, key), token) ? id : undefined;
}
