import type { CountryCode } from 'libphonenumber-js';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimiters } from '../api/middleware/rateLimit';
import { createDb, type Knex } from '../db/knex';
import { createDomain, type Domain } from '../domain';
import { signInSettings } from '../domain/users';
import { webhookSettings, type WebhookSettings } from '../domain/webhooks/settings';
import type { Config } from '../lib/config';
import { jwtKeys } from '../lib/secretKeys';
import type { Logger } from '../lib/logger';
import { observePool } from '../telemetry/poolMetrics';
import { createTemporalProvider, type TemporalProvider } from '../temporal/client';
import { databaseUrl, temporalSettings } from './connections';

/** The long-lived parts of the API process, built once and closed together. */
export interface Runtime {
  config: Config;
  logger: Logger;
  db: Knex;
  temporal: TemporalProvider;
  domain: Domain;
  close(): Promise<void>;
}

/**
 * The API process's composition root (the worker has its own, bin/workerProcess.ts): connects
 * nothing eagerly (knex and the Temporal client connect on first use), so a process can start
 * while a dependency is still down and report it on /readyz. `overrides.webhooks` replaces the
 * webhook settings read from `config` (e.g. an SSRF policy with its own resolver).
 */
export function createRuntime(config: Config, logger: Logger, overrides: { jwtSecret?: string; webhooks?: WebhookSettings } = {}): Runtime {
  const db = createDb({ url: databaseUrl(config), poolMax: config.DATABASE_POOL_MAX, logger });
  // Exports stream for minutes on one query: their own small pool, without the statement timeout.
  const exportDb = createDb({ url: databaseUrl(config), poolMax: 4, statementTimeoutMs: 0, logger });
  observePool('api', db);
  observePool('export', exportDb);
  const temporal = createTemporalProvider(temporalSettings(config));
  const domain = createDomain({
    db,
    exportDb,
    temporal,
    logger,
    jwtSecret: jwtKeys(config, overrides.jwtSecret ?? config.JWT_SECRET),
    defaultPhoneRegion: config.DEFAULT_PHONE_REGION as CountryCode,
    webhooks: overrides.webhooks ?? webhookSettings(config),
    signIn: signInSettings(config),
  });
  return {
    config,
    logger,
    db,
    temporal,
    domain,
    async close() {
      await temporal.close().catch(() => undefined);
      await Promise.all([db.destroy(), exportDb.destroy()]);
    },
  };
}

/** Builds the API's rate limiters from configuration, in memory or in Postgres. */
export function createRateLimiters(config: Config, db: Knex): RateLimiters {
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    config.RATE_LIMIT_STORE === 'postgres'
      ? new RateLimiterPostgres({ storeClient: db, storeType: 'knex', tableName: 'rate_limits', tableCreated: true, keyPrefix, points, duration: 60 })
      : new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  return {
    ip: make('ip', config.RATE_LIMIT_IP_PER_MINUTE),
    general: make('general', config.RATE_LIMIT_GENERAL_PER_MINUTE),
    session: make('session', config.RATE_LIMIT_SESSION_PER_MINUTE),
    imports: make('imports', config.RATE_LIMIT_IMPORTS_PER_MINUTE),
    ai: make('ai', config.RATE_LIMIT_AI_PER_MINUTE),
    loginIp: make('login-ip', config.RATE_LIMIT_LOGIN_IP_PER_MINUTE),
    loginEmail: make('login-email', config.RATE_LIMIT_LOGIN_EMAIL_PER_MINUTE),
  };
}
