import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { Pool } from 'pg';
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { backendCpuMs, backendCpuSpent, mainThreadCpuMs, processCpuMs } from './cpu-time';
import { withCpuProfile } from './cpu-profile';
import {
  createBenchTenant,
  createDatabase,
  dropDatabase,
  endWorkerQueue,
  heraldEnv,
  migrate,
  openBenchServer,
  startHeraldInProcess,
  startWorkerChild,
  stopChild,
  type InProcessHerald,
} from './herald';
import { listenLoopback, loadHttp, type HttpLoadResult } from './http-load';
import { timeStatements } from './explain';
import { envInt, printFigure, printRatio, round } from './report';
import { requestList } from './request-list';
import inboundRequest from './twilio-inbound-request';

/**
 * conversations-inbound (issue 18): Twilio's inbound webhook under load. BENCH_CONNECTIONS (50)
 * clients post signed inbound messages (SMS and WhatsApp, Twilio's form parameters,
 * `X-Twilio-Signature` computed by the twilio library over PUBLIC_URL + path) to Herald's
 * `POST /api/v1/messaging/twilio/inbound`, beside a bare Koa + pg route in the same run that checks
 * the signature with `validateRequest` and inserts one row into `conversation_messages`. Herald's
 * tenant lists the `To` number in its messaging settings' `inboundNumbers`; senders are a mix of
 * the tenant's seeded customers and numbers never seen (a customer created on the way). Goals:
 * Herald ≥ 0.5 × the bare requests/s, p99 < 100 ms.
 *
 * Herald's route is accept-then-process: it stores the post in `conversation_inbound_queue` and a
 * `herald worker` child (production build, its own task queue) applies it, running during both
 * loads as it would in production; Herald's route is then measured again with the worker stopped
 * (SIGSTOP) while the load runs (`herald_inbound_route_only`, `ratio_inbound_route_only`): the
 * route's own cost, without the processor's share of the machine. After Herald's loads the run
 * waits for the queue to drain
 * (`queued_at_end`, `drain_s`, `applied_per_s`: accepted posts over load + drain time, and the
 * worker's CPU per message).
 *
 * After every load (and, for Herald, the drain) the run checks that each post answered 200 is
 * stored exactly once (`verified_*`: the sids the load generator saw accepted against the rows),
 * and for Herald that every message sits on a thread with a customer, that the threads' message
 * counts add up to the rows, and that each new sender became exactly one customer.
 *
 * The database (`herald_bench_inbound`, BENCH_KNOWN_CUSTOMERS (20,000) customers) is created,
 * migrated and dropped by each run. BENCH_CPU_PROF=<dir> writes raw.cpuprofile and
 * herald.cpuprofile of the measured loads.
 */

const BENCH = 'conversations-inbound';
const DATABASE = 'herald_bench_inbound';
const WARMUP_SECONDS = 3;
const PATH = '/api/v1/messaging/twilio/inbound';
const PUBLIC_URL = 'https://herald.bench.example';
/** The Twilio number both tenants receive on (Herald's lists it in inboundNumbers). */
const TO = '+15005550100';
/** One message in five from a new number; four in five on WhatsApp. */
const NEW_EVERY = 5;
const WHATSAPP_EVERY = 5;
const INBOUND_REQUEST = path.join(__dirname, 'twilio-inbound-request.ts');
const INBOUND_RESPONSE = path.join(__dirname, 'twilio-inbound-response.ts');
const P99_GOAL_MS = 100;
const RATIO_GOAL = 0.5;

