import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { startCpuProbe, type CpuSpent } from './capacity-probe';
import { createBenchTenant, startHeraldChild, type ChildHerald } from './herald';
import type { Knex } from '../db/knex';
import { loadHttp } from './http-load';
import { envInt } from './report';
import { requestList } from './request-list';

/**
 * The API part of the capacity benchmark: a typical read (GET /customers/:id) and a typical write
 * (POST /customers, a new customer each) against one and then two `herald serve` processes, the
 * same total connections split evenly between them (as a load balancer would), each load after a
 * short warm-up. autocannon runs in this process's worker threads, one per server: on a two-core
 * machine the load generator competes with the servers and PostgreSQL for the same cores.
 */

const RANDOM_PATH = path.join(__dirname, 'random-path-request.ts');
const UNIQUE_CUSTOMER = path.join(__dirname, 'unique-customer-request.ts');
const WARMUP_SECONDS = 3;

/** One API load's result: requests/s over all servers, the slowest server's p99, and where the CPU went. */
export interface ApiResult {
  kind: 'get' | 'post';
  servers: number;
  connections: number;
  requests: number;
  seconds: number;
  req_per_s: number;
  p99_ms: number;
  cpu: CpuSpent;
}

/** The tenant, key and sampled customer paths the API loads use. */
export interface ApiFixture {
  key: string;
  pathsFile: string;
}

/** Seeds `rows` customers in a tenant of its own and writes a file of their GET paths. */
export async function prepareApi(db: Knex, rows: number, dir: string): Promise<ApiFixture> {
  const { tenantId, key } = await createBenchTenant(db, 'capacity api');
  await db.raw(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, phone, status, tier, source)
     SELECT ?, 'First' || g, 'Last' || g, 'First' || g || ' Last' || g, 'customer' || g || '@example.com', '+1415' || lpad(g::text, 7, '0'),
            'active', 'regular', 'import' FROM generate_series(1, ?) g`,
    [tenantId, rows],
  );
  await db.raw('VACUUM (ANALYZE) customers');
  const { rows: sample } = await db.raw(`SELECT id FROM customers WHERE tenant_id = ? ORDER BY random() LIMIT 5000`, [tenantId]);
  const pathsFile = path.join(dir, 'capacity-paths.json');
  fs.writeFileSync(pathsFile, JSON.stringify(sample.map((r: { id: string }) => `/api/v1/customers/${r.id}`)));
  return { key, pathsFile };
}

let loadIndex = 0;

/** autocannon options of one server's share of a load. */
function options(kind: 'get' | 'post', fixture: ApiFixture, connections: number, duration: number) {
  loadIndex += 1;
  const auth = { Authorization: `Bearer ${fixture.key}` };
  return requestList({
    connections,
    duration,
    ...(kind === 'get'
      ? { requests: [{ method: 'GET', headers: auth, setupRequest: RANDOM_PATH }], initialContext: { pathsFile: fixture.pathsFile } }
      : {
          requests: [{ method: 'POST', path: '/api/v1/customers', headers: { ...auth, 'Content-Type': 'application/json' }, setupRequest: UNIQUE_CUSTOMER }],
          initialContext: { prefix: `cap${loadIndex}`, phoneBase: loadIndex * 1_000_000 },
        }),
  });
}

/** Starts `servers` `herald serve` children, loads them with reads then writes, and stops them. */
export async function measureApi(url: string, pool: Pool, database: string, fixture: ApiFixture, servers: number): Promise<ApiResult[]> {
  const total = envInt('BENCH_CONNECTIONS', 50);
  const seconds = envInt('BENCH_SECONDS', 10);
  const children: ChildHerald[] = [];
  try {
    for (let i = 0; i < servers; i++) children.push(await startHeraldChild(url));
    const results: ApiResult[] = [];
    for (const kind of ['get', 'post'] as const) {
      const share = Math.max(1, Math.floor(total / servers));
      await Promise.all(children.map((c) => loadHttp(c.url, options(kind, fixture, share, WARMUP_SECONDS))));
      const probe = await startCpuProbe(
        pool,
        database,
        children.map((c) => c.pid),
      );
      const loads = await Promise.all(children.map((c) => loadHttp(c.url, options(kind, fixture, share, seconds))));
      const cpu = await probe.stop();
      const requests = loads.reduce((sum, l) => sum + l.requests, 0);
      results.push({
        kind,
        servers,
        connections: share * servers,
        requests,
        seconds,
        req_per_s: Math.round(loads.reduce((sum, l) => sum + l.requestsPerSecond, 0)),
        p99_ms: Math.max(...loads.map((l) => l.p99Ms)),
        cpu,
      });
    }
    return results;
  } finally {
    for (const c of children) await c.stop();
  }
}
