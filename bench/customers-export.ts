import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'pg';
import path from 'node:path';
import { to as copyTo } from 'pg-copy-streams';
import { createDb } from '../db/knex';
import { ensureCustomerDataset, releaseCustomerDataset } from './customer-dataset';
import { issueAdminKey, openBenchServer, startHeraldChild, type ChildHerald } from './herald';
import { envInt, printFigure, printRatio, round } from './report';

/**
 * customers-export: the CSV export of all 1,000,000 customers of the shared dataset through
 * Herald's API (`herald serve` in a child process, so the peak RSS of the process serving the
 * export can be read from /proc/<pid>/status), beside a raw `COPY (SELECT …) TO STDOUT` of the
 * same columns in the same order through pg-copy-streams, in the same run. Both bodies go to a
 * sink that only counts bytes and lines. The issue's goal: at most 2× the raw time, RSS under 200 MB.
 *
 * Herald is run as shipped first. Its connections carry statement_timeout = 30 s, which cancels an
 * export's cursor query once the export has streamed for 30 s; when that happens the figure
 * `herald_export_csv_as_shipped` records how far it got, and the export is measured again in a
 * child whose statement_timeout is raised by a preload (raise-statement-timeout.ts), so the time
 * and memory of a whole export are still known.
 *
 * BENCH_CPU_PROF=<dir> runs the children with --cpu-prof and writes their profiles there.
 */

const BENCH = 'customers-export';
const RSS_GOAL_MB = 200;
const RSS_SAMPLE_MS = 100;
const EXPORT_PATH = '/api/v1/customers/export?format=csv';
const RAISE_TIMEOUT = ['--require', 'tsx/cjs', '--require', path.join(__dirname, 'raise-statement-timeout.ts')];

/** Herald's CSV columns (EXPORT_COLUMNS in domain/customers/queries.ts) as plain SQL, tags joined with ';' as Herald writes them. */
const RAW_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'full_name',
  'email',
  'phone',
  'status',
  'tier',
  'segment_label',
  'source',
  "array_to_string(tags, ';') AS tags",
  'address_city',
  'address_country',
  'total_orders',
  'total_spent',
  'last_order_at',
  'notes',
  'created_at',
  'last_interaction_at',
];

/** What one export produced: bytes and data rows (lines minus the header) and how long it took. */
interface ExportResult {
  bytes: number;
  rows: number;
  seconds: number;
}

/** A sink that counts bytes and newlines and keeps nothing. */
function countingSink(): { sink: Writable; counts: { bytes: number; lines: number } } {
  const counts = { bytes: 0, lines: 0 };
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      counts.bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) counts.lines += 1;
      done();
    },
  });
  return { sink, counts };
}

