import { Pool } from 'pg';
import { AGENTS, ensureConversationDataset, releaseConversationDataset } from './conversation-dataset';
import { explainRequest } from './explain';
import { getJson, issueAdminKey, openBenchServer, startHeraldInProcess, type InProcessHerald } from './herald';
import { loadAuthorized } from './http-load';
import { envInt, printFigure, round } from './report';

/**
 * conversations-inbox (issue 18): the inbox, `GET /api/v1/conversations` sorted by last message,
 * for a tenant with 1,000,000 conversations over 100,000 customers (the kept dataset, see
 * conversation-dataset.ts), through the real API with its default page (20, capped total). Pages:
 * the first page, a filtered page (status=open and one agent's), and the next page of each by
 * cursor. Each is measured at 1 connection (the request's own latency) and at BENCH_CONNECTIONS
 * (10), and the SQL Herald sends for it (rows and count) is EXPLAIN ANALYZEd. Goal: p99 < 50 ms.
 */

const BENCH = 'conversations-inbox';
const P99_GOAL_MS = 50;
/** The filtered page's agent: a mid-ranked one (about 4 % of the threads), neither the busiest nor the rarest. */
const FILTER_AGENT = AGENTS[4]!;

interface InboxPage {
  data: Array<{ id: string; status: string; assignee: string | null; lastMessageAt: string }>;
  pagination: { total: number | null; totalExact: boolean | null; nextCursor: string | null };
}

/** One page to measure: a name for the figures and the path with its query string. */
interface InboxQuery {
  name: string;
  path: string;
}

/** The pages of the issue; the cursor pages follow the first pages' nextCursor. */
async function inboxQueries(herald: InProcessHerald, key: string): Promise<InboxQuery[]> {
  const first = '/api/v1/conversations?limit=20';
  const filtered = `/api/v1/conversations?status=open&assignee=${encodeURIComponent(FILTER_AGENT)}&limit=20`;
  const next = async (path: string) => {
    const page = await getJson<InboxPage>(`${herald.url}${path}`, key);
    if (!page.pagination.nextCursor) throw new Error(`${path} has no next page`);
    return `${path}&cursor=${encodeURIComponent(page.pagination.nextCursor)}`;
  };
  return [
    { name: 'first_page', path: first },
    { name: 'filtered_open_assignee', path: filtered },
    { name: 'cursor_next_page', path: await next(first) },
    { name: 'filtered_cursor_next_page', path: await next(filtered) },
  ];
}

/** Measures one page at 1 and at `connections` connections and prints its figure; returns whether both p99 met the goal. */
async function measure(herald: InProcessHerald, key: string, query: InboxQuery, connections: number): Promise<boolean> {
  const page = await getJson<InboxPage>(`${herald.url}${query.path}`, key);
  if (query.name.startsWith('filtered') && page.data.some((c) => c.status !== 'open' || c.assignee !== FILTER_AGENT))
    throw new Error(`${query.name} answered a conversation outside its filter`);
  const single = await loadAuthorized(`${herald.url}${query.path}`, key, 1);
  const loaded = await loadAuthorized(`${herald.url}${query.path}`, key, connections);
  const met = single.p99Ms < P99_GOAL_MS && loaded.p99Ms < P99_GOAL_MS;
  printFigure(BENCH, `herald_${query.name}`, {
    rows: page.data.length,
    total: page.pagination.total,
    total_exact: page.pagination.totalExact,
    c1_req_per_s: Math.round(single.requestsPerSecond),
    c1_p50_ms: round(single.p50Ms, 3),
    c1_p99_ms: round(single.p99Ms, 3),
    connections,
    req_per_s: Math.round(loaded.requestsPerSecond),
    p50_ms: round(loaded.p50Ms, 3),
    p99_ms: round(loaded.p99Ms, 3),
    p99_lt_50ms_c1: single.p99Ms < P99_GOAL_MS,
    p99_lt_50ms_loaded: loaded.p99Ms < P99_GOAL_MS,
  });
  return met;
}

/**
 * Runs the benchmark. BENCH_ROWS (1,000,000) conversations over BENCH_CUSTOMERS (100,000)
 * customers; BENCH_SECONDS (5) is the length of each load and BENCH_CONNECTIONS (10) the
 * concurrency of the loaded figure.
 */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const customers = envInt('BENCH_CUSTOMERS', 100_000);
  const connections = envInt('BENCH_CONNECTIONS', 10);
  const server = await openBenchServer(BENCH);
  try {
    const dataset = await ensureConversationDataset(BENCH, server, customers, rows);
    const herald = await startHeraldInProcess(dataset.url);
    const pool = new Pool({ connectionString: dataset.url, max: 1 });
    try {
      const { rows: spread } = await pool.query<{ open: number; agent: number; open_agent: number }>(
        `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE assignee = $2)::int AS agent,
                count(*) FILTER (WHERE status = 'open' AND assignee = $2)::int AS open_agent
         FROM conversations WHERE tenant_id = $1`,
        [dataset.tenantId, FILTER_AGENT],
      );
      printFigure(BENCH, 'spread', { conversations: rows, customers, filter_agent: FILTER_AGENT, ...spread[0] });
      const runKey = await issueAdminKey(herald.runtime.db, dataset.tenantId);
      try {
        const queries = await inboxQueries(herald, runKey.key);
        const missed: string[] = [];
        for (const query of queries) {
          await explainRequest({ bench: BENCH, db: herald.runtime.db, pool, table: 'conversations' }, query.name, async () => {
            await getJson<InboxPage>(`${herald.url}${query.path}`, runKey.key);
          });
          if (!(await measure(herald, runKey.key, query, connections))) missed.push(query.name);
        }
        printFigure(BENCH, 'goals', { p99_lt_50ms_all: missed.length === 0, missed: missed.join(',') || null });
      } finally {
        await runKey.revoke();
      }
    } finally {
      await pool.end();
      await herald.close();
    }
    await releaseConversationDataset(server);
  } finally {
    await server.close();
  }
}
