import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { startSmtpSink } from '../test/support/smtpSink';
import { measureApi, prepareApi } from './capacity-api';
import { startCpuProbe, type CpuSpent } from './capacity-probe';
import { campaigns, imports, journeys, webhooks, type Workload, type WorkloadStack } from './capacity-workloads';
import { createDatabase, dropDatabase, endWorkerQueue, heraldEnv, migrate, openBenchServer, startHeraldInProcess, startWorkerChild, stopChild } from './herald';
import { uploadCsv, writeFile } from './import-file';
import { envInt, printFigure, round, type Fields } from './report';

/**
 * capacity (issue 21): how much one `herald worker` and one `herald serve` process do on this
 * machine, and what a second one adds. Each worker workload (two e-mail campaigns, a webhook
 * fan-out to ten endpoints, two CSV imports, a journey burst) runs with 1 and then 2 `herald worker`
 * children of the production build (a task queue of each round's own on the shared Temporal server); the API's read
 * and write run against 1 and then 2 `herald serve` children. Each figure gives the throughput, the
 * throughput per process (the baseline is 1 process: `scaling` is the 2-process rate over the
 * 1-process rate), and where the CPU went (Herald's processes, the database's backends, every
 * PostgreSQL process, the Temporal server, the whole machine), from which the rate per core follows.
 * docs/capacity.md reads these figures into a capacity model.
 */

const BENCH = 'capacity';
const DATABASE = 'herald_bench_capacity';

/** The knobs, each a count; BENCH_CAPACITY_WORKLOADS and BENCH_CAPACITY_PROCESSES pick what runs. */
function settings() {
  return {
    workloads: (process.env.BENCH_CAPACITY_WORKLOADS ?? 'campaigns,webhooks,imports,journeys,api').split(',').map((s) => s.trim()),
    processes: (process.env.BENCH_CAPACITY_PROCESSES ?? '1,2').split(',').map(Number),
    messages: envInt('BENCH_CAPACITY_MESSAGES', 5_000),
    events: envInt('BENCH_CAPACITY_EVENTS', 2_000),
    rows: envInt('BENCH_CAPACITY_ROWS', 25_000),
    journeyCustomers: envInt('BENCH_CAPACITY_JOURNEY', 10_000),
    apiRows: envInt('BENCH_ROWS', 20_000),
  };
}

/** Throughput and CPU figures of one measured run, in the shape every capacity line prints. */
function figures(units: number, seconds: number, processes: number, cpu: CpuSpent): Fields {
  const stack = cpu.herald_cpu_s + cpu.pg_backends_cpu_s + cpu.temporal_cpu_s;
  const perSecond = units / seconds;
  return {
    processes,
    units,
    seconds: round(seconds, 2),
    per_s: Math.round(perSecond),
    per_s_per_process: Math.round(perSecond / processes),
    ...cpu,
    // Cores busy on average per part: CPU seconds over wall seconds.
    herald_cores: round(cpu.herald_cpu_s / seconds, 2),
    pg_cores: round(cpu.pg_backends_cpu_s / seconds, 2),
    temporal_cores: round(cpu.temporal_cpu_s / seconds, 2),
    // Units per CPU second: the rate one fully used core would reach.
    per_herald_cpu_s: cpu.herald_cpu_s > 0 ? Math.round(units / cpu.herald_cpu_s) : null,
    per_stack_cpu_s: stack > 0 ? Math.round(units / stack) : null,
  };
}

/** What every round shares: the database URL, the sink, the Herald environment, the import file, the task queues used so far. */
interface Run {
  url: string;
  pool: Pool;
  sink: WorkloadStack['sink'];
  env: Record<string, string>;
  importFile: string;
  queues: string[];
}

/**
 * Runs one workload with `n` workers on a task queue of the round's own (so the relay, journey
 * router and runner loops start on these workers, not wait out the heartbeat of a stopped round's),
 * beside an in-process API on that queue for the domain commands: start, prepare, measure, stop;
 * answers units/s.
 */
