import { setTimeout as sleep } from 'node:timers/promises';
import { createEmailChannel } from '../channels/email';
import { createLogSmsChannel } from '../channels/sms';
import { ensureJourneyRouter, ensureJourneyRunner } from '../domain/journeys/lifecycle';
import { startSegmentRefresh } from '../domain/segments/lifecycle';
import { startSmtpSink } from '../test/support/smtpSink';
import { segmentRefreshWorkflowId } from '../workflows/segmentRefresh';
import { openCampaignBench, type CampaignBench } from './campaigns-shared';
import { api, latencySummary, publishJourney, trackAtRate } from './journeys-api';
import { runIdle } from './journeys-idle';
import { Pool } from 'pg';
import { withCpuProfile } from './cpu-profile';
import { backendCpuMs, backendCpuSpent, mainThreadCpuMs } from './cpu-time';
import { startHeraldChild } from './herald';
import { envInt, printFigure, round } from './report';

/**
 * journeys: issue 17's three measures of the journey engine, each beside its baseline.
 * - burst: N customers enter a segment-triggered journey (branch → send e-mail) at once — one SQL
 *   update makes them match, then the segment refresh — timed from the refresh's start until every
 *   e-mail is in the SMTP sink; beside the campaign path sending the same N to the same sink.
 *   Goal ≥ 0.8 × the campaign's messages/s.
 * - wake: W runs wait in a wait_for_event node; tracked events (POST /track) at a steady rate
 *   resume some of them; latency from each /track answer to the run's next step (the following
 *   node's journey_steps.started_at). Goal p99 < 1 s. Baseline: the same /track load before any
 *   journey exists (the ingest latency alone).
 * - idle: 1,000,000 runs in a 7-day delay; the `herald worker` child's CPU and RSS over a minute
 *   (journeys-idle.ts). Goal < 1 % of a core, memory flat. Baseline: the same worker with no runs.
 * Herald's worker runs in this process for burst and wake (as in campaigns-email), on the same
 * e-mail transport settings as the campaign; the wake's /track requests go to a `herald serve` child.
 */
const BENCH = 'journeys';
const POOL = 5;
const CONCURRENCY = 20;
const SUBJECT = 'Hello {{ customer.firstName }}';
const BODY = '<p>Hi {{ customer.firstName }}, our <a href="https://shop.example.com/sale">spring sale</a> starts today.</p>';

/** Polls `probe` every `everyMs` until it answers true; throws after `timeoutMs`. */
async function waitUntil(label: string, probe: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(everyMs);
  }
}

/** Row writes per table and commits of the database so far (PostgreSQL's cumulative statistics). */
async function writeStats(pool: Pool, database: string) {
  const tables = await pool.query<{ relname: string; ins: string; upd: string; hot: string; del: string }>(
    'SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del FROM pg_stat_user_tables',
  );
  const db = await pool.query<{ commits: string }>('SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = $1', [database]);
  return {
    commits: Number(db.rows[0]?.commits ?? 0),
    tables: new Map(tables.rows.map((r) => [r.relname, { ins: Number(r.ins), upd: Number(r.upd), hot: Number(r.hot), del: Number(r.del) }])),
  };
}

/** What the database wrote between two {@link writeStats} readings: commits, and per table with writes its inserts/updates(HOT)/deletes. */
function writesBetween(before: Awaited<ReturnType<typeof writeStats>>, after: Awaited<ReturnType<typeof writeStats>>): Record<string, string | number> {
  const out: Record<string, string | number> = { commits: after.commits - before.commits };
  for (const [name, a] of after.tables) {
    const b = before.tables.get(name) ?? { ins: 0, upd: 0, hot: 0, del: 0 };
    const [ins, upd, hot, del] = [a.ins - b.ins, a.upd - b.upd, a.hot - b.hot, a.del - b.del];
    if (ins || upd || del) out[name] = `i${ins} u${upd}(hot ${hot}) d${del}`;
  }
  return out;
}

/**
 * BENCH_SQL_TIMES=1 (diagnostic): the wall time and count of every statement the worker's knex
 * sends during the journey phase, summed by its first words, printed as `sql_times`.
 */
