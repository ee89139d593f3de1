import type { Knex } from 'knex';
import { ensureWebhookRelay } from '../../domain/webhooks/lifecycle';
import { webhookSettings, type WebhookSettings } from '../../domain/webhooks/settings';
import { loadConfig } from '../../lib/config';
import { testDb, uniqueSuffix } from './factories';
import { startTestServer, type TestServer } from './testServer';
import { startTestWorker } from './testWorker';
import { startWebhookReceiver, type WebhookReceiver } from './webhookReceiver';

/** A tenant and its admin key. */
export type Tenant = { tenantId: string; adminKey: string };

/**
 * What webhook suites share: the real API, Herald's real worker in this process with the relay
 * started, receivers that are closed at the end, and small request helpers. `webhooks` changes
 * the webhook settings the API and the worker share (from the test environment otherwise): a
 * shorter retry schedule, an SSRF policy of its own.
 */
export function webhookHarness(options: { worker?: boolean; webhooks?: (defaults: WebhookSettings) => WebhookSettings } = {}) {
  const h = {
    server: undefined as unknown as TestServer,
    db: undefined as unknown as Knex,
    stopWorker: undefined as undefined | (() => Promise<void>),
    receivers: [] as WebhookReceiver[],
    call: (t: Tenant, method: string, url: string, body?: unknown) => h.server.request(url, { method, key: t.adminKey, body }),
    async ok(t: Tenant, method: string, url: string, body?: unknown): Promise<any> {
      const res = await h.call(t, method, url, body);
      if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
      return res.body?.data;
    },
    async receiver(): Promise<WebhookReceiver> {
      const r = await startWebhookReceiver();
      h.receivers.push(r);
      return r;
    },
    /** Creates an endpoint for a fresh receiver that verifies with the endpoint's own secret. */
    async endpointWithReceiver(t: Tenant, body: Record<string, unknown> = {}) {
      const r = await h.receiver();
      const endpoint = await h.ok(t, 'POST', '/api/v1/webhooks', { url: r.url, events: ['customer.*'], ...body });
      r.setSecrets([{ secret: endpoint.secret }]);
      return { r, endpoint };
    },
    newCustomer: async (t: Tenant) => (await h.ok(t, 'POST', '/api/v1/customers', { firstName: 'Hook', lastName: uniqueSuffix() })).id as string,
  };
  beforeAll(async () => {
    h.db = testDb();
    const webhooks = options.webhooks?.(webhookSettings(loadConfig()));
    h.server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000000' }, { webhooks });
    if (options.worker !== false) {
      h.stopWorker = await startTestWorker(h.db, { webhooks });
      await ensureWebhookRelay(h.server.runtime.temporal);
    }
  });
  afterAll(async () => {
    await h.stopWorker?.();
    await Promise.all(h.receivers.map((r) => r.close()));
    await h.server?.close();
    await h.db?.destroy();
  });
  return h;
}
