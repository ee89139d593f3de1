import type { Knex } from 'knex';
import { SignJWT } from 'jose';
import { hashApiKey } from '../../lib/ids';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';
import { until } from '../support/until';

const JWT_SECRET = 'test-secret-that-is-long-enough-1234567890';

const sign = (claims: Record<string, unknown>, secret = JWT_SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(secret));

/** Credentials: API keys (hashed, shown once, revocable), JWTs, roles and tenant isolation. */
describe('authentication and roles', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: { tenantId: string; adminKey: string };
  let other: { tenantId: string; adminKey: string };

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ JWT_SECRET });
    tenant = await buildTenant(db, 'Auth tenant');
    other = await buildTenant(db, 'Other tenant');
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('answers 401 JSON without a credential, with a wrong key and with a malformed header', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: 'Bearer hk_wrong' },
      { Authorization: 'Basic abc' },
      { Authorization: `Bearer ${tenant.adminKey}x` },
    ]) {
      const res = await server.request('/api/v1/tenant', { headers });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('authenticates an admin key and takes the tenant from it', async () => {
    const res = await server.request('/api/v1/tenant', { key: tenant.adminKey });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: tenant.tenantId, name: 'Auth tenant', principal: { role: 'admin', actorType: 'api_key' } });
  });

  it('stores only the hash, shows the key once, and records last use', async () => {
    const created = await server.request('/api/v1/api-keys', { method: 'POST', key: tenant.adminKey, body: { name: 'CI', role: 'readonly' } });
    expect(created.status).toBe(201);
    const secret: string = created.body.data.key;
    expect(secret).toMatch(/^hk_/);
    const row = await db('api_keys').where({ id: created.body.data.id }).first();
    expect(row.key_hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.last_used_at).toBeNull();

    const list = await server.request('/api/v1/api-keys', { key: tenant.adminKey });
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.data.find((k: { id: string }) => k.id === created.body.data.id)).toMatchObject({ prefix: secret.slice(0, 11), role: 'readonly' });

    expect((await server.request('/api/v1/tenant', { key: secret })).status).toBe(200);
    // last_used_at is written after the answer, off the request's path: wait for it.
    await until(
      async () => (await db('api_keys').where({ id: created.body.data.id }).first()).last_used_at,
      (at) => at !== null,
      { timeoutMs: 5000, label: "the key's last_used_at to be recorded" },
    );
  });

  it('answers 403 when the role is not allowed', async () => {
    const readonly = await server.request('/api/v1/api-keys', { method: 'POST', key: tenant.adminKey, body: { name: 'ro', role: 'readonly' } });
    const res = await server.request('/api/v1/api-keys', { method: 'POST', key: readonly.body.data.key, body: { name: 'escalate', role: 'admin' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await db('api_keys').where({ name: 'escalate' }).first()).toBeUndefined();
  });

  it('stops accepting a key the moment it is revoked, and audits it', async () => {
    const created = await server.request('/api/v1/api-keys', { method: 'POST', key: tenant.adminKey, body: { name: 'temp', role: 'member' } });
    const revoked = await server.request(`/api/v1/api-keys/${created.body.data.id}`, { method: 'DELETE', key: tenant.adminKey });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revokedAt).not.toBeNull();
    expect((await server.request('/api/v1/tenant', { key: created.body.data.key })).status).toBe(401);
    const audit = await db('audit_log').where({ tenant_id: tenant.tenantId, subject_id: created.body.data.id }).orderBy('id');
    expect(audit.map((a) => a.action)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('refuses expired keys', async () => {
    const created = await server.request('/api/v1/api-keys', {
      method: 'POST',
      key: tenant.adminKey,
      body: { name: 'short-lived', role: 'member', expiresAt: new Date(Date.now() + 1500).toISOString() },
    });
    expect((await server.request('/api/v1/tenant', { key: created.body.data.key })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1700));
    expect((await server.request('/api/v1/tenant', { key: created.body.data.key })).status).toBe(401);
  });

  it("keeps tenants apart: no listing or revoking another tenant's keys", async () => {
    const mine = await server.request('/api/v1/api-keys', { key: other.adminKey });
    const theirIds = (await db('api_keys').where({ tenant_id: tenant.tenantId }).select('id')).map((r) => r.id);
    expect(mine.body.data.some((k: { id: string }) => theirIds.includes(k.id))).toBe(false);
    const attempt = await server.request(`/api/v1/api-keys/${theirIds[0]}`, { method: 'DELETE', key: other.adminKey });
    expect(attempt.status).toBe(404);
    expect((await db('api_keys').where({ id: theirIds[0] }).first()).revoked_at).toBeNull();
  });

  it('accepts HS256 JWTs with tenant, role and sub claims, and rejects bad ones', async () => {
    const good = await sign({ tenant: tenant.tenantId, role: 'member', sub: 'user-42' });
    const res = await server.request('/api/v1/tenant', { key: good });
    expect(res.status).toBe(200);
    expect(res.body.data.principal).toMatchObject({ role: 'member', actorType: 'user', actorId: 'user-42' });
    expect((await server.request('/api/v1/api-keys', { key: good })).status).toBe(403);

    const wrongSecret = await sign({ tenant: tenant.tenantId, role: 'admin', sub: 'x' }, 'another-secret-that-is-long-enough-123456');
    const badRole = await sign({ tenant: tenant.tenantId, role: 'root', sub: 'x' });
    const noTenant = await sign({ role: 'admin', sub: 'x' });
    for (const token of [wrongSecret, badRole, noTenant, 'not.a.jwt']) {
      expect((await server.request('/api/v1/tenant', { key: token })).status).toBe(401);
    }
  });

  it('refuses an expired JWT with 401 unauthorized, reads and writes alike, while the same claims unexpired pass', async () => {
    const claims = { tenant: tenant.tenantId, role: 'admin', sub: 'user-exp' };
    const now = Math.floor(Date.now() / 1000);
    const signed = (exp: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt(now - 600)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(JWT_SECRET));
    expect((await server.request('/api/v1/tenant', { key: await signed(now + 60) })).status).toBe(200);
    // Expired two seconds ago: no clock tolerance lets it through.
    const expired = await signed(now - 2);
    const read = await server.request('/api/v1/tenant', { key: expired });
    expect(read.status).toBe(401);
    expect(read.body).toEqual({ error: { code: 'unauthorized', message: 'The API key or token is invalid, expired or revoked' } });
    expect(read.headers.get('www-authenticate')).toBe('Bearer');
    const write = await server.request('/api/v1/customers', { method: 'POST', key: expired, body: { firstName: 'Expired', lastName: 'Token' } });
    expect(write.status).toBe(401);
    expect(write.body.error.code).toBe('unauthorized');
    expect(await db('customers').where({ tenant_id: tenant.tenantId, first_name: 'Expired' }).first()).toBeUndefined();
  });
});