function sqlTimer(bench: CampaignBench) {
  const db = bench.herald.runtime.db;
  const started = new Map<string, number>();
  const sums = new Map<string, { n: number; ms: number }>();
  const onQuery = (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now());
  const onDone = (_r: unknown, q: { __knexQueryUid: string; sql: string }) => {
    const t = started.get(q.__knexQueryUid);
    if (t === undefined) return;
    started.delete(q.__knexQueryUid);
    const key = q.sql.replace(/\s+/g, ' ').slice(0, 90);
    const sum = sums.get(key) ?? { n: 0, ms: 0 };
    sum.n++;
    sum.ms += performance.now() - t;
    sums.set(key, sum);
  };
  db.on('query', onQuery).on('query-response', onDone);
  return () => {
    db.off('query', onQuery).off('query-response', onDone);
    const top = [...sums].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
    printFigure(BENCH, 'sql_times', Object.fromEntries(top.map(([k, v]) => [k, `${v.n} × ${round(v.ms / v.n, 2)} ms = ${Math.round(v.ms)} ms`])));
  };
}

/** Runs `work` and answers, beside its result, the CPU seconds this process's thread and the database's backends spent meanwhile. */
async function withCpu<T>(bench: CampaignBench, name: string, work: () => Promise<T>): Promise<T & { node_cpu_s: number; pg_cpu_s: number }> {
  const url = bench.herald.config.DATABASE_URL!;
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const database = new URL(url).pathname.slice(1);
    const [node0, pg0, writes0] = [mainThreadCpuMs(), await backendCpuMs(pool, database), await writeStats(pool, database)];
    const result = await withCpuProfile(process.env.BENCH_CPU_PROF, `journeys-${name}`, work);
    const pg = backendCpuSpent(pg0, await backendCpuMs(pool, database));
    // Statistics reach the shared counters a moment after each backend's transactions.
    await sleep(1500);
    printFigure(BENCH, `writes_${name}`, writesBetween(writes0, await writeStats(pool, database)));
    return { ...result, node_cpu_s: round((mainThreadCpuMs() - node0) / 1000, 1), pg_cpu_s: round(pg / 1000, 1) };
  } finally {
    await pool.end();
  }
}

/** The burst: campaign to all N, then the same N entering a segment-triggered journey; prints both and the ratio. */
async function burst(bench: CampaignBench, sink: Awaited<ReturnType<typeof startSmtpSink>>, count: number): Promise<void> {
  const { herald, tenantId, key } = bench;
  const db = herald.runtime.db;
  let before = sink.messages.length;
  const campaign = await withCpu(bench, 'campaign', () => bench.runCampaign('email', { subject: SUBJECT, body: BODY }));
  if (sink.messages.length - before !== count || campaign.sent !== count)
    throw new Error(`campaign: expected ${count}, sink ${sink.messages.length - before}, ledger ${campaign.sent}`);
  const campaignRate = count / campaign.seconds;
  printFigure(BENCH, 'burst_campaign', {
    messages: count,
    seconds: round(campaign.seconds, 2),
    messages_per_s: Math.round(campaignRate),
    node_cpu_s: campaign.node_cpu_s,
    pg_cpu_s: campaign.pg_cpu_s,
  });

  // BENCH_BURST_ENTRIES_ONLY=1 (diagnostic): no runner; times the refresh and the router's entries alone.
  const entriesOnly = process.env.BENCH_BURST_ENTRIES_ONLY === '1';
  const segment = await api<{ id: string }>(herald.url, key, 'POST', '/api/v1/segments', {
    name: 'Bench burst',
    rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['burst'] }] },
  });
  const client = await herald.runtime.temporal.client();
  await client.workflow.getHandle(segmentRefreshWorkflowId(tenantId, segment.id)).result();
  const journey = await publishJourney(herald.url, key, 'Bench burst', {
    entry: { type: 'segment', segmentId: segment.id },
    start: 'check',
    nodes: [
      { id: 'check', type: 'branch', branches: [{ name: 'tagged', rule: { all: [{ fact: 'tags', operator: 'hasAny', value: ['burst'] }] }, next: 'mail' }] },
      { id: 'mail', type: 'send', channel: 'email', subject: SUBJECT, body: BODY, respectQuietHours: false },
    ],
  });
  // The bulk change: one statement makes every customer match; the refresh turns it into entries.
  await db.raw(`UPDATE customers SET tags = array_append(tags, 'burst') WHERE tenant_id = ?`, [tenantId]);
  before = sink.messages.length;
  const stopSqlTimes = process.env.BENCH_SQL_TIMES === '1' ? sqlTimer(bench) : undefined;
  const timing = await withCpu(bench, 'journey', async () => {
    const started = performance.now();
    await startSegmentRefresh(herald.runtime.temporal, tenantId, segment.id);
    let refreshedS = 0;
    const refreshed = client.workflow
      .getHandle(segmentRefreshWorkflowId(tenantId, segment.id))
      .result()
      .then(() => (refreshedS = (performance.now() - started) / 1000));
    let enteredS = 0;
    await waitUntil(
      `${count} journey e-mails`,
      async () => {
        if (!enteredS && Number((await db('journey_runs').where({ journey_id: journey.id }).count<{ n: string }[]>({ n: '*' }))[0]!.n) === count)
          enteredS = (performance.now() - started) / 1000;
        return entriesOnly ? enteredS > 0 : sink.messages.length - before >= count;
      },
      3_600_000,
      200,
    );
    const seconds = (performance.now() - started) / 1000;
    await refreshed;
    return { seconds, refreshedS, enteredS };
  });
  stopSqlTimes?.();
  const { seconds, refreshedS, enteredS } = timing;
  if (entriesOnly) {
    printFigure(BENCH, 'burst_entries_only', {
      runs: count,
      seconds: round(enteredS, 2),
      refresh_done_s: round(refreshedS, 2),
      node_cpu_s: timing.node_cpu_s,
      pg_cpu_s: timing.pg_cpu_s,
    });
    return;
  }
  const sent = await db('campaign_recipients').where({ tenant_id: tenantId, state: 'sent' }).whereNotNull('journey_step_id').count<{ n: string }[]>({ n: '*' });
  if (Number(sent[0]!.n) !== count || sink.messages.length - before !== count)
    throw new Error(`journey: expected ${count}, sink ${sink.messages.length - before}, ledger ${sent[0]!.n}`);
  const rate = count / seconds;
  printFigure(BENCH, 'burst_journey', {
    messages: count,
    seconds: round(seconds, 2),
    messages_per_s: Math.round(rate),
    refresh_done_s: round(refreshedS, 2),
    all_runs_entered_s: round(enteredS, 2),
    node_cpu_s: timing.node_cpu_s,
    pg_cpu_s: timing.pg_cpu_s,
  });
  printFigure(BENCH, 'burst_ratio', { ratio: round(rate / campaignRate, 3), goal: 0.8, met: rate / campaignRate >= 0.8 });
}

