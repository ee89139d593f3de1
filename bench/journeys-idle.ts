import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { createDb } from '../db/knex';
import { backendCpuMs, backendCpuSpent } from './cpu-time';
import { createBenchTenant, createDatabase, dropDatabase, heraldEnv, migrate, openBenchServer, readProcessMemory, startWorkerChild, stopChild } from './herald';
import { printFigure, round } from './report';
import fs from 'node:fs';

/**
 * The journeys benchmark's idle figure: `herald worker` (the production build, as deployed) on a
 * database of its own, measured for `seconds` with no run at all (the baseline), then again with
 * `runs` runs in a 7-day delay, inserted by SQL as the runner leaves them (a `waiting` step each,
 * due in a week). The worker's CPU comes from /proc/<pid>/stat (all its threads), its RSS from
 * /proc/<pid>/status; the database backends' CPU is printed beside (the runner's idle poll is an
 * index probe there). Goal (issue 17): < 1 % of a core, memory flat.
 */

/** utime + stime of a process (all threads), in ms. */
function processCpuMs(pid: number): number {
  const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** One measured window of the worker: CPU share of one core, RSS at its start and end, the database backends' CPU share. */
async function measure(pid: number, pool: Pool, database: string, seconds: number) {
  const rssStart = readProcessMemory(pid).rssMb;
  const cpu0 = processCpuMs(pid);
  const pg0 = await backendCpuMs(pool, database);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const wallMs = performance.now() - t0;
  const cpu = processCpuMs(pid) - cpu0;
  const pg = backendCpuSpent(pg0, await backendCpuMs(pool, database));
  const rssEnd = readProcessMemory(pid).rssMb;
  return {
    seconds: round(wallMs / 1000, 1),
    cpu_pct_of_core: round((100 * cpu) / wallMs, 2),
    rss_start_mb: round(rssStart, 1),
    rss_end_mb: round(rssEnd, 1),
    pg_cpu_pct_of_core: round((100 * pg) / wallMs, 2),
  };
}

/** Runs the idle figure (see the module comment). */
export async function runIdle(bench: string, runs: number, seconds: number): Promise<void> {
  const server = await openBenchServer(bench);
  const database = 'herald_bench_journeys_idle';
  await dropDatabase(server, database);
  await createDatabase(server, database);
  const url = server.urlFor(database);
  await migrate(url);
  const db = createDb({ url, poolMax: 2 });
  const pool = new Pool({ connectionString: url, max: 1 });
  let worker: Awaited<ReturnType<typeof startWorkerChild>> | undefined;
  try {
    const { tenantId } = await createBenchTenant(db, `${bench} idle`);
    // Ten runs per customer (every_time entries with distinct keys), so 100k customers hold 1M runs.
    const perCustomer = 10;
    const customers = Math.ceil(runs / perCustomer);
    await db.raw(
      `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email)
       SELECT ?, 'Idle' || g, 'N', 'Idle' || g || ' N', 'idle' || g || '@example.com' FROM generate_series(1, ?) g`,
      [tenantId, customers],
    );
    const definition = {
      entry: { type: 'event', event: 'Bench Idle', policy: { mode: 'every_time' } },
      start: 'week',
      nodes: [{ id: 'week', type: 'delay', duration: '7d' }],
    };
    const [journey] = await db('journeys')
      .insert({ tenant_id: tenantId, name: 'Bench idle', status: 'active', draft: JSON.stringify(definition), latest_version: 1 })
      .returning('id');
    const [version] = await db('journey_versions')
      .insert({ tenant_id: tenantId, journey_id: journey.id, version: 1, definition: JSON.stringify(definition) })
      .returning('id');
    await db('journeys').where({ id: journey.id }).update({ current_version_id: version.id });

    worker = await startWorkerChild({ ...process.env, ...heraldEnv(url), TEMPORAL_TASK_QUEUE: `bench-journeys-idle-${process.pid}` });
    await sleep(10_000);
    const baseline = await measure(worker.pid, pool, database, seconds);
    printFigure(bench, 'idle_baseline', { runs: 0, ...baseline });

    const entered = new Date();
    const insertStarted = performance.now();
    // One statement per entry key (runs and their steps together), each within the connection's statement timeout.
    for (let k = 1; k <= perCustomer; k++) {
      await db.raw(
        `WITH r AS (
           INSERT INTO journey_runs (tenant_id, journey_id, version_id, customer_id, entry_key, node_id, visit, due_at, trigger, context, entered_at)
           SELECT c.tenant_id, ?, ?, c.id, ?, 'week', 1, ?::timestamptz, ?::jsonb, '{"visits":{"week":1}}', ? FROM customers c WHERE c.tenant_id = ?
           RETURNING id, tenant_id, journey_id, version_id, due_at, entered_at
         )
         INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, detail, started_at)
         SELECT tenant_id, journey_id, version_id, id, 'week', 1, 'delay', 'waiting', jsonb_build_object('until', due_at), entered_at FROM r`,
        [
          journey.id,
          version.id,
          `k${k}`,
          new Date(entered.getTime() + 7 * 86_400_000 + k * 1000),
          JSON.stringify({ kind: 'event', eventId: null, name: 'Bench Idle', properties: {}, occurredAt: entered.toISOString() }),
          entered,
          tenantId,
        ],
      );
    }
    await db.raw('VACUUM ANALYZE journey_runs');
    await db.raw('VACUUM ANALYZE journey_steps');
    const n = (await db('journey_runs').where({ state: 'active' }).count<{ n: string }[]>({ n: '*' }))[0]!.n;
    process.stderr.write(`idle: ${n} runs inserted in ${round((performance.now() - insertStarted) / 1000, 1)} s\n`);
    await sleep(10_000);
    const herald = await measure(worker.pid, pool, database, seconds);
    printFigure(bench, 'idle_herald', { runs: Number(n), ...herald });
    printFigure(bench, 'idle_goal', {
      cpu_delta_pct_of_core: round(herald.cpu_pct_of_core - baseline.cpu_pct_of_core, 2),
      rss_growth_mb: round(herald.rss_end_mb - herald.rss_start_mb, 1),
      goal_cpu_pct: 1,
      met: herald.cpu_pct_of_core < 1,
    });
  } finally {
    if (worker) await stopChild(worker.child);
    await pool.end();
    await db.destroy();
    await dropDatabase(server, database);
    await server.close();
  }
}
