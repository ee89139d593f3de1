import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createDb } from '../../db/knex';
import { migrateLatest } from '../../db/migrate';

/** Shared between global setup and teardown (they run in the same process). */
export interface TestRunState {
  adminUrl: string;
  database: string;
  startedServices: boolean;
}

/** Runs one statement on a database given by URL (CREATE/DROP DATABASE on the services' admin database). */
export async function runAdmin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Replaces the database name in a postgres URL. */
export const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * Brings up the real services through Herald's own CLI (idempotent), then creates and migrates
 * the run's template database. Each test file gets a copy of it and a task queue of its own from
 * the suite environment (suiteEnvironment.ts); the variables set here tell it where they are.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const out = execFileSync(process.execPath, [path.join(root, 'bin/herald'), 'services', 'up', '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const services = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
    databaseUrl: string;
    temporalAddress: string;
    started: { postgres: boolean; temporal: boolean };
  };

  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const database = `herald_test_${runId}`;
  await runAdmin(services.databaseUrl, `CREATE DATABASE "${database}"`);

  const db = createDb({ url: withDatabase(services.databaseUrl, database), poolMax: 2 });
  await migrateLatest(db);
  await db.destroy();

  process.env.HERALD_TEST_ADMIN_URL = services.databaseUrl;
  // Each suite's environment names its own database; code that reached for another would be a bug.
  delete process.env.DATABASE_URL;
  process.env.HERALD_TEST_TEMPLATE_DB = database;
  process.env.TEMPORAL_ADDRESS = services.temporalAddress;
  process.env.TEMPORAL_TASK_QUEUE = `herald-test-${runId}`;
  // Errors only: an unexpected 500 in any suite leaves its stack in the run's output.
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  process.env.NODE_ENV = 'test';
  // Local receivers are allowed, and webhook retries follow a compressed schedule (~50 s in all).
  // Metrics endpoints are off in the suite (two files run at once; fixed ports would collide); tests that scrape set their own.
  process.env.METRICS_PORT ??= '0';
  process.env.WORKER_METRICS_PORT ??= '0';
  process.env.WEBHOOK_ALLOWED_HOSTS ??= '127.0.0.1,localhost';
  process.env.WEBHOOK_RETRY_SCHEDULE ??= '200ms,500ms,1s,1s,2s,2s,3s,3s,5s,5s,5s,5s,5s,5s,5s';
  const state: TestRunState = { adminUrl: services.databaseUrl, database, startedServices: services.started.postgres || services.started.temporal };
  (globalThis as { __heraldTestRun?: TestRunState }).__heraldTestRun = state;
}