/** Emails of `n` customers of the tenant picked at random among the first `among` (by id). */
async function sampleEmails(bench: CampaignBench, n: number, among: number): Promise<string[]> {
  const { rows } = await bench.herald.runtime.db.raw(
    `SELECT email FROM (SELECT email FROM customers WHERE tenant_id = ? ORDER BY id LIMIT ?) c ORDER BY random() LIMIT ?`,
    [bench.tenantId, among, n],
  );
  return rows.map((r: { email: string }) => r.email);
}

/** The wake baseline: /track at the rate with no journey in the tenant (ingest latency alone). */
async function wakeBaseline(bench: CampaignBench, apiUrl: string, rate: number, seconds: number, customers: number): Promise<number> {
  // Two seconds untimed first: the API's connections and code paths warm up.
  await trackAtRate(apiUrl, bench.key, 'Bench Warm', await sampleEmails(bench, rate * 2, customers), rate);
  const emails = await sampleEmails(bench, rate * seconds, customers);
  const run = await trackAtRate(apiUrl, bench.key, 'Bench Warm', emails, rate);
  const summary = latencySummary(run.latencyMs);
  printFigure(BENCH, 'wake_baseline_track', { events_per_s: rate, ...summary });
  return summary.p99_ms;
}

/** The wake: W runs waiting for an event, tracked events resume rate × seconds of them. */
async function wake(bench: CampaignBench, apiUrl: string, waiting: number, rate: number, seconds: number, baselineP99: number): Promise<void> {
  const { herald, tenantId, key } = bench;
  const db = herald.runtime.db;
  const journey = await publishJourney(herald.url, key, 'Bench wake', {
    entry: { type: 'event', event: 'Bench Never' },
    start: 'wait',
    nodes: [
      { id: 'wait', type: 'wait_for_event', event: 'Bench Wake', next: 'after' },
      { id: 'after', type: 'delay', duration: '7d' },
    ],
  });
  // W runs as the runner leaves them in the wait: waiting_for set, nothing due, a `waiting` step.
  const now = new Date();
  const waitingFor = { event: 'Bench Wake' };
  await db.raw(
    `INSERT INTO journey_runs (tenant_id, journey_id, version_id, customer_id, node_id, visit, due_at, waiting_for, trigger, context, entered_at)
     SELECT c.tenant_id, ?, ?, c.id, 'wait', 1, NULL, ?::jsonb, ?::jsonb, '{"visits":{"wait":1}}', ?
       FROM (SELECT id, tenant_id FROM customers WHERE tenant_id = ? ORDER BY id LIMIT ?) c`,
    [
      journey.id,
      journey.versionId,
      JSON.stringify(waitingFor),
      JSON.stringify({ kind: 'event', eventId: null, name: 'Bench Never', properties: {}, occurredAt: now.toISOString() }),
      now,
      tenantId,
      waiting,
    ],
  );
  await db.raw(
    `INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, detail, started_at)
     SELECT tenant_id, journey_id, version_id, id, 'wait', 1, 'wait_for_event', 'waiting', ?::jsonb, ? FROM journey_runs WHERE journey_id = ?`,
    [JSON.stringify({ waitingFor, until: null }), now, journey.id],
  );
  await db.raw('ANALYZE journey_runs, journey_steps');
  const emails = await sampleEmails(bench, rate * seconds, waiting);
  const run = await trackAtRate(apiUrl, key, 'Bench Wake', emails, rate);
  const nextStep = async () =>
    (
      await db.raw(
        `SELECT c.email, s.started_at FROM journey_steps s JOIN journey_runs r ON r.id = s.run_id JOIN customers c ON c.id = r.customer_id
          WHERE s.journey_id = ? AND s.node_id = 'after'`,
        [journey.id],
      )
    ).rows as Array<{ email: string; started_at: Date }>;
  let resumed: Array<{ email: string; started_at: Date }> = [];
  await waitUntil('every woken run to take its next step', async () => (resumed = await nextStep()).length >= emails.length, 120_000, 250);
  const latencies = resumed.map((r) => new Date(r.started_at).getTime() - run.answeredAt.get(r.email)!);
  const summary = latencySummary(latencies);
  printFigure(BENCH, 'wake_herald', { waiting_runs: waiting, events_per_s: rate, ...summary, track_p99_ms: latencySummary(run.latencyMs).p99_ms });
  printFigure(BENCH, 'wake_ratio', { ratio: round(summary.p99_ms / baselineP99, 2), goal_p99_ms: 1000, met: summary.p99_ms < 1000 });
}

