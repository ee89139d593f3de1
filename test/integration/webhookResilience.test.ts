import net from 'node:net';
import { buildTenant, uniqueSuffix } from '../support/factories';
import { startIsolatedHerald, type IsolatedHerald } from '../support/isolatedHerald';
import { webhookHarness, type Tenant } from '../support/webhookHarness';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * Delivery under failure, end to end with the real worker and verifying receivers:
 * - a receiver that is down (connections refused) for two minutes and then comes back gets every
 *   event exactly once, and the attempt log shows the refusals and then what the receiver saw.
 *   The run's shared queue retries on a compressed ~50 s schedule, so this case runs on a
 *   database and task queue of its own with `herald worker` as a child process whose schedule
 *   (5 s, 10 s, then every 20 s: 215 s in all) outlasts the outage;
 * - a receiver failing half its requests gets every event, duplicates only under one webhook-id,
 *   and the attempt log lists exactly the answers the receiver gave, in order;
 * - an endpoint that hangs every request (a black hole until the 15 s timeout) does not slow a
 *   healthy endpoint of the same tenant or of another tenant: their commit→receipt latency is
 *   measured with and without the dead endpoint present.
 */

/** Runs `create` `n` times, ten at a time; returns what each call returned. */
async function burstOf<T>(create: () => Promise<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += 10) out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => create()))));
  return out;
}

/** Creates `n` customers, ten at a time; each commits one customer.created event. */
async function burst(h: ReturnType<typeof webhookHarness>, t: Tenant, n: number): Promise<void> {
  await burstOf(() => h.newCustomer(t), n);
}

/** The pth percentile of a list of numbers. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Commit → receipt latency of every accepted request (the payload timestamp is the event's commit time). */
const latencies = (r: WebhookReceiver, since = 0) =>
  r.requests
    .slice(since)
    .filter((x) => x.status < 300)
    .map((x) => x.at - Date.parse(x.payload.timestamp));

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

/** The receiver's answers grouped by webhook-id, in the order it gave them. */
const statusesById = (r: WebhookReceiver) => {
  const byId = new Map<string, number[]>();
  for (const x of r.requests) byId.set(x.webhookId, [...(byId.get(x.webhookId) ?? []), x.status]);
  return byId;
};

const OUTAGE_MS = 120_000;
/** Retries at +5 s, +15 s, then every 20 s: at least 193 s of retrying with the ±10 % jitter. */
const OUTAGE_RETRY_SCHEDULE = '5s,10s,20s,20s,20s,20s,20s,20s,20s,20s,20s,20s';

