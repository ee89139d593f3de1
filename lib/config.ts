import { z } from 'zod';
import { placeholderReason, secretWeakness } from './secretStrength';
import { parseSsrfPolicy } from './ssrf';
import { parseTrustProxy } from './trustProxy';

/** A whole number in a range, from its environment string. */
const wholeNumber = (min: number, max: number, rule: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be ${rule}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be ${rule}`).max(max, `must be ${rule}`));
const port = wholeNumber(1, 65535, 'a port number between 1 and 65535');
/** A metrics port: 0 turns the endpoint off. */
const metricsPort = wholeNumber(0, 65535, 'a port number between 1 and 65535, or 0 for off');
const positiveInt = wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a positive whole number');
const optionalText = z.string().trim().min(1).optional();

/** Byte sizes such as `1mb`, `512kb` or a plain number of bytes, as the body parser limit takes them. */
const byteSize = z
  .string()
  .trim()
  .regex(/^\d+(b|kb|mb|gb)?$/i, 'must be a size such as 512kb or 1mb');

/**
 * Every setting Herald reads from the environment, validated once at start so a typo stops
 * the process with a line naming the variable instead of failing later in a request.
 */
/** The tracking key outside production: fixed, so a development API and worker agree without setup. */
const DEVELOPMENT_TRACKING_SECRET = 'herald-development-tracking-secret-change-me';

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    PUBLIC_URL: z.url('must be a URL such as https://herald.example.com').optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATABASE_POOL_MAX: positiveInt.default(10),
    HERALD_PG_PORT: port.default(5433),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[\w.-]+:\d+$/, 'must be host:port')
      .optional(),
    TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default('herald'),
    TEMPORAL_PORT: port.default(7233),
    TEMPORAL_UI_PORT: port.default(8233),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT: byteSize.default('1mb'),
    CORS_ORIGINS: z.string().trim().default('*'),
    RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).default('memory'),
    RATE_LIMIT_GENERAL_PER_MINUTE: positiveInt.default(100),
    RATE_LIMIT_IMPORTS_PER_MINUTE: positiveInt.default(5),
    RATE_LIMIT_IP_PER_MINUTE: positiveInt.default(600),
    // Proxies whose X-Forwarded-For/-Proto/-Host are believed: unset trusts none (lib/trustProxy.ts).
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    HERALD_DEV_KEY_FILE: optionalText,
    SEGMENT_REFRESH_INTERVAL: z
      .string()
      .trim()
      .regex(/^\d+\s*(seconds?|minutes?|hours?|s|m|h)$/, 'must be a duration such as 30 seconds or 5 minutes')
      .default('5 minutes'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    SMTP_FROM: z.string().trim().min(3).default('Herald <no-reply@herald.local>'),
    SMTP_POOL_SIZE: positiveInt.default(5),
    TWILIO_ACCOUNT_SID: z
      .string()
      .trim()
      .regex(/^AC\w{32}$/, 'must be a Twilio account SID (AC followed by 32 characters)')
      .optional(),
    TWILIO_AUTH_TOKEN: optionalText,
    TWILIO_FROM: optionalText,
    TWILIO_MESSAGING_SERVICE_SID: optionalText,
    TWILIO_WHATSAPP_FROM: z
      .string()
      .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must be whatsapp:+E164, e.g. whatsapp:+14155238886')
      .optional(),
    TWILIO_API_BASE: z.url('must be a URL such as http://127.0.0.1:4010').optional(),
    TRACKING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CAMPAIGN_PAGE_SIZE: positiveInt.default(200),
    CAMPAIGN_CONCURRENCY: positiveInt.default(20),
    CAMPAIGN_PAGES_PER_RUN: positiveInt.default(500),
    DEV_SMTP_PORT: port.default(2525),
    DEFAULT_PHONE_REGION: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US or GB')
      .default('US'),
    // Webhooks (issue 7): SSRF allow-list, retry schedule, auto-disable window, secrets at rest.
    WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .trim()
      .default('')
      .superRefine((value, ctx) => {
        try {
          parseSsrfPolicy(value, false);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: `must be a comma list of host names, IP addresses or CIDRs such as 10.0.0.0/8 (${(err as Error).message})` });
        }
      }),
    WEBHOOK_RETRY_SCHEDULE: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?(ms|s|m|h|d)(\s*,\s*\d+(\.\d+)?(ms|s|m|h|d))*$/, 'must be comma-separated durations such as 5s,5m,30m,2h')
      .default('5s,5m,30m,2h,5h,10h,14h,20h,24h'),
    WEBHOOK_DISABLE_AFTER: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?(ms|s|m|h|d)$/, 'must be a duration such as 5d or 12h')
      .default('5d'),
    WEBHOOK_SECRET_GRACE: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?(ms|s|m|h|d)$/, 'must be a duration such as 24h')
      .default('24h'),
    WEBHOOK_TIMEOUT_MS: positiveInt.default(15000),
    WEBHOOK_SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    // Worker (issue 5, session 3): where the pre-built workflow bundle is kept.
    WORKFLOW_BUNDLE_DIR: optionalText,
    // Metrics and traces (issue 21): each process's /metrics on a port of its own, OTLP traces when an endpoint is set.
    METRICS_HOST: z
      .string()
      .trim()
      .min(1)
      .default('127.0.0.1')
      .describe('Address the metrics endpoints (GET /metrics, Prometheus text) listen on; 0.0.0.0 to let a scraper on another host reach them'),
    METRICS_PORT: metricsPort
      .default(9464)
      .describe("Port of the API process's GET /metrics (herald serve, and herald dev for both halves); 0 turns it off. Never the API port"),
    WORKER_METRICS_PORT: metricsPort
      .default(9465)
      .describe("Port of the worker process's GET /metrics (herald worker), which also carries the Temporal SDK's worker metrics; 0 turns it off"),
    OTEL_EXPORTER_OTLP_ENDPOINT: z
      .url('must be a URL such as http://otel-collector:4318')
      .optional()
      .describe('OpenTelemetry collector (OTLP over HTTP) to send traces to, e.g. http://otel-collector:4318; unset: tracing is off and nothing is loaded'),
    // People and sign-in (issue 20, docs/console.md): rolling cookie sessions, lockout, login rate limits, OpenID providers.
    SESSION_IDLE_MINUTES: wholeNumber(1, 525600, 'a whole number of minutes from 1 to 525600')
      .default(720)
      .describe('A console session ends after this many minutes without a request (rolling expiry)'),
    SESSION_MAX_DAYS: wholeNumber(1, 365, 'a whole number of days from 1 to 365')
      .default(30)
      .describe('A console session ends this many days after sign-in, however active'),
    LOGIN_LOCKOUT_FAILURES: wholeNumber(1, 100, 'a whole number from 1 to 100').default(5).describe('Consecutive wrong passwords that lock an address'),
    LOGIN_LOCKOUT_MINUTES: wholeNumber(1, 1440, 'a whole number of minutes from 1 to 1440').default(15).describe('How long a locked address stays locked'),
    RATE_LIMIT_LOGIN_IP_PER_MINUTE: positiveInt.default(30).describe('Sign-in and password-reset requests per client IP per minute'),
    RATE_LIMIT_LOGIN_EMAIL_PER_MINUTE: positiveInt.default(10).describe('Sign-in and password-reset requests per email address per minute'),
    OIDC_PROVIDERS: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{0,30}(\s*,\s*[a-z][a-z0-9-]{0,30})*$/, 'must be a comma list of provider names such as google,okta')
      .optional()
      .describe('OpenID Connect providers people may sign in with; each NAME needs OIDC_<NAME>_ISSUER, OIDC_<NAME>_CLIENT_ID and OIDC_<NAME>_CLIENT_SECRET'),
    // Bulk import (issue 5, session 4): concurrent chunk writers per import (default: one per core, at most 4).
    IMPORT_WRITERS: wholeNumber(1, 16, 'a whole number from 1 to 16').optional(),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.NODE_ENV === 'production' && !cfg.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (cfg.TWILIO_ACCOUNT_SID && !cfg.TWILIO_AUTH_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'is required when TWILIO_ACCOUNT_SID is set' });
    }
    if (cfg.TWILIO_ACCOUNT_SID && !cfg.TWILIO_FROM && !cfg.TWILIO_MESSAGING_SERVICE_SID) {
      ctx.addIssue({ code: 'custom', path: ['TWILIO_FROM'], message: 'or TWILIO_MESSAGING_SERVICE_SID is required when TWILIO_ACCOUNT_SID is set' });
    }
    if (cfg.NODE_ENV === 'production' && !cfg.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when NODE_ENV=production' });
    }
    // Tracking and unsubscribe tokens are forgeable with a known key: production must bring its own.
    if (cfg.NODE_ENV === 'production' && !cfg.TRACKING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TRACKING_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    // Endpoint secrets are encrypted with this key; falling back to JWT_SECRET would make rotating
    // the JWT secret silently orphan every stored webhook secret.
    if (cfg.NODE_ENV === 'production' && !cfg.WEBHOOK_SECRETS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRETS_KEY'], message: 'is required when NODE_ENV=production' });
    }
    // Production never runs with a placeholder or a guessable secret (see lib/secretStrength.ts).
    if (cfg.NODE_ENV === 'production') {
      for (const name of ['JWT_SECRET', 'TRACKING_SECRET', 'WEBHOOK_SECRETS_KEY'] as const) {
        const weakness = cfg[name] === undefined ? undefined : secretWeakness(cfg[name]);
        if (weakness)
          ctx.addIssue({ code: 'custom', path: [name], message: `${weakness} when NODE_ENV=production; generate one with \`openssl rand -hex 32\`` });
      }
      const token = cfg.TWILIO_AUTH_TOKEN === undefined ? undefined : placeholderReason(cfg.TWILIO_AUTH_TOKEN);
      if (token) ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: `${token}; set the auth token of your Twilio account` });
    }
  })
  .transform((cfg) => ({ ...cfg, TRACKING_SECRET: cfg.TRACKING_SECRET ?? DEVELOPMENT_TRACKING_SECRET }));

