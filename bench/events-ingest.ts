import path from 'node:path';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { Pool } from 'pg';
import { withCpuProfile } from './cpu-profile';
import { backendCpuMs, backendCpuSpent, mainThreadCpuMs } from './cpu-time';
import { createBenchTenant, createDatabase, dropDatabase, migrate, openBenchServer, startHeraldInProcess, type InProcessHerald } from './herald';
import { listenLoopback, loadHttp, type HttpLoadResult } from './http-load';
import { timeStatements } from './explain';
import { envInt, printFigure, printRatio, round } from './report';
import { requestList } from './request-list';
import eventBatch from './event-batch-request';

/**
 * events-ingest (issue 16): Segment batches of BENCH_BATCH_SIZE (100) track events posted to
 * Herald's /api/v1/batch by BENCH_CONNECTIONS (20) concurrent clients, beside a bare Koa + pg
 * route that stores the same rows in the same customer_events table with one multi-row INSERT
 * (identities resolved by a join in that statement; no dedupe, outbox, name counts, customer
 * creation or segment work), same run, same pool size. Goals: Herald ≥ 0.6 × the bare events/s,
 * ≥ 15,000 events/s, p99 per batch < 100 ms.
 *
 * Before the loads, one batch is sent to Herald with every SQL statement its knex pool runs
 * counted: the `round_trips` figure (and on stderr the statements, with the ms each kind took as the client saw it).
 *
 * The database (`herald_bench_events`: two tenants, BENCH_KNOWN_USERS customers each) is created,
 * migrated and dropped by each run. BENCH_CPU_PROF=<dir> writes raw.cpuprofile and
 * herald.cpuprofile of the measured loads.
 */

const BENCH = 'events-ingest';
const DATABASE = 'herald_bench_events';
const WARMUP_SECONDS = 3;
const EVENT_BATCH = path.join(__dirname, 'event-batch-request.ts');
const USER_PREFIX = 'user-';

/** Customers with external ids `user-0…`, made server-side: setup is not what is measured. */
async function seedCustomers(pool: Pool, tenantId: string, rows: number): Promise<void> {
  await pool.query(
    `INSERT INTO customers (tenant_id, external_id, first_name, last_name, full_name, email, status, tier, source, created_by, updated_by)
     SELECT $1, $3 || (g - 1), 'First' || g, 'Last' || g, 'First' || g || ' Last' || g, 'user' || g || '@example.com',
            'active', 'regular', 'import', 'bench', 'bench'
     FROM generate_series(1, $2::int) AS g`,
    [tenantId, rows, USER_PREFIX],
  );
}

/** The bare route's one statement: the batch's rows, identities resolved by a join. */
const BARE_INSERT = `
  INSERT INTO customer_events (id, tenant_id, customer_id, anonymous_id, name, properties, context, message_id, occurred_at)
  SELECT gen_random_uuid(), $1, c.id, CASE WHEN c.id IS NULL THEN coalesce(r."anonymousId", r."userId") END, r.event, r.properties, $3::jsonb,
         r."messageId", coalesce(r.timestamp, now())
  FROM jsonb_to_recordset($2::jsonb) AS r("userId" text, "anonymousId" text, event text, properties jsonb, timestamp timestamptz, "messageId" text)
  LEFT JOIN customers c ON c.tenant_id = $1 AND c.external_id = r."userId" AND c.deleted_at IS NULL`;