/** Raw COPY of the same rows and columns, ordered as Herald orders them (created_at, id), into the counting sink. */
async function rawCopy(pool: Pool, tenantId: string): Promise<ExportResult> {
  const client = await pool.connect();
  try {
    const sql = `COPY (SELECT ${RAW_COLUMNS.join(', ')} FROM customers WHERE tenant_id = ${client.escapeLiteral(tenantId)} AND deleted_at IS NULL ORDER BY created_at, id) TO STDOUT WITH (FORMAT csv, HEADER)`;
    const { sink, counts } = countingSink();
    const started = performance.now();
    await pipeline(client.query(copyTo(sql)), sink);
    return { bytes: counts.bytes, rows: counts.lines - 1, seconds: (performance.now() - started) / 1000 };
  } finally {
    client.release();
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** What one export through Herald produced; `completed` is false when the body was cut off. */
interface HeraldExportResult extends ExportResult {
  completed: boolean;
  maxSampledRssMb: number;
  cpuSeconds: number;
}

/**
 * GETs an export into the counting sink, sampling the child's RSS while it streams. A body cut off
 * mid-way (the server aborts the response when its query fails) is reported, not thrown.
 */
async function heraldExport(child: ChildHerald, urlPath: string, key: string): Promise<HeraldExportResult> {
  let maxSampledRssMb = child.memory().rssMb;
  const sampler = setInterval(() => {
    maxSampledRssMb = Math.max(maxSampledRssMb, child.memory().rssMb);
  }, RSS_SAMPLE_MS);
  const cpuBefore = cpuSeconds(child.pid);
  const started = performance.now();
  try {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`${child.url}${urlPath}`, { headers: { Authorization: `Bearer ${key}` } }, resolve).on('error', reject);
    });
    if (response.statusCode !== 200) {
      response.resume();
      throw new Error(`export answered ${response.statusCode}`);
    }
    const { sink, counts } = countingSink();
    let completed = true;
    await pipeline(response, sink).catch((err: NodeJS.ErrnoException) => {
      if (err.message !== 'aborted' && err.code !== 'ECONNRESET') throw err;
      completed = false;
    });
    return {
      completed,
      bytes: counts.bytes,
      rows: counts.lines - 1,
      seconds: (performance.now() - started) / 1000,
      maxSampledRssMb,
      cpuSeconds: cpuSeconds(child.pid) - cpuBefore,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Starts a `herald serve` child (with extra node arguments), warms the export route with a
 * header-only export, exports everything, and stops the child; returns the result with the
 * child's memory before and after.
 */
async function exportThroughChild(url: string, key: string, nodeArgs: string[]) {
  const child = await startHeraldChild(url, nodeArgs);
  try {
    await heraldExport(child, `${EXPORT_PATH}&city=Nowhere`, key);
    const before = child.memory();
    const result = await heraldExport(child, EXPORT_PATH, key);
    return { result, before, after: child.memory() };
  } finally {
    await child.stop();
  }
}

/** Runs the benchmark; BENCH_ROWS (1,000,000) sizes the shared dataset. */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const server = await openBenchServer(BENCH);
  try {
    const dataset = await ensureCustomerDataset(BENCH, server, rows);
    const pool = new Pool({ connectionString: dataset.url, max: 1 });
    const knex = createDb({ url: dataset.url, poolMax: 1 });
    try {
      const { rows: counted } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1 AND deleted_at IS NULL', [
        dataset.tenantId,
      ]);
      const expected = counted[0]!.n;
      const runKey = await issueAdminKey(knex, dataset.tenantId);
      try {
        // One unmeasured pass brings the table and the created_at index into memory for both paths.
        await rawCopy(pool, dataset.tenantId);
        const raw = await rawCopy(pool, dataset.tenantId);
        if (raw.rows !== expected) throw new Error(`raw COPY wrote ${raw.rows} rows, expected ${expected}`);
        printFigure(BENCH, 'raw_copy_csv', {
          rows: raw.rows,
          mb: round(raw.bytes / 2 ** 20, 1),
          seconds: round(raw.seconds, 3),
          rows_per_s: Math.round(raw.rows / raw.seconds),
        });

        const profileDir = process.env.BENCH_CPU_PROF;
        const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
        const shipped = await exportThroughChild(dataset.url, runKey.key, profileArgs);
        let measured = shipped;
        if (!shipped.result.completed) {
          printFigure(BENCH, 'herald_export_csv_as_shipped', {
            completed: false,
            rows_before_abort: shipped.result.rows,
            seconds_to_abort: round(shipped.result.seconds, 3),
            rows_per_s: Math.round(shipped.result.rows / shipped.result.seconds),
            statement_timeout: '30s (db/knex.ts)',
          });
          process.stderr.write(`${BENCH}: the export was cut off after ${round(shipped.result.seconds, 1)} s; measuring again with statement_timeout raised\n`);
          measured = await exportThroughChild(dataset.url, runKey.key, [...RAISE_TIMEOUT, ...profileArgs]);
        }
        const herald = measured.result;
        if (!herald.completed || herald.rows !== expected)
          throw new Error(`Herald exported ${herald.rows} rows (completed: ${herald.completed}), expected ${expected}`);
        printFigure(BENCH, 'herald_export_csv', {
          rows: herald.rows,
          mb: round(herald.bytes / 2 ** 20, 1),
          seconds: round(herald.seconds, 3),
          rows_per_s: Math.round(herald.rows / herald.seconds),
          cpu_seconds: round(herald.cpuSeconds, 2),
          rss_before_mb: round(measured.before.rssMb, 1),
          max_sampled_rss_mb: round(herald.maxSampledRssMb, 1),
          peak_rss_mb: round(measured.after.peakRssMb, 1),
          statement_timeout: shipped.result.completed ? '30s (as shipped)' : '600s (raised by bench preload)',
        });
        printRatio(BENCH, 'ratio_export_time', herald.seconds, raw.seconds);
        printFigure(BENCH, 'goals', {
          time_le_2x_raw: herald.seconds <= 2 * raw.seconds,
          peak_rss_lt_200mb: measured.after.peakRssMb < RSS_GOAL_MB,
          completes_as_shipped: shipped.result.completed,
        });
        if (profileDir) process.stderr.write(`${BENCH}: CPU profile of the child written to ${profileDir}\n`);
      } finally {
        await runKey.revoke();
      }
    } finally {
      await knex.destroy();
      await pool.end();
    }
    await releaseCustomerDataset(server);
  } finally {
    await server.close();
  }
}
