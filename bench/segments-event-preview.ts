import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { createDb } from '../db/knex';
import { createSegmentService } from '../domain/segments/service';
import { compileRuleToSql, parseRules } from '../rules';
import { ensureCustomerDataset, releaseCustomerDataset } from './customer-dataset';
import { type CapturedQuery, explainAnalyze } from './explain';
import { openBenchServer } from './herald';
import { percentile } from './load';
import { envInt, printFigure, printRatio, round, timed } from './report';

/**
 * segments-event-preview (issue 16): a segment preview (audience count + 50 newest) for "at least 3
 * 'Viewed Product' in the last 30 days" on the shared dataset of BENCH_ROWS (1,000,000) customers
 * with BENCH_EVENTS (10,000,000) customer events added, run three ways in one process, interleaved,
 * BENCH_ITERATIONS (15) runs each after a warm-up:
 * - `service`: Herald's SegmentService.preview (parse, compile, two knex queries in parallel);
 * - `compiled`: the statements compileRuleToSql produces, on a pg Pool;
 * - `hand`: a hand-written `id IN (SELECT customer_id … GROUP BY customer_id HAVING count(*) >= 3)`.
 * Goals: compiled ≤ 1.2 × hand, service under 1 s. Both statements are EXPLAIN ANALYZEd.
 *
 * The events go into the customer dataset's own database (no other benchmark reads customer_events),
 * once a day: a marker table records their number and time, and BENCH_RESEED_EVENTS=1 rebuilds them. They span
 * the last 365 days in monthly partitions; names are skewed (half are Viewed Product) and so are
 * customers (a few are very active, most are not), so the audience is a small, realistic share.
 */

const BENCH = 'segments-event-preview';
const SAMPLE = 50;
const RATIO_GOAL = 1.2;
const LATENCY_GOAL_MS = 1000;
const DAY = 86_400_000;
const RULE = { all: [{ event: 'Viewed Product', count: { gte: 3 }, within: '30d' }] };

