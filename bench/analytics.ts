import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { createDb } from '../db/knex';
import { resolveRange, dayAfter, type RangeRequest } from '../domain/analytics/range';
import { noteZoneRequested } from '../domain/analytics/activePairs';
import { materialiseTenant, UNPAID_STATUSES } from '../domain/analytics/rollups';
import { createAnalyticsService } from '../domain/analytics/service';
import { ensureAnalyticsData } from './analytics-dataset';
import { DATASET_END, ensureCustomerDataset, releaseCustomerDataset } from './customer-dataset';
import { createBenchTenant, openBenchServer } from './herald';
import { percentile } from './load';
import { envInt, printFigure, printRatio, round, timed } from './report';
import { measureWriterUpsert } from './analytics-writers';

/**
 * analytics: issue 19's analytics over time on one tenant with 1,000,000 customers and
 * 5,000,000 orders (customer-dataset.ts + analytics-dataset.ts).
 *
 * 1. The chosen design, rollups materialised by a schedule: the full rebuild and an incremental
 *    run (the last 35 days) of the tenant, timed.
 * 2. Each series (customers, revenue, campaigns, segments) through Herald's analytics service,
 *    for two ranges (30 days by day in America/Mexico_City; 12 months by month in Asia/Kolkata, a
 *    half-hour zone), p50 of BENCH_ITERATIONS (9) after a warm-up, against the plain aggregate
 *    query over the base tables answering the same question in the same run (goal: Herald < 500 ms
 *    each). The totals of both must agree or the run fails.
 * 3. The other design, rollups maintained by the writers: an order insert with and without an
 *    upsert of its slot's rollup row in the same transaction, 8 concurrent writers on one tenant
 *    (analytics-writers.ts).
 *
 * BENCH_SERIES (e.g. `customers` or `customers,revenue`) measures only those series and skips the
 * writer comparison. The cases' timezones are noted as requested before the rebuild, as a first
 * request would, so the rebuild builds their active-customer pairs (activePairs.ts).
 */

const BENCH = 'analytics';
const GOAL_MS = 500;

const CASES: Array<{ name: string; request: RangeRequest }> = [
  { name: 'day30_mexico', request: { period: 'day', endDate: '2026-11-21', timezone: 'America/Mexico_City' } },
  { name: 'month12_kolkata', request: { period: 'month', startDate: '2025-12-01', endDate: '2026-11-21', timezone: 'Asia/Kolkata' } },
];

/** The plain aggregate over base tables for one series: one statement, range and previous range, grouped by bucket. */
function baselineSql(series: string): string {
  const b = `(SELECT $2::date::timestamp AT TIME ZONE $5 AS prev_from, $3::date::timestamp AT TIME ZONE $5 AS from_, $4::date::timestamp AT TIME ZONE $5 AS to_) b`;
  const bucket = (c: string) => `CASE WHEN ${c} < b.from_ THEN NULL ELSE date_trunc($6, ${c} AT TIME ZONE $5) END`;
  if (series === 'revenue')
    return `SELECT ${bucket('o.placed_at')} AS bucket, count(*) AS orders, count(*) FILTER (WHERE o.status NOT IN ${UNPAID_STATUSES}) AS paid,
              sum(o.total) FILTER (WHERE o.status NOT IN ${UNPAID_STATUSES}) AS revenue
            FROM orders o, ${b} WHERE o.tenant_id = $1 AND o.placed_at >= b.prev_from AND o.placed_at < b.to_ GROUP BY 1`;
  if (series === 'customers')
    return `SELECT bucket, sum(n) AS n, sum(active) AS active FROM (
              SELECT ${bucket('c.created_at')} AS bucket, count(*) AS n, 0 AS active FROM customers c, ${b}
              WHERE c.tenant_id = $1 AND c.deleted_at IS NULL AND c.created_at >= b.prev_from AND c.created_at < b.to_ GROUP BY 1
              UNION ALL
              SELECT bucket, 0, count(DISTINCT customer_id) FROM (SELECT ${bucket('o.placed_at')} AS bucket, o.customer_id FROM orders o, ${b}
              WHERE o.tenant_id = $1 AND o.placed_at >= b.prev_from AND o.placed_at < b.to_) z GROUP BY 1) u GROUP BY bucket`;
  if (series === 'campaigns')
    return `SELECT r.campaign_id, ${bucket('m.at')} AS bucket, sum(m.s) AS sent, sum(m.o) AS opened, sum(m.c) AS clicked
            FROM campaign_recipients r CROSS JOIN LATERAL (VALUES (r.sent_at, 1, 0, 0), (r.opened_at, 0, 1, 0), (r.clicked_at, 0, 0, 1)) m(at, s, o, c), ${b}
            WHERE r.tenant_id = $1 AND m.at >= b.prev_from AND m.at < b.to_ GROUP BY 1, 2`;
  return `SELECT s.segment_id, ${bucket('s.taken_at')} AS bucket, s.members FROM segment_size_snapshots s, ${b}
          WHERE s.tenant_id = $1 AND s.taken_at >= b.prev_from AND s.taken_at < b.to_ ORDER BY s.segment_id, s.taken_at`;
}

