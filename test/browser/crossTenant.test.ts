import type { Page } from 'playwright-core';
import { buildTenant } from '../support/factories';
import { seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';

/** B's records, as the person of tenant A tries them; each kind with its table, its console page and its API path. */
const KINDS = [
  { kind: 'customer', table: 'customers', page: 'customers', api: 'customers' },
  { kind: 'segment', table: 'segments', page: 'segments', api: 'segments' },
  { kind: 'campaign', table: 'campaigns', page: 'campaigns', api: 'campaigns' },
  { kind: 'journey', table: 'journeys', page: 'journeys', api: 'journeys' },
  { kind: 'webhook', table: 'webhook_endpoints', page: 'webhooks', api: 'webhooks' },
  { kind: 'conversation', table: 'conversations', page: 'inbox', api: 'conversations' },
  { kind: 'import', table: 'imports', page: 'imports', api: 'imports' },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

/** Writes the console makes, aimed at B's records (the bodies are valid: the same call on A's own records would succeed). */
const WRITES: { method: string; path: (ids: Record<Kind, string>) => string; body?: unknown }[] = [
  { method: 'PATCH', path: (b) => `/api/v1/customers/${b.customer}`, body: { firstName: 'Mallory' } },
  { method: 'PATCH', path: (b) => `/api/v1/customers/${b.customer}/block`, body: { isBlocked: true } },
  { method: 'DELETE', path: (b) => `/api/v1/customers/${b.customer}` },
  { method: 'PATCH', path: (b) => `/api/v1/segments/${b.segment}`, body: { description: 'changed from tenant A' } },
  { method: 'DELETE', path: (b) => `/api/v1/segments/${b.segment}` },
  { method: 'PATCH', path: (b) => `/api/v1/campaigns/${b.campaign}`, body: { name: 'changed from tenant A' } },
  { method: 'PATCH', path: (b) => `/api/v1/campaigns/${b.campaign}/status`, body: { status: 'cancelled' } },
  { method: 'DELETE', path: (b) => `/api/v1/campaigns/${b.campaign}` },
  { method: 'POST', path: (b) => `/api/v1/journeys/${b.journey}/publish` },
  { method: 'DELETE', path: (b) => `/api/v1/journeys/${b.journey}` },
  { method: 'PATCH', path: (b) => `/api/v1/webhooks/${b.webhook}`, body: { description: 'changed from tenant A' } },
  { method: 'DELETE', path: (b) => `/api/v1/webhooks/${b.webhook}` },
  { method: 'PATCH', path: (b) => `/api/v1/conversations/${b.conversation}`, body: { assignee: 'tenant-a-agent' } },
  { method: 'POST', path: (b) => `/api/v1/conversations/${b.conversation}/messages`, body: { body: 'A note from tenant A', internal: true } },
  { method: 'POST', path: (b) => `/api/v1/imports/${b.import}/cancel` },
];

/** The console's own kind of call, from inside the page: its session cookie, and the CSRF token on writes. */
async function consoleCall(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const g = globalThis as any;
      const me = await (await g.fetch('/api/v1/auth/me')).json();
      const headers: Record<string, string> = { 'X-CSRF-Token': me.data.csrfToken };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await g.fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status as number, text: (await res.text()) as string };
    },
    { method, path, body },
  );
}

/**
 * Cross-tenant: a person signed in to tenant A, in a real browser, tries tenant B's records (made
 * through B's API key) on the console's pages and through the console's own API calls, and gets
 * 404 or nothing every time; lists never show B's rows; writes change nothing of B.
 */
