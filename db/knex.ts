import knex, { type Knex } from 'knex';
import { types } from 'pg';
import type { Logger } from '../lib/logger';

// Counts (int8) and money (numeric) come back as JS numbers: every value Herald stores fits a
// double exactly enough (counts < 2^53, amounts with 2 decimals below 10^12).
types.setTypeParser(types.builtins.INT8, (v) => Number.parseInt(v, 10));
types.setTypeParser(types.builtins.NUMERIC, (v) => Number.parseFloat(v));

/** Options for {@link createDb}. */
export interface DbOptions {
  url: string;
  poolMax?: number;
  /** Server-side statement timeout; keeps a stuck query from holding a pool slot forever. */
  statementTimeoutMs?: number;
  /** Where knex's own warnings go (lost connections, pool errors); knex prints to the console otherwise. */
  logger?: Logger;
}

/**
 * Builds the knex instance for a database URL. Connection attempts fail fast (5 s), so a
 * dead server shows up as an error, not a hung request.
 */
export function createDb({ url, poolMax = 10, statementTimeoutMs = 30000, logger }: DbOptions): Knex {
  const log = logger?.child({ component: 'knex' });
  return knex({
    ...(log
      ? {
          log: {
            warn: (m: unknown) => log.warn(String(m)),
            error: (m: unknown) => log.error(String(m)),
            deprecate: (m: unknown) => log.warn(String(m)),
            debug: (m: unknown) => log.debug(String(m)),
          },
        }
      : {}),
    client: 'pg',
    connection: { connectionString: url, connectionTimeoutMillis: 5000, statement_timeout: statementTimeoutMs, application_name: 'herald' },
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30000 },
    acquireConnectionTimeout: 6000,
  });
}

export type { Knex };
