import { Client as TemporalClient, Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { createApp } from '../api/app';
import { startServer } from '../api/server';
import { createRateLimiters, createRuntime, type Runtime } from '../bin/runtime';
import { createDb, type Knex } from '../db/knex';
import { migrateLatest, migrationStatus } from '../db/migrate';
import { createTenantService } from '../domain/tenants/service';
import type { Principal } from '../domain/tenants/types';
import { loadConfig, type Config } from '../lib/config';
import { createLogger } from '../lib/logger';
import { ensurePostgres, stopPostgres } from '../scripts/services/postgres';
import { printFigure } from './report';
import { heraldEntry } from './productionBuild';
import { WORKER_HEAP_FLAG } from '../temporal/workerHeap';

/**
 * What the customer benchmarks share: a database of their own on the server Herald uses, and
 * Herald's real API (in this process, or as a `herald serve` child whose memory can be read),
 * configured so that only the code under test limits the figures: no logging, rate limits far
 * above any load a benchmark makes.
 */

const PROJECT_ROOT = path.resolve(__dirname, '..');

/** The PostgreSQL server the benchmark databases live on, and how to leave it as it was found. */
export interface BenchServer {
  /** URL of the server's default database (DATABASE_URL or Herald's local cluster); used for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  /** Stops the server again if this run had to start it. */
  close(): Promise<void>;
}

/** Replaces the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Reaches the server the way Herald does (DATABASE_URL, else Herald's local cluster, started if
 * needed) and prints its version as the `database` figure.
 */
export async function openBenchServer(bench: string): Promise<BenchServer> {
  const handle = await ensurePostgres({ log: (line) => process.stderr.write(`${line}\n`) });
  const client = new Client({ connectionString: handle.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string; shared_buffers: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('shared_buffers') AS shared_buffers",
    );
    printFigure(bench, 'database', {
      server_version: rows[0]?.server_version ?? 'unknown',
      shared_buffers: rows[0]?.shared_buffers ?? 'unknown',
      started_here: handle.startedHere,
    });
  } finally {
    await client.end();
  }
  return {
    adminUrl: handle.url,
    urlFor: (database) => withDatabase(handle.url, database),
    async close() {
      if (handle.startedHere) await stopPostgres(handle.clusterDir);
    },
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs one statement on the server's default database. */
async function onAdmin(server: BenchServer, sql: string, values: unknown[] = []): Promise<number> {
  const client = new Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Creates a database unless it exists. */
export async function createDatabase(server: BenchServer, database: string): Promise<void> {
  const found = await onAdmin(server, 'SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found === 0) await onAdmin(server, `CREATE DATABASE ${quoteIdent(database)}`);
}

/** Drops a benchmark database (FORCE ends leftover sessions of a crashed earlier run). */
export async function dropDatabase(server: BenchServer, database: string): Promise<void> {
  await onAdmin(server, `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
}

/** Brings a database to Herald's latest schema; returns the name of the last migration applied so far. */
export async function migrate(url: string): Promise<string> {
  const db = createDb({ url, poolMax: 2 });
  try {
    await migrateLatest(db);
    const { completed } = await migrationStatus(db);
    return completed[completed.length - 1] ?? '';
  } finally {
    await db.destroy();
  }
}

/**
 * The environment Herald runs under in every benchmark: production mode, nothing logged, rate
 * limits no load reaches (100,000,000 a minute), its own database. The JWT and tracking secrets are
 * random and PUBLIC_URL a placeholder: production mode requires them, the benchmarks use none of them.
 */
export function heraldEnv(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_GENERAL_PER_MINUTE: '100000000',
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    TRACKING_SECRET: randomBytes(32).toString('base64url'),
    WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url'),
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1',
  };
}

/** Herald's API running in this process. */
export interface InProcessHerald {
  url: string;
  config: Config;
  runtime: Runtime;
  close(): Promise<void>;
}

/**
 * Starts the API in this process on an ephemeral loopback port, wired as `herald serve` wires it
 * (see test/support/testServer.ts). `env` adds settings a benchmark needs on top of
 * {@link heraldEnv} (for example a Twilio auth token and PUBLIC_URL for signed webhooks).
 */
export async function startHeraldInProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<InProcessHerald> {
  const config = loadConfig({ ...process.env, PORT: '1', ...heraldEnv(databaseUrl), ...env });
  const runtime = createRuntime(config, createLogger(config.LOG_LEVEL));
  const app = createApp({ config, domain: runtime.domain, logger: runtime.logger, rateLimiters: createRateLimiters(config, runtime.db) });
  const server = await startServer(app, '127.0.0.1', 0);
  return {
    url: server.url,
    config,
    runtime,
    async close() {
      server.server.closeAllConnections();
      await server.close();
      await runtime.close();
    },
  };
}

/** Memory figures of a process from /proc/<pid>/status, in MiB. */
export interface ProcessMemory {
  rssMb: number;
  /** VmHWM: the peak resident set size since the process started. */
  peakRssMb: number;
}

/** Reads VmRSS and VmHWM of a process (Linux). */
export function readProcessMemory(pid: number): ProcessMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** A `herald serve` child process. */
export interface ChildHerald {
  url: string;
  pid: number;
  memory(): ProcessMemory;
  /** SIGTERM (Herald shuts down gracefully) and waits for the exit; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** A free loopback port: the kernel picks one for a moment, then it is handed to the child. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `herald serve` (the production build, see {@link heraldEntry}) against a database and waits until /healthz answers. Its pid is
 * the Node process serving requests, so /proc/<pid>/status gives that process's memory.
 * `nodeArgs` go before the script (e.g. --cpu-prof); the child's stderr is passed through.
 */
export async function startHeraldChild(databaseUrl: string, nodeArgs: string[] = []): Promise<ChildHerald> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, heraldEntry(), 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...heraldEnv(databaseUrl), PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => {
    alive = false;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!alive) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!alive) throw new Error(`herald serve exited early (code ${await exited})`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('herald serve did not answer /healthz within 60 s');
    }
    await sleep(200);
  }
  return { url, pid: child.pid!, memory: () => readProcessMemory(child.pid!), stop };
}

/** An admin API key issued for one run, and how to revoke it afterwards. */
export interface RunKey {
  key: string;
  revoke(): Promise<void>;
}

/** Issues an admin key in a tenant through Herald's tenant service (as an admin would), to be revoked when the run ends. */
export async function issueAdminKey(db: Knex, tenantId: string): Promise<RunKey> {
  const tenants = createTenantService({ db });
  const principal: Principal = { tenantId, role: 'admin', actorType: 'user', actorId: 'bench' };
  const created = await tenants.createApiKey({ principal }, { name: `bench ${new Date().toISOString()}`, role: 'admin' });
  return {
    key: created.key,
    revoke: async () => {
      await tenants.revokeApiKey({ principal }, created.apiKey.id);
    },
  };
}

/** Creates a tenant through Herald's tenant service; returns its id and first admin key. */
export async function createBenchTenant(db: Knex, name: string): Promise<{ tenantId: string; key: string }> {
  const { tenant, adminKey } = await createTenantService({ db }).createTenant(name);
  return { tenantId: tenant.id, key: adminKey.key };
}

/** One GET with a bearer key; throws unless 2xx; returns the parsed JSON body. */
export async function getJson<T>(url: string, key: string): Promise<T> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * Starts `herald worker` (the production build, see heraldEntry) with `env` (its database and task
 * queue); resolves once it polls. It runs with the heap cap docker-compose.yml and `npm run worker`
 * give it; BENCH_WORKER_NODE_OPTIONS overrides. BENCH_WORKER_CPU_PROF=<dir> writes a V8 CPU profile of
 * the worker there when it stops (NODE_OPTIONS may not carry --cpu-prof).
 */
export async function startWorkerChild(env: NodeJS.ProcessEnv): Promise<{ pid: number; child: ChildProcess }> {
  const nodeOptions = { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS ?? WORKER_HEAP_FLAG };
  const profile = process.env.BENCH_WORKER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_WORKER_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, heraldEntry(), 'worker'], {
    cwd: PROJECT_ROOT,
    env: { ...env, ...nodeOptions, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('herald worker did not start within 120 s')), 120_000);
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('worker running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`herald worker exited (${code})`)));
  });
  child.removeAllListeners('exit');
  // Keep draining its log (info level, so 'worker running' shows) so a full pipe never blocks it.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  return { pid: child.pid!, child };
}

/** Stops a child and waits until it is gone (SIGKILL after 10 s). */
export async function stopChild(child: ChildProcess): Promise<void> {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  if (gone()) return;
  child.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (!gone() && Date.now() < deadline) await sleep(100);
  if (!gone()) child.kill('SIGKILL');
  while (!gone()) await sleep(100);
}

/**
 * Ends what a benchmark's worker left on its own task queue on the Temporal server: terminates
 * the long-running workflows every worker starts (relay, journey router and runner, inbound
 * processor) and deletes the schedules that start workflows there, so a dev server kept between
 * runs does not pile up loops nobody polls. Best effort: an unreachable server is left alone.
 */
export async function endWorkerQueue(taskQueue: string): Promise<void> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', connectTimeout: 2_000 }).catch(() => undefined);
  if (!connection) return;
  const client = new TemporalClient({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  try {
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` }))
      await client.workflow
        .getHandle(wf.workflowId, wf.runId)
        .terminate('benchmark finished')
        .catch(() => undefined);
    for await (const s of client.schedule.list()) {
      const handle = client.schedule.getHandle(s.scheduleId);
      const action = (await handle.describe().catch(() => undefined))?.action;
      if (action?.type === 'startWorkflow' && action.taskQueue === taskQueue) await handle.delete().catch(() => undefined);
    }
  } catch {
    // Visibility unavailable: the leftovers stay on a queue nobody polls.
  } finally {
    await connection.close();
  }
}