/** One OpenID Connect provider people may sign in with (`OIDC_<NAME>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`). */
export interface OidcProviderSettings {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Herald's validated configuration, with the OpenID providers OIDC_PROVIDERS names. */
export type Config = z.output<typeof ConfigSchema> & { oidcProviders: OidcProviderSettings[] };

/** Raised when the environment holds a bad or missing setting; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses and validates settings from an environment (process.env by default).
 * Empty strings count as unset, so `PORT=` falls back to the default rather than failing.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  if (result.success) return { ...result.data, oidcProviders: oidcProvidersFrom(result.data.OIDC_PROVIDERS, cleaned) };
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const got = env[name];
  const shown =
    got === undefined ? 'unset' : /SECRET|TOKEN|KEY|PASSWORD/.test(name) || name === 'DATABASE_URL' || name === 'SMTP_URL' ? 'value hidden' : `got "${got}"`;
  throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'} (${shown})`);
}

/** The settings of each provider OIDC_PROVIDERS names, read from its own three variables. */
function oidcProvidersFrom(names: string | undefined, env: Record<string, string | undefined>): OidcProviderSettings[] {
  if (!names) return [];
  return names.split(',').map((raw) => {
    const name = raw.trim();
    const prefix = `OIDC_${name.toUpperCase().replace(/-/g, '_')}_`;
    const read = (suffix: string) => {
      const value = env[prefix + suffix]?.trim();
      if (!value) throw new ConfigError(`Invalid configuration: ${prefix}${suffix} is required because OIDC_PROVIDERS names ${name} (unset)`);
      return value;
    };
    const issuer = read('ISSUER');
    if (!URL.canParse(issuer))
      throw new ConfigError(`Invalid configuration: ${prefix}ISSUER must be a URL such as https://accounts.google.com (got "${issuer}")`);
    return { name, issuer, clientId: read('CLIENT_ID'), clientSecret: read('CLIENT_SECRET') };
  });
}
