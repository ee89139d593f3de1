import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** The API skeleton against real Postgres and Temporal: probes, docs and the one error shape. */
describe('API skeleton', () => {
  let server: TestServer;
  let db: Knex;
  let key: string;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ BODY_LIMIT: '2kb' });
    key = (await buildTenant(db)).adminKey;
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('answers /healthz and /readyz with both dependencies up', async () => {
    expect(await server.request('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await server.request('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', checks: { postgres: 'up', temporal: 'up' } } });
  });

  it('gives every response a request id, echoing a sane incoming one', async () => {
    const own = await server.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(own.headers.get('x-request-id')).toBe('abc-123');
    const bad = await server.request('/healthz', { headers: { 'X-Request-Id': 'x'.repeat(500) } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await server.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    const doc = await server.request('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/tenant', '/api/v1/api-keys', '/api/v1/api-keys/{id}']));
    expect(doc.body.paths['/api/v1/api-keys'].post.requestBody.content['application/json'].schema).toBeDefined();
    // Streamed uploads are described per content type even though the handler parses them itself.
    expect(Object.keys(doc.body.paths['/api/v1/imports'].post.requestBody.content).sort()).toEqual(['application/json', 'application/x-ndjson', 'multipart/form-data', 'text/csv']);
    expect(doc.body.components.schemas.Error).toBeDefined();
    const page = await server.request('/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui');
    expect(page.body).toContain('href="/api/v1/openapi.json"');
    expect(page.body).toContain('@herald/sdk');
    const asset = await fetch(`${server.url}/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100000);
  });

  it('answers unknown routes and methods in the error shape', async () => {
    expect(await server.request('/api/v1/nothing-here', { key })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await server.request('/api/v1/tenant', { method: 'PUT', key })).toMatchObject({ status: 405, body: { error: { code: 'method_not_allowed' } } });
  });

  it('rejects malformed JSON with 400, an oversized body with 413 and a wrong content type with 415', async () => {
    expect(await server.request('/api/v1/api-keys', { method: 'POST', key, body: '{"name":' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await server.request('/api/v1/api-keys', { method: 'POST', key, body: { name: 'x'.repeat(5000) } })).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    expect(await server.request('/api/v1/api-keys', { method: 'POST', key, body: 'name=x', headers: { 'Content-Type': 'text/plain' } })).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
  });

  it('answers validation failures with 422 and the failing fields, writing nothing', async () => {
    const before = await db('api_keys').count<{ count: number }[]>('* as count');
    const res = await server.request('/api/v1/api-keys', { method: 'POST', key, body: { name: '', role: 'emperor', extra: 1 } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'role']));
    const after = await db('api_keys').count<{ count: number }[]>('* as count');
    expect(after[0]!.count).toBe(before[0]!.count);
  });

  it('answers a bad path parameter with 400, not a database error', async () => {
    expect(await server.request('/api/v1/api-keys/not-a-uuid', { method: 'DELETE', key })).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
  });
});