/** Adds BENCH_EVENTS events to the dataset's customers unless the marker says they are there. */
async function ensureEvents(url: string, tenantId: string, events: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS bench_events_dataset (tenant_id uuid, events bigint, built_at timestamptz)');
    // Events are placed relative to the build time, so a build older than a day is redone.
    const { rows } = await client.query("SELECT 1 FROM bench_events_dataset WHERE tenant_id = $1 AND events = $2 AND built_at > now() - interval '1 day'", [
      tenantId,
      events,
    ]);
    if (rows.length > 0 && process.env.BENCH_RESEED_EVENTS !== '1') {
      printFigure(BENCH, 'events_dataset', { events, reused: true });
      return;
    }
    process.stderr.write(`${BENCH}: adding ${events} customer events (kept for later runs; BENCH_RESEED_EVENTS=1 rebuilds)\n`);
    await client.query('DELETE FROM bench_events_dataset');
    await client.query('TRUNCATE customer_events');
    // Monthly partitions for the last 13 months, as the partition schedule would have made them.
    const now = new Date();
    for (let offset = -13; offset <= 1; offset++) {
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
      const name = `customer_events_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
      const exists = await client.query('SELECT 1 FROM pg_class WHERE relname = $1', [name]);
      if (exists.rows.length === 0)
        await client.query(`CREATE TABLE ${name} PARTITION OF customer_events FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`);
    }
    await client.query('CREATE TEMP TABLE bench_ids AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM customers WHERE tenant_id = $1', [tenantId]);
    await client.query('CREATE UNIQUE INDEX ON bench_ids (n)');
    const customers = Number((await client.query('SELECT count(*) AS n FROM bench_ids')).rows[0].n);
    const chunk = 1_000_000;
    const { seconds } = await timed(async () => {
      for (let done = 0; done < events; done += chunk) {
        // setseed per chunk: the same events on every build.
        await client.query('SELECT setseed($1)', [((done / chunk) % 1000) / 1000]);
        await client.query(
          `INSERT INTO customer_events (id, tenant_id, customer_id, name, properties, occurred_at, received_at)
           SELECT gen_random_uuid(), $1, i.id,
                  (ARRAY['Viewed Product','Viewed Product','Viewed Product','Viewed Product','Viewed Product','Page Viewed','Page Viewed','Added To Cart','Added To Cart','Order Completed'])[1 + floor(r.a * 10)::int],
                  jsonb_build_object('price', round((r.b * 200)::numeric, 2)),
                  now() - r.c * interval '365 days', now()
           FROM generate_series(1, $2::int) g
           CROSS JOIN LATERAL (SELECT random() AS a, random() AS b, random() AS c, random() AS d, g AS k) r
           JOIN bench_ids i ON i.n = floor(power(r.d, 2) * $3)::bigint`,
          [tenantId, Math.min(chunk, events - done), customers],
        );
        process.stderr.write(`${BENCH}: ${Math.min(done + chunk, events)} events\n`);
      }
      await client.query('VACUUM (ANALYZE) customer_events');
    });
    await client.query('INSERT INTO bench_events_dataset VALUES ($1, $2, now())', [tenantId, events]);
    printFigure(BENCH, 'events_dataset', { events, customers, reused: false, seconds: round(seconds, 1), events_per_s: Math.round(events / seconds) });
  } finally {
    await client.end();
  }
}

/** The two statements of a preview (count, and the newest 50). */
interface PreviewSql {
  count: CapturedQuery;
  sample: CapturedQuery;
}

function statements(where: string, bindings: unknown[]): PreviewSql {
  return {
    count: { sql: `SELECT count(*) AS count FROM customers WHERE ${where}`, bindings },
    sample: { sql: `SELECT * FROM customers WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${SAMPLE}`, bindings },
  };
}

/** What the service sends: the compiled predicate after the tenant and soft-delete filters. */
function compiledSql(tenantId: string, now: Date): PreviewSql {
  const p = compileRuleToSql(parseRules(RULE), { now, alias: 'customers', tenantId });
  let i = 1;
  const text = p.sql.replace(/\?/g, () => `$${++i}`);
  return statements(`tenant_id = $1 AND deleted_at IS NULL AND (${text})`, [tenantId, ...p.bindings]);
}

/** The same audience written by hand. */
function handSql(tenantId: string, now: number): PreviewSql {
  return statements(
    `tenant_id = $1 AND deleted_at IS NULL AND id IN (
       SELECT customer_id FROM customer_events
       WHERE tenant_id = $1 AND customer_id IS NOT NULL AND name = 'Viewed Product' AND occurred_at >= $2 AND occurred_at < $3
       GROUP BY customer_id HAVING count(*) >= 3)`,
    [tenantId, new Date(now - 30 * DAY).toISOString(), new Date(now + 1).toISOString()],
  );
}

async function runPreview(pool: Pool, q: PreviewSql): Promise<number> {
  const [counted] = await Promise.all([pool.query<{ count: number }>(q.count.sql, [...q.count.bindings]), pool.query(q.sample.sql, [...q.sample.bindings])]);
  return Number(counted.rows[0]?.count ?? 0);
}

async function ms(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

const p50 = (xs: number[]) => percentile(Float64Array.from(xs).sort(), 0.5);

/** Runs the benchmark (see the header for its knobs). */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const events = envInt('BENCH_EVENTS', 10_000_000);
  const iterations = envInt('BENCH_ITERATIONS', 15);
  const server = await openBenchServer(BENCH);
  try {
    const dataset = await ensureCustomerDataset(BENCH, server, rows);
    await ensureEvents(dataset.url, dataset.tenantId, events);
    const db = createDb({ url: dataset.url, poolMax: 2 });
    const pool = new Pool({ connectionString: dataset.url, max: 2 });
    const service = createSegmentService({ db });
    try {
      const now = new Date();
      const compiled = compiledSql(dataset.tenantId, now);
      const hand = handSql(dataset.tenantId, now.getTime());
      process.stderr.write(`${BENCH}: compiled count SQL: ${compiled.count.sql}\n${BENCH}: hand count SQL: ${hand.count.sql}\n`);
      const served = await service.preview(dataset.tenantId, RULE, SAMPLE);
      const compiledCount = await runPreview(pool, compiled);
      const handCount = await runPreview(pool, hand);
      if (Math.abs(served.count - handCount) > 0 || compiledCount !== handCount)
        throw new Error(`counts differ: service ${served.count}, compiled ${compiledCount}, hand ${handCount}`);

      const times = { service: [] as number[], compiled: [] as number[], hand: [] as number[] };
      for (let i = 0; i < iterations; i++) {
        times.service.push(await ms(() => service.preview(dataset.tenantId, RULE, SAMPLE)));
        times.compiled.push(await ms(() => runPreview(pool, compiled)));
        times.hand.push(await ms(() => runPreview(pool, hand)));
      }
      const p = { service: p50(times.service), compiled: p50(times.compiled), hand: p50(times.hand) };
      printFigure(BENCH, 'preview_viewed_3_in_30d', {
        customers: rows,
        events,
        audience: handCount,
        iterations,
        service_p50_ms: round(p.service, 2),
        compiled_p50_ms: round(p.compiled, 2),
        hand_p50_ms: round(p.hand, 2),
        service_max_ms: round(Math.max(...times.service), 2),
        compiled_max_ms: round(Math.max(...times.compiled), 2),
        hand_max_ms: round(Math.max(...times.hand), 2),
      });
      printRatio(BENCH, 'ratio_compiled_over_hand', p.compiled, p.hand);
      printRatio(BENCH, 'ratio_service_over_hand', p.service, p.hand);
      for (const [variant, q] of [
        ['compiled', compiled],
        ['hand', hand],
      ] as const) {
        for (const kind of ['count', 'sample'] as const) {
          const explained = await explainAnalyze(pool, q[kind]);
          process.stderr.write(`${BENCH}: EXPLAIN ${variant} ${kind}\n${explained.text}\n`);
          printFigure(BENCH, `explain_${variant}_${kind}`, {
            plan: explained.plan,
            execution_ms: explained.executionMs,
            planning_ms: explained.planningMs,
            rows: explained.rows,
            shared_hit: explained.sharedHit,
            shared_read: explained.sharedRead,
          });
        }
      }
      printFigure(BENCH, 'goals', {
        [`ratio_le_${RATIO_GOAL}`]: p.compiled / p.hand <= RATIO_GOAL,
        [`service_under_${LATENCY_GOAL_MS}_ms`]: p.service < LATENCY_GOAL_MS,
      });
    } finally {
      await pool.end();
      await db.destroy();
    }
    await releaseCustomerDataset(server);
  } finally {
    await server.close();
  }
}
