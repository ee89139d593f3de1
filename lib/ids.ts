import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new random identifier for records and requests. */
export const newId = (): string => randomUUID();

/** Prefix of every Herald API key, so leaked keys are recognisable by secret scanners. */
export const API_KEY_PREFIX = 'hk_';

/** A new API key: `hk_` followed by 32 random bytes in base64url (256 bits of entropy). */
export const newApiKey = (): string => API_KEY_PREFIX + randomBytes(32).toString('base64url');

/** The stored form of an API key: its SHA-256 in hex. Keys are random, so no salt or slow hash is needed. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The part of a key safe to show again after creation, to tell keys apart in lists. */
export const apiKeyDisplayPrefix = (key: string): string => key.slice(0, API_KEY_PREFIX.length + 8);
