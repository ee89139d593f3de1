import type { Knex } from 'knex';
import { seedCustomers } from '../integration/campaignHarness';
import { buildTenant, testDb } from '../support/factories';
import { freePort } from '../support/freePort';
import { startWorkerProcess, type HeraldProcess } from '../support/heraldProcess';
import { startSmtpSink, type SmtpSink } from '../support/smtpSink';
import { until, waitFor } from '../support/until';
import {
  activityPidsByWorkflowType,
  overlappingSenders,
  pidOf,
  startApiProcess,
  startAttributingReceiver,
  startRoundRobinProxy,
  temporalStore,
  type Proxy,
} from './clusterStack';

/**
 * Issue 21's two-by-two stack on the real Temporal server (PostgreSQL persistence, started by
 * `scripts/cluster-test.sh` through `herald services up --cluster`): two `herald serve` processes
 * behind a round-robin proxy and two `herald worker` processes, all real child processes on the
 * file's own database and task queue. One worker is SIGKILLed in the middle of a campaign and
 * replaced, as a supervisor would, while imports, webhook dispatch and a journey run beside it.
 */
const SIZE = Number(process.env.CLUSTER_CRASH_SIZE ?? 30_000);
const PAGE_SIZE = 200;
const IMPORTS = 4;
const IMPORT_ROWS = 400;
const ENDPOINTS = 3;
const JOURNEY_ENTRIES = 200;
/** How long another API process may keep accepting a revoked key: domain/tenants/service.ts KEY_CACHE_MS. */
const KEY_CACHE_MS = 10_000;

const address = process.env.TEMPORAL_ADDRESS!;
let db: Knex;
let sink: SmtpSink;
let proxy: Proxy;
let apiPorts: number[];
const apis: HeraldProcess[] = [];
const workers: HeraldProcess[] = [];
let env: Record<string, string>;

type Res = { status: number; body: any };
/** One API call, through the proxy unless `base` names one API process. */
async function call(key: string, method: string, url: string, body?: unknown, base = proxy.url): Promise<Res> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': typeof body === 'string' ? 'text/csv' : 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
async function ok(key: string, method: string, url: string, body?: unknown): Promise<any> {
  const res = await call(key, method, url, body);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
  return res.body?.data;
}
const apiUrl = (i: number) => `http://127.0.0.1:${apiPorts[i]}`;

beforeAll(async () => {
  expect(await temporalStore(address)).toBe('postgres12');
  db = testDb();
  sink = await startSmtpSink({ keepRaw: false });
  apiPorts = [await freePort(), await freePort()];
  proxy = await startRoundRobinProxy(apiPorts);
  env = {
    PUBLIC_URL: proxy.url,
    SMTP_URL: sink.url,
    CAMPAIGN_PAGE_SIZE: String(PAGE_SIZE),
    CAMPAIGN_CONCURRENCY: '20',
    SMTP_POOL_SIZE: '5',
    RATE_LIMIT_GENERAL_PER_MINUTE: '1000000',
    RATE_LIMIT_IMPORTS_PER_MINUTE: '1000',
    DATABASE_POOL_MAX: '6',
  };
  for (const port of apiPorts) apis.push(await startApiProcess({ ...env, HOST: '127.0.0.1', PORT: String(port) }));
  for (let i = 0; i < 2; i++) workers.push(await startWorkerProcess(env));
}, 180_000);

afterAll(async () => {
  await Promise.all([...workers, ...apis].map((p) => p.stop()));
  await proxy?.close();
  await sink?.close();
  await db?.destroy();
});

it(`revokes an API key through one API process and the other refuses it within ${KEY_CACHE_MS / 1000} s`, async () => {
  const t = await buildTenant(db, 'Key tenant');
  const created = await ok(t.adminKey, 'POST', '/api-keys', { name: 'short-lived', role: 'admin' });
  // Used on the second process first, so that process holds it in its cache.
  expect((await call(created.key, 'GET', '/customers', undefined, apiUrl(1))).status).toBe(200);
  expect((await call(t.adminKey, 'DELETE', `/api-keys/${created.id}`, undefined, apiUrl(0))).status).toBe(200);
  const revokedAt = Date.now();
  expect((await call(created.key, 'GET', '/customers', undefined, apiUrl(0))).status).toBe(401);
  await until(
    async () => (await call(created.key, 'GET', '/customers', undefined, apiUrl(1))).status,
    (s) => s === 401,
    { timeoutMs: KEY_CACHE_MS + 2_000, everyMs: 200, label: 'the other API process to refuse the revoked key' },
  );
  console.log(JSON.stringify({ revokedKeyRefusedByOtherProcessAfterMs: Date.now() - revokedAt }));
  expect(proxy.forwarded.every((n) => n > 0)).toBe(true);
});

