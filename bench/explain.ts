import type { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { printFigure, round } from './report';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL Herald itself sends, so a latency figure comes with the
 * plan behind it (which index, how many rows read and thrown away). The SQL is captured from
 * knex's `query` event while Herald serves one real request, then explained with the same
 * bindings on a pg Pool of the same database.
 */

/** One statement as knex hands it to pg (`$n` placeholders, flat bindings). */
export interface CapturedQuery {
  sql: string;
  bindings: readonly unknown[];
}

/**
 * Records the distinct statements a knex instance sends while `work` runs, keeping those `keep`
 * accepts. The knex instance is shared with whatever else the process serves, so it first waits
 * until no pool connection is in use (a load that just ended may still have requests in flight).
 */
export async function captureQueries(db: Knex, work: () => Promise<void>, keep: (sql: string) => boolean): Promise<CapturedQuery[]> {
  const pool = (db.client as { pool?: { numUsed(): number; numPendingAcquires(): number } }).pool;
  const deadline = Date.now() + 30_000;
  while (pool && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0) && Date.now() < deadline) await sleep(50);
  await sleep(200);
  const captured = new Map<string, CapturedQuery>();
  const listener = (q: { sql: string; bindings?: readonly unknown[] }) => {
    if (keep(q.sql)) captured.set(JSON.stringify([q.sql, q.bindings ?? []]), { sql: q.sql, bindings: q.bindings ?? [] });
  };
  db.on('query', listener);
  try {
    await work();
  } finally {
    db.off('query', listener);
  }
  return [...captured.values()];
}

/** A plan node as EXPLAIN (FORMAT JSON) writes it (only the fields read here). */
interface PlanNode {
  'Node Type': string;
  'Scan Direction'?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Sort Method'?: string;
  'Workers Launched'?: number;
  Plans?: PlanNode[];
}

/** The summary of one EXPLAIN ANALYZE: the plan's shape and what it cost. */
export interface ExplainSummary {
  /** Node types top-down, with the index each scan uses ("Limit > Index Scan Backward customers_sort_total_spent"). */
  plan: string;
  executionMs: number;
  planningMs: number;
  /** Rows the plan produced. */
  rows: number;
  /** Buffers (8 kB pages) found in shared buffers, and read from the OS. */
  sharedHit: number;
  sharedRead: number;
  /** Rows scanned and thrown away by filters or index rechecks anywhere in the plan. */
  rowsRemoved: number;
  /** The whole plan, one node per line, for stderr. */
  text: string;
}

const label = (n: PlanNode) =>
  `${n['Node Type']}${n['Scan Direction'] === 'Backward' ? ' Backward' : ''}${n['Index Name'] ? ` ${n['Index Name']}` : n['Relation Name'] ? ` ${n['Relation Name']}` : ''}`;

function shape(n: PlanNode): string {
  const children = n.Plans ?? [];
  if (children.length === 0) return label(n);
  if (children.length === 1) return `${label(n)} > ${shape(children[0]!)}`;
  return `${label(n)} > (${children.map(shape).join(' + ')})`;
}

function lines(n: PlanNode, depth: number, out: string[]): void {
  const removed = (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0);
  out.push(
    `${'  '.repeat(depth)}${label(n)} rows=${n['Actual Rows']} loops=${n['Actual Loops']} time=${round(n['Actual Total Time'] ?? 0, 3)} ms` +
      `${removed ? ` removed=${removed}` : ''}${n['Sort Method'] ? ` sort=${n['Sort Method']}` : ''}` +
      ` buffers hit=${n['Shared Hit Blocks'] ?? 0} read=${n['Shared Read Blocks'] ?? 0}`,
  );
  for (const child of n.Plans ?? []) lines(child, depth + 1, out);
}

function removedRows(n: PlanNode): number {
  const own = ((n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) * (n['Actual Loops'] ?? 1);
  return own + (n.Plans ?? []).reduce((sum, child) => sum + removedRows(child), 0);
}

/** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of a captured statement. */
export async function explainAnalyze(pool: Pool, query: CapturedQuery): Promise<ExplainSummary> {
  const result = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }> }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`,
    [...query.bindings],
  );
  const [explained] = result.rows[0]!['QUERY PLAN'];
  const root = explained!.Plan;
  const text: string[] = [];
  lines(root, 1, text);
  return {
    plan: shape(root),
    executionMs: round(explained!['Execution Time'], 3),
    planningMs: round(explained!['Planning Time'], 3),
    rows: root['Actual Rows'] ?? 0,
    sharedHit: root['Shared Hit Blocks'] ?? 0,
    sharedRead: root['Shared Read Blocks'] ?? 0,
    rowsRemoved: removedRows(root),
    text: text.join('\n'),
  };
}

/**
 * Explains every statement one request of `path` sends that mentions `table` (rows, and `count`
 * when the list asks for its total), printing the plan to stderr and a summary figure for each:
 * the list benchmarks' "plan behind the figure".
 */
export async function explainRequest(
  options: { bench: string; db: Knex; pool: Pool; table: string },
  name: string,
  request: () => Promise<void>,
): Promise<void> {
  const statements = await captureQueries(options.db, request, (sql) => sql.includes(`from "${options.table}"`));
  for (const statement of statements) {
    const kind = /^select count\(/i.test(statement.sql) ? 'count' : 'rows';
    const explained = await explainAnalyze(options.pool, statement);
    process.stderr.write(`${options.bench}: EXPLAIN ${name} (${kind}): ${statement.sql}\n${explained.text}\n`);
    printFigure(options.bench, `explain_${name}_${kind}`, {
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

/** What {@link timeStatements} saw: each statement (whitespace folded, cut at 110 characters) with its count and time. */
export interface StatementTimes {
  /** Statements in the order sent. */
  total: number;
  /** Distinct statements: how often each was sent and the milliseconds spent waiting on it in all. */
  byStatement: Map<string, { count: number; ms: number }>;
}

/**
 * Counts and times every statement a knex instance sends while `work` runs (from knex's `query` to
 * its `query-response`), and prints them to stderr under `label`, the most frequent first: how many
 * round trips one request of Herald costs, and where its SQL time goes.
 */
export async function timeStatements(db: Knex, bench: string, label: string, work: () => Promise<void>): Promise<StatementTimes> {
  const byStatement = new Map<string, { count: number; ms: number }>();
  const started = new Map<string, number>();
  let total = 0;
  const sqlOf = (q: { sql: string }) => q.sql.replace(/\s+/g, ' ').slice(0, 110);
  const onQuery = (q: { sql: string; __knexQueryUid: string }) => {
    total += 1;
    const entry = byStatement.get(sqlOf(q)) ?? { count: 0, ms: 0 };
    entry.count += 1;
    byStatement.set(sqlOf(q), entry);
    started.set(q.__knexQueryUid, performance.now());
  };
  const onResponse = (_r: unknown, q: { sql: string; __knexQueryUid: string }) => {
    const t0 = started.get(q.__knexQueryUid);
    const entry = byStatement.get(sqlOf(q));
    if (t0 !== undefined && entry) entry.ms += performance.now() - t0;
  };
  db.on('query', onQuery).on('query-response', onResponse);
  try {
    await work();
  } finally {
    db.off('query', onQuery).off('query-response', onResponse);
  }
  process.stderr.write(`${bench}: statements of ${label}:\n`);
  for (const [sql, { count, ms }] of [...byStatement].sort((a, b) => b[1].count - a[1].count))
    process.stderr.write(`${bench}: ${String(count).padStart(4)} × ${round(ms, 2).toFixed(2).padStart(7)} ms  ${sql}\n`);
  return { total, byStatement };
}
