import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { request } from 'undici';
import { createDb } from '../db/knex';
import { WORKER_HEAP_FLAG } from '../temporal/workerHeap';
import {
  createBenchTenant,
  createDatabase,
  dropDatabase,
  heraldEnv,
  migrate,
  openBenchServer,
  readProcessMemory,
  startHeraldChild,
  startWorkerChild,
  stopChild,
} from './herald';
import { TABLE_COLUMNS, UPLOAD_COLUMNS, tableCsv, uploadCsv, writeFile } from './import-file';
import { envInt, printFigure, printRatio, round } from './report';

/**
 * imports: a generated CSV of BENCH_ROWS customers (default 1,000,000) imported end to end
 * through Herald (upload to `herald serve` → staged by COPY → the import workflow on a
 * `herald worker` child → status completed), beside, in the same run and on the same file:
 *
 * - raw_copy: COPY of the file into a bare table with the same unique index (tenant_id, email);
 * - raw_copy_indexed (issue 15's baseline): COPY of the same rows, already in the customers
 *   table's column form, into an empty table with exactly the customers table's indexes and
 *   constraints: the physical limit of the schema. Herald's goal is ≥ 0.8 × this, and ≥ 10,000 rows/s;
 * - raw_insert_customers: one INSERT … SELECT of the same rows into Herald's customers table,
 *   which is the ceiling of any path that writes that table (its 16 indexes are the cost).
 *
 * Peak RSS of the API and the worker come from /proc/<pid>/status (VmHWM) after the import. The
 * worker runs with the V8 heap cap it is deployed with (temporal/workerHeap.ts).
 */

const BENCH = 'imports';
const RSS_GOAL_MB = 300;
const RATIO_GOAL = 0.8;
const RATE_GOAL = 10_000;
const INDEXED_TABLE = 'bench_import_indexed';

/**
 * Creates a table with exactly the customers table's columns, defaults, CHECK constraints, indexes
 * (LIKE … INCLUDING ALL) and foreign keys (which LIKE leaves out), read from the catalog so it
 * follows every migration. Its ids default to uuidv7(), the time-ordered ids Herald's import
 * assigns: with random ids the primary key and the sort indexes ending in id take each row on a
 * random leaf, which is slower (see customers-index-cost), and the baseline is the fastest the
 * schema allows.
 */
async function createIndexedCopyOfCustomers(pg: Client): Promise<void> {
  await pg.query(`DROP TABLE IF EXISTS ${INDEXED_TABLE}`);
  await pg.query(`CREATE TABLE ${INDEXED_TABLE} (LIKE customers INCLUDING ALL)`);
  await pg.query(`ALTER TABLE ${INDEXED_TABLE} ALTER COLUMN id SET DEFAULT uuidv7()`);
  const { rows } = await pg.query<{ def: string }>(
    "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'customers'::regclass AND contype = 'f'",
  );
  for (const fk of rows) await pg.query(`ALTER TABLE ${INDEXED_TABLE} ADD ${fk.def}`);
}

