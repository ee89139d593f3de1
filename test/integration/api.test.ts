import type { Knex } from 'knex';
import http from 'node:http';
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
    expect(Object.keys(doc.body.paths['/api/v1/imports'].post.requestBody.content).sort()).toEqual([
      'application/json',
      'application/x-ndjson',
      'multipart/form-data',
      'text/csv',
    ]);
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

  it('answers a method a known path does not serve with 405 and Allow, and an unknown path with 404 whatever the method', async () => {
    // fetch refuses TRACE, so these go through node:http.
    const send = (method: string, path: string) =>
      new Promise<{ status: number; headers: Headers; body: any }>((resolve, reject) => {
        const req = http.request(`${server.url}${path}`, { method, headers: { Authorization: `Bearer ${key}` } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: new Headers(res.headers as Record<string, string>), body: text ? JSON.parse(text) : undefined }),
          );
        });
        req.on('error', reject);
        req.end();
      });
    for (const method of ['TRACE', 'PATCH', 'PUT', 'DELETE', 'PROPFIND']) {
      const res = await send(method, '/api/v1/tenant/summary');
      expect({ method, status: res.status, code: res.body.error.code }).toEqual({ method, status: 405, code: 'method_not_allowed' });
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    }
    expect((await send('TRACE', '/healthz')).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    // A fixed path is its own resource even where a parameter route's pattern fits its text (PUT /customers/:id).
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await send(method, '/api/v1/customers/analytics');
      expect({ method, status: res.status, allow: res.headers.get('allow') }).toEqual({ method, status: 405, allow: 'GET, HEAD, OPTIONS' });
    }
    expect((await send('OPTIONS', '/api/v1/customers/search')).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await send('TRACE', '/api/v1/customers')).headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect((await server.request(`/api/v1/customers/${crypto.randomUUID()}`, { method: 'POST', key })).headers.get('allow')).toBe(
      'GET, HEAD, PUT, PATCH, DELETE, OPTIONS',
    );
    for (const method of ['TRACE', 'GET', 'POST', 'OPTIONS']) {
      expect({ method, ...(await send(method, '/api/v1/nothing-here')) }).toMatchObject({ method, status: 404, body: { error: { code: 'not_found' } } });
    }
  });

  it('keeps HEAD on GET routes, OPTIONS (204 with Allow) and CORS preflights', async () => {
    const head = await fetch(`${server.url}/api/v1/tenant`, { method: 'HEAD', headers: { Authorization: `Bearer ${key}` } });
    expect(head.status).toBe(200);
    const options = await server.request('/api/v1/customers', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    const preflight = await server.request('/api/v1/customers', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('refuses JSON with a __proto__ key anywhere, unparsable, not UTF-8 or nested too deep with 400 invalid_json', async () => {
    const post = (body: string | Buffer) =>
      fetch(`${server.url}/api/v1/api-keys`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body }).then(
        async (r) => ({ status: r.status, body: await r.json() }),
      );
    for (const body of [
      '{"__proto__": true}',
      '{"name": "k", "x": {"y": {"__proto__": {"admin": true}}}}',
      '[1, {"__proto__": {}}]',
      '{"name": "k", "\\u005f_proto__": 1}',
    ]) {
      expect({ sent: body, ...(await post(body)) }).toMatchObject({
        sent: body,
        status: 400,
        body: { error: { code: 'invalid_json', message: expect.stringContaining('__proto__') } },
      });
    }
    expect(await post('"a string"')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await post(`{"name": ${'['.repeat(65)}${']'.repeat(65)}}`)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_json', message: expect.stringContaining('64 levels') } },
    });
    // 10,000 levels fit in the 2 kb limit only as arrays of nothing; the 1 mb default is tried in hostileInputs.
    expect(await post(Buffer.concat([Buffer.from('{"name": "a'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]))).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_json', message: expect.stringContaining('UTF-8') } },
    });
    expect((await post('{"name": "caf\u00e9 ☕", "role": "readonly"}')).status).toBe(201);
  });

  it('refuses NUL, lone surrogates and numbers beyond double precision before any query, naming the field', async () => {
    const before = await db('customers').count<{ count: number }[]>('* as count');
    const search = await server.request('/api/v1/customers/search?q=%00ab', { key });
    expect(search).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', details: [{ location: 'query', path: 'q', message: expect.stringContaining('NUL') }] } },
    });
    expect(await server.request('/api/v1/customers/search?q=%FFab', { key })).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', details: [{ location: 'query', message: 'must be percent-encoded UTF-8' }] } },
    });
    expect(await server.request('/api/v1/messaging/unsubscribe/abc%00defghijk', { method: 'POST' })).toMatchObject({
      status: 400,
      body: { error: { details: [{ location: 'params', path: 'token' }] } },
    });
    const nul = await server.request('/api/v1/customers', { method: 'POST', key, body: { firstName: 'a\u0000b' } });
    expect(nul).toMatchObject({
      status: 422,
      body: { error: { code: 'validation_failed', details: [{ location: 'body', path: 'firstName', message: expect.stringContaining('NUL') }] } },
    });
    const nested = await server.request('/api/v1/customers', {
      method: 'POST',
      key,
      body: '{"firstName": "Ada", "tags": ["ok", "\\ud800"], "customFields": {"a\\u0000": "x"}}',
    });
    expect(nested.status).toBe(422);
    expect(nested.body.error.details).toEqual(
      expect.arrayContaining([
        { location: 'body', path: 'tags.1', message: expect.stringContaining('surrogate') },
        { location: 'body', path: 'customFields.a\\u0000', message: expect.stringContaining('field name') },
      ]),
    );
    const huge = await server.request('/api/v1/customers', {
      method: 'POST',
      key,
      body: '{"firstName": "Ada", "address": {"coordinates": {"latitude": 1e400, "longitude": -1e309}}}',
    });
    expect(huge).toMatchObject({
      status: 422,
      body: {
        error: { details: [{ path: 'address.coordinates.latitude', message: expect.stringContaining('finite') }, { path: 'address.coordinates.longitude' }] },
      },
    });
    expect(await db('customers').count<{ count: number }[]>('* as count')).toEqual(before);
  });

  it('rejects malformed JSON with 400, an oversized body with 413 and a wrong content type with 415', async () => {
    expect(await server.request('/api/v1/api-keys', { method: 'POST', key, body: '{"name":' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_json' } },
    });
    expect(await server.request('/api/v1/api-keys', { method: 'POST', key, body: { name: 'x'.repeat(5000) } })).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    });
    expect(await server.request('/api/v1/api-keys', { method: 'POST', key, body: 'name=x', headers: { 'Content-Type': 'text/plain' } })).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    });
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
    expect(await server.request('/api/v1/api-keys/not-a-uuid', { method: 'DELETE', key })).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request' } },
    });
  });
});
