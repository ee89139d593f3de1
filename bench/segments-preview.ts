import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import { createDb, type Knex } from '../db/knex';
import { createSegmentService } from '../domain/segments/service';
import { type RuleNode, compileRuleToSql, createRuleEvaluator, parseRules } from '../rules';
import { ensureCustomerDataset, releaseCustomerDataset } from './customer-dataset';
import { explainAnalyze, type CapturedQuery } from './explain';
import { openBenchServer } from './herald';
import { percentile } from './load';
import { envInt, printFigure, printRatio, round } from './report';

/**
 * segments-preview: a segment preview (audience count + 50-row sample, newest first) on one tenant
 * with 1,000,000 customers (the shared dataset, see customer-dataset.ts), for a 4-condition rule and
 * a 10-condition nested rule. Each rule is run three ways in the same process, interleaved, with
 * BENCH_ITERATIONS (15) runs each after one warm-up:
 * - `service`: Herald's own SegmentService.preview (parse, compile, two knex queries in parallel);
 * - `compiled`: the SQL compileRuleToSql produces, sent as the same two statements on a pg Pool;
 * - `hand`: a hand-written SQL predicate with the same meaning, sent the same way.
 * compiled/hand is the rule compiler's overhead (goal ≤ 1.2); both statements are EXPLAIN ANALYZEd.
 *
 * Then the same audience in Node: customers rows streamed with a server-side cursor
 * (pg-query-stream) and matched one by one with createRuleEvaluator().matches, over BENCH_SCAN_ROWS
 * rows (default: all of them); the customers/s it reaches gives the time a full scan would take
 * and the SQL path's speed-up over it (goal ≥ 100×).
 */

const BENCH = 'segments-preview';
const SAMPLE = 50;
const RATIO_GOAL = 1.2;
const SPEEDUP_GOAL = 100;

const cond = (field: string, operator: string, value?: unknown) => ({ kind: 'condition', field, operator, ...(value === undefined ? {} : { value }) });
const all = (...children: unknown[]) => ({ kind: 'group', combinator: 'all', children });
const any = (...children: unknown[]) => ({ kind: 'group', combinator: 'any', children });
const not = (child: unknown) => ({ kind: 'not', child });

