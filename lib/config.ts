import { z } from 'zod';
import { secretList } from './secretKeys';
import { placeholderReason, secretWeakness } from './secretStrength';
import { parseSsrfPolicy } from './ssrf';
import { parseTrustProxy } from './trustProxy';
import { oidcProvidersFrom, type OidcProviderSettings } from './oidcProviders';

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

/** Earlier values of a secret, kept for verifying only: a comma list of secrets of at least 32 characters each. */
const previousSecrets = z
  .string()
  .refine((value) => secretList(value).every((entry) => entry.length >= 32), 'must be a comma list of secrets of at least 32 characters each');

/** Byte sizes such as `1mb`, `512kb` or a plain number of bytes, as the body parser limit takes them. */
const byteSize = z
  .string()
  .trim()
  .regex(/^\d+(b|kb|mb|gb)?$/i, 'must be a size such as 512kb or 1mb');

/** The tracking key outside production: fixed, so a development API and worker agree without setup. */
const DEVELOPMENT_TRACKING_SECRET = 'herald-development-tracking-secret-change-me';

/**
 * The variables production cannot do without, each for a reason: a real database; JWT, tracking and
 * webhook keys of its own (tokens are forgeable with a known key, and falling back to JWT_SECRET for
 * webhook secrets would make rotating it orphan every stored endpoint secret); and PUBLIC_URL, or
 * messages carry links to the listen address and Twilio's signatures cannot be checked. The
 * configuration reference (docs/configuration.md) marks the same list.
 */
export const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'JWT_SECRET', 'TRACKING_SECRET', 'WEBHOOK_SECRETS_KEY', 'PUBLIC_URL'] as const;

/**
 * Every setting Herald reads from the environment with its validation, default and description,
 * validated once at start so a typo stops the process with a line naming the variable instead of
 * failing later in a request. docs/configuration.md and .env.example are generated from it
 * (`npm run docs:config`).
 */
