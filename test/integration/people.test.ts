import type { Knex } from 'knex';
import { userTokenFor } from '../../domain/users/secrets';
import { CookieJar } from '../support/cookieJar';
import { buildCustomer, buildTenant, testDb, uniqueSuffix } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The tenant's people as the console manages them (issue 20, second wave): a member list every
 * role reads, open invitations and revoking them, role changes, and renaming the tenant. All
 * through the real API on the run's database; invitations start their (unserved) mail workflow
 * on the real Temporal, and their links are rebuilt from the row id as the worker would.
 */
let server: TestServer;
let db: Knex;
let tenant: { tenantId: string; adminKey: string };
let other: { tenantId: string; adminKey: string };
const keys: Record<'member' | 'readonly' | 'customer', string> = { member: '', readonly: '', customer: '' };
const PASSWORD = 'people-test-password';

type Role = 'admin' | 'member' | 'readonly';

/** A person of a tenant made the way `herald users create` makes them; answers the user id. */
async function person(tenantId: string, role: Role, email = `p.${uniqueSuffix()}@people.example`) {
  const { userId } = await server.runtime.domain.users.accounts.createUser({ email, tenantId, role, password: PASSWORD });
  return { userId, email };
}

/** A signed-in browser of a person: cookie, CSRF token, JSON in and out. */
async function signIn(email: string) {
  const jar = new CookieJar();
  let csrf = '';
  const request = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { ...jar.header(), ...(csrf && init.method ? { 'X-CSRF-Token': csrf } : {}) };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(server.url + path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    jar.take(res.headers);
    const text = await res.text();
    const body = text ? (JSON.parse(text) as any) : undefined;
    if (body?.data?.csrfToken) csrf = body.data.csrfToken;
    return { status: res.status, body };
  };
  expect((await request('/api/v1/auth/login', { method: 'POST', body: { email, password: PASSWORD } })).status).toBe(200);
  return request;
}

const call = (key: string, method: string, path: string, body?: unknown) => server.request(path, { method, key, body });
const roleOf = async (tenantId: string, userId: string) => (await db('memberships').where({ tenant_id: tenantId, user_id: userId }).first('role'))?.role;
const auditOf = (tenantId: string, action: string) => db('audit_log').where({ tenant_id: tenantId, action }).orderBy('id');

