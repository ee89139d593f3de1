import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createDb, type Knex } from '../db/knex';
import { withDefaults, ImportOptionsInput } from '../domain/imports/options';
import { runImportPipeline } from '../domain/imports/pipeline';
import { stageUpload } from '../domain/imports/staging';
import { beginImport } from '../domain/imports/steps';
import { createBenchTenant, createDatabase, dropDatabase, migrate, openBenchServer } from './herald';
import { uploadCsv } from './import-file';
import { envInt, printFigure, round } from './report';

/**
 * imports-profile: where an import's time goes, step by step. The rows of bench/imports-e2e
 * (BENCH_ROWS, default 200,000) are staged through the import service and run through the chunk
 * pipeline in this process (no API, no Temporal: only the code that does the work), while every
 * statement knex sends is timed by its kind. Printed: the wall time of staging and of the pipeline,
 * the CPU of this process (validation, JSON, the pipeline's own work) and of the database backends
 * of the benchmark's database (/proc, the server runs on this machine), and per statement kind its
 * count and summed wall time. The writers' statements overlap each other, so the sums can exceed
 * the pipeline's wall time.
 */

const BENCH = 'imports-profile';

/** CPU seconds (user + system) of a process, from /proc; 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** A statement's kind: its first words, with values and lists left out. */
const kindOf = (sql: string) => sql.replace(/\s+/g, ' ').trim().replace(/\$\d+/g, '?').slice(0, 70);

/** The CPU seconds so far of every backend connected to the database (the pool's connections), keyed by pid. */
async function backendCpu(db: Knex, database: string): Promise<Map<number, number>> {
  const { rows } = await db.raw('SELECT pid FROM pg_stat_activity WHERE datname = ?', [database]);
  return new Map((rows as Array<{ pid: number }>).map((r) => [r.pid, cpuSeconds(r.pid)]));
}

/** Runs the benchmark. */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 200_000);
  const writers = envInt('IMPORT_WRITERS', 2);
  const chunkRows = envInt('BENCH_CHUNK_ROWS', 5000);
  const server = await openBenchServer(BENCH);
  const database = 'bench_imports_profile';
  const url = server.urlFor(database);
  try {
    await dropDatabase(server, database);
    await createDatabase(server, database);
    await migrate(url);
    const db = createDb({ url, poolMax: writers + 4, statementTimeoutMs: 0 });
    try {
      const tenant = await createBenchTenant(db, 'Bench import profile');
      const apiKey = (await db('api_keys').where({ tenant_id: tenant.tenantId }).first('id')) as { id: string };
      const options = withDefaults(ImportOptionsInput.parse({}), 'US');
      // The import row as the service creates it (the service's staging step is not exported on its own).
      const [job] = (await db('imports')
        .insert({ tenant_id: tenant.tenantId, format: 'csv', options: JSON.stringify(options), actor_type: 'api_key', actor_id: apiKey.id })
        .returning('id')) as Array<{ id: string }>;

      const started = new Map<string, number>();
      const perKind = new Map<string, { count: number; ms: number }>();
      db.on('query', (q: { __knexQueryUid: string; sql: string }) => started.set(q.__knexQueryUid, performance.now()));
      db.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => {
        const t0 = started.get(q.__knexQueryUid);
        if (t0 === undefined) return;
        started.delete(q.__knexQueryUid);
        const k = kindOf(q.sql);
        const entry = perKind.get(k) ?? { count: 0, ms: 0 };
        entry.count += 1;
        entry.ms += performance.now() - t0;
        perKind.set(k, entry);
      });

      let t = performance.now();
      const staged = await stageUpload(db, job!.id, 'csv', uploadCsv(rows));
      const stageSeconds = (performance.now() - t) / 1000;
      await db('imports')
        .where({ id: job!.id })
        .update({ status: 'queued', total_rows: staged.rows, columns: staged.columns ?? null });
      await beginImport(db, job!.id);

      const cpuBefore = await backendCpu(db, database);
      const nodeBefore = process.cpuUsage();
      t = performance.now();
      const result = await runImportPipeline(db, job!.id, { writers, chunkRows });
      const pipelineSeconds = (performance.now() - t) / 1000;
      const node = process.cpuUsage(nodeBefore);
      const cpuAfter = await backendCpu(db, database);
      let pgCpu = 0;
      // A backend the pool opened during the pipeline did only the pipeline's work: all its CPU counts.
      for (const [pid, after] of cpuAfter) pgCpu += after - (cpuBefore.get(pid) ?? 0);

      printFigure(BENCH, 'import', {
        rows,
        writers,
        chunk_rows: chunkRows,
        state: result.state,
        processed: result.processed,
        stage_seconds: round(stageSeconds, 3),
        pipeline_seconds: round(pipelineSeconds, 3),
        rows_per_s: Math.round(rows / pipelineSeconds),
        node_cpu_s: round((node.user + node.system) / 1e6, 2),
        pg_backends_cpu_s: round(pgCpu, 2),
        node_us_per_row: round((node.user + node.system) / rows, 1),
        pg_us_per_row: round((pgCpu / rows) * 1e6, 1),
      });
      for (const [kind, e] of [...perKind].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
        printFigure(BENCH, 'statement', { kind, count: e.count, seconds: round(e.ms / 1000, 2), us_per_row: round((e.ms * 1000) / rows, 1) });
      }
    } finally {
      await db.destroy();
    }
  } finally {
    await dropDatabase(server, database).catch(() => undefined);
    await server.close();
  }
}