async function measureWorkload(run: Run, workload: Workload, n: number): Promise<number> {
  const queue = `${run.env.TEMPORAL_TASK_QUEUE}-${workload.name}-${n}`;
  run.queues.push(queue);
  const env = { ...run.env, TEMPORAL_TASK_QUEUE: queue };
  const herald = await startHeraldInProcess(run.url, env);
  const stack: WorkloadStack = { herald, sink: run.sink, env, importFile: run.importFile };
  const workers: ChildProcess[] = [];
  const pids: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const w = await startWorkerChild({ ...process.env, ...env, ...workload.workerEnv });
      workers.push(w.child);
      pids.push(w.pid);
    }
    const prepared = await workload.prepare(stack, n);
    try {
      const probe = await startCpuProbe(run.pool, DATABASE, pids);
      const started = performance.now();
      const units = await prepared.run();
      const seconds = (performance.now() - started) / 1000;
      const cpu = await probe.stop();
      printFigure(BENCH, `${workload.name}_${n}w`, { unit: workload.unit, ...figures(units, seconds, n, cpu) });
      return units / seconds;
    } finally {
      await prepared.close?.();
    }
  } finally {
    for (const w of workers) await stopChild(w);
    await herald.close();
  }
}

/** Prints how the rate with the most processes compares with the rate with one (the per-process baseline). */
function printScaling(name: string, rates: Map<number, number>): void {
  const one = rates.get(1);
  for (const [n, rate] of rates) {
    if (n === 1 || one === undefined) continue;
    printFigure(BENCH, `${name}_scaling`, { processes: n, ratio_vs_1: round(rate / one, 3), per_process_efficiency: round(rate / one / n, 3) });
  }
}

/** Runs the benchmark. */
export async function run(): Promise<void> {
  const s = settings();
  const server = await openBenchServer(BENCH);
  const url = server.urlFor(DATABASE);
  const queue = `bench-capacity-${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-capacity-'));
  const sink = await startSmtpSink({ keepRaw: false });
  await dropDatabase(server, DATABASE);
  await createDatabase(server, DATABASE);
  await migrate(url);
  process.env.TEMPORAL_TASK_QUEUE = queue;
  // Two processes of a kind on one machine cannot share a metrics port: metrics off (the `herald serve` children read process.env).
  process.env.METRICS_PORT = '0';
  const env = { ...heraldEnv(url), TEMPORAL_TASK_QUEUE: queue, SMTP_URL: sink.url, RATE_LIMIT_IMPORTS_PER_MINUTE: '1000', WORKER_METRICS_PORT: '0' };
  const herald = await startHeraldInProcess(url, env);
  const pool = new Pool({ connectionString: url, max: 2 });
  const queues = [queue];
  try {
    const importFile = path.join(dir, 'capacity.csv');
    await writeFile(importFile, uploadCsv(s.rows));
    const runState: Run = { url, pool, sink, env, importFile, queues };
    printFigure(BENCH, 'setup', { ...s, workloads: s.workloads.join(','), processes: s.processes.join(','), cores: os.cpus().length });
    const all: Record<string, Workload> = {
      campaigns: campaigns(s.messages),
      webhooks: webhooks(s.events),
      imports: imports(s.rows),
      journeys: journeys(s.journeyCustomers),
    };
    for (const name of s.workloads) {
      const workload = all[name];
      if (!workload) continue;
      const rates = new Map<number, number>();
      for (const n of s.processes) rates.set(n, await measureWorkload(runState, workload, n));
      printScaling(name, rates);
    }
    if (s.workloads.includes('api')) {
      const fixture = await prepareApi(herald.runtime.db, s.apiRows, dir);
      const rates = { get: new Map<number, number>(), post: new Map<number, number>() };
      for (const n of s.processes) {
        for (const r of await measureApi(url, pool, DATABASE, fixture, n)) {
          printFigure(BENCH, `api_${r.kind}_${n}s`, { unit: 'requests', p99_ms: r.p99_ms, ...figures(r.requests, r.seconds, n, r.cpu) });
          rates[r.kind].set(n, r.req_per_s);
        }
      }
      printScaling('api_get', rates.get);
      printScaling('api_post', rates.post);
    }
    // The idle stack for comparison: what the machine does with nothing of this run working.
    const idle = await startCpuProbe(pool, DATABASE, []);
    await new Promise((r) => setTimeout(r, 5_000));
    printFigure(BENCH, 'machine_idle_5s', { ...(await idle.stop()) });
  } finally {
    await pool.end();
    await herald.close();
    await sink.close();
    for (const q of queues) await endWorkerQueue(q);
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase(server, DATABASE).catch(() => undefined);
    await server.close();
  }
}
