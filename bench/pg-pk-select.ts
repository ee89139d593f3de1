import type { Pool } from 'pg';
import { openBenchDatabase, dropBenchTable } from './db';
import { runLoad, type LoadResult } from './load';
import { envInt, printFigure, round } from './report';

/**
 * pg-pk-select: the cost of one primary-key lookup through node-postgres. Herald's
 * "get customer" path (knex, tenant scoping, row mapping) is compared with this floor.
 */

const BENCH = 'pg-pk-select';
const RAW_TABLE = 'bench_pk_customers';
const POOL_SIZE = 10;
const CONCURRENCY = 32;
const WARMUP_QUERIES = 2000;

/** Fills a customers-like table with server-side generate_series: setup is not what we measure. */
async function createLookupTable(pool: Pool, table: string, rows: number): Promise<void> {
  await dropBenchTable(pool, table);
  await pool.query(`
    CREATE TABLE ${table} (
      id bigint PRIMARY KEY,
      tenant_id bigint NOT NULL,
      email text NOT NULL,
      first_name text,
      last_name text,
      tags text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await pool.query(
    `INSERT INTO ${table} (id, tenant_id, email, first_name, last_name, tags)
     SELECT g, g % 10 + 1, 'customer' || g || '@example.com', 'First' || g, 'Last' || g, ARRAY['vip']
     FROM generate_series(1, $1::bigint) AS g`,
    [rows],
  );
  await pool.query(`ANALYZE ${table}`);
}

/** Random primary-key SELECTs with plain parameterised queries, as an ORM would send them. */
async function rawSelects(pool: Pool, rows: number, queries: number, maxSeconds: number): Promise<LoadResult> {
  const select = async (): Promise<void> => {
    const id = 1 + Math.floor(Math.random() * rows);
    const result = await pool.query(`SELECT id, tenant_id, email, first_name, last_name, tags, created_at FROM ${RAW_TABLE} WHERE id = $1`, [id]);
    if (result.rowCount !== 1) throw new Error(`no row for id ${id}`);
  };
  await runLoad({ count: WARMUP_QUERIES, concurrency: CONCURRENCY, maxSeconds }, select);
  return runLoad({ count: queries, concurrency: CONCURRENCY, maxSeconds }, select);
}

/**
 * Runs the benchmark. BENCH_ROWS (default 100,000) sizes the table; BENCH_QUERIES (200,000)
 * and BENCH_SECONDS (10) bound the load, whichever ends first.
 */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 100_000);
  const queries = envInt('BENCH_QUERIES', 200_000);
  const maxSeconds = envInt('BENCH_SECONDS', 10);
  const db = await openBenchDatabase(BENCH, POOL_SIZE);
  try {
    await createLookupTable(db.pool, RAW_TABLE, rows);
    const raw = await rawSelects(db.pool, rows, queries, maxSeconds);
    printFigure(BENCH, 'raw_pk_select', {
      rows,
      concurrency: CONCURRENCY,
      queries: raw.operations,
      seconds: round(raw.seconds, 3),
      queries_per_s: Math.round(raw.perSecond),
      p50_ms: round(raw.p50Ms, 3),
      p99_ms: round(raw.p99Ms, 3),
    });
  } finally {
    await dropBenchTable(db.pool, RAW_TABLE);
    await db.close();
  }
}
