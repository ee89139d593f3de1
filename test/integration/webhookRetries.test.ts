import { buildTenant } from '../support/factories';
import { webhookHarness } from '../support/webhookHarness';
import { until } from '../support/webhookReceiver';

/**
 * What happens when a receiver does not answer 2xx, with the real worker and real receivers:
 * retries keep the webhook-id and log every attempt; 429 Retry-After is honoured; 410 disables
 * the endpoint and its events are kept for when it is enabled again; an endpoint failing for
 * longer than the disable window (5 days by default: the failure clock is moved back in the
 * database rather than waiting) is disabled and `endpoint.disabled` goes out; a delivery can be
 * retried by hand, and a time range replayed as a job with progress.
 */
describe('webhook retries, disabling and replay', () => {
  const h = webhookHarness();

  it('retries with the same webhook-id and logs every attempt as the receiver saw it', async () => {
    const t = await buildTenant(h.db);
    const { r } = await h.endpointWithReceiver(t);
    r.setBehaviour(({ count }) => (count <= 2 ? 500 : 204));
    await h.newCustomer(t);
    const seen = await until(
      () => r.requests,
      (rs) => rs.length >= 3,
    );
    expect(seen.map((x) => x.status)).toEqual([500, 500, 204]);
    expect(new Set(seen.map((x) => x.webhookId)).size).toBe(1);
    expect(seen.every((x) => x.verifiedWith[0])).toBe(true);
    const detail = await until(
      () => h.ok(t, 'GET', `/api/v1/deliveries/${seen[0]!.webhookId}`),
      (d) => d.status === 'succeeded',
    );
    expect(detail.attempts).toBe(3);
    expect(detail.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 204]);
    expect(detail.attemptLog[0]).toMatchObject({ attempt: 1, error: 'HTTP 500', responseExcerpt: 'answered 500' });
  });

  it('signs retries still pending after a secret rotation with both secrets, so a receiver already on the new one verifies them', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t);
    r.setBehaviour(() => 500);
    await h.newCustomer(t);
    const [first] = await until(
      () => r.requests,
      (rs) => rs.length >= 2,
      { label: 'a first attempt and a retry before the rotation' },
    );
    const id = first!.webhookId;
    expect(await h.ok(t, 'GET', `/api/v1/deliveries/${id}`)).toMatchObject({ status: 'pending' });
    const rotated = await h.ok(t, 'POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, {});
    // The receiver switches to the new secret at once and refuses what it cannot verify, as a real one would.
    r.setSecrets([{ secret: rotated.secret }, { secret: endpoint.secret }]);
    r.setBehaviour(({ verifiedWith }) => (verifiedWith[0] ? 204 : 401));
    const done = await until(
      () => h.ok(t, 'GET', `/api/v1/deliveries/${id}`),
      (d) => d.status !== 'pending',
      { label: `delivery ${id} to be settled after the rotation` },
    );
    expect(done.status).toBe('succeeded');
    expect(r.requests.every((x) => x.webhookId === id)).toBe(true);
    expect(done.attempts).toBe(r.requests.length);
    const accepted = r.requests.filter((x) => x.status === 204);
    expect(accepted).toHaveLength(1);
    // Signed with both secrets (the old one is still in its grace period): each verifies on its own.
    expect(accepted[0]!.signature.split(' ')).toHaveLength(2);
    expect(accepted[0]!.verifiedWith).toEqual([true, true]);
  });

  it('honours Retry-After on 429', async () => {
    const t = await buildTenant(h.db);
    const { r } = await h.endpointWithReceiver(t);
    r.setBehaviour(({ count }) => (count === 1 ? { status: 429, headers: { 'retry-after': '2' } } : 204));
    await h.newCustomer(t);
    const seen = await until(
      () => r.requests,
      (rs) => rs.length >= 2,
      20000,
    );
    expect(seen.map((x) => x.status)).toEqual([429, 204]);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it('disables the endpoint on 410, keeps its events, and delivers them when enabled again', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t, { events: ['customer.*', 'endpoint.*'] });
    const { r: watcher } = await h.endpointWithReceiver(t, { events: ['endpoint.disabled'] });
    r.setBehaviour(() => 410);
    await h.newCustomer(t);
    const disabled = await until(
      () => h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}`),
      (e) => !e.enabled,
    );
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'gone' });
    const notice = await until(
      () => watcher.requests,
      (rs) => rs.length >= 1,
    );
    expect(notice[0]!.payload).toMatchObject({ type: 'endpoint.disabled', data: { endpointId: endpoint.id, reason: 'gone' } });
    await h.newCustomer(t);
    await h.newCustomer(t);
    await new Promise((res) => setTimeout(res, 1000));
    expect(r.requests).toHaveLength(1);
    r.setBehaviour(() => 204);
    await h.ok(t, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { enabled: true });
    const accepted = await until(
      () => r.acceptedIds(),
      (ids) => ids.size >= 4,
    );
    // Three customers, plus its own endpoint.disabled notice, all kept while it was disabled.
    expect(accepted.size).toBe(4);
    expect(accepted.has(r.requests[0]!.webhookId)).toBe(true);
  });

  it('disables an endpoint that has failed for longer than the window and emits endpoint.disabled', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t);
    const { r: watcher } = await h.endpointWithReceiver(t, { events: ['endpoint.*'] });
    r.setBehaviour(() => 500);
    await h.newCustomer(t);
    await until(
      () => r.requests,
      (rs) => rs.length >= 1,
    );
    expect((await h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}`)).enabled).toBe(true);
    await h
      .db('webhook_endpoints')
      .where({ id: endpoint.id })
      .update({ failing_since: h.db.raw("now() - interval '5 days 1 minute'") });
    const disabled = await until(
      () => h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}`),
      (e) => !e.enabled,
    );
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const notice = await until(
      () => watcher.requests,
      (rs) => rs.length >= 1,
    );
    expect(notice[0]!.payload).toMatchObject({ type: 'endpoint.disabled', data: { endpointId: endpoint.id, reason: 'failing' } });
    expect(watcher.requests[0]!.verifiedWith).toEqual([true]);
  });

  it("keeps to the endpoint's concurrency and rate limit", async () => {
    const t = await buildTenant(h.db);
    const { r: slow, endpoint: narrow } = await h.endpointWithReceiver(t, { maxConcurrency: 2 });
    slow.setBehaviour(() => ({ status: 204, delayMs: 150 }));
    const { r: paced } = await h.endpointWithReceiver(t, { rateLimit: 5 });
    for (let i = 0; i < 15; i++) await h.newCustomer(t);
    await until(
      () => slow.acceptedIds().size + paced.acceptedIds().size,
      (n) => n >= 30,
      30_000,
    );
    expect(slow.acceptedIds().size).toBe(15);
    expect(slow.maxInFlight()).toBe(2);
    expect(paced.acceptedIds().size).toBe(15);
    // 15 requests at 5/s (one token to start with): at least ~2.8 s from first to last.
    const times = paced.requests.map((x) => x.at);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(2600);
    expect((await h.ok(t, 'GET', `/api/v1/webhooks/${narrow.id}`)).maxConcurrency).toBe(2);
  });

  it('retries a delivery by hand (409 while queued) and replays a range as a job with progress', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t);
    const from = new Date(Date.now() - 1000).toISOString();
    for (let i = 0; i < 5; i++) await h.newCustomer(t);
    await until(
      () => r.acceptedIds(),
      (ids) => ids.size >= 5,
    );
    const first = r.requests[0]!.webhookId;
    await until(
      () => h.ok(t, 'GET', `/api/v1/deliveries/${first}`),
      (d) => d.status === 'succeeded',
    );
    // Paused, so the re-queued delivery stays pending and a second retry finds it queued.
    await h.ok(t, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { enabled: false });
    const retried = await h.call(t, 'POST', `/api/v1/deliveries/${first}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.data).toMatchObject({ id: first, status: 'pending' });
    expect((await h.call(t, 'POST', `/api/v1/deliveries/${first}/retry`)).status).toBe(409);
    await h.ok(t, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { enabled: true });
    await until(
      () => r.requests.filter((x) => x.webhookId === first),
      (rs) => rs.length >= 2,
    );

    const listed = await h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}/deliveries?status=succeeded`);
    expect(listed.length).toBeGreaterThanOrEqual(4);
    await until(
      () => h.ok(t, 'GET', `/api/v1/deliveries/${first}`),
      (d) => d.status === 'succeeded',
    );
    const before = r.requests.length;
    const job = await h.call(t, 'POST', `/api/v1/webhooks/${endpoint.id}/replay`, { scope: 'all', from, to: new Date().toISOString() });
    expect(job.status).toBe(202);
    const done = await until(
      () => h.ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}/replays/${job.body.data.id}`),
      (j) => j.status === 'completed',
    );
    expect(done.progress).toEqual({ total: 5, processed: 5 });
    const again = await until(
      () => r.requests.slice(before),
      (rs) => rs.length >= 5,
    );
    expect(new Set(again.map((x) => x.webhookId))).toEqual(new Set(r.requests.slice(0, 5).map((x) => x.webhookId)));
    expect(again.every((x) => x.verifiedWith[0])).toBe(true);
  });
});