/** The tenant's customers with the phones twilio-inbound-request.ts sends from (+1 212 2000000 + i), made server-side. */
async function seedCustomers(pool: Pool, tenantId: string, rows: number): Promise<void> {
  await pool.query(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, phone, status, tier, source, created_by, updated_by)
     SELECT $1, 'First' || g, 'Last' || g, 'First' || g || ' Last' || g, '+1212' || (2000000 + g - 1), 'active', 'regular', 'whatsapp', 'bench', 'bench'
     FROM generate_series(1, $2::int) AS g`,
    [tenantId, rows],
  );
  await pool.query('VACUUM (ANALYZE) customers');
}

/**
 * The bare baseline: @koa/router + @koa/bodyparser (form) + a pg Pool: the signature checked with
 * twilio's validateRequest over the same URL, then one INSERT of the message on a thread opened
 * beforehand. No tenant routing, customer lookup or creation, consent, threading, counters, outbox.
 */
function bareApp(pool: Pool, token: string, tenantId: string, conversationId: string): Koa {
  const app = new Koa();
  const router = new Router();
  router.post(PATH, async (ctx) => {
    const params = ctx.request.body as Record<string, string>;
    if (!validateRequest(token, ctx.get('X-Twilio-Signature'), `${PUBLIC_URL}${PATH}`, params)) ctx.throw(403);
    await pool.query(
      `INSERT INTO conversation_messages (tenant_id, conversation_id, direction, body, state, provider_id) VALUES ($1, $2, 'inbound', $3, 'received', $4)`,
      [tenantId, conversationId, params.Body ?? '', params.MessageSid],
    );
    ctx.type = 'text/xml';
    ctx.body = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
  });
  app.use(bodyParser({ enableTypes: ['form'] }));
  app.use(router.routes());
  return app;
}

/** What a load left in the database against what the load generator saw accepted. */
interface Verified {
  accepted: number;
  storedOnce: number;
  /** Posts stored but never answered: in flight when the load's clock ran out. */
  storedUnanswered: number;
}

/** The MessageSids a load stored, with how often each (waits until in-flight posts have settled). */
async function storedSids(pool: Pool, tenantId: string, prefix: string): Promise<Map<string, number>> {
  const read = async () => {
    const { rows } = await pool.query<{ provider_id: string; n: number }>(
      'SELECT provider_id, count(*)::int AS n FROM conversation_messages WHERE tenant_id = $1 AND provider_id LIKE $2 GROUP BY provider_id',
      [tenantId, `SM${prefix}%`],
    );
    return new Map(rows.map((r) => [r.provider_id, r.n]));
  };
  let last = await read();
  for (let settled = 0; settled < 2;) {
    await sleep(300);
    const now = await read();
    settled = now.size === last.size ? settled + 1 : 0;
    last = now;
  }
  return last;
}

/** Checks that every post answered 200 is stored exactly once; throws otherwise. */
async function verify(pool: Pool, tenantId: string, prefix: string, sidFile: string): Promise<Verified> {
  const accepted = fs.existsSync(sidFile) ? fs.readFileSync(sidFile, 'utf8').split('\n').filter(Boolean) : [];
  const stored = await storedSids(pool, tenantId, prefix);
  const lost = accepted.filter((sid) => stored.get(sid) !== 1);
  const duplicated = [...stored].filter(([, n]) => n !== 1);
  if (new Set(accepted).size !== accepted.length) throw new Error(`${prefix}: the load generator saw a MessageSid accepted twice`);
  if (lost.length || duplicated.length)
    throw new Error(`${prefix}: ${lost.length} accepted posts not stored exactly once (e.g. ${lost[0]}), ${duplicated.length} stored more than once`);
  return { accepted: accepted.length, storedOnce: accepted.length, storedUnanswered: stored.size - accepted.length };
}

/** Herald's own bookkeeping after the loads: threads, counters and customers agree with the messages. */
async function verifyHeraldThreads(pool: Pool, tenantId: string, knownCustomers: number): Promise<void> {
  const { rows } = await pool.query<{ messages: number; counted: number; orphans: number; new_senders: number; new_customers: number }>(
    `SELECT (SELECT count(*)::int FROM conversation_messages WHERE tenant_id = $1) AS messages,
            (SELECT coalesce(sum(message_count), 0)::int FROM conversations WHERE tenant_id = $1) AS counted,
            (SELECT count(*)::int FROM conversations WHERE tenant_id = $1 AND customer_id IS NULL) AS orphans,
            (SELECT count(DISTINCT replace(address, 'whatsapp:', ''))::int FROM conversations WHERE tenant_id = $1 AND address NOT LIKE '%+1212%') AS new_senders,
            (SELECT count(*)::int FROM customers WHERE tenant_id = $1) - $2::int AS new_customers`,
    [tenantId, knownCustomers],
  );
  const r = rows[0]!;
  printFigure(BENCH, 'verified_herald_threads', { ...r });
  if (r.messages !== r.counted || r.orphans !== 0 || r.new_senders !== r.new_customers)
    throw new Error(`Herald's threads disagree with its messages: ${JSON.stringify(r)}`);
}