beforeAll(async () => {
  db = testDb();
  server = await startTestServer();
  tenant = await buildTenant(db, 'People tenant');
  other = await buildTenant(db, 'Other people tenant');
  for (const role of ['member', 'readonly'] as const)
    keys[role] = (await call(tenant.adminKey, 'POST', '/api/v1/api-keys', { name: role, role })).body.data.key;
  const customerId = await buildCustomer(db, tenant.tenantId);
  keys.customer = (await call(tenant.adminKey, 'POST', '/api/v1/api-keys', { name: 'self', role: 'customer', customerId })).body.data.key;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

describe('GET /api/v1/users', () => {
  it("lists the tenant's people to every role, the sign-in fields to admins only, and nobody of another tenant", async () => {
    const admin = await person(tenant.tenantId, 'admin');
    const member = await person(tenant.tenantId, 'member');
    const stranger = await person(other.tenantId, 'admin');
    const asAdmin = await call(tenant.adminKey, 'GET', '/api/v1/users?limit=100');
    expect(asAdmin.status).toBe(200);
    const adminView = asAdmin.body.data.find((m: { id: string }) => m.id === admin.userId);
    expect(adminView).toEqual({ id: admin.userId, email: admin.email, role: 'admin', joinedAt: expect.any(String), lastLoginAt: null, hasPassword: true });

    for (const key of [keys.member, keys.readonly]) {
      const res = await call(key, 'GET', '/api/v1/users?limit=100');
      expect(res.status).toBe(200);
      const ids = res.body.data.map((m: { id: string }) => m.id);
      expect(ids).toEqual(expect.arrayContaining([admin.userId, member.userId]));
      expect(ids).not.toContain(stranger.userId);
      for (const m of res.body.data) expect(Object.keys(m).sort()).toEqual(['email', 'id', 'joinedAt', 'role']);
    }
    // A signed-in member reads it too (the console's inbox offers them as assignees).
    const browser = await signIn(member.email);
    const seen = await browser('/api/v1/users?limit=100');
    expect(seen.status).toBe(200);
    expect(seen.body.data.find((m: { id: string }) => m.id === admin.userId)).toEqual({
      id: admin.userId,
      email: admin.email,
      role: 'admin',
      joinedAt: expect.any(String),
    });
    expect(JSON.stringify((await call(other.adminKey, 'GET', '/api/v1/users?limit=100')).body)).not.toContain(admin.email);

    const customer = await call(keys.customer, 'GET', '/api/v1/users');
    expect(customer.status).toBe(403);
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it("changes a member's role, audit-logged, and the person's session acts with it at once", async () => {
    const member = await person(tenant.tenantId, 'member');
    const browser = await signIn(member.email);
    expect((await browser('/api/v1/auth/me')).body.data.role).toBe('member');

    const res = await call(tenant.adminKey, 'PATCH', `/api/v1/users/${member.userId}`, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: member.userId, email: member.email, role: 'readonly', lastLoginAt: expect.any(String), hasPassword: true });
    expect(await roleOf(tenant.tenantId, member.userId)).toBe('readonly');
    const audit = (await auditOf(tenant.tenantId, 'user.role_changed')).filter((r) => r.subject_id === member.userId);
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toEqual({ role: { from: 'member', to: 'readonly' } });

    expect((await browser('/api/v1/auth/me')).body.data.role).toBe('readonly');
    const write = await browser('/api/v1/segments', { method: 'POST', body: { name: `ro ${uniqueSuffix()}`, rules: { all: [] } } });
    expect(write.status).toBe(403);
    // The same role again changes nothing and logs nothing.
    expect((await call(tenant.adminKey, 'PATCH', `/api/v1/users/${member.userId}`, { role: 'readonly' })).status).toBe(200);
    expect((await auditOf(tenant.tenantId, 'user.role_changed')).filter((r) => r.subject_id === member.userId)).toHaveLength(1);
  });

  it("refuses non-admins (403), other tenants' people and unknown ids (404) and bad roles (422), changing nothing", async () => {
    const member = await person(tenant.tenantId, 'member');
    const stranger = await person(other.tenantId, 'member');
    const before = (await auditOf(tenant.tenantId, 'user.role_changed')).length;
    for (const key of [keys.member, keys.readonly, keys.customer]) {
      expect((await call(key, 'PATCH', `/api/v1/users/${member.userId}`, { role: 'admin' })).status).toBe(403);
    }
    const cross = await call(tenant.adminKey, 'PATCH', `/api/v1/users/${stranger.userId}`, { role: 'readonly' });
    expect(cross.status).toBe(404);
    expect(cross.body.error.code).toBe('not_found');
    expect(await roleOf(other.tenantId, stranger.userId)).toBe('member');
    expect(await roleOf(tenant.tenantId, stranger.userId)).toBeUndefined();
    expect((await call(tenant.adminKey, 'PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', { role: 'member' })).status).toBe(404);
    for (const body of [{ role: 'customer' }, { role: 'owner' }, {}, { role: 'member', email: 'x@y.zz' }]) {
      const res = await call(tenant.adminKey, 'PATCH', `/api/v1/users/${member.userId}`, body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await roleOf(tenant.tenantId, member.userId)).toBe('member');
    expect((await auditOf(tenant.tenantId, 'user.role_changed')).length).toBe(before);
  });

  it('answers 409 when the change would leave the tenant without an admin, and lets a second admin step down', async () => {
    const solo = await buildTenant(db, 'One admin tenant');
    const first = await person(solo.tenantId, 'admin');
    const refused = await call(solo.adminKey, 'PATCH', `/api/v1/users/${first.userId}`, { role: 'member' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(await roleOf(solo.tenantId, first.userId)).toBe('admin');
    expect(await auditOf(solo.tenantId, 'user.role_changed')).toHaveLength(0);

    const second = await person(solo.tenantId, 'member');
    expect((await call(solo.adminKey, 'PATCH', `/api/v1/users/${second.userId}`, { role: 'admin' })).status).toBe(200);
    // An admin may step down themselves once another admin exists; the last one may not.
    const self = await signIn(first.email);
    expect((await self(`/api/v1/users/${first.userId}`, { method: 'PATCH', body: { role: 'readonly' } })).status).toBe(200);
    expect((await call(solo.adminKey, 'PATCH', `/api/v1/users/${second.userId}`, { role: 'readonly' })).status).toBe(409);
    expect(await roleOf(solo.tenantId, second.userId)).toBe('admin');
    // Concurrent demotions of two admins: one wins, the other is refused; an admin remains.
    expect((await call(solo.adminKey, 'PATCH', `/api/v1/users/${first.userId}`, { role: 'admin' })).status).toBe(200);
    const race = await Promise.all([first, second].map((p) => call(solo.adminKey, 'PATCH', `/api/v1/users/${p.userId}`, { role: 'member' })));
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db('memberships').where({ tenant_id: solo.tenantId, role: 'admin' })).toHaveLength(1);
  });
});

describe('open invitations', () => {
  const invite = async (key: string, email: string, role: Role = 'member') => {
    const res = await call(key, 'POST', '/api/v1/users/invitations', { email, role });
    expect(res.status).toBe(202);
    return res.body.data.id as string;
  };
  const openIds = async (key: string) => ((await call(key, 'GET', '/api/v1/users/invitations?limit=100')).body.data as Array<{ id: string }>).map((i) => i.id);
  const linkOf = (id: string) => userTokenFor(id, server.runtime.config.TRACKING_SECRET);

  it("lists the open ones to admins with who sent them; used, expired and other tenants' invitations are left out", async () => {
    const inviter = await person(tenant.tenantId, 'admin');
    const byKey = await invite(tenant.adminKey, `k.${uniqueSuffix()}@invited.example`, 'readonly');
    const byPerson = await (async () => {
      const browser = await signIn(inviter.email);
      const res = await browser('/api/v1/users/invitations', { method: 'POST', body: { email: `p.${uniqueSuffix()}@invited.example`, role: 'admin' } });
      expect(res.status).toBe(202);
      return res.body.data.id as string;
    })();
    const expired = await invite(tenant.adminKey, `e.${uniqueSuffix()}@invited.example`);
    await db('user_tokens')
      .where({ id: expired })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const accepted = await invite(tenant.adminKey, `a.${uniqueSuffix()}@invited.example`);
    expect((await server.request('/api/v1/auth/invitations/accept', { method: 'POST', body: { token: linkOf(accepted), password: PASSWORD } })).status).toBe(
      200,
    );
    const elsewhere = await invite(other.adminKey, `o.${uniqueSuffix()}@invited.example`);

    const list = await call(tenant.adminKey, 'GET', '/api/v1/users/invitations?limit=100&sortOrder=asc');
    expect(list.status).toBe(200);
    const ids = list.body.data.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([byKey, byPerson]));
    for (const gone of [expired, accepted, elsewhere]) expect(ids).not.toContain(gone);
    expect(ids.indexOf(byKey)).toBeLessThan(ids.indexOf(byPerson));
    const keyId = (await db('api_keys').where({ tenant_id: tenant.tenantId, name: 'Initial admin key' }).first('id')).id;
    expect(list.body.data.find((i: { id: string }) => i.id === byKey)).toEqual({
      id: byKey,
      email: expect.stringMatching(/^k\./),
      role: 'readonly',
      invitedAt: expect.any(String),
      expiresAt: expect.any(String),
      invitedBy: `api_key:${keyId}`,
      invitedByEmail: null,
    });
    expect(list.body.data.find((i: { id: string }) => i.id === byPerson)).toMatchObject({
      role: 'admin',
      invitedBy: `user:${inviter.userId}`,
      invitedByEmail: inviter.email,
    });
    expect(JSON.stringify(list.body)).not.toContain(linkOf(byKey));

    for (const key of [keys.member, keys.readonly, keys.customer]) expect((await call(key, 'GET', '/api/v1/users/invitations')).status).toBe(403);
  });

  it("revokes an open invitation: its link stops working, audit-logged; 404 for another tenant's, 409 for a used one, 403 for non-admins", async () => {
    const email = `r.${uniqueSuffix()}@invited.example`;
    const id = await invite(tenant.adminKey, email);
    const theirs = await invite(other.adminKey, `t.${uniqueSuffix()}@invited.example`);

    for (const key of [keys.member, keys.readonly]) expect((await call(key, 'DELETE', `/api/v1/users/invitations/${id}`)).status).toBe(403);
    const cross = await call(tenant.adminKey, 'DELETE', `/api/v1/users/invitations/${theirs}`);
    expect(cross.status).toBe(404);
    expect(await openIds(other.adminKey)).toContain(theirs);
    expect(await openIds(tenant.adminKey)).toContain(id);

    const revoked = await call(tenant.adminKey, 'DELETE', `/api/v1/users/invitations/${id}`);
    expect(revoked.status).toBe(204);
    expect(await openIds(tenant.adminKey)).not.toContain(id);
    const audit = (await auditOf(tenant.tenantId, 'user.invitation_revoked')).filter((r) => r.subject_id === id);
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toEqual({ email, role: 'member' });
    const accept = await server.request('/api/v1/auth/invitations/accept', { method: 'POST', body: { token: linkOf(id), password: PASSWORD } });
    expect(accept.status).toBe(400);
    expect(accept.body.error.code).toBe('invalid_token');
    expect(await db('users').whereRaw('lower(email) = lower(?)', [email]).first()).toBeUndefined();
    expect((await call(tenant.adminKey, 'DELETE', `/api/v1/users/invitations/${id}`)).status).toBe(404);

    const used = await invite(tenant.adminKey, `u.${uniqueSuffix()}@invited.example`);
    expect((await server.request('/api/v1/auth/invitations/accept', { method: 'POST', body: { token: linkOf(used), password: PASSWORD } })).status).toBe(200);
    const late = await call(tenant.adminKey, 'DELETE', `/api/v1/users/invitations/${used}`);
    expect(late.status).toBe(409);
    expect(await db('user_tokens').where({ id: used }).first()).toBeDefined();
    expect((await call(tenant.adminKey, 'DELETE', '/api/v1/users/invitations/not-a-uuid')).status).toBe(400);
  });
});

describe('PATCH /api/v1/tenant { name }', () => {
  it('renames the tenant (trimmed, slug kept, audit-logged), seen by its people at once', async () => {
    const own = await buildTenant(db, 'Before rename');
    const admin = await person(own.tenantId, 'admin');
    const { slug } = await db('tenants').where({ id: own.tenantId }).first('slug');
    const res = await call(own.adminKey, 'PATCH', '/api/v1/tenant', { name: '  After rename  ' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: own.tenantId, name: 'After rename', slug });
    const audit = await auditOf(own.tenantId, 'tenant.renamed');
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toEqual({ name: { from: 'Before rename', to: 'After rename' } });
    const browser = await signIn(admin.email);
    expect((await browser('/api/v1/auth/me')).body.data.memberships).toEqual([expect.objectContaining({ tenantId: own.tenantId, tenantName: 'After rename' })]);

    // Name and settings in one request; an empty body changes nothing.
    const both = await browser('/api/v1/tenant', { method: 'PATCH', body: { name: 'Both at once', settings: { defaultLanguage: 'fr' } } });
    expect(both.status).toBe(200);
    expect(both.body.data).toMatchObject({ name: 'Both at once', settings: { defaultLanguage: 'fr' } });
    expect((await call(own.adminKey, 'PATCH', '/api/v1/tenant', {})).body.data).toMatchObject({ name: 'Both at once', settings: { defaultLanguage: 'fr' } });
    expect(await auditOf(own.tenantId, 'tenant.renamed')).toHaveLength(2);
  });

  it('refuses empty or long names (422) and non-admins (403), changing nothing', async () => {
    const own = await buildTenant(db, 'Kept name');
    const { key } = (await call(own.adminKey, 'POST', '/api/v1/api-keys', { name: 'm', role: 'member' })).body.data;
    for (const name of ['', '   ', 'x'.repeat(201), 42, null]) {
      const res = await call(own.adminKey, 'PATCH', '/api/v1/tenant', { name });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await call(key, 'PATCH', '/api/v1/tenant', { name: 'Taken over' })).status).toBe(403);
    expect((await db('tenants').where({ id: own.tenantId }).first('name')).name).toBe('Kept name');
    expect(await auditOf(own.tenantId, 'tenant.renamed')).toHaveLength(0);
    // 200 code points is the limit, as the document says (an emoji is one).
    expect((await call(own.adminKey, 'PATCH', '/api/v1/tenant', { name: '😀'.repeat(200) })).status).toBe(200);
  });
});
