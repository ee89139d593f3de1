import { buildCustomer, buildTenant, uniqueSuffix } from '../support/factories';
import { CookieJar, decodeQuotedPrintable } from '../support/cookieJar';
import { waitFor } from '../support/until';
import { startCampaignStack, type CampaignStack } from './campaignHarness';

/**
 * People signing in to the console (issue 20), all real: the API, Herald's worker with its
 * e-mail channel, and an SMTP server receiving invitations and reset links.
 */
let stack: CampaignStack;
let tenant: { tenantId: string; adminKey: string };
let other: { tenantId: string; adminKey: string };
const PASSWORD = 'correct horse battery staple';

/** A browser: its own cookies, JSON in and out, and the CSRF token of its session once asked for. */
function browser() {
  const jar = new CookieJar();
  let csrf: string | undefined;
  async function request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; withCsrf?: boolean } = {}) {
    const headers: Record<string, string> = { ...jar.header(), ...(init.headers ?? {}) };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.withCsrf !== false && csrf && init.method && init.method !== 'GET') headers['X-CSRF-Token'] = csrf;
    const res = await fetch(stack.server.url + path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: 'manual',
    });
    jar.take(res.headers);
    const text = await res.text();
    const body = text ? (JSON.parse(text) as any) : undefined;
    if (body?.data?.csrfToken) csrf = body.data.csrfToken;
    return { status: res.status, headers: res.headers, body, text };
  }
  return { request, jar, csrf: () => csrf };
}

/** Signs a person in through a fresh browser. */
async function signedIn(email: string, password = PASSWORD) {
  const b = browser();
  const res = await b.request('/api/v1/auth/login', { method: 'POST', body: { email, password } });
  expect(res.status).toBe(200);
  return b;
}

/** An account of the tenant made the way `herald users create` makes it. */
async function person(tenantId: string, role: 'admin' | 'member' | 'readonly' = 'admin', email = `p.${uniqueSuffix()}@people.example`) {
  await stack.server.runtime.domain.users.accounts.createUser({ email, tenantId, role, password: PASSWORD });
  return email;
}