export const ConfigFields = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe(
      'development, test or production. Production requires the variables marked so here, refuses placeholder or weak secrets, requires https webhook URLs and refuses to start a worker that cannot send on a channel with pending messages.',
    ),
  HOST: z.string().trim().min(1).default('127.0.0.1').describe('Address the API listens on (0.0.0.0 for every interface, as in a container).'),
  PORT: port.default(3000).describe('TCP port the API listens on.'),
  PUBLIC_URL: z
    .url('must be a URL such as https://herald.example.com')
    .optional()
    .describe(
      'Base URL recipients and Twilio reach the API at, e.g. https://herald.example.com: unsubscribe and tracking links in messages, Twilio status callbacks and the URL Twilio signatures are checked against, the server of the OpenAPI document. Unset outside production: http://HOST:PORT.',
    ),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .describe(
      'PostgreSQL connection URL (postgres://user:password@host:5432/herald). Unset outside production: Herald runs its own cluster under .data/postgres on HERALD_PG_PORT.',
    ),
  DATABASE_POOL_MAX: positiveInt
    .default(10)
    .describe('Most PostgreSQL connections one process opens (API or worker). Keep import writers and concurrent requests below it.'),
  HERALD_PG_PORT: port.default(5433).describe('Port of the cluster Herald runs itself when DATABASE_URL is unset (herald dev, herald services up).'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .optional()
    .describe('Temporal frontend as host:port. Unset: herald dev and herald services up run `temporal server start-dev` on TEMPORAL_PORT.'),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default').describe("Temporal namespace Herald's workflows run in; it must exist."),
  TEMPORAL_TASK_QUEUE: z
    .string()
    .trim()
    .min(1)
    .default('herald')
    .describe('Task queue the worker polls and the API starts workflows on; every API and worker process of one deployment uses the same one.'),
  TEMPORAL_PORT: port.default(7233).describe('gRPC port of the Temporal dev server Herald runs itself when TEMPORAL_ADDRESS is unset.'),
  TEMPORAL_UI_PORT: port.default(8233).describe('Web UI port of that dev server.'),
  TEMPORAL_CLUSTER_DATABASE: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,40}$/, 'must be a lower-case database name')
    .default('temporal')
    .describe(
      "Cluster mode (`herald services up --cluster`, docs/operations.md): the database of the real Temporal server on Herald's PostgreSQL; visibility goes to `<name>_visibility`.",
    ),
  TEMPORAL_HISTORY_SHARDS: wholeNumber(1, 16384, 'a whole number from 1 to 16384')
    .default(4)
    .describe('Cluster mode: history shards of the real Temporal server, fixed for good when its database is created.'),
  JWT_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'HS256 key for JWT bearer tokens (claims tenant, role, sub), at least 32 characters. `herald dev` generates one when unset; production requires a strong one (openssl rand -hex 32).',
    ),
  JWT_SECRET_PREVIOUS: previousSecrets
    .optional()
    .describe(
      'Earlier JWT_SECRET values, comma-separated: tokens signed with them are still accepted while clients move to tokens signed with JWT_SECRET. Remove each once its tokens have expired.',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('fatal, error, warn, info, debug, trace or silent (pino, JSON lines on stdout).'),
  BODY_LIMIT: byteSize.default('1mb').describe('Largest JSON request body (413 beyond it), e.g. 512kb or 1mb.'),
  CORS_ORIGINS: z.string().trim().default('*').describe('Comma-separated browser origins allowed to call the API, or * for any.'),
  RATE_LIMIT_STORE: z
    .enum(['memory', 'postgres'])
    .default('memory')
    .describe('memory (counts per process) or postgres (shared by every API process; use it when more than one API process runs).'),
  RATE_LIMIT_GENERAL_PER_MINUTE: positiveInt.default(100).describe('Requests a minute per API key on most routes.'),
  RATE_LIMIT_SESSION_PER_MINUTE: positiveInt
    .default(600)
    .describe("Requests a minute per console session on most routes (the console's live views poll once a second)."),
  RATE_LIMIT_IMPORTS_PER_MINUTE: positiveInt.default(5).describe('Imports a minute per API key.'),
  RATE_LIMIT_IP_PER_MINUTE: positiveInt.default(600).describe('Requests a minute per client address.'),
  RATE_LIMIT_AI_PER_MINUTE: positiveInt
    .default(20)
    .describe(
      'Requests a minute per user (API key or token) on the AI endpoints (/api/v1/ai/*: message suggestions and checks, insights, segment suggestions), as seed 003 sets.',
    ),
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
    })
    .describe(
      'Proxies whose X-Forwarded-For/-Proto/-Host are believed. Unset or false: none. A number: that many proxies in front. Or a comma list of addresses, CIDRs and loopback, linklocal, uniquelocal (e.g. 10.0.0.0/8,127.0.0.1).',
    ),
  HERALD_DEV_KEY_FILE: optionalText.describe("Where `herald dev` keeps the development tenant's admin key (default .data/dev-key.json)."),
  HERALD_DATA_DIR: optionalText.describe(
    "Where Herald keeps local state: its own PostgreSQL cluster, the Temporal dev server's SQLite file and logs, pid files, the dev key and the workflow bundle (default .data in the repository).",
  ),
  PG_BIN_DIR: optionalText.describe(
    "`herald backup` and `herald restore`: a folder holding `pg_dump` and `pg_restore` at least as new as the server. Unset: PATH, then .tools, then Debian's folders, else PostgreSQL 18 client tools are downloaded with pip (docs/operations.md).",
  ),
  SEGMENT_REFRESH_INTERVAL: z
    .string()
    .trim()
    .regex(/^\d+\s*(seconds?|minutes?|hours?|s|m|h)$/, 'must be a duration such as 30 seconds or 5 minutes')
    .default('5 minutes')
    .describe('How often the Temporal Schedule re-checks time-relative segments (withinLastDays\u2026), e.g. 30 seconds or 5 minutes.'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe(
      'SMTP server for e-mail, smtp:// or smtps:// with credentials (smtp://user:password@smtp.example.com:587). Unset: e-mail goes to the development catcher on DEV_SMTP_PORT, which only `herald dev` runs.',
    ),
  SMTP_FROM: z
    .string()
    .trim()
    .min(3)
    .default('Herald <no-reply@herald.local>')
    .describe("Default From address of e-mail; a tenant's messaging settings override it."),
  SMTP_POOL_SIZE: positiveInt.default(5).describe('SMTP connections each worker keeps open.'),
  TWILIO_ACCOUNT_SID: z
    .string()
    .trim()
    .regex(/^AC\w{32}$/, 'must be a Twilio account SID (AC followed by 32 characters)')
    .optional()
    .describe('Twilio account SID (AC\u2026). Without it (and TWILIO_AUTH_TOKEN), SMS and WhatsApp go to the development outbox instead of being sent.'),
  TWILIO_AUTH_TOKEN: optionalText.describe("Twilio auth token: sends messages and checks the signature of Twilio's status and inbound webhooks."),
  TWILIO_FROM: optionalText.describe('Sender number of SMS (E.164); this or TWILIO_MESSAGING_SERVICE_SID is required with TWILIO_ACCOUNT_SID.'),
  TWILIO_MESSAGING_SERVICE_SID: optionalText.describe('Twilio Messaging Service that picks the sender (MG\u2026), instead of TWILIO_FROM.'),
  TWILIO_WHATSAPP_FROM: z
    .string()
    .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'must be whatsapp:+E164, e.g. whatsapp:+14155238886')
    .optional()
    .describe('WhatsApp sender as whatsapp:+E164, for WhatsApp conversations.'),
  TWILIO_API_BASE: z
    .url('must be a URL such as http://127.0.0.1:4010')
    .optional()
    .describe("Base URL of a Twilio-compatible Messages API instead of Twilio's (tests point the real client at a local fake)."),
  TRACKING_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Key that signs open/click tracking and unsubscribe links, at least 32 characters. To change it, move the old value to TRACKING_SECRET_PREVIOUS, or the links in messages already sent stop working. Unset outside production: a fixed development value shared by the API and the worker.',
    ),
  TRACKING_SECRET_PREVIOUS: previousSecrets
    .optional()
    .describe(
      'Earlier TRACKING_SECRET values, comma-separated: links in messages sent before a change keep working (unsubscribe, open, click); new links are signed with TRACKING_SECRET.',
    ),
  CAMPAIGN_PAGE_SIZE: positiveInt
    .default(200)
    .describe('Recipients a campaign claims per page; also the most messages that can be repeated after a worker crash.'),
  CAMPAIGN_CONCURRENCY: positiveInt.default(20).describe('Sends in flight per worker (and Twilio sockets).'),
  CAMPAIGN_PAGES_PER_RUN: positiveInt
    .default(500)
    .describe("Activity calls one run of a campaign's workflow makes before it continues as new (bounded history)."),
  DEV_SMTP_PORT: port.default(2525).describe('Port of the development SMTP catcher `herald dev` runs when SMTP_URL is unset (any free port when taken).'),
  DEFAULT_PHONE_REGION: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US or GB')
    .default('US')
    .describe('Region of phone numbers written without a country code (ISO 3166 alpha-2); phones are stored in E.164.'),
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
    })
    .describe(
      'Comma-separated host names, IP addresses or CIDRs (no ports, no wildcards) webhooks may reach although they resolve to loopback, private or link-local addresses. `herald dev` allows loopback when unset; production allows nothing by default and requires https.',
    ),
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?(ms|s|m|h|d)(\s*,\s*\d+(\.\d+)?(ms|s|m|h|d))*$/, 'must be comma-separated durations such as 5s,5m,30m,2h')
    .default('5s,5m,30m,2h,5h,10h,14h,20h,24h')
    .describe('Delays after each failed delivery attempt (the first attempt is immediate), with jitter; after the last the delivery fails.'),
  WEBHOOK_DISABLE_AFTER: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?(ms|s|m|h|d)$/, 'must be a duration such as 5d or 12h')
    .default('5d')
    .describe('An endpoint failing without a success for this long is disabled (endpoint.disabled is emitted).'),
  WEBHOOK_SECRET_GRACE: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?(ms|s|m|h|d)$/, 'must be a duration such as 24h')
    .default('24h')
    .describe('After an endpoint secret rotation, how long the old secret keeps signing beside the new one.'),
  WEBHOOK_TIMEOUT_MS: positiveInt.default(15000).describe('Timeout of one delivery attempt, in milliseconds.'),
  WEBHOOK_SECRETS_KEY: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Key that encrypts webhook endpoint secrets at rest, at least 32 characters. Change it with `herald secrets rotate` (the old key in OLD_WEBHOOK_SECRETS_KEY), or stored endpoint secrets become unreadable. Unset outside production: JWT_SECRET.',
    ),
  // Worker (issue 5, session 3): where the pre-built workflow bundle is kept.
  WORKFLOW_BUNDLE_DIR: optionalText.describe(
    "Folder of the worker's pre-built workflow bundle (built on first start, reused while workflows/ is unchanged); default .data/workflow-bundles, or the temp dir when that is not writable.",
  ),
  // The console (issue 20): where its build is served from.
  CONSOLE_DIR: optionalText.describe(
    'Folder of the built console (`npm run console:build` writes console/dist), served at /console. Default: console/dist beside the code.',
  ),
  // Metrics and traces (issue 21): each process's /metrics on a port of its own, OTLP traces when an endpoint is set.
  METRICS_HOST: z
    .string()
    .trim()
    .min(1)
    .default('127.0.0.1')
    .describe('Address the metrics endpoints (GET /metrics, Prometheus text) listen on; 0.0.0.0 to let a scraper on another host reach them.'),
  METRICS_PORT: metricsPort
    .default(9464)
    .describe("Port of the API process's GET /metrics (herald serve, and herald dev for both halves); 0 turns it off. Never the API port."),
  WORKER_METRICS_PORT: metricsPort
    .default(9465)
    .describe("Port of the worker process's GET /metrics (herald worker), which also carries the Temporal SDK's worker metrics; 0 turns it off."),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url('must be a URL such as http://otel-collector:4318')
    .optional()
    .describe('OpenTelemetry collector (OTLP over HTTP) to send traces to, e.g. http://otel-collector:4318; unset: tracing is off and nothing is loaded.'),
  // People and sign-in (issue 20, docs/console.md): rolling cookie sessions, lockout, login rate limits, OpenID providers.
  SESSION_IDLE_MINUTES: wholeNumber(1, 525600, 'a whole number of minutes from 1 to 525600')
    .default(720)
    .describe('A console session ends after this many minutes without a request (rolling expiry).'),
  SESSION_MAX_DAYS: wholeNumber(1, 365, 'a whole number of days from 1 to 365')
    .default(30)
    .describe('A console session ends this many days after sign-in, however active.'),
  LOGIN_LOCKOUT_FAILURES: wholeNumber(1, 100, 'a whole number from 1 to 100').default(5).describe('Consecutive wrong passwords that lock an address.'),
  LOGIN_LOCKOUT_MINUTES: wholeNumber(1, 1440, 'a whole number of minutes from 1 to 1440').default(15).describe('How long a locked address stays locked.'),
  RATE_LIMIT_LOGIN_IP_PER_MINUTE: positiveInt.default(30).describe('Sign-in and password-reset requests per client IP per minute.'),
  RATE_LIMIT_LOGIN_EMAIL_PER_MINUTE: positiveInt.default(10).describe('Sign-in and password-reset requests per email address per minute.'),
  OIDC_PROVIDERS: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{0,30}(\s*,\s*[a-z][a-z0-9-]{0,30})*$/, 'must be a comma list of provider names such as google,okta')
    .optional()
    .describe(
      'OpenID Connect providers people may sign in with; each NAME needs OIDC_<NAME>_ISSUER, OIDC_<NAME>_CLIENT_ID and OIDC_<NAME>_CLIENT_SECRET (docs/console.md).',
    ),
  // Bulk import (issue 5, session 4): concurrent chunk writers per import (default: one per core, at most 4).
  IMPORT_WRITERS: wholeNumber(1, 16, 'a whole number from 1 to 16')
    .optional()
    .describe('Chunk writers per bulk import, each on its own PostgreSQL connection (1 to 16). Default: min(4, cores). Keep it below DATABASE_POOL_MAX.'),
});

