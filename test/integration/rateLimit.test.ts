import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** Rate limits per key and per IP, answered with 429, Retry-After and X-RateLimit-* headers. */
describe.each(['memory', 'postgres'])('rate limits (%s store)', (store) => {
  let server: TestServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_STORE: store, RATE_LIMIT_GENERAL_PER_MINUTE: '3', RATE_LIMIT_IP_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('allows the budget, then answers 429 with the headers; another key is unaffected', async () => {
    const a = await buildTenant(db);
    const b = await buildTenant(db);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await server.request('/api/v1/tenant', { key: a.adminKey });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.body.error.code).toBe('rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('x-ratelimit-limit')).toBe('3');
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await server.request('/api/v1/tenant', { key: b.adminKey })).status).toBe(200);
  });

  it('never limits the health probes', async () => {
    for (let i = 0; i < 5; i++) expect((await server.request('/healthz')).status).toBe(200);
  });
});

describe('rate limits per IP', () => {
  it('limits anonymous callers by IP', async () => {
    const server = await startTestServer({ RATE_LIMIT_IP_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await server.request('/api/v1/tenant')).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await server.close();
    }
  });
});
