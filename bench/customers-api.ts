import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { Pool } from 'pg';
import { withCpuProfile } from './cpu-profile';
import { backendCpuMs, backendCpuSpent, mainThreadCpuMs } from './cpu-time';
import { createBenchTenant, createDatabase, dropDatabase, getJson, migrate, openBenchServer, startHeraldInProcess } from './herald';
import { listenLoopback, loadHttp, type HttpLoadResult } from './http-load';
import { envInt, printFigure, printRatio, round } from './report';
import { requestList } from './request-list';

/**
 * customers-api: one customer read and one customer create through Herald's API, beside a bare
 * Koa + pg route doing the same primary-key SELECT / INSERT on the same customers table with a
 * pg Pool of Herald's size, both loaded by autocannon in the same run. The goal (issue 15): Herald
 * at least 0.7× the bare requests/s, with a p99 at most 1.5× the bare route's.
 *
 * The database (`herald_bench_api`, BENCH_ROWS customers of one tenant) is created, migrated and
 * dropped by each run.
 *
 * BENCH_CPU_PROF=<dir> writes a CPU profile of each measured load (not the warm-up) there:
 * raw-get, herald-get, raw-post and herald-post `.cpuprofile`, to be compared per request.
 */

const BENCH = 'customers-api';
const DATABASE = 'herald_bench_api';
const SAMPLE_IDS = 5000;
const WARMUP_SECONDS = 3;
const RANDOM_PATH = path.join(__dirname, 'random-path-request.ts');
const UNIQUE_CUSTOMER = path.join(__dirname, 'unique-customer-request.ts');

