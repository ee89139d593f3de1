import net from 'node:net';
import { buildTenant } from '../support/factories';
import { webhookHarness, type Tenant } from '../support/webhookHarness';
import { until, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * Delivery under failure, end to end with the real worker and verifying receivers:
 * - a receiver that is down (connections refused) for 30 s and then comes back gets every event
 *   (30 s rather than 2 minutes: the test run's compressed retry schedule covers ~48 s, so the
 *   outage spans 11 retries — the same mechanism, a shorter wall clock);
 * - a receiver failing half its requests gets every event, duplicates only under one webhook-id,
 *   and the attempt log lists exactly the answers the receiver gave, in order;
 * - an endpoint that hangs every request (a black hole until the 15 s timeout) does not slow a
 *   healthy endpoint of the same tenant or of another tenant: their commit→receipt latency is
 *   measured with and without the dead endpoint present.
 */

/** Creates `n` customers, ten at a time; each commits one customer.created event. */
async function burst(h: ReturnType<typeof webhookHarness>, t: Tenant, n: number): Promise<void> {
  for (let i = 0; i < n; i += 10) await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => h.newCustomer(t)));
}

/** The pth percentile of a list of numbers. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Commit → receipt latency of every accepted request (the payload timestamp is the event's commit time). */
const latencies = (r: WebhookReceiver, since = 0) => r.requests.slice(since).filter((x) => x.status < 300).map((x) => x.at - Date.parse(x.payload.timestamp));

describe('webhook delivery under failure', () => {
  const h = webhookHarness();

  it('delivers every event to a receiver that was down for 30 s', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t);
    await burst(h, t, 5);
    await until(() => r.acceptedIds(), (ids) => ids.size >= 5);
    await r.down();
    await burst(h, t, 40);
    await new Promise((res) => setTimeout(res, 30_000));
    const failedAttempts = await h.db('webhook_attempts').where({ endpoint_id: endpoint.id }).whereNull('status_code').count<{ n: number }[]>({ n: '*' });
    expect(Number(failedAttempts[0]!.n)).toBeGreaterThanOrEqual(40 * 5);
    await r.up();
    const accepted = await until(() => r.acceptedIds(), (ids) => ids.size >= 45, 30_000);
    expect(accepted.size).toBe(45);
    expect(r.unverified()).toEqual([]);
    const deliveries = await h.db('webhook_deliveries').where({ endpoint_id: endpoint.id });
    expect(deliveries.every((d) => d.status === 'succeeded')).toBe(true);
    expect(new Set(deliveries.map((d) => d.id))).toEqual(accepted);
  }, 90_000);

  it('delivers every event through a receiver failing half the time; the attempt log matches what it saw', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t);
    r.setBehaviour(() => (Math.random() < 0.5 ? 500 : 204));
    await burst(h, t, 60);
    const accepted = await until(() => r.acceptedIds(), (ids) => ids.size >= 60, 45_000);
    expect(accepted.size).toBe(60);
    expect(r.unverified()).toEqual([]);
    // Duplicates only under one webhook-id, and each id accepted exactly once.
    const byId = new Map<string, number[]>();
    for (const x of r.requests) byId.set(x.webhookId, [...(byId.get(x.webhookId) ?? []), x.status]);
    for (const statuses of byId.values()) expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    await until(() => h.db('webhook_deliveries').where({ endpoint_id: endpoint.id, status: 'succeeded' }).count<{ n: number }[]>({ n: '*' }), (c) => Number(c[0]!.n) === 60);
    const attempts = await h.db('webhook_attempts').where({ endpoint_id: endpoint.id }).orderBy([{ column: 'delivery_id' }, { column: 'attempt' }]);
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
      await until(() => healthyA.requests.length - fromA + healthyB.requests.length - fromB, (c) => c >= 2 * n, 30_000);
      return [...latencies(healthyA, fromA), ...latencies(healthyB, fromB)];
    };
    const baseline = await measure(30);

    // A black hole: accepts connections and never answers, so every attempt waits for the timeout.
    const held: net.Socket[] = [];
    const hole = net.createServer((s) => held.push(s));
    await new Promise<void>((res) => hole.listen(0, '127.0.0.1', () => res()));
    const port = (hole.address() as net.AddressInfo).port;
    await h.ok(a, 'POST', '/api/v1/webhooks', { url: `http://127.0.0.1:${port}/dead`, events: ['customer.*'], maxConcurrency: 5 });
    const withDead = await measure(30);
    const stuck = held.length;
    held.forEach((s) => s.destroy());
    await new Promise<void>((res) => hole.close(() => res()));

    const report = { baselineP50: percentile(baseline, 50), baselineP95: percentile(baseline, 95), withDeadP50: percentile(withDead, 50), withDeadP95: percentile(withDead, 95) };
    console.log(`healthy endpoints' commit→receipt latency (ms) without / with a hanging endpoint: ${JSON.stringify(report)}`);
    expect(stuck).toBeGreaterThan(0);
    expect(withDead).toHaveLength(60);
    expect(report.withDeadP95).toBeLessThan(Math.max(2 * report.baselineP95, report.baselineP95 + 500));
  }, 90_000);
});