/** Runs the figures named in BENCH_FIGURES (default burst,wake,idle). */
export async function run(): Promise<void> {
  const figures = new Set((process.env.BENCH_FIGURES ?? 'burst,wake,idle').split(',').map((s) => s.trim()));
  const count = envInt('BENCH_CUSTOMERS', 100_000);
  // The waiting runs belong to the seeded customers, one each.
  const waiting = Math.min(count, envInt('BENCH_WAITING', 100_000));
  const rate = envInt('BENCH_WAKE_RATE', 200);
  const wakeSeconds = envInt('BENCH_WAKE_SECONDS', 20);
  if (figures.has('burst') || figures.has('wake')) {
    const sink = await startSmtpSink({ keepRaw: false });
    const email = createEmailChannel({ url: sink.url, from: 'Herald Bench <bench@herald.local>', poolSize: POOL });
    const bench = await openCampaignBench(
      BENCH,
      count,
      { email, sms: createLogSmsChannel(async () => undefined) },
      { pageSize: envInt('BENCH_PAGE_SIZE', 500), concurrency: CONCURRENCY },
    ).catch(async (err: unknown) => {
      await email.close();
      await sink.close();
      throw err;
    });
    try {
      const temporal = bench.herald.runtime.temporal;
      if (process.env.BENCH_BURST_ENTRIES_ONLY !== '1') await ensureJourneyRunner(temporal);
      await ensureJourneyRouter(temporal, temporal.settings.taskQueue);
      // /track goes to a `herald serve` child (the production build), so ingest and the worker in this process do not share a thread.
      const apiChild = figures.has('wake') ? await startHeraldChild(bench.herald.config.DATABASE_URL!) : undefined;
      try {
        const baselineP99 = apiChild ? await wakeBaseline(bench, apiChild.url, rate, wakeSeconds, count) : 0;
        if (figures.has('burst')) await burst(bench, sink, count);
        if (apiChild) await wake(bench, apiChild.url, waiting, rate, wakeSeconds, baselineP99);
      } finally {
        await apiChild?.stop();
      }
    } finally {
      await email.close();
      await bench.close();
      await sink.close();
    }
  }
  if (figures.has('idle')) await runIdle(BENCH, envInt('BENCH_IDLE_RUNS', 1_000_000), envInt('BENCH_IDLE_SECONDS', 60));
}