/** The bare baseline: @koa/router + @koa/bodyparser + a pg Pool and one INSERT per batch. */
function bareApp(pool: Pool, tenantId: string): Koa {
  const app = new Koa();
  const router = new Router();
  router.post('/api/v1/batch', async (ctx) => {
    const body = ctx.request.body as { batch: unknown[]; context?: unknown };
    const { rowCount } = await pool.query(BARE_INSERT, [tenantId, JSON.stringify(body.batch), JSON.stringify(body.context ?? null)]);
    ctx.body = { data: { accepted: rowCount } };
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb' }));
  app.use(router.routes());
  return app;
}

/**
 * Sends one batch to Herald with every statement of its pool counted, and checks every item was
 * accepted: the `round_trips` figure says how many statements one batch costs.
 */
async function countRoundTrips(herald: InProcessHerald, key: string, batchSize: number, knownUsers: number): Promise<void> {
  const send = async (prefix: string) => {
    const { body } = eventBatch({}, { prefix, userPrefix: USER_PREFIX, knownUsers, batchSize });
    const res = await fetch(`${herald.url}/api/v1/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as { data?: { accepted: number; failed: number } };
    if (res.status !== 200 || answer.data?.accepted !== batchSize) throw new Error(`Herald answered ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
  };
  // Two batches first, so the one counted runs warm (JIT, pool connections).
  await send('count-a');
  await send('count-b');
  const times = await timeStatements(herald.runtime.db, BENCH, `one batch of ${batchSize}`, () => send('count'));
  printFigure(BENCH, 'round_trips', { batch_size: batchSize, statements: times.total, distinct: times.byStatement.size });
}

let runIndex = 0;

/** A measured load, with the events it stored and the CPU each batch cost both sides. */
interface Measured extends HttpLoadResult {
  eventsPerSecond: number;
  nodeCpuMsPerBatch: number;
  pgCpuMsPerBatch: number;
}

/** Warms a target up, then loads it; checks the table received every event of the answered batches. */
async function measure(
  pool: Pool,
  baseUrl: string,
  key: string | undefined,
  tenantId: string,
  size: number,
  known: number,
  profileAs: string,
): Promise<Measured> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) };
  const options = (duration?: number) => {
    runIndex += 1;
    return requestList({
      requests: [{ method: 'POST', path: '/api/v1/batch', headers, setupRequest: EVENT_BATCH }],
      initialContext: { prefix: `r${runIndex}`, userPrefix: USER_PREFIX, knownUsers: known, batchSize: size },
      connections: envInt('BENCH_CONNECTIONS', 20),
      ...(duration ? { duration } : {}),
    });
  };
  await loadHttp(baseUrl, options(WARMUP_SECONDS));
  const stored = async () => Number((await pool.query('SELECT count(*) AS n FROM customer_events WHERE tenant_id = $1', [tenantId])).rows[0].n);
  const before = await stored();
  const pgBefore = await backendCpuMs(pool, DATABASE);
  const nodeBefore = mainThreadCpuMs();
  const result = await withCpuProfile(process.env.BENCH_CPU_PROF, profileAs, () => loadHttp(baseUrl, options()));
  const nodeMs = mainThreadCpuMs() - nodeBefore;
  const pgMs = backendCpuSpent(pgBefore, await backendCpuMs(pool, DATABASE));
  const added = (await stored()) - before;
  // Batches cut off at the end of the load may be stored without being counted, never the reverse.
  if (added < result.requests * size) throw new Error(`${profileAs}: ${result.requests} batches answered but only ${added} events stored`);
  return {
    ...result,
    eventsPerSecond: (result.requests * size) / result.seconds,
    nodeCpuMsPerBatch: nodeMs / result.requests,
    pgCpuMsPerBatch: pgMs / result.requests,
  };
}

const fields = (r: Measured) => ({
  connections: r.connections,
  batches: r.requests,
  seconds: r.seconds,
  events_per_s: Math.round(r.eventsPerSecond),
  batch_p50_ms: round(r.p50Ms, 3),
  batch_p99_ms: round(r.p99Ms, 3),
  node_cpu_ms_per_batch: round(r.nodeCpuMsPerBatch, 3),
  pg_cpu_ms_per_batch: round(r.pgCpuMsPerBatch, 3),
});

/** Runs the benchmark: BENCH_KNOWN_USERS (20,000), BENCH_BATCH_SIZE (100), BENCH_CONNECTIONS (20), BENCH_SECONDS (10). */
export async function run(): Promise<void> {
  const known = envInt('BENCH_KNOWN_USERS', 20_000);
  const size = envInt('BENCH_BATCH_SIZE', 100);
  const server = await openBenchServer(BENCH);
  const url = server.urlFor(DATABASE);
  try {
    await dropDatabase(server, DATABASE);
    await createDatabase(server, DATABASE);
    await migrate(url);
    const herald = await startHeraldInProcess(url);
    const poolSize = herald.config.DATABASE_POOL_MAX;
    const pool = new Pool({ connectionString: url, max: poolSize });
    try {
      const heraldTenant = await createBenchTenant(herald.runtime.db, 'bench events-ingest');
      const bareTenant = await createBenchTenant(herald.runtime.db, 'bench events-ingest bare');
      process.stderr.write(`events-ingest: seeding ${known} customers in each of two tenants\n`);
      await seedCustomers(pool, heraldTenant.tenantId, known);
      await seedCustomers(pool, bareTenant.tenantId, known);
      await pool.query('VACUUM (ANALYZE) customers');
      printFigure(BENCH, 'setup', { known_customers: known, batch_size: size, pool_size: poolSize, node_env: herald.config.NODE_ENV });
      await countRoundTrips(herald, heraldTenant.key, size, known);

      const bare = await listenLoopback(bareApp(pool, bareTenant.tenantId).callback());
      try {
        const raw = await measure(pool, bare.url, undefined, bareTenant.tenantId, size, known, 'raw');
        printFigure(BENCH, 'raw_batch', fields(raw));
        const mine = await measure(pool, herald.url, heraldTenant.key, heraldTenant.tenantId, size, known, 'herald');
        printFigure(BENCH, 'herald_batch', fields(mine));
        printRatio(BENCH, 'ratio_events', mine.eventsPerSecond, raw.eventsPerSecond);
        printFigure(BENCH, 'goals', {
          ratio_ge_0_6: mine.eventsPerSecond >= 0.6 * raw.eventsPerSecond,
          events_per_s_ge_15000: mine.eventsPerSecond >= 15_000,
          batch_p99_lt_100_ms: mine.p99Ms < 100,
        });
      } finally {
        await bare.close();
      }
    } finally {
      await pool.end();
      await herald.close();
    }
  } finally {
    await dropDatabase(server, DATABASE);
    await server.close();
  }
}
