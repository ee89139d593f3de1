import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { createSigner } from '../../channels/webhookSigning';
import { decryptSecret, encryptSecret, generateSecret, secretProblem, signingKey } from '../../domain/webhooks/secrets';
import { nextAttemptDelayMs, parseRetryAfter } from '../../domain/webhooks/retry';

/** Secrets (forms, encryption at rest), signatures as standardwebhooks verifies them, and the retry policy. */
describe('webhook secrets and signing', () => {
  it('generates whsec_ secrets of 24 random bytes', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_/);
    expect(signingKey(secret)).toHaveLength(24);
    expect(secretProblem(secret)).toBeNull();
    expect(generateSecret()).not.toBe(secret);
  });

  it('accepts whsec_ base64 and long raw strings, refuses the rest', () => {
    expect(secretProblem('your_webhook_secret')).toBeNull();
    expect(secretProblem('short')).not.toBeNull();
    expect(secretProblem('has spaces in it, sixteen+')).not.toBeNull();
    expect(secretProblem('whsec_abc')).not.toBeNull();
    expect(secretProblem(`whsec_${randomBytes(8).toString('base64')}`)).not.toBeNull();
  });

  it('encrypts at rest and refuses a wrong key or a tampered value', () => {
    const key = randomBytes(32);
    const stored = encryptSecret(key, 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0');
    expect(stored).not.toContain('c2VjcmV0');
    expect(decryptSecret(key, stored)).toBe('whsec_c2VjcmV0c2VjcmV0c2VjcmV0');
    expect(() => decryptSecret(randomBytes(32), stored)).toThrow();
    expect(() => decryptSecret(key, `${stored.slice(0, -2)}AA`)).toThrow();
  });

  it('signs so that standardwebhooks verifies with either secret form, both during a rotation', () => {
    const current = generateSecret();
    const raw = 'your_webhook_secret';
    const signer = createSigner([signingKey(current), signingKey(raw)]);
    const body = JSON.stringify({ type: 'customer.created', timestamp: new Date().toISOString(), data: { id: 1 } });
    const headers = signer.headers('0f6d2a4e-1111-4222-8333-944445555666', new Date(), body);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(raw, { format: 'raw' }).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});

describe('webhook retry policy', () => {
  const schedule = [5000, 300_000, 1_800_000];

  it('follows the schedule with ±10 % jitter, then gives up', () => {
    expect(nextAttemptDelayMs(schedule, 1, null, () => 0)).toBe(4500);
    expect(nextAttemptDelayMs(schedule, 1, null, () => 1)).toBe(5500);
    expect(nextAttemptDelayMs(schedule, 3, null, () => 0.5)).toBe(1_800_000);
    expect(nextAttemptDelayMs(schedule, 4, null)).toBeNull();
  });

  it('uses Retry-After when given (capped at a day), in seconds or as a date', () => {
    expect(nextAttemptDelayMs(schedule, 1, 60_000)).toBe(60_000);
    expect(nextAttemptDelayMs(schedule, 1, 10 * 86_400_000)).toBe(86_400_000);
    expect(parseRetryAfter('7')).toBe(7000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});
