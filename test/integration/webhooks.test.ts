import { buildTenant } from '../support/factories';
import { webhookHarness, type Tenant } from '../support/webhookHarness';
import { until } from '../support/webhookReceiver';

/**
 * Webhook endpoints through the real API, delivered by Herald's real worker (relay + per-endpoint
 * dispatchers on Temporal) to real HTTP receivers that verify every request with the
 * `standardwebhooks` library. Covers the endpoint contract (seed 003's body, validation, the SSRF
 * guard, secrets never read back, tenant isolation), the delivery format and signatures, the
 * event filter, test events and secret rotation.
 */

describe('webhook endpoints and delivery', () => {
  const h = webhookHarness();
  const { call, ok } = {
    call: (t: Tenant, m: string, u: string, b?: unknown) => h.call(t, m, u, b),
    ok: (t: Tenant, m: string, u: string, b?: unknown) => h.ok(t, m, u, b),
  };
  const receiver = () => h.receiver();
  const endpointWithReceiver = (t: Tenant, body: Record<string, unknown> = {}) => h.endpointWithReceiver(t, body);
  const newCustomer = (t: Tenant) => h.newCustomer(t);

  it('lists the event catalogue', async () => {
    const t = await buildTenant(h.db);
    const types = ((await ok(t, 'GET', '/api/v1/webhooks/event-types')) as Array<{ type: string }>).map((e) => e.type);
    for (const type of [
      'customer.created',
      'order.created',
      'segment.entered',
      'segment.exited',
      'import.completed',
      'import.failed',
      'campaign.scheduled',
      'campaign.completed',
      'campaign.sent',
      'endpoint.disabled',
      'webhook.test',
    ]) {
      expect(types).toContain(type);
    }
  });

  it("accepts seed 003's body as written, signs with its secret, and never shows the secret again", async () => {
    const t = await buildTenant(h.db);
    const r = await receiver();
    r.setSecrets([{ secret: 'your_webhook_secret', raw: true }]);
    const res = await call(t, 'POST', '/api/v1/webhooks', { url: r.url, events: ['customer.created', 'order.created'], secret: 'your_webhook_secret' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ url: r.url, events: ['customer.created', 'order.created'], enabled: true, secret: 'your_webhook_secret' });
    const id = res.body.data.id;
    const fetched = await call(t, 'GET', `/api/v1/webhooks/${id}`);
    expect(fetched.body.data.secret).toBeUndefined();
    expect(JSON.stringify((await call(t, 'GET', '/api/v1/webhooks')).body)).not.toContain('your_webhook_secret');
    const stored = await h.db('webhook_endpoints').where({ id }).first();
    expect(stored.secret_ciphertext).not.toContain('your_webhook_secret');

    const customerId = await newCustomer(t);
    const got = await until(
      () => r.requests,
      (rs) => rs.length >= 1,
    );
    expect(got).toHaveLength(1);
    expect(got[0]!.verifiedWith).toEqual([true]);
    expect(got[0]!.payload).toMatchObject({ type: 'customer.created', data: { customer: expect.objectContaining({ id: customerId }) } });
    expect(Number.isNaN(Date.parse(got[0]!.payload.timestamp))).toBe(false);
    const deliveryId = got[0]!.webhookId;
    const detail = await until(
      () => ok(t, 'GET', `/api/v1/deliveries/${deliveryId}`),
      (d) => d.status === 'succeeded',
    );
    expect(detail).toMatchObject({ id: deliveryId, endpointId: id, eventType: 'customer.created', status: 'succeeded', attempts: 1 });
    expect(detail.attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, error: null })]);
  });

  it('lists deliveries by status, type and time, and changes endpoints through the same checks', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await endpointWithReceiver(t);
    const before = new Date(Date.now() - 1000).toISOString();
    await newCustomer(t);
    await newCustomer(t);
    await until(
      () => r.acceptedIds(),
      (ids) => ids.size >= 2,
    );
    await until(
      () => ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}/deliveries?status=succeeded`),
      (d) => d.length === 2,
    );
    const list = (q: string) => call(t, 'GET', `/api/v1/webhooks/${endpoint.id}/deliveries${q}`);
    expect((await list(`?from=${encodeURIComponent(before)}&eventType=customer.created`)).body.data).toHaveLength(2);
    expect((await list(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.data).toEqual([]);
    expect((await list('?status=failed')).body.data).toEqual([]);
    expect((await list('?status=lost')).status).toBe(400);
    // The event filter is an enum of the document; the URL's address is checked by the SSRF guard after it.
    const badEvents = await call(t, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { url: 'http://10.0.0.1/hook', events: ['nope.*'] });
    expect(badEvents.status).toBe(422);
    expect(badEvents.body.error.details.map((d: { path: string }) => d.path)).toEqual(['events.0']);
    const bad = await call(t, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { url: 'http://10.0.0.1/hook', events: ['order.*'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['url']);
    expect((await ok(t, 'GET', `/api/v1/webhooks/${endpoint.id}`)).url).toBe(r.url);
    const changed = await ok(t, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { events: ['order.*'], rateLimit: 10, description: 'orders only' });
    expect(changed).toMatchObject({ events: ['order.*'], rateLimit: 10, description: 'orders only' });
    expect((await call(t, 'DELETE', `/api/v1/webhooks/${endpoint.id}`)).status).toBe(204);
    expect((await call(t, 'GET', `/api/v1/webhooks/${endpoint.id}`)).status).toBe(404);
    expect(await h.db('webhook_deliveries').where({ endpoint_id: endpoint.id })).toEqual([]);
  });

  it('generates a whsec_ secret when none is given', async () => {
    const t = await buildTenant(h.db);
    const { endpoint } = await endpointWithReceiver(t);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  });

  it('refuses bad input with 422 per field and creates nothing', async () => {
    const t = await buildTenant(h.db);
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await call(t, 'POST', '/api/v1/webhooks', body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    };
    await bad({ url: 'http://127.0.0.1:9/x', events: ['customer.nope'] }, 'events.0');
    await bad({ url: 'http://127.0.0.1:9/x', events: ['*'], secret: 'short' }, 'secret');
    await bad({ url: 'http://127.0.0.1:9/x', events: ['*'], secret: 'whsec_not base64!' }, 'secret');
    await bad({ url: 'http://10.1.2.3/x', events: ['*'] }, 'url');
    await bad({ url: 'http://169.254.169.254/latest/meta-data', events: ['*'] }, 'url');
    await bad({ url: 'http://[::ffff:192.168.1.1]/x', events: ['*'] }, 'url');
    await bad({ url: 'ftp://example.com/x', events: ['*'] }, 'url');
    await bad({ url: 'http://127.0.0.1:9/x', events: ['*'], headers: { 'webhook-signature': 'x' } }, 'headers.webhook-signature');
    await bad({ url: 'http://127.0.0.1:9/x', events: ['*'], surprise: 1 }, 'surprise');
    expect(await h.db('webhook_endpoints').where({ tenant_id: t.tenantId }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it("keeps tenants apart: no reads of another tenant's endpoint, no deliveries of its events", async () => {
    const a = await buildTenant(h.db);
    const b = await buildTenant(h.db);
    const { r: ra, endpoint } = await endpointWithReceiver(a);
    const { r: rb } = await endpointWithReceiver(b);
    expect((await call(b, 'GET', `/api/v1/webhooks/${endpoint.id}`)).status).toBe(404);
    expect((await call(b, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { enabled: false })).status).toBe(404);
    expect((await call(b, 'GET', `/api/v1/webhooks/${endpoint.id}/deliveries`)).status).toBe(404);
    const customerId = await newCustomer(a);
    await until(
      () => ra.requests,
      (rs) => rs.length >= 1,
    );
    expect((await call(b, 'GET', `/api/v1/deliveries/${ra.requests[0]!.webhookId}`)).status).toBe(404);
    await newCustomer(b);
    await until(
      () => rb.requests,
      (rs) => rs.length >= 1,
    );
    expect(rb.requests.map((x) => x.payload.data.customer.id)).not.toContain(customerId);
    expect(ra.requests).toHaveLength(1);
  });

  it('applies the event filter and sends test events to one endpoint only', async () => {
    const t = await buildTenant(h.db);
    const { r: orders, endpoint } = await endpointWithReceiver(t, { events: ['order.created'] });
    const { r: all } = await endpointWithReceiver(t, { events: ['*'] });
    await newCustomer(t);
    await until(
      () => all.requests,
      (rs) => rs.length >= 1,
    );
    const test = await call(t, 'POST', `/api/v1/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    const got = await until(
      () => orders.requests,
      (rs) => rs.length >= 1,
    );
    expect(got.map((x) => x.payload.type)).toEqual(['webhook.test']);
    expect(got[0]!.webhookId).toBe(test.body.data.id);
    expect(got[0]!.verifiedWith).toEqual([true]);
    await new Promise((res) => setTimeout(res, 500));
    expect(all.requests.map((x) => x.payload.type)).toEqual(['customer.created']);
  });

  it('delivers tracked customer events only to endpoints that name customer.event, never through * or customer.*', async () => {
    const t = await buildTenant(h.db);
    const { r: all } = await endpointWithReceiver(t, { events: ['*'] });
    const { r: family } = await endpointWithReceiver(t, { events: ['customer.*'] });
    const { r: tracked } = await endpointWithReceiver(t, { events: ['customer.event'] });
    const { r: both } = await endpointWithReceiver(t, { events: ['*', 'customer.event'] });
    const res = await call(t, 'POST', '/api/v1/track', { userId: 'hooked', event: 'Viewed Product', properties: { sku: 'A1' } });
    expect(res.status).toBe(200);
    await until(
      () => both.requests,
      (rs) => rs.length >= 2,
    );
    const got = await until(
      () => tracked.requests,
      (rs) => rs.length >= 1,
    );
    expect(got.map((x) => [x.payload.type, x.payload.data.eventId, x.payload.data.properties])).toEqual([['customer.event', res.body.data.id, { sku: 'A1' }]]);
    await until(
      () => family.requests,
      (rs) => rs.length >= 1,
    );
    await new Promise((done) => setTimeout(done, 500));
    expect(all.requests.map((x) => x.payload.type)).toEqual(['customer.created']);
    expect(family.requests.map((x) => x.payload.type)).toEqual(['customer.created']);
    expect(both.requests.map((x) => x.payload.type).sort()).toEqual(['customer.created', 'customer.event']);
  });

  it('signs with both secrets during a rotation; each verifies on its own', async () => {
    const t = await buildTenant(h.db);
    const { r, endpoint } = await endpointWithReceiver(t);
    const rotated = await ok(t, 'POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, {});
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(rotated.previousSecretExpiresAt).not.toBeNull();
    r.setSecrets([{ secret: endpoint.secret }, { secret: rotated.secret }]);
    await newCustomer(t);
    const got = await until(
      () => r.requests,
      (rs) => rs.length >= 1,
    );
    expect(got[0]!.signature.split(' ')).toHaveLength(2);
    expect(got[0]!.verifiedWith).toEqual([true, true]);
    // Once the grace period is over only the new secret signs. A running dispatcher re-reads its
    // endpoint's secrets every couple of seconds, so a customer is created (and its delivery
    // awaited) until one arrives signed once; from then on every delivery is signed once.
    await h
      .db('webhook_endpoints')
      .where({ id: endpoint.id })
      .update({ previous_secret_expires_at: h.db.raw("now() - interval '1 second'") });
    const deliveryOf = async (customerId: string) =>
      (
        await until(
          () => r.requests.filter((x) => x.payload?.data?.customer?.id === customerId),
          (rs) => rs.length >= 1,
          { label: `the delivery of customer ${customerId}` },
        )
      )[0]!;
    const signedOnce = await until(
      async () => deliveryOf(await newCustomer(t)),
      (x) => x.signature.split(' ').length === 1,
      { timeoutMs: 15_000, everyMs: 200, label: 'a delivery signed with the new secret only' },
    );
    expect(signedOnce.verifiedWith).toEqual([false, true]);
    const next = await deliveryOf(await newCustomer(t));
    expect(next.signature.split(' ')).toHaveLength(1);
    expect(next.verifiedWith).toEqual([false, true]);
  });
});