/** The fields, the rules between them (production requirements, Twilio pairs) and the development tracking key. */
const ConfigSchema = ConfigFields.superRefine((cfg, ctx) => {
  if (cfg.NODE_ENV === 'production') {
    for (const name of REQUIRED_IN_PRODUCTION)
      if (cfg[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when NODE_ENV=production' });
  }
  if (cfg.TWILIO_ACCOUNT_SID && !cfg.TWILIO_AUTH_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'is required when TWILIO_ACCOUNT_SID is set' });
  }
  if (cfg.TWILIO_ACCOUNT_SID && !cfg.TWILIO_FROM && !cfg.TWILIO_MESSAGING_SERVICE_SID) {
    ctx.addIssue({ code: 'custom', path: ['TWILIO_FROM'], message: 'or TWILIO_MESSAGING_SERVICE_SID is required when TWILIO_ACCOUNT_SID is set' });
  }
  // Production never runs with a placeholder or a guessable secret (see lib/secretStrength.ts).
  if (cfg.NODE_ENV === 'production') {
    for (const name of ['JWT_SECRET', 'TRACKING_SECRET', 'WEBHOOK_SECRETS_KEY'] as const) {
      const weakness = cfg[name] === undefined ? undefined : secretWeakness(cfg[name]);
      if (weakness) ctx.addIssue({ code: 'custom', path: [name], message: `${weakness} when NODE_ENV=production; generate one with \`openssl rand -hex 32\`` });
    }
    // An earlier key still verifies tokens, so it must have been a real secret too.
    for (const name of ['JWT_SECRET_PREVIOUS', 'TRACKING_SECRET_PREVIOUS'] as const) {
      const weakness = secretList(cfg[name]).map(secretWeakness).find(Boolean);
      if (weakness) ctx.addIssue({ code: 'custom', path: [name], message: `holds a secret that ${weakness} when NODE_ENV=production` });
    }
    const token = cfg.TWILIO_AUTH_TOKEN === undefined ? undefined : placeholderReason(cfg.TWILIO_AUTH_TOKEN);
    if (token) ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: `${token}; set the auth token of your Twilio account` });
  }
}).transform((cfg) => ({ ...cfg, TRACKING_SECRET: cfg.TRACKING_SECRET ?? DEVELOPMENT_TRACKING_SECRET }));

export type { OidcProviderSettings };

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
  // Every problem at once, so a production start names each missing variable instead of one per attempt.
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const got = cleaned[name];
    const shown =
      got === undefined ? 'unset' : /SECRET|TOKEN|KEY|PASSWORD/.test(name) || name === 'DATABASE_URL' || name === 'SMTP_URL' ? 'value hidden' : `got "${got}"`;
    return `${name} ${issue.message} (${shown})`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
