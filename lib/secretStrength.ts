/**
 * Checks of the secrets production runs with. A placeholder copied from docker-compose.yml or
 * .env.example, or a short or repetitive string, makes tokens forgeable (JWTs, unsubscribe and
 * tracking links) or stored webhook secrets readable; production refuses to start with one.
 */

/** Bits of entropy a Herald secret must carry: 32 random bytes, as `openssl rand -hex 32` gives. */
export const MIN_SECRET_BITS = 256;

/** Fewer distinct characters than this is a pattern, not a random string, whatever its length. */
const MIN_DISTINCT = 10;

/** Words that mark a value as something to replace. */
const PLACEHOLDER_WORDS = [
  'change-me',
  'changeme',
  'change_me',
  'replace-me',
  'replaceme',
  'replace_me',
  'insecure',
  'placeholder',
  'example',
  'default',
  'dev-only',
];

/**
 * Values Herald itself has shipped as defaults (docker-compose.yml before it required the
 * secrets, and the development tracking key), refused even if the words above change.
 */
const SHIPPED_VALUES = new Set([
  'dev-only-insecure-jwt-secret-change-me-0123456789',
  'dev-only-insecure-tracking-secret-change-me-0123',
  'dev-only-insecure-webhook-secrets-key-change-me',
  'herald-development-tracking-secret-change-me',
]);

/** Whether a value is a placeholder; the reason names the marker found. */
export function placeholderReason(value: string): string | undefined {
  if (SHIPPED_VALUES.has(value)) return 'is a default shipped with Herald';
  const lower = value.toLowerCase();
  // "your_jwt_secret": only as a prefix, since a random base64url string may hold "your_" anywhere.
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w)) ?? /^your[-_]/.exec(lower)?.[0];
  return word ? `looks like a placeholder (it contains "${word}")` : undefined;
}

/**
 * Estimated entropy of a string as if each character were drawn at random from the smallest
 * standard alphabet covering it: hex (16), base64 or base64url (64, padding not counted),
 * printable ASCII (94); other characters count as printable.
 */
export function estimatedBits(value: string): number {
  if (/^[0-9a-f]+$/i.test(value)) return value.length * 4;
  const unpadded = value.replace(/=+$/, '');
  if (/^[A-Za-z0-9+/]+$/.test(unpadded) || /^[A-Za-z0-9_-]+$/.test(unpadded)) return unpadded.length * 6;
  return value.length * Math.log2(94);
}

/**
 * Why a value may not be a production secret, or undefined when it may: a placeholder, fewer than
 * MIN_SECRET_BITS of estimated entropy, or too few distinct characters.
 */
export function secretWeakness(value: string): string | undefined {
  const placeholder = placeholderReason(value);
  if (placeholder) return placeholder;
  const bits = Math.floor(estimatedBits(value));
  if (bits < MIN_SECRET_BITS) return `carries about ${bits} bits of entropy; at least ${MIN_SECRET_BITS} are required`;
  if (new Set(value).size < MIN_DISTINCT) return `repeats too few characters (${new Set(value).size} distinct) to be random`;
  return undefined;
}
