import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Pool } from 'pg';
import { openBenchDatabase, dropBenchTable } from './db';
import { CUSTOMER_COLUMNS, customerCsvStream } from './customer-rows';
import { envInt, printFigure, round, timed } from './report';

/**
 * copy-customers: how fast PostgreSQL itself ingests customers. Herald's import path
 * (CSV upload → validation → COPY) is judged against this figure from the same run;
 * the goal is at least half the raw rows/s.
 */

const BENCH = 'copy-customers';
const RAW_TABLE = 'bench_copy_customers';

/**
 * The shape of Herald's customers table as far as ingest cost goes: the same column types
 * and the same unique indexes, created before loading because a live table has them.
 */
async function createCustomersTable(pool: Pool, table: string): Promise<void> {
  await dropBenchTable(pool, table);
  await pool.query(`
    CREATE TABLE ${table} (
      id bigint PRIMARY KEY,
      tenant_id bigint NOT NULL,
      email text NOT NULL,
      phone text,
      first_name text,
      last_name text,
      tags text[] NOT NULL DEFAULT '{}',
      status text NOT NULL,
      custom_fields jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  await pool.query(`CREATE UNIQUE INDEX ${table}_tenant_email ON ${table} (tenant_id, email)`);
  await pool.query(`CREATE UNIQUE INDEX ${table}_tenant_phone ON ${table} (tenant_id, phone) WHERE phone IS NOT NULL`);
}

/** Streams generated CSV straight into COPY on one connection: the fastest path Postgres offers. */
async function rawCopy(pool: Pool, rows: number): Promise<number> {
  await createCustomersTable(pool, RAW_TABLE);
  const client = await pool.connect();
  try {
    const { seconds } = await timed(() =>
      pipeline(customerCsvStream(rows), client.query(copyFrom(`COPY ${RAW_TABLE} (${CUSTOMER_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`))),
    );
    const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${RAW_TABLE}`);
    if (Number(counted[0]?.n) !== rows) throw new Error(`COPY loaded ${counted[0]?.n} rows, expected ${rows}`);
    return seconds;
  } finally {
    client.release();
    await dropBenchTable(pool, RAW_TABLE);
  }
}

/** Runs the benchmark; BENCH_ROWS sets the row count (default 1,000,000). */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const db = await openBenchDatabase(BENCH, 2);
  try {
    const seconds = await rawCopy(db.pool, rows);
    printFigure(BENCH, 'raw_copy', { rows, seconds: round(seconds, 3), rows_per_s: Math.round(rows / seconds) });
  } finally {
    await db.close();
  }
}
