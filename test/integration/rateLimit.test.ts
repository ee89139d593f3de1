import { SignJWT } from 'jose';
import type { Knex } from 'knex';
import { createUser } from '../../domain/users/provisioning';
import { CookieJar } from '../support/cookieJar';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const JWT_SECRET = 'rate-limit-secret-that-is-long-enough-1234567890';

/** Rate limits per key and per IP, answered with 429, Retry-After and X-RateLimit-* headers. */
describe.each(['memory', 'postgres'])('rate limits (%s store)', (store) => {
  let server: TestServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({
      RATE_LIMIT_STORE: store,
      RATE_LIMIT_GENERAL_PER_MINUTE: '3',
      RATE_LIMIT_SESSION_PER_MINUTE: '6',
      RATE_LIMIT_IP_PER_MINUTE: '1000',
      JWT_SECRET,
    });
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

  it('gives a console session its own, larger budget than a key', async () => {
    const tenant = await buildTenant(db);
    const email = `limits-${tenant.tenantId.slice(0, 8)}-${store}@example.com`;
    await createUser(db, { email, password: 'correct horse battery staple', tenantId: tenant.tenantId, role: 'member' });
    const jar = new CookieJar();
    const login = await fetch(server.url + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    });
    expect(login.status).toBe(200);
    jar.take(login.headers);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await server.request('/api/v1/tenant', { headers: jar.header() })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it('keeps a JWT (a machine credential, though its actor is a user) on the key budget, not the session one', async () => {
    const tenant = await buildTenant(db);
    const token = await new SignJWT({ tenant: tenant.tenantId, role: 'member', sub: `jwt-${store}` })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await server.request('/api/v1/tenant', { key: token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
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

/**
 * X-Forwarded-For decides the per-IP budget only when it comes from a proxy TRUST_PROXY names:
 * the test client connects from 127.0.0.1, so it is the proxy when that address is trusted and
 * an ordinary client otherwise.
 */
describe('rate limits per IP behind proxies (TRUST_PROXY)', () => {
  const anonymous = (server: TestServer, forwardedFor: string) => server.request('/api/v1/tenant', { headers: { 'X-Forwarded-For': forwardedFor } });
  const statuses = async (server: TestServer, forwarded: string[]) => {
    const out = [];
    for (const f of forwarded) out.push((await anonymous(server, f)).status);
    return out;
  };

  it.each([['127.0.0.1'], ['loopback'], ['10.0.0.0/8,127.0.0.0/8'], ['1']])(
    'limits each forwarded client apart when the proxy is trusted (TRUST_PROXY=%s)',
    async (trust) => {
      const server = await startTestServer({ RATE_LIMIT_IP_PER_MINUTE: '2', TRUST_PROXY: trust });
      try {
        // A client cannot add entries to the left of what the proxy appends and get a new budget.
        expect(await statuses(server, ['203.0.113.7', 'forged, 203.0.113.7', '198.51.100.1, 203.0.113.7'])).toEqual([401, 401, 429]);
        expect(await statuses(server, ['203.0.113.8', '203.0.113.8'])).toEqual([401, 401]);
        expect((await anonymous(server, '203.0.113.8')).status).toBe(429);
      } finally {
        await server.close();
      }
    },
  );

  it.each([[undefined], ['false'], ['10.0.0.0/8']])('ignores X-Forwarded-For from a client that is not a trusted proxy (TRUST_PROXY=%s)', async (trust) => {
    const server = await startTestServer({ RATE_LIMIT_IP_PER_MINUTE: '2', ...(trust === undefined ? {} : { TRUST_PROXY: trust }) });
    try {
      expect(await statuses(server, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([401, 401, 429]);
    } finally {
      await server.close();
    }
  });

  it('records the forwarded client in the audit log behind a trusted proxy, and the peer otherwise', async () => {
    const db = testDb();
    const trusted = await startTestServer({ TRUST_PROXY: 'loopback', RATE_LIMIT_GENERAL_PER_MINUTE: '1000' });
    const direct = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000' });
    try {
      const t = await buildTenant(db);
      for (const [server, name] of [
        [trusted, 'via proxy'],
        [direct, 'direct'],
      ] as const) {
        const res = await server.request('/api/v1/api-keys', {
          method: 'POST',
          key: t.adminKey,
          body: { name, role: 'readonly' },
          headers: { 'X-Forwarded-For': '203.0.113.9' },
        });
        expect(res.status).toBe(201);
      }
      const ips = await db('audit_log').where({ tenant_id: t.tenantId, action: 'api_key.created' }).orderBy('created_at').pluck('ip');
      expect(ips[0]).toBe('203.0.113.9');
      expect(ips[1]).toMatch(/127\.0\.0\.1$/);
    } finally {
      await trusted.close();
      await direct.close();
      await db.destroy();
    }
  });
});