/**
 * Posts one message from a known sender and one from a new sender to Herald with every SQL
 * statement the API's knex pool runs counted (`round_trips_*`; on stderr the statements with the ms
 * each kind took as the client saw it): what one inbound post costs the request, beside the bare
 * route's one INSERT. The worker's processing of the post is not in it (see `worker_cpu_ms_per_msg`).
 */
async function countRoundTrips(herald: InProcessHerald, token: string, knownCustomers: number): Promise<void> {
  // The request module's counter decides the sender: n % NEW_EVERY === 1 is a new number.
  const post = async () => {
    const context: Record<string, unknown> = {
      prefix: 'count',
      url: `${PUBLIC_URL}${PATH}`,
      token,
      to: TO,
      knownCustomers,
      newBase: 7_000_000,
      newEvery: NEW_EVERY,
    };
    const { body, headers } = inboundRequest({}, context);
    const res = await fetch(`${herald.url}${PATH}`, { method: 'POST', headers, body });
    await res.text();
    if (res.status !== 200) throw new Error(`Herald answered ${res.status} to a signed inbound post`);
  };
  for (let i = 0; i < 2 * NEW_EVERY; i++) await post(); // warm, and bring the counter back to a known sender
  for (const kind of ['known_sender', 'new_sender']) {
    const times = await timeStatements(herald.runtime.db, BENCH, `one post from a ${kind.replace('_', ' ')}`, post);
    const sqlMs = [...times.byStatement.values()].reduce((a, b) => a + b.ms, 0);
    printFigure(BENCH, `round_trips_${kind}`, { statements: times.total, distinct: times.byStatement.size, sql_ms: round(sqlMs, 2) });
  }
}

/** How long the inbound processor took to apply what a load queued, and what it cost. */
interface Drained {
  /** Rows still queued when the load's clock ran out. */
  queuedAtEnd: number;
  seconds: number;
  /** Accepted posts over the load's and the drain's seconds: the rate at which posts became messages. */
  appliedPerSecond: number;
  workerCpuMsPerMessage: number;
  /** Database backends' CPU from the load's start to the drain's end, per accepted post (route and processing). */
  pgCpuMsPerMessage: number;
}

/** A measured load with the CPU each post cost the API's thread and the database's backends. */
interface Measured extends HttpLoadResult {
  nodeCpuMsPerRequest: number;
  pgCpuMsPerRequest: number;
  verified: Verified;
  drained?: Drained;
}

