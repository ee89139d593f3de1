import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildTenant, uniqueSuffix } from '../support/factories';
import { CookieJar } from '../support/cookieJar';
import { freePort } from '../support/freePort';
import { oidcProvidersFrom } from '../../lib/oidcProviders';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * OpenID Connect sign-in against a real provider (oidc-provider, started by this file on this
 * machine): the authorization code flow with PKCE, state and nonce, through Herald's
 * /api/v1/auth/:provider routes, driving the provider's own login and consent pages.
 */
const CLIENT = { id: 'herald-test', secret: 'herald-test-client-secret-0123456789' };
let provider: ChildProcess;
let issuer: string;
let server: TestServer;
let tenant: { tenantId: string; adminKey: string };

/** Starts the provider in a child process and waits for it to listen. */
async function startProvider(port: number, redirectUri: string): Promise<string> {
  provider = spawn(process.execPath, [path.join(__dirname, '../support/oidcProvider.mjs'), String(port), CLIENT.id, CLIENT.secret, redirectUri], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let errors = '';
    provider.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
    provider.stdout!.on('data', (d: Buffer) => {
      const ready = /ready (\S+)/.exec(d.toString());
      if (ready) resolve(ready[1]!);
    });
    provider.once('exit', (code) => reject(new Error(`the OpenID provider exited (${code}): ${errors}`)));
  });
}

/**
 * A person signing in with the provider in a browser: Herald's redirect, the provider's login
 * form (any id; the email is the id) and consent, then the callback to Herald. Answers Herald's
 * last response and the browser's cookies for Herald.
 */
async function signInWithProvider(email: string, tamper?: (callback: URL) => void) {
  const herald = new CookieJar();
  const idp = new CookieJar();
  const start = await fetch(`${server.url}/api/v1/auth/google`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  herald.take(start.headers);
  let location = new URL(start.headers.get('location')!);
  expect(location.origin).toBe(issuer);
  expect(location.searchParams.get('code_challenge_method')).toBe('S256');
  expect(location.searchParams.get('state')).toBeTruthy();
  expect(location.searchParams.get('nonce')).toBeTruthy();
  for (let step = 0; step < 12; step++) {
    if (location.origin === new URL(server.url).origin) break;
    let res = await fetch(location, { headers: idp.header(), redirect: 'manual' });
    idp.take(res.headers);
    if (res.status === 200 && location.pathname.startsWith('/interaction/')) {
      const page = await res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login: email, password: 'any' } : { prompt: prompt ?? 'consent' });
      res = await fetch(location, {
        method: 'POST',
        headers: { ...idp.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
      });
      idp.take(res.headers);
    }
    expect([302, 303]).toContain(res.status);
    location = new URL(res.headers.get('location')!, location);
  }
  expect(location.pathname).toBe('/api/v1/auth/google/callback');
  tamper?.(location);
  const done = await fetch(location, { headers: herald.header(), redirect: 'manual' });
  herald.take(done.headers);
  const text = await done.text();
  return { status: done.status, location: done.headers.get('location'), body: text ? JSON.parse(text.startsWith('{') ? text : '{}') : undefined, herald };
}

beforeAll(async () => {
  // Herald discovers the provider on first use, so it can start first and tell the provider its callback URL.
  const providerPort = await freePort();
  server = await startTestServer({
    OIDC_PROVIDERS: 'google',
    OIDC_GOOGLE_ISSUER: `http://127.0.0.1:${providerPort}`,
    OIDC_GOOGLE_CLIENT_ID: CLIENT.id,
    OIDC_GOOGLE_CLIENT_SECRET: CLIENT.secret,
  });
  issuer = await startProvider(providerPort, `${server.url}/api/v1/auth/google/callback`);
  tenant = await buildTenant(server.runtime.db, 'OpenID tenant');
}, 60_000);
afterAll(async () => {
  await server?.close();
  provider?.kill();
});

describe('OpenID Connect sign-in', () => {
  it('signs in an existing member by their verified address and lands on the console', async () => {
    const email = `member.${uniqueSuffix()}@people.example`;
    await server.runtime.domain.users.accounts.createUser({ email, tenantId: tenant.tenantId, role: 'member', password: 'unused-password-123' });
    const result = await signInWithProvider(email.toUpperCase());
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${server.url}/console`);
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: result.herald.header() });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).data).toMatchObject({ user: { email }, tenantId: tenant.tenantId, role: 'member' });
  });

  it('accepts an open invitation of the address (an account without a password)', async () => {
    const email = `invited.${uniqueSuffix()}@people.example`;
    const invited = await server.request('/api/v1/users/invitations', { method: 'POST', key: tenant.adminKey, body: { email, role: 'readonly' } });
    // No worker serves this file's queue: the e-mail's workflow waits; signing in through OpenID does not need the mail.
    expect(invited.status).toBe(202);
    const result = await signInWithProvider(email);
    expect(result.status).toBe(302);
    const me = (await (await fetch(`${server.url}/api/v1/auth/me`, { headers: result.herald.header() })).json()) as any;
    expect(me.data).toMatchObject({ user: { email }, tenantId: tenant.tenantId, role: 'readonly' });
    const members = await server.request('/api/v1/users', { key: tenant.adminKey });
    expect(members.body.data.find((m: { email: string }) => m.email === email)).toMatchObject({ hasPassword: false });
  });

  it('refuses a stranger and an unverified address, and a callback that does not match the flow it began', async () => {
    const stranger = await signInWithProvider(`stranger.${uniqueSuffix()}@people.example`);
    expect(stranger.status).toBe(403);
    expect(stranger.herald.get('herald_session')).toBeUndefined();

    const email = `unverified.${uniqueSuffix()}@people.example`;
    await server.runtime.domain.users.accounts.createUser({ email, tenantId: tenant.tenantId, role: 'member', password: 'unused-password-123' });
    const unverified = await signInWithProvider(email);
    expect(unverified.status).toBe(403);
    expect(unverified.body.error.code).toBe('email_not_verified');

    const member = `tampered.${uniqueSuffix()}@people.example`;
    await server.runtime.domain.users.accounts.createUser({ email: member, tenantId: tenant.tenantId, role: 'member', password: 'unused-password-123' });
    const forged = await signInWithProvider(member, (callback) => callback.searchParams.set('state', 'forged-state'));
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('oidc_failed');
    expect(forged.herald.get('herald_session')).toBeUndefined();
  });

  it('answers 404 for a provider that is not configured', async () => {
    expect((await server.request('/api/v1/auth/okta')).status).toBe(404);
    expect((await server.request('/api/v1/auth/login')).status).toBe(405);
  });
});

describe('the sign-in page’s provider list', () => {
  it('names the configured providers to anyone (no session, no key), and nothing of their settings', async () => {
    const res = await server.request('/api/v1/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [{ name: 'google' }] });
    expect(JSON.stringify(res.body)).not.toContain(CLIENT.id);
  });

  it('is empty where no provider is configured, and a provider cannot be named "providers"', async () => {
    const plain = await startTestServer();
    try {
      expect((await plain.request('/api/v1/auth/providers')).body).toEqual({ data: [] });
    } finally {
      await plain.close();
    }
    expect(() => oidcProvidersFrom('providers', {})).toThrow(/cannot name a provider "providers"/);
  });
});
