import { isIP } from 'node:net';
import { parseSsrfPolicy, type HostResolver } from '../../lib/ssrf';
import { buildTenant } from '../support/factories';
import { webhookHarness, type Tenant } from '../support/webhookHarness';
import { until, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * Deliveries that cannot succeed, with the real worker and real receivers. The API and the worker
 * share webhook settings of this file: a two-entry retry schedule (100 ms, 300 ms: three attempts
 * in all, through the same WEBHOOK_RETRY_SCHEDULE setting production uses) and a production-like
 * SSRF policy — no private network allowed, one allow-listed host name — whose names are answered
 * by {@link answers} instead of the system resolver, so a test decides what a name resolves to
 * and when, as a DNS server under an attacker's control would.
 */
const answers = new Map<string, string>();
const resolve: HostResolver = async (host) => {
  const address = answers.get(host);
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address, family: isIP(address) }];
};
/** An allow-listed name that resolves to the receivers' loopback address (as a development setup would). */
const ALLOWED = 'allowed.herald.test';
/** A public address (TEST-NET is reserved; this one is not) for names that must pass the create check. */
const PUBLIC = '93.184.215.14';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('webhook deliveries that cannot succeed', () => {
  const h = webhookHarness({ webhooks: (defaults) => ({ ...defaults, retryScheduleMs: [100, 300], ssrf: { ...parseSsrfPolicy(ALLOWED, false), resolve } }) });
  answers.set(ALLOWED, '127.0.0.1');

  /** An endpoint for `customer.created` at `host` on the receiver's port, verified with its own secret. */
  const endpointAt = async (t: Tenant, r: WebhookReceiver, host: string) => {
    const endpoint = await h.ok(t, 'POST', '/api/v1/webhooks', { url: `http://${host}:${r.port}/hooks`, events: ['customer.created'] });
    r.setSecrets([{ secret: endpoint.secret }]);
    return endpoint as { id: string; secret: string };
  };

  it('fails a delivery once the retry schedule is exhausted, sends nothing more, and a retry by hand sends it again', async () => {
    const t = await buildTenant(h.db);
    const r = await h.receiver();
    const endpoint = await endpointAt(t, r, ALLOWED);
    r.setBehaviour(() => 500);
    await h.newCustomer(t);
    const [first] = await until(
      () => r.requests,
      (rs) => rs.length >= 1,
      { label: 'the first attempt' },
    );
    const id = first!.webhookId;
    const failed = await until(
      () => h.ok(t, 'GET', `/api/v1/deliveries/${id}`),
      (d) => d.status !== 'pending',
      { label: `delivery ${id} to leave pending` },
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.attemptLog.map((a: { attempt: number; statusCode: number; error: string }) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 500, 'HTTP 500'],
    ]);
    expect(r.requests.map((x) => x.webhookId)).toEqual([id, id, id]);
    expect(r.requests.every((x) => x.verifiedWith[0])).toBe(true);
    // The schedule's delays, less their 10 % jitter, separate the attempts.
    expect(r.requests[1]!.at - r.requests[0]!.at).toBeGreaterThanOrEqual(85);
    expect(r.requests[2]!.at - r.requests[1]!.at).toBeGreaterThanOrEqual(265);
    const listed = await h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}/deliveries?status=failed`);
    expect(listed.map((d: { id: string }) => d.id)).toEqual([id]);
    // Failed is final: a fourth attempt would be due within the schedule's last delay; none comes.
    await sleep(1500);
    expect(r.requests).toHaveLength(3);
    // The endpoint has failed for far less than the disable window, so it stays enabled.
    expect((await h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}`)).enabled).toBe(true);

    r.setBehaviour(() => 204);
    const retried = await h.call(t, 'POST', `/api/v1/deliveries/${id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.data).toMatchObject({ id, status: 'pending' });
    const succeeded = await until(
      () => h.ok(t, 'GET', `/api/v1/deliveries/${id}`),
      (d) => d.status === 'succeeded',
      { label: `delivery ${id} to succeed after the retry` },
    );
    expect(succeeded.attempts).toBe(4);
    expect(r.requests.map((x) => [x.webhookId, x.status])).toEqual([
      [id, 500],
      [id, 500],
      [id, 500],
      [id, 204],
    ]);
  });

  it('refuses at send time a host that resolved to a public address when the endpoint was created and resolves to a private one now', async () => {
    const t = await buildTenant(h.db);
    const target = await h.receiver();
    const control = await h.receiver();
    answers.set('rebind.herald.test', PUBLIC);
    const endpoint = await endpointAt(t, target, 'rebind.herald.test');
    // The name now answers the loopback address the receiver listens on (DNS rebinding).
    answers.set('rebind.herald.test', '127.0.0.1');
    const now = await h.call(t, 'POST', '/api/v1/webhooks', { url: `http://rebind.herald.test:${target.port}/hooks`, events: ['customer.created'] });
    expect(now.status).toBe(422);
    // The same receiver setup through the allow-listed name: proves a loopback receiver is reachable from this worker.
    await endpointAt(t, control, ALLOWED);

    const customerId = await h.newCustomer(t);
    const [delivered] = await until(
      () => control.requests,
      (rs) => rs.length >= 1,
      { label: 'the control endpoint to get the event' },
    );
    expect(delivered!.payload.data.customer.id).toBe(customerId);
    expect(delivered!.verifiedWith).toEqual([true]);
    const [refused] = await until(
      () => h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}/deliveries`),
      (ds) => ds.length === 1 && ds[0].status !== 'pending',
      { label: 'the rebound delivery to be settled' },
    );
    expect(refused.status).toBe('failed');
    const detail = await h.ok(t, 'GET', `/api/v1/deliveries/${refused.id}`);
    expect(detail.attemptLog).toHaveLength(3);
    for (const attempt of detail.attemptLog) {
      expect(attempt.statusCode).toBeNull();
      expect(attempt.error).toMatch(/private or reserved address/);
      // The log is the tenant's to read: it names no address the host resolved to.
      expect(attempt.error).not.toMatch(/127\.0\.0\.1/);
    }
    expect(target.requests).toEqual([]);
  });
});