/** The token of the last mail the sink received for an address. */
async function mailedToken(to: string): Promise<string> {
  const mail = await waitFor(async () => [...stack.sink.messages].reverse().find((m) => m.to.includes(to)), 30_000, 100, `mail to ${to}`);
  const token = /([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(decodeQuotedPrintable(mail.raw))?.[1];
  expect(token).toBeDefined();
  return token!;
}

beforeAll(async () => {
  stack = await startCampaignStack({
    env: { LOGIN_LOCKOUT_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15', RATE_LIMIT_LOGIN_IP_PER_MINUTE: '10000', RATE_LIMIT_LOGIN_EMAIL_PER_MINUTE: '10000' },
  });
  tenant = await buildTenant(stack.db, 'Sign-in tenant');
  other = await buildTenant(stack.db, 'Other sign-in tenant');
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

describe('email and password sessions', () => {
  it('signs in with an httpOnly SameSite=Lax cookie whose token is stored only hashed, answers me, and signs out', async () => {
    const email = await person(tenant.tenantId, 'admin', `Mixed.${uniqueSuffix()}@People.example`);
    const b = browser();
    const login = await b.request('/api/v1/auth/login', { method: 'POST', body: { email: email.toLowerCase(), password: PASSWORD } });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('herald_session='))!;
    expect(cookie).toMatch(/; httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);
    expect(cookie).not.toMatch(/secure/i);
    const token = b.jar.get('herald_session')!;
    expect(await stack.db('sessions').where({ id: token }).first()).toBeUndefined();
    expect(JSON.stringify(await stack.db('sessions').select())).not.toContain(token);

    const me = await b.request('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({
      user: { email },
      tenantId: tenant.tenantId,
      role: 'admin',
      memberships: [{ tenantId: tenant.tenantId, tenantName: 'Sign-in tenant', role: 'admin' }],
    });
    expect(me.body.data.csrfToken).toEqual(login.body.data.csrfToken);
    // The session is the principal every route reads: the tenant's own data answers.
    expect((await b.request('/api/v1/tenant')).body.data).toMatchObject({ id: tenant.tenantId, principal: { actorType: 'user', role: 'admin' } });

    expect((await b.request('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(b.jar.get('herald_session')).toBeUndefined();
    const replay = await fetch(`${stack.server.url}/api/v1/auth/me`, { headers: { Cookie: `herald_session=${token}` } });
    expect(replay.status).toBe(401);
  });

  it('answers the same 401 for a wrong password and an unknown address, then locks either after 3 failures (423)', async () => {
    const email = await person(tenant.tenantId);
    const stranger = `nobody.${uniqueSuffix()}@people.example`;
    const b = browser();
    const wrong = await b.request('/api/v1/auth/login', { method: 'POST', body: { email, password: 'not the password' } });
    const unknown = await b.request('/api/v1/auth/login', { method: 'POST', body: { email: stranger, password: 'not the password' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(unknown.body.error).toEqual(wrong.body.error);
    expect(wrong.text).not.toContain('not the password');
    for (const address of [email, stranger]) {
      if (address === email) expect((await b.request('/api/v1/auth/login', { method: 'POST', body: { email, password: 'still wrong' } })).status).toBe(401);
      else expect((await b.request('/api/v1/auth/login', { method: 'POST', body: { email: address, password: 'still wrong' } })).status).toBe(401);
      const third = await b.request('/api/v1/auth/login', { method: 'POST', body: { email: address, password: 'wrong again' } });
      expect(third.status).toBe(423);
      expect(third.body.error.code).toBe('locked');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(800);
    }
    // Locked means locked: the right password is refused too, and no session is opened.
    const right = await b.request('/api/v1/auth/login', { method: 'POST', body: { email, password: PASSWORD } });
    expect(right.status).toBe(423);
    expect(b.jar.get('herald_session')).toBeUndefined();
  });

  it('limits attempts per address with 429 and Retry-After', async () => {
    const { startTestServer } = await import('../support/testServer');
    const server = await startTestServer({ RATE_LIMIT_LOGIN_EMAIL_PER_MINUTE: '2' });
    try {
      const attempt = () => server.request('/api/v1/auth/login', { method: 'POST', body: { email: 'target@people.example', password: 'guess-guess' } });
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBeTruthy();
    } finally {
      await server.close();
    }
  });

  it('refuses a cookie write without its CSRF token (403, nothing written); bearer writes need none', async () => {
    const b = await signedIn(await person(tenant.tenantId, 'member'));
    const before = await stack.db('customers').where({ tenant_id: tenant.tenantId }).count<{ n: string }[]>({ n: '*' });
    const without = await b.request('/api/v1/customers', { method: 'POST', body: { firstName: 'Forged', email: 'forged@example.com' }, withCsrf: false });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf_failed');
    const wrong = await b.request('/api/v1/customers', {
      method: 'POST',
      body: { firstName: 'Forged' },
      headers: { 'X-CSRF-Token': 'x'.repeat(43) },
      withCsrf: false,
    });
    expect(wrong.status).toBe(403);
    const after = await stack.db('customers').where({ tenant_id: tenant.tenantId }).count<{ n: string }[]>({ n: '*' });
    expect(after[0]!.n).toBe(before[0]!.n);
    // Reads need no token; a write with it goes through.
    expect((await b.request('/api/v1/customers')).status).toBe(200);
    expect((await b.request('/api/v1/auth/csrf')).body.data.csrfToken).toBe(b.csrf());
    expect((await b.request('/api/v1/customers', { method: 'POST', body: { firstName: 'Real', email: `real.${uniqueSuffix()}@example.com` } })).status).toBe(
      201,
    );
    // An API key's write carries no CSRF token and is not asked for one.
    const byKey = await stack.server.request('/api/v1/customers', { method: 'POST', key: tenant.adminKey, body: { firstName: 'Machine' } });
    expect(byKey.status).toBe(201);
  });

  it("gives a session of tenant A 404s on tenant B's records, and no way into B", async () => {
    const b = await signedIn(await person(tenant.tenantId, 'admin'));
    const theirs = await buildCustomer(stack.db, other.tenantId, { first_name: 'Secret', email: `secret.${uniqueSuffix()}@b.example` });
    expect((await b.request(`/api/v1/customers/${theirs}`)).status).toBe(404);
    expect((await b.request(`/api/v1/customers/${theirs}`, { method: 'PATCH', body: { firstName: 'Mallory' } })).status).toBe(404);
    expect((await b.request(`/api/v1/customers/${theirs}`, { method: 'DELETE' })).status).toBe(404);
    expect((await stack.db('customers').where({ id: theirs }).first()).first_name).toBe('Secret');
    expect((await b.request('/api/v1/customers?limit=100')).text).not.toContain(theirs);
    const switched = await b.request('/api/v1/auth/switch-tenant', { method: 'POST', body: { tenantId: other.tenantId } });
    expect(switched.status).toBe(404);
    expect(
      (
        await b.request('/api/v1/auth/login', {
          method: 'POST',
          body: { email: (await b.request('/api/v1/auth/me')).body.data.user.email, password: PASSWORD, tenantId: other.tenantId },
        })
      ).status,
    ).toBe(403);
  });

  it('switches tenants for a person who belongs to both', async () => {
    const email = await person(tenant.tenantId, 'readonly');
    await person(other.tenantId, 'admin', email);
    const b = await signedIn(email);
    expect((await b.request('/api/v1/customers', { method: 'POST', body: { firstName: 'Nope' } })).status).toBe(403);
    const switched = await b.request('/api/v1/auth/switch-tenant', { method: 'POST', body: { tenantId: other.tenantId } });
    expect(switched.status).toBe(200);
    expect(switched.body.data).toMatchObject({ tenantId: other.tenantId, role: 'admin' });
    expect((await b.request('/api/v1/tenant')).body.data.id).toBe(other.tenantId);
  });

  it('ends a session at its expiry, and moves the expiry forward while it is used', async () => {
    const b = await signedIn(await person(tenant.tenantId));
    const id = (await stack.db('sessions').orderBy('created_at', 'desc').first('id')).id as string;
    // A request more than a minute after the last one rolls the expiry to 12 h (SESSION_IDLE_MINUTES) from now.
    await stack
      .db('sessions')
      .where({ id })
      .update({ last_seen_at: stack.db.raw("now() - interval '2 minutes'"), expires_at: stack.db.raw("now() + interval '1 minute'") });
    const rolled = await b.request('/api/v1/auth/me');
    expect(rolled.status).toBe(200);
    expect(rolled.headers.getSetCookie().some((c) => c.startsWith('herald_session='))).toBe(true);
    const expiresAt = (await stack.db('sessions').where({ id }).first('expires_at')).expires_at as Date;
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    await stack
      .db('sessions')
      .where({ id })
      .update({ expires_at: stack.db.raw("now() - interval '1 second'") });
    const expired = await b.request('/api/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/session has ended/);
  });
});

describe('invitations, members and password resets by e-mail', () => {
  it('invites by e-mail through the worker; the invitee accepts, is signed in, and signs in again with the password', async () => {
    const admin = await signedIn(await person(tenant.tenantId, 'admin'));
    const invitee = `invitee.${uniqueSuffix()}@people.example`;
    const invited = await admin.request('/api/v1/users/invitations', { method: 'POST', body: { email: invitee, role: 'member' } });
    expect(invited.status).toBe(202);
    expect(invited.body.data).toMatchObject({ email: invitee, role: 'member' });
    const token = await mailedToken(invitee);
    expect(JSON.stringify(await stack.db('user_tokens').where({ id: invited.body.data.id }).first())).not.toContain(token.split('.')[1]);

    const guest = browser();
    const noPassword = await guest.request('/api/v1/auth/invitations/accept', { method: 'POST', body: { token } });
    expect(noPassword.status).toBe(422);
    const accepted = await guest.request('/api/v1/auth/invitations/accept', { method: 'POST', body: { token, password: PASSWORD } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ user: { email: invitee }, tenantId: tenant.tenantId, role: 'member' });
    expect((await guest.request('/api/v1/tenant')).status).toBe(200);
    const again = await browser().request('/api/v1/auth/invitations/accept', { method: 'POST', body: { token, password: PASSWORD } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
    expect(again.text).not.toContain(token);

    await signedIn(invitee);
    const members = await admin.request('/api/v1/users?limit=100');
    expect(members.body.data.find((m: { email: string }) => m.email === invitee)).toMatchObject({ role: 'member', hasPassword: true });
    expect((await admin.request('/api/v1/users/invitations', { method: 'POST', body: { email: invitee } })).status).toBe(409);
  });

  it('removes a member (their session ends) and keeps the last admin', async () => {
    const lone = await buildTenant(stack.db, 'Lone admin tenant');
    const adminEmail = await person(lone.tenantId, 'admin');
    const memberEmail = await person(lone.tenantId, 'member');
    const admin = await signedIn(adminEmail);
    const member = await signedIn(memberEmail);
    const list = (await admin.request('/api/v1/users')).body.data as Array<{ id: string; email: string }>;
    const memberId = list.find((m) => m.email === memberEmail)!.id;
    const adminId = list.find((m) => m.email === adminEmail)!.id;
    expect((await member.request(`/api/v1/users/${adminId}`, { method: 'DELETE' })).status).toBe(403);
    expect((await admin.request(`/api/v1/users/${adminId}`, { method: 'DELETE' })).status).toBe(409);
    expect((await admin.request(`/api/v1/users/${memberId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await member.request('/api/v1/auth/me')).status).toBe(401);
    expect((await admin.request(`/api/v1/users/${memberId}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('resets a password end to end: always 202, a link only for an account, old sessions and password stop working', async () => {
    const email = await person(tenant.tenantId, 'member');
    const old = await signedIn(email);
    const anon = browser();
    const stranger = `ghost.${uniqueSuffix()}@people.example`;
    const forStranger = await anon.request('/api/v1/auth/password-reset', { method: 'POST', body: { email: stranger } });
    const forPerson = await anon.request('/api/v1/auth/password-reset', { method: 'POST', body: { email: email.toUpperCase() } });
    expect([forStranger.status, forPerson.status]).toEqual([202, 202]);
    expect(forStranger.body).toEqual(forPerson.body);
    const token = await mailedToken(email);
    expect(stack.sink.messages.some((m) => m.to.includes(stranger))).toBe(false);

    const short = await anon.request('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, password: 'short' } });
    expect(short.status).toBe(422);
    expect(short.text).not.toContain(token);
    const fresh = 'a brand new password 42';
    expect((await anon.request('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, password: fresh } })).status).toBe(204);
    expect((await anon.request('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, password: fresh } })).status).toBe(400);
    expect((await old.request('/api/v1/auth/me')).status).toBe(401);
    expect((await browser().request('/api/v1/auth/login', { method: 'POST', body: { email, password: PASSWORD } })).status).toBe(401);
    await signedIn(email, fresh);
  });
});