it(`sends a ${SIZE}-recipient campaign with one of two workers SIGKILLed mid-send, while imports, webhooks and a journey run on both`, async () => {
  const sender = await buildTenant(db, 'Campaign tenant');
  const other = await buildTenant(db, 'Imports tenant');
  const journeys = await buildTenant(db, 'Journey tenant');
  await seedCustomers(db, sender.tenantId, SIZE, 'cluster');
  const workerPids = () => workers.map(pidOf);
  const receivers = await Promise.all(Array.from({ length: ENDPOINTS }, () => startAttributingReceiver(workerPids)));
  for (const r of receivers) await ok(other.adminKey, 'POST', '/webhooks', { url: r.url, events: ['customer.*'] });
  const journey = await ok(journeys.adminKey, 'POST', '/journeys', {
    name: 'Cluster welcome',
    entry: { type: 'event', event: 'Cluster Ping' },
    start: 'welcome',
    nodes: [{ id: 'welcome', type: 'send', channel: 'email', subject: 'Welcome', body: 'Hello {{ customer.firstName }}' }],
  });
  await ok(journeys.adminKey, 'POST', `/journeys/${journey.id}/publish`);
  const campaign = await ok(sender.adminKey, 'POST', '/campaigns', {
    name: 'Cluster crash',
    channel: 'email',
    subject: 'Hi {{ firstName }}',
    body: '<p>Hello {{ firstName }}</p>',
    audience: { type: 'all' },
  });

  const started = Date.now();
  expect((await call(sender.adminKey, 'POST', `/campaigns/${campaign.id}/send`)).status).toBe(202);
  const imports: string[] = [];
  for (let i = 0; i < IMPORTS; i++) {
    const rows = Array.from({ length: IMPORT_ROWS }, (_, r) => `imp${i}-${r}@example.com,Imp${r},Batch${i}`);
    // Each created customer is a customer.created event, so the imports feed the webhook endpoints.
    imports.push((await ok(other.adminKey, 'POST', '/imports?emitCustomerEvents=true', `email,first_name,last_name\n${rows.join('\n')}\n`)).id);
  }
  const pings = Array.from({ length: JOURNEY_ENTRIES }, (_, i) => ({ type: 'track', email: `journey${i}@example.com`, event: 'Cluster Ping' }));
  for (let i = 0; i < pings.length; i += 100) await ok(journeys.adminKey, 'POST', '/batch', { batch: pings.slice(i, i + 100) });

  // SIGKILL the first worker mid-send, then start a replacement, as a supervisor would.
  await waitFor(async () => sink.messages.length >= SIZE * 0.4, 900_000, 20);
  const killedPid = pidOf(workers[0]!);
  await workers[0]!.kill();
  const receivedAtKill = sink.messages.length;
  workers[0] = await startWorkerProcess(env);

  const status = async () => (await ok(sender.adminKey, 'GET', `/campaigns/${campaign.id}`)).status as string;
  await until(status, (s) => s === 'completed', { timeoutMs: 1_200_000, everyMs: 500, label: 'the campaign to complete' });
  const seconds = (Date.now() - started) / 1000;
  await until(
    async () => (await db('imports').whereIn('id', imports).select('status')).map((r) => r.status as string),
    (s) => s.every((x) => x === 'completed'),
    { timeoutMs: 300_000, everyMs: 500, label: 'the imports to complete' },
  );
  const runs = () => db('journey_runs').where({ journey_id: journey.id }).select('state');
  await until(runs, (rs) => rs.length === JOURNEY_ENTRIES && rs.every((r) => r.state !== 'active'), {
    timeoutMs: 300_000,
    everyMs: 500,
    label: 'journey runs to end',
  });
  const pending = () => db('webhook_deliveries').where({ tenant_id: other.tenantId, status: 'pending' }).count<{ n: string }[]>({ n: '*' });
  await until(
    async () => Number((await pending())[0]!.n),
    (n) => n === 0,
    { timeoutMs: 300_000, everyMs: 500, label: 'webhook deliveries to settle' },
  );

  // The campaign: every ledger row settled and received, repeats only of in-flight messages, with their Message-ID.
  const rows = await db('campaign_recipients').where({ campaign_id: campaign.id }).select('id', 'state');
  const ledgerIds = new Set(rows.map((r) => `<${r.id}@herald.local>`));
  const received = sink.messages.filter((m) => ledgerIds.has(m.messageId));
  const perId = new Map<string, number>();
  for (const m of received) perId.set(m.messageId, (perId.get(m.messageId) ?? 0) + 1);
  const idsPerAddress = new Map<string, Set<string>>();
  for (const m of received) idsPerAddress.set(m.to[0]!, (idsPerAddress.get(m.to[0]!) ?? new Set()).add(m.messageId));
  const result = {
    unsettled: rows.filter((r) => r.state === 'pending' || r.state === 'sending').length,
    lost: rows.filter((r) => !perId.has(`<${r.id}@herald.local>`)).length,
    duplicates: received.length - perId.size,
    addressesWithTwoIds: [...idsPerAddress.values()].filter((s) => s.size > 1).length,
    foreign: sink.messages.filter((m) => m.to[0]!.endsWith('-cluster@example.com') && !ledgerIds.has(m.messageId)).length,
  };

  // Webhooks: every delivery succeeded, each endpoint got each of its deliveries, and never from two processes at once.
  const deliveries = await db('webhook_deliveries').where({ tenant_id: other.tenantId }).select('id', 'endpoint_id', 'status');
  const overlaps = receivers.flatMap((r) => overlappingSenders(r.requests));
  const senders = new Set(receivers.flatMap((r) => r.requests.map((q) => q.pid)));
  const unattributed = receivers.flatMap((r) => r.requests).filter((q) => q.pid === undefined).length;

  // Who ran what: the worker named by each ActivityTaskStarted event, per workflow type.
  const pidsByType = await activityPidsByWorkflowType(address, process.env.TEMPORAL_TASK_QUEUE!);
  const ran = Object.fromEntries([...pidsByType].map(([type, pids]) => [type, [...pids].sort()]));
  console.log(
    JSON.stringify({
      recipients: SIZE,
      campaignSeconds: seconds,
      messagesPerSecond: Math.round(SIZE / seconds),
      receivedAtKill,
      killedPid,
      workers: workerPids(),
      ...result,
      deliveries: deliveries.length,
      webhookSenders: [...senders],
      overlaps: overlaps.length,
      unattributed,
      proxied: proxy.forwarded,
      ran,
    }),
  );
  expect(rows).toHaveLength(SIZE);
  expect(result).toEqual({ unsettled: 0, lost: 0, duplicates: expect.any(Number), addressesWithTwoIds: 0, foreign: 0 });
  // One campaign runs one page activity at a time: a crash can repeat at most the page in flight.
  expect(result.duplicates).toBeLessThanOrEqual(PAGE_SIZE);
  expect(deliveries).toHaveLength(ENDPOINTS * IMPORTS * IMPORT_ROWS);
  expect(deliveries.every((d) => d.status === 'succeeded')).toBe(true);
  for (const r of receivers) expect(new Set(r.requests.map((q) => q.webhookId)).size).toBe(IMPORTS * IMPORT_ROWS);
  expect(overlaps).toEqual([]);
  expect(unattributed).toBe(0);
  // Both original workers (or the replacement of the killed one) took part in each kind of work.
  const survivor = workerPids()[1]!;
  for (const type of ['importCustomers', 'webhookDispatcher', 'journeyRunner']) {
    const pids = pidsByType.get(type) ?? new Set<number>();
    expect({ type, survivor: pids.has(survivor), other: pids.has(killedPid) || pids.has(workerPids()[0]!) }).toEqual({ type, survivor: true, other: true });
  }
}, 1_800_000);