describe('console: a person of tenant A reaches nothing of tenant B', () => {
  let stack: ConsoleStack;
  let b: { tenantId: string; adminKey: string };
  const ids = {} as Record<Kind, string>;
  const secrets: string[] = [];
  const rowsOfB = async () =>
    Object.fromEntries(await Promise.all(KINDS.map(async (k) => [k.kind, await stack.db(k.table).where({ id: ids[k.kind] }).first()])));
  let before: Record<string, unknown>;

  beforeAll(async () => {
    // Many calls from one session in a minute: the general per-principal limit is raised, as in the other browser tests with many calls.
    stack = await startConsoleStack({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000' });
    b = await buildTenant(stack.db, 'Tenant B');
    const asB = async (method: string, path: string, body?: unknown) => {
      const res = await stack.server.request(path, { method, key: b.adminKey, body });
      if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const customer = await asB('POST', '/api/v1/customers', {
      firstName: 'Bertha',
      lastName: 'Secretary',
      email: 'bertha.secret@tenant-b.example',
      tags: ['isolation'],
    });
    ids.customer = customer.data.id;
    const segment = await asB('POST', '/api/v1/segments', {
      name: 'B secret segment',
      rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['isolation'] }] },
    });
    ids.segment = segment.data.id;
    const campaign = await asB('POST', '/api/v1/campaigns', {
      name: 'B secret campaign',
      channel: 'email',
      subject: 'B news',
      body: 'Hello {{ firstName }}',
      audience: { type: 'segment', segmentId: ids.segment },
    });
    ids.campaign = campaign.data.id;
    const journey = await asB('POST', '/api/v1/journeys', {
      name: 'B secret journey',
      entry: { type: 'event', event: 'Isolated' },
      start: 'end',
      nodes: [{ id: 'end', type: 'exit' }],
    });
    ids.journey = journey.data.id;
    const webhook = await asB('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/b-secret', events: ['import.failed'], enabled: false });
    ids.webhook = webhook.data.id;
    const conversation = await asB('POST', '/api/v1/conversations', {
      customerId: ids.customer,
      type: 'complaint',
      category: 'B secret',
      message: 'B secret complaint',
    });
    ids.conversation = conversation.data.id;
    const imported = await asB('POST', '/api/v1/customers/bulk/import', { customers: [{ firstName: 'B import', email: 'not-an-email' }] });
    ids.import = imported.importId;
    secrets.push(b.tenantId, ...Object.values(ids), 'bertha.secret@tenant-b.example', 'B secret');
    before = await rowsOfB();
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('answers 404 to every read and write of B’s records through the console’s own API calls, and B’s rows stay as they were', async () => {
    const { page } = await stack.newPage();
    for (const k of KINDS) {
      const read = await consoleCall(page, 'GET', `/api/v1/${k.api}/${ids[k.kind]}`);
      expect({ path: k.api, status: read.status }).toEqual({ path: k.api, status: 404 });
      for (const secret of secrets) expect(read.text).not.toContain(secret);
    }
    for (const w of WRITES) {
      const path = w.path(ids);
      const res = await consoleCall(page, w.method, path, w.body);
      expect({ call: `${w.method} ${path}`, status: res.status }).toEqual({ call: `${w.method} ${path}`, status: 404 });
    }
    // The same cookie without the CSRF token is refused before anything is looked up.
    const forged = await page.evaluate(async (id) => (await (globalThis as any).fetch(`/api/v1/customers/${id}`, { method: 'DELETE' })).status, ids.customer);
    expect(forged).toBe(403);
    expect(await rowsOfB()).toEqual(before);
  });

  it('never lists B’s rows: lists, searches and the export of every area', async () => {
    const { page } = await stack.newPage();
    const lists = [
      '/api/v1/customers?limit=100',
      '/api/v1/customers?search=bertha',
      '/api/v1/customers/search?q=bertha',
      '/api/v1/customers/export?format=ndjson',
      '/api/v1/segments',
      '/api/v1/campaigns',
      '/api/v1/journeys',
      '/api/v1/webhooks',
      '/api/v1/conversations',
      '/api/v1/imports',
      '/api/v1/users',
      '/api/v1/api-keys',
    ];
    for (const path of lists) {
      const res = await consoleCall(page, 'GET', path);
      expect({ path, ok: res.status < 500 }).toEqual({ path, ok: true });
      for (const secret of secrets) expect({ path, leaked: res.text.includes(secret) }).toEqual({ path, leaked: false });
    }
    // Asking for B's segment as a filter is a 404, not B's members.
    expect((await consoleCall(page, 'GET', `/api/v1/customers?segmentId=${ids.segment}`)).status).toBe(404);
  });

  it('shows nothing of B on the console’s pages for B’s ids, and the list pages never show B’s rows', async () => {
    const { page } = await stack.newPage();
    for (const k of KINDS) {
      const path = k.kind === 'import' ? '/console/imports' : `/console/${k.page}/${ids[k.kind]}`;
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      // Let the page's calls settle (a 404 shows as an error; nothing of B may appear meanwhile or after).
      await page.waitForLoadState('networkidle');
      const text = (await page.locator('body').textContent()) ?? '';
      for (const secret of secrets) expect({ path, leaked: text.includes(secret) }).toEqual({ path, leaked: false });
      expect(await seriousViolations(page)).toEqual([]);
    }
    for (const list of ['customers', 'segments', 'campaigns', 'journeys', 'webhooks', 'inbox', 'imports', 'settings']) {
      await page.goto(`/console/${list}`);
      await page
        .getByRole('heading', { level: 1 })
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(async (error) => {
          throw new Error(`/console/${list}: ${(error as Error).message}\n${await page.locator('body').textContent()}`);
        });
      await page.waitForLoadState('networkidle');
      const text = (await page.locator('body').textContent()) ?? '';
      for (const secret of secrets) expect({ list, leaked: text.includes(secret) }).toEqual({ list, leaked: false });
    }
    expect(await rowsOfB()).toEqual(before);
  });
});