/** Runs the benchmark. */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const server = await openBenchServer(BENCH);
  const database = 'bench_imports';
  const url = server.urlFor(database);
  const file = path.join(os.tmpdir(), `herald-bench-imports-${process.pid}.csv`);
  const tableFile = path.join(os.tmpdir(), `herald-bench-imports-table-${process.pid}.csv`);
  const queue = `herald-bench-imports-${process.pid}`;
  let worker: ChildProcess | undefined;
  let api: Awaited<ReturnType<typeof startHeraldChild>> | undefined;
  try {
    await dropDatabase(server, database);
    await createDatabase(server, database);
    await migrate(url);
    const bytes = await writeFile(file, uploadCsv(rows));
    printFigure(BENCH, 'file', { rows, bytes, mb: round(bytes / 2 ** 20, 1) });

    const db = createDb({ url, poolMax: 2, statementTimeoutMs: 0 });
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      // Raw COPY of the file into a bare table with the same unique index.
      await pg.query(
        "CREATE TABLE bench_import_raw (tenant_id uuid NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001', email text, first_name text, last_name text, phone text, tags text)",
      );
      await pg.query('CREATE UNIQUE INDEX ON bench_import_raw (tenant_id, email)');
      let started = performance.now();
      await pipeline(fs.createReadStream(file), pg.query(copyFrom(`COPY bench_import_raw (${UPLOAD_COLUMNS}) FROM STDIN WITH (FORMAT csv, HEADER)`)));
      const rawSeconds = (performance.now() - started) / 1000;
      printFigure(BENCH, 'raw_copy', { rows, seconds: round(rawSeconds, 3), rows_per_s: Math.round(rows / rawSeconds) });

      // Issue 15's baseline: the same rows, in the customers table's own form, COPYed into a table
      // with exactly the customers table's indexes and constraints (the physical limit of the schema).
      const copyTenant = await createBenchTenant(db, 'Bench indexed copy');
      await writeFile(tableFile, tableCsv(rows, copyTenant.tenantId));
      await createIndexedCopyOfCustomers(pg);
      started = performance.now();
      await pipeline(fs.createReadStream(tableFile), pg.query(copyFrom(`COPY ${INDEXED_TABLE} (${TABLE_COLUMNS}) FROM STDIN WITH (FORMAT csv)`)));
      const indexedSeconds = (performance.now() - started) / 1000;
      printFigure(BENCH, 'raw_copy_indexed', {
        rows,
        seconds: round(indexedSeconds, 3),
        rows_per_s: Math.round(rows / indexedSeconds),
        load_1m: round(os.loadavg()[0] ?? 0, 2),
      });
      await pg.query(`DROP TABLE ${INDEXED_TABLE}`);
      fs.rmSync(tableFile, { force: true });

      // The ceiling of Herald's table: the same rows in one INSERT … SELECT, no validation at all.
      const ceiling = await createBenchTenant(db, 'Bench ceiling');
      started = performance.now();
      await pg.query(
        `INSERT INTO customers (tenant_id, email, first_name, last_name, full_name, phone, tags, source)
         SELECT $1, email, first_name, last_name, first_name || ' ' || last_name, phone, string_to_array(coalesce(tags, ''), ';') , 'import' FROM bench_import_raw`,
        [ceiling.tenantId],
      );
      const ceilingSeconds = (performance.now() - started) / 1000;
      printFigure(BENCH, 'raw_insert_customers', { rows, seconds: round(ceilingSeconds, 3), rows_per_s: Math.round(rows / ceilingSeconds) });
      await pg.query('DROP TABLE bench_import_raw');
      // Herald imports into an empty customers table, as the indexed COPY loaded an empty table.
      await pg.query('TRUNCATE customers CASCADE');

      // Herald end to end: upload → completed.
      const tenant = await createBenchTenant(db, 'Bench imports');
      const env = { ...process.env, ...heraldEnv(url), TEMPORAL_TASK_QUEUE: queue, RATE_LIMIT_IMPORTS_PER_MINUTE: '1000' };
      process.env.TEMPORAL_TASK_QUEUE = queue;
      const started_worker = await startWorkerChild(env);
      worker = started_worker.child;
      api = await startHeraldChild(url);
      printFigure(BENCH, 'rss_before', {
        api_rss_mb: round(api.memory().rssMb, 1),
        worker_rss_mb: round(readProcessMemory(started_worker.pid).rssMb, 1),
        worker_node_options: process.env.BENCH_WORKER_NODE_OPTIONS ?? WORKER_HEAP_FLAG,
      });
      started = performance.now();
      const res = await request(`${api.url}/api/v1/imports?fileName=bench.csv`, {
        method: 'POST',
        body: fs.createReadStream(file),
        headers: { authorization: `Bearer ${tenant.key}`, 'content-type': 'text/csv' },
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      const accepted = JSON.parse(await res.body.text()) as { data: { id: string } };
      if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${JSON.stringify(accepted)}`);
      const uploadSeconds = (performance.now() - started) / 1000;
      let job: { status: string; progress: Record<string, number> } | undefined;
      let maxApi = 0;
      let maxWorker = 0;
      for (;;) {
        maxApi = Math.max(maxApi, api.memory().rssMb);
        maxWorker = Math.max(maxWorker, readProcessMemory(started_worker.pid).rssMb);
        const poll = await request(`${api.url}/api/v1/imports/${accepted.data.id}`, { headers: { authorization: `Bearer ${tenant.key}` } });
        job = (JSON.parse(await poll.body.text()) as { data: typeof job }).data;
        if (!job || !['queued', 'running'].includes(job.status)) break;
        await sleep(500);
      }
      const seconds = (performance.now() - started) / 1000;
      const apiPeak = api.memory().peakRssMb;
      const workerPeak = readProcessMemory(started_worker.pid).peakRssMb;
      printFigure(BENCH, 'herald_import', {
        rows,
        status: job?.status ?? 'unknown',
        seconds: round(seconds, 3),
        rows_per_s: Math.round(rows / seconds),
        upload_seconds: round(uploadSeconds, 3),
        process_seconds: round(seconds - uploadSeconds, 3),
        imported: job?.progress.imported ?? null,
        failed: job?.progress.failed ?? null,
      });
      printFigure(BENCH, 'herald_rss', {
        api_peak_rss_mb: round(apiPeak, 1),
        worker_peak_rss_mb: round(workerPeak, 1),
        api_max_sampled_mb: round(maxApi, 1),
        worker_max_sampled_mb: round(maxWorker, 1),
        api_lt_300mb: apiPeak < RSS_GOAL_MB,
        worker_lt_300mb: workerPeak < RSS_GOAL_MB,
      });
      printRatio(BENCH, 'ratio_herald_vs_raw_copy', rows / seconds, rows / rawSeconds);
      printRatio(BENCH, 'ratio_herald_vs_raw_insert_customers', rows / seconds, rows / ceilingSeconds);
      printRatio(BENCH, 'ratio_herald_vs_raw_copy_indexed', rows / seconds, rows / indexedSeconds);
      printFigure(BENCH, 'goals', {
        herald_ge_0_8_x_indexed_copy: job?.status === 'completed' && indexedSeconds / seconds >= RATIO_GOAL,
        herald_ge_10k_rows_per_s: job?.status === 'completed' && rows / seconds >= RATE_GOAL,
        rss_lt_300mb_each: apiPeak < RSS_GOAL_MB && workerPeak < RSS_GOAL_MB,
        load_1m: round(os.loadavg()[0] ?? 0, 2),
      });
    } finally {
      await pg.end();
      await db.destroy();
    }
  } finally {
    if (api) await api.stop();
    if (worker) await stopChild(worker);
    fs.rmSync(file, { force: true });
    fs.rmSync(tableFile, { force: true });
    await dropDatabase(server, database).catch(() => undefined);
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' }).catch(() => undefined);
    if (connection) {
      await new TemporalClient({ connection }).schedule
        .getHandle(`herald-segment-refresh-${queue}`)
        .delete()
        .catch(() => undefined);
      await connection.close();
    }
    await server.close();
  }
}
