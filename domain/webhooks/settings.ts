import { createHash } from 'node:crypto';
import type { Config } from '../../lib/config';
import { parseSsrfPolicy, type SsrfPolicy } from '../../lib/ssrf';

/** Everything the webhook engine reads from configuration, parsed once. */
export interface WebhookSettings {
  ssrf: SsrfPolicy;
  /** Delays (ms) after the 1st, 2nd, … failed attempt; one more failure than entries fails the delivery. */
  retryScheduleMs: number[];
  /** An endpoint failing without a success for this long is disabled. */
  disableAfterMs: number;
  /** How long a rotated-out secret keeps signing. */
  secretGraceMs: number;
  timeoutMs: number;
  /** 32-byte AES key for secrets at rest. */
  secretsKey: Buffer;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `5s`, `1.5m`, `24h`, `5d` into milliseconds. */
export function parseDurationMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a duration`);
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!]!);
}

/** The AES-256 key of a WEBHOOK_SECRETS_KEY value (its SHA-256), so any string of 32+ characters serves. */
export const secretsKeyFrom = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The key that encrypts endpoint secrets in development when no key is configured. */
const DEVELOPMENT_KEY = 'herald-development-webhook-secrets-key';

/**
 * Builds the settings from Herald's configuration. Production refuses plain http; the secrets
 * key falls back to JWT_SECRET (required in production), then to a development constant.
 */
export function webhookSettings(config: Config): WebhookSettings {
  return {
    ssrf: parseSsrfPolicy(config.WEBHOOK_ALLOWED_HOSTS, config.NODE_ENV === 'production'),
    retryScheduleMs: config.WEBHOOK_RETRY_SCHEDULE.split(',').map(parseDurationMs),
    disableAfterMs: parseDurationMs(config.WEBHOOK_DISABLE_AFTER),
    secretGraceMs: parseDurationMs(config.WEBHOOK_SECRET_GRACE),
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    secretsKey: secretsKeyFrom(config.WEBHOOK_SECRETS_KEY ?? config.JWT_SECRET ?? DEVELOPMENT_KEY),
  };
}