const queueDepth = async (pool: Pool) =>
  (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_inbound_queue WHERE failed_at IS NULL')).rows[0]!.n;

/** Waits (up to 10 minutes) until the inbound processor has applied every queued post; answers the depth at the start and the seconds. */
async function drainQueue(pool: Pool): Promise<{ queuedAtEnd: number; seconds: number }> {
  const started = performance.now();
  const queuedAtEnd = await queueDepth(pool);
  for (let depth = queuedAtEnd; depth > 0; depth = await queueDepth(pool)) {
    if (performance.now() - started > 600_000) throw new Error(`the inbound queue still holds ${depth} rows after 10 minutes`);
    await sleep(50);
  }
  const failed = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM conversation_inbound_queue WHERE failed_at IS NOT NULL')).rows[0]!.n;
  if (failed) throw new Error(`${failed} inbound rows failed to apply`);
  return { queuedAtEnd, seconds: (performance.now() - started) / 1000 };
}

let runIndex = 0;

/** The worker child that applies Herald's queue, when the target is Herald. */
interface Processor {
  pid: number;
  /** Stop the worker (SIGSTOP) while the load runs and let it go on (SIGCONT) for the drain: the route measured alone. */
  pausedDuringLoad?: boolean;
}

/**
 * Warms a target up, then loads it; each load's accepted posts are checked against the rows, for
 * Herald once its `processor` has drained the queue.
 */
async function measure(
  pool: Pool,
  dir: string,
  baseUrl: string,
  token: string,
  tenantId: string,
  knownCustomers: number,
  name: string,
  processor?: Processor,
): Promise<Measured> {
  const load = async (duration?: number) => {
    runIndex += 1;
    const prefix = `${name}${runIndex}x`;
    const sidFile = path.join(dir, `${prefix}.sids`);
    const context = {
      prefix,
      sidFile,
      url: `${PUBLIC_URL}${PATH}`,
      token,
      to: TO,
      knownCustomers,
      newBase: runIndex * 1_000_000,
      newEvery: NEW_EVERY,
      whatsappEvery: WHATSAPP_EVERY,
    };
    const options = requestList({
      requests: [{ method: 'POST', path: PATH, setupRequest: INBOUND_REQUEST, onResponse: INBOUND_RESPONSE }],
      initialContext: context,
      connections: envInt('BENCH_CONNECTIONS', 50),
      ...(duration ? { duration } : {}),
    });
    const pgBefore = await backendCpuMs(pool, DATABASE);
    const nodeBefore = mainThreadCpuMs();
    const workerBefore = processor ? processCpuMs(processor.pid) : 0;
    if (processor?.pausedDuringLoad) process.kill(processor.pid, 'SIGSTOP');
    let result: HttpLoadResult;
    try {
      result = await withCpuProfile(duration ? undefined : process.env.BENCH_CPU_PROF, name, () => loadHttp(baseUrl, options));
    } finally {
      if (processor?.pausedDuringLoad) process.kill(processor.pid, 'SIGCONT');
    }
    const nodeMs = mainThreadCpuMs() - nodeBefore;
    const pgAfterLoad = await backendCpuMs(pool, DATABASE);
    const pgMs = backendCpuSpent(pgBefore, pgAfterLoad);
    let drained: Drained | undefined;
    if (processor) {
      const drain = await drainQueue(pool);
      const pgTotal = backendCpuSpent(pgBefore, await backendCpuMs(pool, DATABASE));
      drained = {
        ...drain,
        appliedPerSecond: result.requests / (result.seconds + drain.seconds),
        workerCpuMsPerMessage: (processCpuMs(processor.pid) - workerBefore) / result.requests,
        pgCpuMsPerMessage: pgTotal / result.requests,
      };
    }
    const verified = await verify(pool, tenantId, prefix, sidFile);
    if (verified.accepted !== result.requests) throw new Error(`${prefix}: ${result.requests} answers counted, ${verified.accepted} accepted sids recorded`);
    return { ...result, nodeCpuMsPerRequest: nodeMs / result.requests, pgCpuMsPerRequest: pgMs / result.requests, verified, drained };
  };
  await load(WARMUP_SECONDS);
  return load();
}

const fields = (r: Measured) => ({
  connections: r.connections,
  requests: r.requests,
  seconds: r.seconds,
  req_per_s: Math.round(r.requestsPerSecond),
  p50_ms: round(r.p50Ms, 3),
  p99_ms: round(r.p99Ms, 3),
  node_cpu_ms_per_req: round(r.nodeCpuMsPerRequest, 3),
  pg_cpu_ms_per_req: round(r.pgCpuMsPerRequest, 3),
  accepted: r.verified.accepted,
  stored_exactly_once: r.verified.storedOnce,
  stored_in_flight_at_cutoff: r.verified.storedUnanswered,
  ...(r.drained
    ? {
        queued_at_end: r.drained.queuedAtEnd,
        drain_s: round(r.drained.seconds, 2),
        applied_per_s: Math.round(r.drained.appliedPerSecond),
        worker_cpu_ms_per_msg: round(r.drained.workerCpuMsPerMessage, 3),
        pg_cpu_ms_per_msg_with_processing: round(r.drained.pgCpuMsPerMessage, 3),
      }
    : {}),
});

/** Runs the benchmark: BENCH_KNOWN_CUSTOMERS (20,000), BENCH_CONNECTIONS (50), BENCH_SECONDS (10). */
export async function run(): Promise<void> {
  const known = envInt('BENCH_KNOWN_CUSTOMERS', 20_000);
  const token = randomBytes(16).toString('hex');
  const server = await openBenchServer(BENCH);
  const url = server.urlFor(DATABASE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-inbound-'));
  const queue = `herald-bench-inbound-${process.pid}`;
  let worker: Awaited<ReturnType<typeof startWorkerChild>> | undefined;
  try {
    await dropDatabase(server, DATABASE);
    await createDatabase(server, DATABASE);
    await migrate(url);
    // The inbound processor: a worker of its own task queue, running through both loads.
    worker = await startWorkerChild({ ...process.env, ...heraldEnv(url), TEMPORAL_TASK_QUEUE: queue });
    const herald = await startHeraldInProcess(url, { TWILIO_AUTH_TOKEN: token, PUBLIC_URL });
    const poolSize = herald.config.DATABASE_POOL_MAX;
    const pool = new Pool({ connectionString: url, max: poolSize });
    try {
      const heraldTenant = await createBenchTenant(herald.runtime.db, 'bench conversations-inbound');
      const bareTenant = await createBenchTenant(herald.runtime.db, 'bench conversations-inbound bare');
      const settings = await fetch(`${herald.url}/api/v1/messaging/settings`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${heraldTenant.key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ inboundNumbers: [TO] }),
      });
      if (!settings.ok) throw new Error(`PUT /messaging/settings answered ${settings.status}: ${(await settings.text()).slice(0, 300)}`);
      process.stderr.write(`${BENCH}: seeding ${known} customers\n`);
      await seedCustomers(pool, heraldTenant.tenantId, known);
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO conversations (tenant_id, channel, address, last_message_at) VALUES ($1, 'whatsapp', 'whatsapp:+12125550100', now()) RETURNING id`,
        [bareTenant.tenantId],
      );
      printFigure(BENCH, 'setup', {
        known_customers: known,
        new_sender_share: round(1 / NEW_EVERY, 2),
        whatsapp_share: round(1 - 1 / WHATSAPP_EVERY, 2),
        pool_size: poolSize,
        node_env: herald.config.NODE_ENV,
      });

      await countRoundTrips(herald, token, known);
      await drainQueue(pool);

      const bare = await listenLoopback(bareApp(pool, token, bareTenant.tenantId, rows[0]!.id).callback());
      try {
        const raw = await measure(pool, dir, bare.url, token, bareTenant.tenantId, known, 'raw');
        printFigure(BENCH, 'raw_inbound', fields(raw));
        const mine = await measure(pool, dir, herald.url, token, heraldTenant.tenantId, known, 'herald', worker);
        printFigure(BENCH, 'herald_inbound', fields(mine));
        await verifyHeraldThreads(pool, heraldTenant.tenantId, known);
        printRatio(BENCH, 'ratio_inbound', mine.requestsPerSecond, raw.requestsPerSecond);
        printRatio(BENCH, 'cpu_ratio_inbound', raw.nodeCpuMsPerRequest + raw.pgCpuMsPerRequest, mine.nodeCpuMsPerRequest + mine.pgCpuMsPerRequest);
        // The same route with the worker stopped while the load runs (it drains afterwards): what the
        // route costs on its own, without the processor's share of this machine's two cores.
        const alone = await measure(pool, dir, herald.url, token, heraldTenant.tenantId, known, 'heraldalone', { ...worker, pausedDuringLoad: true });
        printFigure(BENCH, 'herald_inbound_route_only', fields(alone));
        await verifyHeraldThreads(pool, heraldTenant.tenantId, known);
        printRatio(BENCH, 'ratio_inbound_route_only', alone.requestsPerSecond, raw.requestsPerSecond);
        printFigure(BENCH, 'goals', {
          ratio_ge_0_5: mine.requestsPerSecond >= RATIO_GOAL * raw.requestsPerSecond,
          p99_lt_100_ms: mine.p99Ms < P99_GOAL_MS,
          route_only_ratio_ge_0_5: alone.requestsPerSecond >= RATIO_GOAL * raw.requestsPerSecond,
          route_only_p99_lt_100_ms: alone.p99Ms < P99_GOAL_MS,
          nothing_lost: true,
        });
      } finally {
        await bare.close();
      }
    } finally {
      await pool.end();
      await herald.close();
    }
  } finally {
    if (worker) await stopChild(worker.child);
    await endWorkerQueue(queue);
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase(server, DATABASE);
    await server.close();
  }
}
