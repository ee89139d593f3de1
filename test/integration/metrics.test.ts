import { DefaultLogger, Runtime } from '@temporalio/worker';
import fs from 'node:fs';
import path from 'node:path';
import { ensureWebhookRelay } from '../../domain/webhooks/lifecycle';
import { createLogger } from '../../lib/logger';
import { registerDatabaseGauges } from '../../telemetry/databaseGauges';
import { startMetricsServer, type MetricsServer } from '../../telemetry/metricsServer';
import { temporalCoreMetrics } from '../../telemetry/temporalMetrics';
import { buildTenant } from '../support/factories';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

let stack: CampaignStack;
let metrics: MetricsServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  // The Temporal runtime with its core metrics, installed before the harness's worker starts (once per process).
  const core = await temporalCoreMetrics();
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { metrics: core.options } });
  stack = await startCampaignStack({ pageSize: 20 });
  await ensureWebhookRelay(stack.server.runtime.temporal);
  registerDatabaseGauges(stack.db, createLogger('silent'));
  metrics = await startMetricsServer('127.0.0.1', 0, [core.source]);
  receiver = await startWebhookReceiver();
}, 120_000);
afterAll(async () => {
  await metrics?.close();
  await receiver?.close();
  await stack?.close();
});

/** The metric families a scrape declares (`# TYPE name kind`), with a histogram's series names. */
let declared = new Set<string>();

/** One scrape: every sample as `name{labels}` → value. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(metrics.url);
  expect(res.status).toBe(200);
  const out = new Map<string, number>();
  declared = new Set();
  for (const line of (await res.text()).split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) for (const suffix of type[2] === 'histogram' ? ['_bucket', '_count', '_sum'] : ['']) declared.add(type[1] + suffix);
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

/** The value of `name` with exactly these labels (0 when absent). */
const sample = (s: Map<string, number>, name: string, labels: Record<string, string> = {}) => {
  const text = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return s.get(text ? `${name}{${text}}` : name) ?? 0;
};

/** Sample names (without labels) a scrape carried. */
const namesOf = (s: Map<string, number>) => new Set([...s.keys()].map((k) => k.split('{')[0]!));

it('counts campaign messages as the ledger settles them: the sent and failed deltas equal the ledger rows', async () => {
  const t = await buildTenant(stack.db, 'Metrics campaign tenant');
  await seedCustomers(stack.db, t.tenantId, 60, 'metrics');
  for (const n of [3, 17, 42]) stack.rejectEmails.add(`c${n}-metrics@example.com`);
  const before = await scrape();
  const created = await stack.server.request('/api/v1/campaigns', {
    key: t.adminKey,
    method: 'POST',
    body: { name: 'Metrics', channel: 'email', subject: 'Hi', body: '<p>Hello {{ firstName }}</p>', audience: { type: 'all' } },
  });
  const id = created.body.data.id;
  expect((await stack.server.request(`/api/v1/campaigns/${id}/send`, { key: t.adminKey, method: 'POST' })).status).toBe(202);
  await waitFor(async () => (await stack.server.request(`/api/v1/campaigns/${id}`, { key: t.adminKey })).body.data.status === 'completed', 60_000, 200);
  const after = await scrape();
  const ledger = await stack.db('campaign_recipients').where({ campaign_id: id }).groupBy('state').select('state', stack.db.raw('count(*)::int AS n'));
  const rows = Object.fromEntries(ledger.map((r) => [r.state, r.n]));
  expect(rows.sent).toBe(57);
  expect(rows.failed).toBe(3);
  const delta = (state: string) =>
    sample(after, 'herald_campaign_messages_total', { channel: 'email', state }) -
    sample(before, 'herald_campaign_messages_total', { channel: 'email', state });
  expect(delta('sent')).toBe(rows.sent);
  expect(delta('failed')).toBe(rows.failed);
  // The API's requests are counted by route pattern, never by raw path.
  const route = { method: 'POST', route: '/api/v1/campaigns/:id/send', status: '202' };
  expect(sample(after, 'herald_http_request_duration_seconds_count', route) - sample(before, 'herald_http_request_duration_seconds_count', route)).toBe(1);
  expect([...after.keys()].some((k) => k.includes(id))).toBe(false);
}, 90_000);

it('counts a webhook burst as the ledger does: attempts, succeeded deliveries, and the backlog drains to nothing', async () => {
  const t = await buildTenant(stack.db, 'Metrics webhook tenant');
  const endpoint = await stack.server.request('/api/v1/webhooks', {
    key: t.adminKey,
    method: 'POST',
    body: { url: receiver.url, events: ['customer.created'] },
  });
  expect(endpoint.status).toBe(201);
  let n = 0;
  receiver.setBehaviour(() => (++n % 4 === 0 ? 500 : 204));
  const before = await scrape();
  const burst = 40;
  for (let i = 0; i < burst; i++) {
    const res = await stack.server.request('/api/v1/customers', {
      key: t.adminKey,
      method: 'POST',
      body: { email: `burst${i}@example.com`, firstName: 'Burst', lastName: `N${i}` },
    });
    expect(res.status).toBe(201);
  }
  const deliveries = () => stack.db('webhook_deliveries').where({ tenant_id: t.tenantId });
  await waitFor(async () => (await deliveries().clone().where({ status: 'succeeded' }).count({ n: '*' }))[0]!.n === burst, 60_000, 200);
  await new Promise((r) => setTimeout(r, 11_000)); // the database gauges reuse a reading for 10 s
  const after = await scrape();
  const attempts = await stack.db('webhook_attempts').where({ tenant_id: t.tenantId }).select('status_code');
  const ok = attempts.filter((a) => a.status_code >= 200 && a.status_code < 300).length;
  const failedAttempts = attempts.length - ok;
  expect(failedAttempts).toBeGreaterThan(0);
  const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
  expect(delta('herald_webhook_attempts_total', { result: 'success' })).toBe(ok);
  expect(delta('herald_webhook_attempts_total', { result: 'http_error' })).toBe(failedAttempts);
  expect(delta('herald_webhook_deliveries_total', { state: 'succeeded' })).toBe(burst);
  expect(delta('herald_webhook_attempt_duration_seconds_count', {})).toBe(attempts.length);
  expect(sample(after, 'herald_webhook_backlog', { endpoint: endpoint.body.data.id })).toBe(0);
  expect(sample(after, 'herald_outbox_unrelayed_events')).toBe(0);
  expect(delta('herald_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/customers', status: '201' })).toBe(burst);
}, 120_000);

it('exports every metric the Grafana dashboard queries (docs/grafana/herald.json)', async () => {
  const dashboard = JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/grafana/herald.json'), 'utf8')) as {
    panels: Array<{ targets: Array<{ expr: string }> }>;
  };
  const queried = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\b(herald|temporal|process|nodejs)_[a-z0-9_]+/g) ?? [])));
  expect(queried.size).toBeGreaterThan(15);
  const exported = new Set([...namesOf(await scrape()), ...declared]);
  expect([...queried].filter((name) => !exported.has(name))).toEqual([]);
  // Pool use is reported per pool of the process.
  expect(exported.has('herald_db_pool_connections')).toBe(true);
});