/** A rule to measure: the client's input, and a hand-written predicate on `customers` with the same meaning. */
interface Case {
  name: string;
  conditions: number;
  input: unknown;
  /** Hand-written predicate; `$n` placeholders after $1 (tenant). */
  hand(now: number): { sql: string; values: unknown[] };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const CASES: Case[] = [
  {
    name: 'rule4',
    conditions: 4,
    // High-value premium customers on the newsletter/returning lists who ordered in the last 90 days.
    input: all(
      cond('totalSpent', 'greaterThan', 500),
      cond('tier', 'in', ['premium', 'vip']),
      cond('tags', 'hasAny', ['newsletter', 'returning']),
      cond('lastOrderAt', 'withinLastDays', 90),
    ),
    hand: (now) => ({
      sql: `total_spent > 500 AND tier IN ('premium', 'vip') AND tags && ARRAY['newsletter', 'returning']::text[]
            AND last_order_at >= $2 AND last_order_at <= $3`,
      values: [iso(now - 90 * DAY), iso(now)],
    }),
  },
  {
    name: 'rule10',
    conditions: 10,
    // Active customers since mid-2025, not imported, who are valuable (big spenders, VIPs, or
    // recent buyers from the vip/returning lists), in four big cities or Germany, not at risk.
    input: all(
      cond('status', 'equal', 'active'),
      cond('createdAt', 'after', '2025-06-01T00:00:00.000Z'),
      not(cond('source', 'in', ['import', 'other'])),
      any(
        cond('totalSpent', 'greaterThan', 2000),
        cond('tier', 'equal', 'vip'),
        all(cond('tags', 'hasAny', ['vip', 'returning']), cond('lastOrderAt', 'withinLastDays', 60)),
      ),
      any(cond('address.city', 'in', ['New York', 'London', 'Berlin', 'Madrid']), cond('address.country', 'equal', 'Germany')),
      not(cond('tags', 'hasAny', ['churn-risk'])),
    ),
    hand: (now) => ({
      sql: `status = 'active' AND created_at > '2025-06-01T00:00:00.000Z' AND source NOT IN ('import', 'other')
            AND (total_spent > 2000 OR tier = 'vip' OR (tags && ARRAY['vip', 'returning']::text[] AND last_order_at >= $2 AND last_order_at <= $3))
            AND (address_city IN ('New York', 'London', 'Berlin', 'Madrid') OR address_country = 'Germany')
            AND NOT (tags && ARRAY['churn-risk']::text[])`,
      values: [iso(now - 60 * DAY), iso(now)],
    }),
  },
];

/** The two statements of a preview (count, and the newest 50) for one predicate. */
interface PreviewSql {
  count: CapturedQuery;
  sample: CapturedQuery;
}

/** The statements SegmentService.preview sends for a rule, as knex renders them (same builder as service.ts's `audience`). */
function compiledSql(db: Knex, tenantId: string, rule: RuleNode, now: Date): PreviewSql {
  const audience = () => {
    const p = compileRuleToSql(rule, { now, alias: 'customers', tenantId });
    return db('customers').where('tenant_id', tenantId).whereNull('deleted_at').whereRaw(`(${p.sql})`, p.bindings);
  };
  const native = (q: Knex.QueryBuilder): CapturedQuery => {
    const n = q.toSQL().toNative();
    return { sql: n.sql, bindings: n.bindings };
  };
  return {
    count: native(audience().count({ count: '*' })),
    sample: native(
      audience()
        .select('*')
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(SAMPLE),
    ),
  };
}

/** The hand-written statements for the same audience. */
function handSql(c: Case, tenantId: string, now: number): PreviewSql {
  const { sql, values } = c.hand(now);
  const where = `tenant_id = $1 AND deleted_at IS NULL AND ${sql}`;
  return {
    count: { sql: `SELECT count(*) AS count FROM customers WHERE ${where}`, bindings: [tenantId, ...values] },
    sample: { sql: `SELECT * FROM customers WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${SAMPLE}`, bindings: [tenantId, ...values] },
  };
}

/** Runs one preview's two statements in parallel on the pool, as the service does; returns the count. */
async function runPreview(pool: Pool, q: PreviewSql): Promise<number> {
  const [counted] = await Promise.all([pool.query<{ count: number }>(q.count.sql, [...q.count.bindings]), pool.query(q.sample.sql, [...q.sample.bindings])]);
  return Number(counted.rows[0]?.count ?? 0);
}

/** Milliseconds of one call. */
async function ms(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

const p50 = (xs: number[]) => percentile(Float64Array.from(xs).sort(), 0.5);

/** Streams the tenant's customers and matches each in Node; returns rows read, matches and timings. */
async function scanInNode(url: string, tenantId: string, rule: RuleNode, limit: number, now: Date) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const evaluator = createRuleEvaluator({ now: () => now });
  let rows = 0;
  let matched = 0;
  let evalMs = 0;
  const began = performance.now();
  try {
    await client.query('BEGIN');
    const stream = client.query(
      new QueryStream('SELECT * FROM customers WHERE tenant_id = $1 AND deleted_at IS NULL LIMIT $2', [tenantId, limit], { batchSize: 2000 }),
    );
    for await (const row of stream as AsyncIterable<Record<string, unknown>>) {
      const t = performance.now();
      if (await evaluator.matches(rule, row)) matched++;
      evalMs += performance.now() - t;
      rows++;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return { rows, matched, evalMs, totalMs: performance.now() - began };
}

/**
 * Runs the benchmark. BENCH_ROWS (1,000,000) sizes the dataset, BENCH_ITERATIONS (15) the runs per
 * variant, BENCH_SCAN_ROWS (all) the rows the Node scan reads.
 */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const iterations = envInt('BENCH_ITERATIONS', 15);
  const scanRows = envInt('BENCH_SCAN_ROWS', rows);
  const server = await openBenchServer(BENCH);
  try {
    const dataset = await ensureCustomerDataset(BENCH, server, rows);
    const db = createDb({ url: dataset.url, poolMax: 2 });
    const pool = new Pool({ connectionString: dataset.url, max: 2 });
    const service = createSegmentService({ db });
    const goals: Record<string, boolean> = {};
    try {
      for (const c of CASES) {
        const rule = parseRules(c.input);
        const now = new Date();
        const compiled = compiledSql(db, dataset.tenantId, rule, now);
        const hand = handSql(c, dataset.tenantId, now.getTime());
        process.stderr.write(`${BENCH}: ${c.name} compiled count SQL: ${compiled.count.sql}\n${BENCH}: ${c.name} hand count SQL: ${hand.count.sql}\n`);

        // Same audience three ways, or the comparison means nothing.
        const served = await service.preview(dataset.tenantId, c.input, SAMPLE);
        const compiledCount = await runPreview(pool, compiled);
        const handCount = await runPreview(pool, hand);
        if (served.count !== compiledCount || compiledCount !== handCount) {
          throw new Error(`${c.name}: counts differ: service ${served.count}, compiled ${compiledCount}, hand ${handCount}`);
        }

        const times = { service: [] as number[], compiled: [] as number[], hand: [] as number[] };
        for (let i = 0; i < iterations; i++) {
          times.service.push(await ms(() => service.preview(dataset.tenantId, c.input, SAMPLE)));
          times.compiled.push(await ms(() => runPreview(pool, compiled)));
          times.hand.push(await ms(() => runPreview(pool, hand)));
        }
        const p = { service: p50(times.service), compiled: p50(times.compiled), hand: p50(times.hand) };
        printFigure(BENCH, `preview_${c.name}`, {
          conditions: c.conditions,
          audience: handCount,
          sample: served.sampleCustomers.length,
          iterations,
          service_p50_ms: round(p.service, 2),
          compiled_p50_ms: round(p.compiled, 2),
          hand_p50_ms: round(p.hand, 2),
          service_max_ms: round(Math.max(...times.service), 2),
          compiled_max_ms: round(Math.max(...times.compiled), 2),
          hand_max_ms: round(Math.max(...times.hand), 2),
        });
        printRatio(BENCH, `ratio_compiled_over_hand_${c.name}`, p.compiled, p.hand);
        printRatio(BENCH, `ratio_service_over_hand_${c.name}`, p.service, p.hand);
        goals[`ratio_le_${RATIO_GOAL}_${c.name}`] = p.compiled / p.hand <= RATIO_GOAL;

        for (const [variant, q] of [
          ['compiled', compiled],
          ['hand', hand],
        ] as const) {
          for (const kind of ['count', 'sample'] as const) {
            const explained = await explainAnalyze(pool, q[kind]);
            process.stderr.write(`${BENCH}: EXPLAIN ${c.name} ${variant} ${kind}\n${explained.text}\n`);
            printFigure(BENCH, `explain_${c.name}_${variant}_${kind}`, {
              plan: explained.plan,
              execution_ms: explained.executionMs,
              planning_ms: explained.planningMs,
              rows: explained.rows,
              rows_removed: explained.rowsRemoved,
              shared_hit: explained.sharedHit,
              shared_read: explained.sharedRead,
            });
          }
        }

        const scan = await scanInNode(dataset.url, dataset.tenantId, rule, scanRows, now);
        const evalRate = scan.rows / (scan.evalMs / 1000);
        const scanRate = scan.rows / (scan.totalMs / 1000);
        // A full audience in Node: every customer read and matched, at the rate measured.
        const fullScanMs = (rows / scanRate) * 1000;
        const speedup = fullScanMs / p.service;
        printFigure(BENCH, `node_scan_${c.name}`, {
          method: scan.rows >= rows ? 'cursor over every row' : `cursor over ${scan.rows} rows, extrapolated to ${rows}`,
          rows_scanned: scan.rows,
          matched: scan.matched,
          eval_customers_per_s: Math.round(evalRate),
          scan_customers_per_s: Math.round(scanRate),
          scan_seconds: round(scan.totalMs / 1000, 2),
          full_scan_seconds: round(fullScanMs / 1000, 2),
          sql_preview_p50_ms: round(p.service, 2),
          speedup_sql_over_node: round(speedup, 1),
          speedup_ge_100: speedup >= SPEEDUP_GOAL,
        });
        if (scan.rows >= rows && scan.matched !== handCount) {
          throw new Error(`${c.name}: the Node scan matched ${scan.matched} customers, SQL counted ${handCount}`);
        }
        goals[`speedup_ge_${SPEEDUP_GOAL}_${c.name}`] = speedup >= SPEEDUP_GOAL;
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
