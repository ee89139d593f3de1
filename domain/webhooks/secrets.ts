import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Endpoint secrets. Herald must sign with the plaintext, so secrets cannot be hashed; they are
 * encrypted at rest (AES-256-GCM) and shown only when created or rotated.
 *
 * Two forms are accepted: Standard Webhooks' `whsec_<base64>` (the key is the decoded bytes) and,
 * for seed 003's `"secret": "your_webhook_secret"`, any other printable string of 16–128
 * characters, whose bytes are the key (receivers verify with `new Webhook(secret, { format: 'raw' })`).
 */

const PREFIX = 'whsec_';

/** A new secret: `whsec_` + 24 random bytes in base64, the form Svix and the spec use. */
export const generateSecret = () => PREFIX + randomBytes(24).toString('base64');

/** Why a given secret is refused, or null when it is usable. */
export function secretProblem(secret: string): string | null {
  if (secret.startsWith(PREFIX)) {
    const body = secret.slice(PREFIX.length);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) return 'must be whsec_ followed by base64';
    const bytes = Buffer.from(body, 'base64').length;
    return bytes >= 16 && bytes <= 64 ? null : 'must decode to 16–64 bytes';
  }
  return /^[\x21-\x7e]{16,128}$/.test(secret) ? null : 'must be whsec_<base64> or 16–128 printable characters without spaces';
}

/** The HMAC key bytes of a secret in either form. */
export const signingKey = (secret: string): Buffer =>
  secret.startsWith(PREFIX) ? Buffer.from(secret.slice(PREFIX.length), 'base64') : Buffer.from(secret, 'latin1');

/** Encrypts a secret for storage: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts a stored secret; throws when the key is wrong or the value was tampered with. */
export function decryptSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
