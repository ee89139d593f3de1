import pg from 'pg';

/**
 * Preload for the `herald serve` child of customers-export
 * (`node --require tsx/cjs --require bench/raise-statement-timeout.ts bin/herald serve`).
 *
 * Herald's knex connections carry statement_timeout = 30 s (db/knex.ts), and an export's cursor
 * query is one statement for as long as it streams, so an export that takes longer than 30 s is
 * cancelled mid-body. To measure how long the whole export takes (and its peak memory), this
 * replaces pg.Client, the class knex instantiates, with one whose statement_timeout is
 * BENCH_STATEMENT_TIMEOUT_MS (600000). Nothing else about Herald changes.
 */
const timeoutMs = Number(process.env.BENCH_STATEMENT_TIMEOUT_MS ?? 600_000);
const Original = pg.Client;

class RaisedTimeoutClient extends Original {
  constructor(config?: string | pg.ClientConfig) {
    super(typeof config === 'object' && config !== null && config.statement_timeout !== undefined ? { ...config, statement_timeout: timeoutMs } : config);
  }
}

Reflect.set(pg, 'Client', RaisedTimeoutClient);