/** Fills the tenant's customers server-side: setup is not what is measured. */
async function seedCustomers(pool: Pool, tenantId: string, rows: number): Promise<void> {
  await pool.query(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, phone, tags, status, tier, source,
                            address_city, address_country, total_orders, total_spent, created_by, updated_by, created_at, updated_at)
     SELECT $1, 'First' || g, 'Last' || g, 'First' || g || ' Last' || g, 'customer' || g || '@example.com',
            '+1415' || lpad(g::text, 7, '0'),
            (ARRAY['{}', '{vip}', '{newsletter}', '{vip,newsletter}', '{trial}'])[g % 5 + 1]::text[],
            (ARRAY['active', 'active', 'active', 'inactive', 'suspended'])[g % 5 + 1],
            (ARRAY['regular', 'regular', 'premium', 'vip'])[g % 4 + 1],
            'import', (ARRAY['Berlin', 'Lisbon', 'Austin', 'Osaka'])[g % 4 + 1], 'DE',
            g % 20, (g % 20) * 37.5, 'bench', 'bench',
            now() - make_interval(mins => g), now() - make_interval(mins => g)
     FROM generate_series(1, $2::int) AS g`,
    [tenantId, rows],
  );
  await pool.query('VACUUM (ANALYZE) customers');
}

/**
 * The bare baseline: @koa/router + @koa/bodyparser + a pg Pool, with the SQL Herald's repository
 * runs for these two endpoints (minus everything around it: auth, rate limiting, validation,
 * normalisation, the transaction with its outbox event and audit row, the recent-orders read).
 */
function bareApp(pool: Pool, tenantId: string): Koa {
  const app = new Koa();
  const router = new Router();
  router.get('/api/v1/customers/:id', async (ctx) => {
    const { rows } = await pool.query('SELECT * FROM customers WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL LIMIT 1', [tenantId, ctx.params.id]);
    if (!rows[0]) ctx.throw(404);
    ctx.body = { data: rows[0] };
  });
  router.post('/api/v1/customers', async (ctx) => {
    const b = ctx.request.body as {
      firstName: string;
      lastName: string;
      email: string;
      phone: string;
      tags: string[];
      tier: string;
      source: string;
      address: { city: string; country: string };
    };
    const { rows } = await pool.query(
      `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, phone, tags, tier, source, address_city, address_country, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'bench', 'bench') RETURNING *`,
      [
        tenantId,
        b.firstName,
        b.lastName,
        `${b.firstName} ${b.lastName}`,
        b.email.toLowerCase(),
        b.phone,
        b.tags,
        b.tier,
        b.source,
        b.address.city,
        b.address.country,
      ],
    );
    ctx.status = 201;
    ctx.body = { data: rows[0] };
  });
  app.use(bodyParser({ enableTypes: ['json'] }));
  app.use(router.routes());
  return app;
}

let runIndex = 0;

/** A measured load, with the CPU each request cost the API's thread and the database's backends. */
interface Measured extends HttpLoadResult {
  /** CPU ms of the process's main thread (the server under test) per request. */
  nodeCpuMsPerRequest: number;
  /** CPU ms of the database's backends per request. */
  pgCpuMsPerRequest: number;
}

/** Warms a target up (JIT, pool connections, caches) for a few seconds, then measures it. */
async function measure(pool: Pool, baseUrl: string, kind: 'get' | 'post', key: string | undefined, pathsFile: string, profileAs?: string): Promise<Measured> {
  const auth: Record<string, string> = key ? { Authorization: `Bearer ${key}` } : {};
  const options = () => {
    runIndex += 1;
    return kind === 'get'
      ? { requests: [{ method: 'GET' as const, headers: auth, setupRequest: RANDOM_PATH }], initialContext: { pathsFile } }
      : {
          requests: [
            { method: 'POST' as const, path: '/api/v1/customers', headers: { ...auth, 'Content-Type': 'application/json' }, setupRequest: UNIQUE_CUSTOMER },
          ],
          initialContext: { prefix: `r${runIndex}`, phoneBase: runIndex * 1_000_000 },
        };
  };
  await loadHttp(baseUrl, requestList({ ...options(), duration: WARMUP_SECONDS }));
  const measured = options();
  const pgBefore = await backendCpuMs(pool, DATABASE);
  const nodeBefore = mainThreadCpuMs();
  const result = await withCpuProfile(profileAs && process.env.BENCH_CPU_PROF, profileAs ?? '', () => loadHttp(baseUrl, requestList(measured)));
  const nodeMs = mainThreadCpuMs() - nodeBefore;
  const pgMs = backendCpuSpent(pgBefore, await backendCpuMs(pool, DATABASE));
  return { ...result, nodeCpuMsPerRequest: nodeMs / result.requests, pgCpuMsPerRequest: pgMs / result.requests };
}

/**
 * Server CPU (API thread + database backends) one request cost. The bare route's figure divided by
 * Herald's (`cpu_ratio_*`) is the requests/s ratio the two would have if the machine's CPU were all
 * theirs: on a shared machine whose load changes between the bare and the Herald load it moves far
 * less than `ratio_*` (the goal's figure), so it says whether a change made Herald cheaper.
 */
const cpuPerRequest = (r: Measured) => r.nodeCpuMsPerRequest + r.pgCpuMsPerRequest;

const fields = (r: Measured) => ({
  connections: r.connections,
  requests: r.requests,
  seconds: r.seconds,
  req_per_s: Math.round(r.requestsPerSecond),
  p50_ms: round(r.p50Ms, 3),
  p99_ms: round(r.p99Ms, 3),
  node_cpu_ms_per_req: round(r.nodeCpuMsPerRequest, 3),
  pg_cpu_ms_per_req: round(r.pgCpuMsPerRequest, 3),
});

/** Runs the benchmark; BENCH_ROWS (100,000) sizes the table, BENCH_CONNECTIONS (50) and BENCH_SECONDS (10) the loads. */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 100_000);
  const server = await openBenchServer(BENCH);
  const url = server.urlFor(DATABASE);
  const pathsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-')), 'customer-paths.json');
  try {
    await dropDatabase(server, DATABASE);
    await createDatabase(server, DATABASE);
    await migrate(url);
    const herald = await startHeraldInProcess(url);
    const poolSize = herald.config.DATABASE_POOL_MAX;
    const pool = new Pool({ connectionString: url, max: poolSize });
    try {
      const { tenantId, key } = await createBenchTenant(herald.runtime.db, 'bench customers-api');
      process.stderr.write(`customers-api: seeding ${rows} customers\n`);
      await seedCustomers(pool, tenantId, rows);
      const { rows: sample } = await pool.query<{ id: string }>('SELECT id FROM customers WHERE tenant_id = $1 ORDER BY random() LIMIT $2', [
        tenantId,
        SAMPLE_IDS,
      ]);
      const paths = sample.map((r) => `/api/v1/customers/${r.id}`);
      fs.writeFileSync(pathsFile, JSON.stringify(paths));
      printFigure(BENCH, 'setup', { customers: rows, sampled_ids: paths.length, pool_size: poolSize, node_env: herald.config.NODE_ENV });

      const bare = await listenLoopback(bareApp(pool, tenantId).callback());
      try {
        // Both answer the same customer before anything is measured.
        const one = await getJson<{ data: { id: string } }>(`${herald.url}${paths[0]}`, key);
        const raw = await getJson<{ data: { id: string } }>(`${bare.url}${paths[0]}`, key);
        if (one.data.id !== raw.data.id) throw new Error('Herald and the bare route disagree on the customer');

        const rawGet = await measure(pool, bare.url, 'get', undefined, pathsFile, 'raw-get');
        printFigure(BENCH, 'raw_get', fields(rawGet));
        const heraldGet = await measure(pool, herald.url, 'get', key, pathsFile, 'herald-get');
        printFigure(BENCH, 'herald_get', fields(heraldGet));
        printRatio(BENCH, 'ratio_get', heraldGet.requestsPerSecond, rawGet.requestsPerSecond);
        printRatio(BENCH, 'cpu_ratio_get', cpuPerRequest(rawGet), cpuPerRequest(heraldGet));

        const rawPost = await measure(pool, bare.url, 'post', undefined, pathsFile, 'raw-post');
        printFigure(BENCH, 'raw_post', fields(rawPost));
        const heraldPost = await measure(pool, herald.url, 'post', key, pathsFile, 'herald-post');
        printFigure(BENCH, 'herald_post', fields(heraldPost));
        printRatio(BENCH, 'ratio_post', heraldPost.requestsPerSecond, rawPost.requestsPerSecond);
        printRatio(BENCH, 'cpu_ratio_post', cpuPerRequest(rawPost), cpuPerRequest(heraldPost));

        printFigure(BENCH, 'goals', {
          get_ratio_ge_0_7: heraldGet.requestsPerSecond >= 0.7 * rawGet.requestsPerSecond,
          get_p99_le_1_5x_raw: heraldGet.p99Ms <= 1.5 * rawGet.p99Ms,
          post_ratio_ge_0_7: heraldPost.requestsPerSecond >= 0.7 * rawPost.requestsPerSecond,
          post_p99_le_1_5x_raw: heraldPost.p99Ms <= 1.5 * rawPost.p99Ms,
        });
      } finally {
        await bare.close();
      }
    } finally {
      await pool.end();
      await herald.close();
    }
  } finally {
    fs.rmSync(path.dirname(pathsFile), { recursive: true, force: true });
    await dropDatabase(server, DATABASE);
    await server.close();
  }
}