const ALL_SERIES = ['customers', 'revenue', 'campaigns', 'segments'] as const;
/** The series measured: BENCH_SERIES's names (comma-separated), or all four. */
const SERIES = ALL_SERIES.filter((s) => !process.env.BENCH_SERIES || process.env.BENCH_SERIES.split(',').includes(s));

const p50 = (xs: number[]) => percentile(Float64Array.from(xs).sort(), 0.5);
async function ms(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

/** Runs the benchmark: BENCH_ROWS customers (1,000,000), BENCH_ORDERS orders (5,000,000), BENCH_ITERATIONS (9). */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const orders = envInt('BENCH_ORDERS', 5_000_000);
  const iterations = envInt('BENCH_ITERATIONS', 9);
  const server = await openBenchServer(BENCH);
  try {
    const dataset = await ensureCustomerDataset(BENCH, server, rows);
    await ensureAnalyticsData(BENCH, dataset.url, dataset.tenantId, orders);
    const db = createDb({ url: dataset.url, poolMax: 2 });
    const pool = new Pool({ connectionString: dataset.url, max: 2 });
    const goals: Record<string, boolean> = {};
    try {
      for (const c of CASES) await noteZoneRequested(db, dataset.tenantId, c.request.timezone ?? 'UTC');
      const full = await timed(() => materialiseTenant(db, dataset.tenantId, { full: true }));
      const incremental = await timed(() => materialiseTenant(db, dataset.tenantId));
      printFigure(BENCH, 'materialise', { orders, full_rebuild_seconds: round(full.seconds, 2), incremental_35_days_seconds: round(incremental.seconds, 2) });
      const service = createAnalyticsService({ db, now: () => new Date(DATASET_END) });
      for (const c of CASES) {
        const r = resolveRange(c.request, new Date(DATASET_END));
        const values = [dataset.tenantId, r.previous.startDate, r.startDate, dayAfter(r.endDate), r.timezone, r.period];
        for (const series of SERIES) {
          const call = () => service[series](dataset.tenantId, c.request);
          const sql = baselineSql(series);
          const check = await call();
          const base = await pool.query(sql, values);
          if (series === 'revenue') {
            const paid = base.rows.filter((x) => x.bucket !== null).reduce((n, x) => n + Number(x.paid), 0);
            const got = (check as { totals: { paidOrders: number } }).totals.paidOrders;
            if (paid !== got) throw new Error(`${c.name} revenue: Herald counts ${got} paid orders, the base tables ${paid}`);
          }
          if (series === 'customers') {
            const active = base.rows.filter((x) => x.bucket !== null).reduce((n, x) => n + Number(x.active), 0);
            const got = (check as { series: Array<{ activeCustomers: number }> }).series.reduce((n, b) => n + b.activeCustomers, 0);
            if (active !== got) throw new Error(`${c.name} customers: Herald counts ${got} active customer-buckets, the base tables ${active}`);
          }
          const times = { herald: [] as number[], base: [] as number[] };
          for (let i = 0; i < iterations; i++) {
            times.herald.push(await ms(call));
            times.base.push(await ms(() => pool.query(sql, values)));
          }
          const p = { herald: p50(times.herald), base: p50(times.base) };
          printFigure(BENCH, `${series}_${c.name}`, {
            period: r.period,
            timezone: r.timezone,
            buckets: r.buckets.length,
            iterations,
            baseline_p50_ms: round(p.base, 1),
            herald_p50_ms: round(p.herald, 1),
            herald_max_ms: round(Math.max(...times.herald), 1),
          });
          printRatio(BENCH, `ratio_herald_over_baseline_${series}_${c.name}`, p.herald, p.base);
          goals[`${series}_${c.name}_lt_${GOAL_MS}ms`] = p.herald < GOAL_MS;
        }
      }
      if (!process.env.BENCH_SERIES) {
        const scratch = await createBenchTenant(db, 'bench analytics writers');
        printFigure(BENCH, 'writer_maintained', await measureWriterUpsert(dataset.url, scratch.tenantId, envInt('BENCH_WRITES', 4000)));
        await db('orders').where('tenant_id', scratch.tenantId).delete();
        await db('tenants').where('id', scratch.tenantId).delete();
      }
      printFigure(BENCH, 'goals', goals);
    } finally {
      await pool.end();
      await db.destroy();
    }
    await releaseCustomerDataset(server);
  } finally {
    await server.close();
  }
}