describe('webhook delivery through a two-minute receiver outage', () => {
  let herald: IsolatedHerald;
  let r: WebhookReceiver;

  beforeAll(async () => {
    herald = await startIsolatedHerald('outage', {
      WEBHOOK_RETRY_SCHEDULE: OUTAGE_RETRY_SCHEDULE,
      WEBHOOK_DISABLE_AFTER: '1h',
      RATE_LIMIT_GENERAL_PER_MINUTE: '1000000',
    });
    r = await startWebhookReceiver();
  }, 120_000);

  afterAll(async () => {
    await r?.close();
    await herald?.close();
  }, 60_000);

  it('delivers every event exactly once to a receiver that was down for two minutes', async () => {
    const t = await buildTenant(herald.db);
    const created = await herald.server.request('/api/v1/webhooks', { method: 'POST', key: t.adminKey, body: { url: r.url, events: ['customer.*'] } });
    expect(created.status).toBeLessThan(300);
    const endpoint = created.body.data;
    r.setSecrets([{ secret: endpoint.secret }]);
    const newCustomer = async () => {
      const res = await herald.server.request('/api/v1/customers', {
        method: 'POST',
        key: t.adminKey,
        body: { firstName: 'Outage', lastName: uniqueSuffix() },
      });
      if (res.status >= 300) throw new Error(`POST /api/v1/customers -> ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data.id as string;
    };

    const before = await burstOf(newCustomer, 5);
    await until(
      () => r.acceptedIds(),
      (ids) => ids.size >= 5,
    );
    expect(r.acceptedIds().size).toBe(5);

    await r.down();
    const downAt = Date.now();
    const during = await burstOf(newCustomer, 40);
    await sleep(downAt + OUTAGE_MS - Date.now());
    // Still retrying at the end of the outage: nothing given up, every event refused several times.
    const beforeUp = await herald.db('webhook_deliveries').where({ endpoint_id: endpoint.id });
    expect(beforeUp.filter((d) => d.status === 'pending')).toHaveLength(40);
    await r.up();
    const upAt = Date.now();
    expect(r.requests.every((x) => x.at < downAt)).toBe(true);

    const accepted = await until(
      () => r.acceptedIds(),
      (ids) => ids.size >= 45,
      60_000,
    );
    const recoveredMs = Math.max(...r.requests.map((x) => x.at)) - upAt;
    expect(accepted.size).toBe(45);
    expect(r.unverified()).toEqual([]);

    // Every event arrived, accepted exactly once, and any repeat under the webhook-id it first had.
    const idsByCustomer = new Map<string, Set<string>>();
    for (const x of r.requests) {
      const customerId = x.payload?.data?.customer?.id as string;
      idsByCustomer.set(customerId, (idsByCustomer.get(customerId) ?? new Set()).add(x.webhookId));
    }
    expect(new Set(idsByCustomer.keys())).toEqual(new Set([...before, ...during]));
    for (const ids of idsByCustomer.values()) expect(ids.size).toBe(1);
    const byId = statusesById(r);
    for (const statuses of byId.values()) expect(statuses.filter((s) => s >= 200 && s < 300)).toHaveLength(1);
    const outageIds = new Set(r.requests.filter((x) => during.includes(x.payload.data.customer.id)).map((x) => x.webhookId));
    expect(r.requests.filter((x) => outageIds.has(x.webhookId)).every((x) => x.at >= upAt)).toBe(true);

    // The ledger: every delivery succeeded; the attempt log is the refusals (all inside the
    // outage, all before the success) followed by exactly what the receiver answered.
    await until(
      () => herald.db('webhook_deliveries').where({ endpoint_id: endpoint.id, status: 'succeeded' }).count<{ n: number }[]>({ n: '*' }),
      (c) => Number(c[0]!.n) === 45,
    );
    const deliveries = await herald.db('webhook_deliveries').where({ endpoint_id: endpoint.id });
    expect(deliveries).toHaveLength(45);
    expect(deliveries.every((d) => d.status === 'succeeded')).toBe(true);
    expect(new Set(deliveries.map((d) => d.id))).toEqual(accepted);
    const attempts = await herald
      .db('webhook_attempts')
      .where({ endpoint_id: endpoint.id })
      .orderBy([{ column: 'delivery_id' }, { column: 'attempt' }]);
    const answered = new Map<string, number[]>();
    const refusedPer = new Map<string, number>();
    let lastRefusal = 0;
    for (const a of attempts) {
      const soFar = [...(answered.get(a.delivery_id) ?? [])];
      expect(a.attempt).toBe((refusedPer.get(a.delivery_id) ?? 0) + soFar.length + 1);
      if (a.status_code === null) {
        expect(soFar).toEqual([]);
        const at = new Date(a.started_at).getTime();
        expect(at).toBeGreaterThanOrEqual(downAt);
        expect(at).toBeLessThanOrEqual(upAt);
        lastRefusal = Math.max(lastRefusal, at);
        refusedPer.set(a.delivery_id, (refusedPer.get(a.delivery_id) ?? 0) + 1);
      } else {
        answered.set(a.delivery_id, [...soFar, a.status_code]);
      }
    }
    expect(answered).toEqual(byId);
    expect([...refusedPer.keys()].sort()).toEqual([...outageIds].sort());
    const refusals = [...refusedPer.values()];
    expect(Math.min(...refusals)).toBeGreaterThanOrEqual(6);
    expect(upAt - lastRefusal).toBeLessThan(25_000);
    const sample = attempts.find((a) => a.status_code === null);

    const report = {
      outageS: (upAt - downAt) / 1000,
      events: 45,
      requests: r.requests.length,
      refusedAttempts: refusals.reduce((a, b) => a + b, 0),
      refusedPerEventMin: Math.min(...refusals),
      refusedPerEventMax: Math.max(...refusals),
      lastRefusalBeforeUpS: (upAt - lastRefusal) / 1000,
      allReceivedAfterUpS: recoveredMs / 1000,
      refusalError: sample?.error,
    };
    console.log(`two-minute outage: ${JSON.stringify(report)}`);
  }, 240_000);
});

describe('webhook delivery under failure', () => {
  const h = webhookHarness();

  it('delivers every event through a receiver failing half the time; the attempt log matches what it saw', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t);
    // Every other request fails (not at random, so a run can be replayed); retries interleave, so deliveries fail different numbers of times.
    let answered = 0;
    r.setBehaviour(() => (answered++ % 2 === 0 ? 500 : 204));
    await burst(h, t, 60);
    const accepted = await until(
      () => r.acceptedIds(),
      (ids) => ids.size >= 60,
      45_000,
    );
    expect(accepted.size).toBe(60);
    expect(r.unverified()).toEqual([]);
    // Duplicates only under one webhook-id, and each id accepted exactly once.
    const byId = statusesById(r);
    for (const statuses of byId.values()) expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    await until(
      () => h.db('webhook_deliveries').where({ endpoint_id: endpoint.id, status: 'succeeded' }).count<{ n: number }[]>({ n: '*' }),
      (c) => Number(c[0]!.n) === 60,
    );
    const attempts = await h
      .db('webhook_attempts')
      .where({ endpoint_id: endpoint.id })
      .orderBy([{ column: 'delivery_id' }, { column: 'attempt' }]);
    const logged = new Map<string, number[]>();
    for (const a of attempts) logged.set(a.delivery_id, [...(logged.get(a.delivery_id) ?? []), a.status_code]);
    expect(logged).toEqual(byId);
    expect(r.requests.length).toBeGreaterThan(60);
  }, 60_000);

  it('keeps a hanging endpoint from slowing healthy endpoints of the same and another tenant', async () => {
    const a = await buildTenant(h.db);
    const b = await buildTenant(h.db);
    const { r: healthyA } = await h.endpointWithReceiver(a);
    const { r: healthyB } = await h.endpointWithReceiver(b);
    const measure = async (n: number) => {
      const [fromA, fromB] = [healthyA.requests.length, healthyB.requests.length];
      await Promise.all([burst(h, a, n), burst(h, b, n)]);
      await until(
        () => healthyA.requests.length - fromA + healthyB.requests.length - fromB,
        (c) => c >= 2 * n,
        30_000,
      );
      return [...latencies(healthyA, fromA), ...latencies(healthyB, fromB)];
    };
    const baseline = await measure(30);

    // A black hole: accepts connections and never answers, so every attempt waits for the timeout.
    const held: net.Socket[] = [];
    const hole = net.createServer((s) => held.push(s));
    await new Promise<void>((res) => hole.listen(0, '127.0.0.1', () => res()));
    const port = (hole.address() as net.AddressInfo).port;
    await h.ok(a, 'POST', '/api/v1/webhooks', { url: `http://127.0.0.1:${port}/dead`, events: ['customer.*'], maxConcurrency: 5 });
    // Measure only once the dead endpoint's attempts are hanging (and tenant A's healthy endpoint
    // has taken the same five events, so none of them lands inside the measurement).
    const warmFrom = healthyA.requests.length;
    await burst(h, a, 5);
    await until(
      () => held.length,
      (n) => n > 0,
      30_000,
    );
    await until(
      () => healthyA.requests.length - warmFrom,
      (n) => n >= 5,
      30_000,
    );
    const withDead = await measure(30);
    const stuck = held.length;
    held.forEach((s) => s.destroy());
    await new Promise<void>((res) => hole.close(() => res()));

    const report = {
      baselineP50: percentile(baseline, 50),
      baselineP95: percentile(baseline, 95),
      withDeadP50: percentile(withDead, 50),
      withDeadP95: percentile(withDead, 95),
    };
    console.log(`healthy endpoints' commit→receipt latency (ms) without / with a hanging endpoint: ${JSON.stringify(report)}`);
    expect(stuck).toBeGreaterThan(0);
    expect(withDead).toHaveLength(60);
    expect(report.withDeadP95).toBeLessThan(Math.max(2 * report.baselineP95, report.baselineP95 + 500));
  }, 90_000);
});
