import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Seed 003's webhook example (`https://your-app.com/webhook`) on a machine where the host has no
 * DNS answer: Herald refuses the URL when the endpoint is created or its URL changed (fail fast),
 * with a 422 that says which check failed — the host does not resolve, or it is / resolves to a
 * private or reserved address — without the addresses it resolved to or Herald's settings. The
 * server runs with an empty allow-list, as production does, so `localhost` counts as private.
 */
describe('webhook URL checks at create and PATCH', () => {
  let server: TestServer;
  let db: Knex;
  let key: string;
  let tenantId: string;
  const call = (method: string, url: string, body?: unknown) => server.request(url, { method, key, body });
  const urlProblem = (res: { status: number; body: any }) => {
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    const url = res.body.error.details.find((d: { path: string }) => d.path === 'url');
    expect(url).toBeDefined();
    return url.message as string;
  };

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ WEBHOOK_ALLOWED_HOSTS: '' });
    ({ adminKey: key, tenantId } = await buildTenant(db));
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('refuses a host without a DNS answer with "does not resolve" and stores nothing', async () => {
    // .invalid never resolves (RFC 6761), like the seed's placeholder host on a machine without it.
    const message = urlProblem(
      await call('POST', '/api/v1/webhooks', { url: 'https://your-app.invalid/webhook', events: ['customer.created'], secret: 'your_webhook_secret' }),
    );
    expect(message).toMatch(/^host your-app\.invalid does not resolve/);
    expect(message).not.toMatch(/private/);
    expect(await db('webhook_endpoints').where({ tenant_id: tenantId })).toEqual([]);
  });

  it('refuses private and reserved addresses, literal or resolved, without naming the addresses', async () => {
    for (const url of ['https://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x']) {
      const message = urlProblem(await call('POST', '/api/v1/webhooks', { url, events: ['*'] }));
      expect(message).toMatch(/private or reserved address/);
      expect(message).not.toMatch(/resolve\b|WEBHOOK_|10\.1\.2\.3|169\.254/);
    }
    const resolved = urlProblem(await call('POST', '/api/v1/webhooks', { url: 'http://localhost:9/x', events: ['*'] }));
    expect(resolved).toMatch(/^host localhost resolves to a private or reserved address/);
    expect(resolved).not.toMatch(/127\.0\.0\.1|::1|WEBHOOK_/);
    expect(await db('webhook_endpoints').where({ tenant_id: tenantId })).toEqual([]);
  });

  it('applies the same checks to a PATCH of the URL and leaves the endpoint unchanged', async () => {
    const created = await call('POST', '/api/v1/webhooks', { url: 'https://93.184.215.14/hook', events: ['*'], enabled: false });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(urlProblem(await call('PATCH', `/api/v1/webhooks/${id}`, { url: 'https://your-app.invalid/webhook' }))).toMatch(/does not resolve/);
    expect(urlProblem(await call('PATCH', `/api/v1/webhooks/${id}`, { url: 'https://192.168.1.20/hook' }))).toMatch(/private or reserved address/);
    expect((await call('GET', `/api/v1/webhooks/${id}`)).body.data.url).toBe('https://93.184.215.14/hook');
  });

  it('documents both refusals on the url field and on POST and PATCH /webhooks', async () => {
    const doc = (await server.request('/api/v1/openapi.json')).body;
    for (const op of [doc.paths['/api/v1/webhooks'].post, doc.paths['/api/v1/webhooks/{id}'].patch]) {
      expect(op.description).toMatch(/does not resolve/);
      expect(op.description).toMatch(/private or reserved address/);
      expect(op.responses['422'].description).toMatch(/does not resolve/);
    }
    expect(doc.components.schemas.CreateWebhook.properties.url.description).toMatch(/does not resolve.*private or reserved address/s);
    expect(doc.components.schemas.UpdateWebhook.properties.url.description).toMatch(/does not resolve/);
  });
});
