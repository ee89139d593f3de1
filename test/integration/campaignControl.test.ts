import { buildTenant } from '../support/factories';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack('control', { pageSize: 50, concurrency: 5 });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A throttled e-mail campaign (40 messages/s) to `size` fresh customers, sending. */
async function startSlowCampaign(size: number, name: string) {
  const t = await buildTenant(stack.db, name);
  await seedCustomers(stack.db, t.tenantId, size, name);
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const created = await api('/api/v1/campaigns', { method: 'POST', body: { name, channel: 'email', subject: 'S', body: 'B {{ firstName }}', audience: { type: 'all' }, options: { throttlePerSecond: 40 } } });
  const id = created.body.data.id as string;
  expect((await api(`/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);
  const received = () => stack.sink.messages.filter((m) => m.headers['x-herald-tenant'] === t.tenantId).length;
  return { t, id, api, received };
}

it('pause holds sending within one second; resume continues from where it stopped and sends each message once', async () => {
  const c = await startSlowCampaign(200, 'pausing');
  await waitFor(async () => c.received() >= 30, 30_000, 20);
  const paused = await c.api(`/api/v1/campaigns/${c.id}/pause`, { method: 'POST' });
  expect(paused.status).toBe(200);
  expect(paused.body.data.status).toBe('paused');
  await sleep(1000);
  const afterOneSecond = c.received();
  await sleep(2000);
  expect(c.received()).toBe(afterOneSecond);
  expect(afterOneSecond).toBeLessThan(200);
  const detail = (await c.api(`/api/v1/campaigns/${c.id}`)).body.data;
  expect(detail.progress.workflow).toMatchObject({ paused: true });
  expect(detail.progress.queued).toBe(200 - afterOneSecond);
  // A paused campaign cannot be sent or paused again.
  expect((await c.api(`/api/v1/campaigns/${c.id}/pause`, { method: 'POST' })).status).toBe(409);

  expect((await c.api(`/api/v1/campaigns/${c.id}/resume`, { method: 'POST' })).body.data.status).toBe('sending');
  await waitFor(async () => (await c.api(`/api/v1/campaigns/${c.id}`)).body.data.status === 'completed', 60_000, 200);
  const ids = stack.sink.messages.filter((m) => m.headers['x-herald-tenant'] === c.t.tenantId).map((m) => m.messageId);
  expect(ids).toHaveLength(200);
  expect(new Set(ids).size).toBe(200);
  const events = await stack.db('events').where({ tenant_id: c.t.tenantId, subject_id: c.id }).orderBy('seq').pluck('type');
  expect(events).toEqual(['campaign.sent', 'campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.completed']);
}, 90_000);

it('cancel stops sending and marks every unsent recipient cancelled', async () => {
  const c = await startSlowCampaign(200, 'cancelling');
  await waitFor(async () => c.received() >= 20, 30_000, 20);
  const cancelled = await c.api(`/api/v1/campaigns/${c.id}/cancel`, { method: 'POST' });
  expect(cancelled.body.data.status).toBe('cancelled');
  await waitFor(async () => (await c.api(`/api/v1/campaigns/${c.id}`)).body.data.finishedAt, 30_000, 200);
  await sleep(500);
  const counts = Object.fromEntries((await stack.db('campaign_recipients').where({ campaign_id: c.id }).groupBy('state').select('state', stack.db.raw('count(*)::int AS n'))).map((r) => [r.state, r.n]));
  expect(counts.pending).toBeUndefined();
  expect(counts.sending).toBeUndefined();
  expect(counts.sent + counts.cancelled).toBe(200);
  expect(counts.cancelled).toBeGreaterThan(0);
  expect(c.received()).toBe(counts.sent);
  expect((await c.api(`/api/v1/campaigns/${c.id}/resume`, { method: 'POST' })).status).toBe(409);
}, 90_000);

it("seed 003's PATCH /status drives the same commands; a scheduled campaign waits for its time and can be cancelled before it", async () => {
  const t = await buildTenant(stack.db, 'scheduling');
  await seedCustomers(stack.db, t.tenantId, 3, 'scheduling');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const at = new Date(Date.now() + 3000).toISOString();
  const created = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Later', type: 'sms', content: 'Soon {{firstName}}', audienceType: 'all', schedulingType: 'scheduled', scheduledAt: at } });
  expect(created.status).toBe(201);
  const scheduled = await api(`/api/v1/campaigns/${created.body.data.id}/status`, { method: 'PATCH', body: { status: 'scheduled' } });
  expect(scheduled.body.data).toMatchObject({ status: 'scheduled', scheduledAt: at });
  expect((await api(`/api/v1/campaigns/${created.body.data.id}/analytics`)).body.data.recipients).toBe(0);
  await waitFor(async () => (await api(`/api/v1/campaigns/${created.body.data.id}`)).body.data.status === 'completed', 30_000, 200);
  const done = (await api(`/api/v1/campaigns/${created.body.data.id}`)).body.data;
  expect(new Date(done.startedAt).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
  expect((await api(`/api/v1/campaigns/${created.body.data.id}/analytics`)).body.data).toMatchObject({ sent: 3, delivered: 3 });

  const later = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Never', channel: 'sms', body: 'x', audience: { type: 'all' }, schedule: { type: 'at', at: new Date(Date.now() + 3600_000).toISOString() } } });
  await api(`/api/v1/campaigns/${later.body.data.id}/schedule`, { method: 'POST', body: {} });
  const c = await api(`/api/v1/campaigns/${later.body.data.id}/status`, { method: 'PATCH', body: { status: 'cancelled' } });
  expect(c.body.data).toMatchObject({ status: 'cancelled' });
  expect((await api(`/api/v1/campaigns/${later.body.data.id}/status`, { method: 'PATCH', body: { status: 'completed' } })).status).toBe(422);
  const past = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Past', channel: 'sms', body: 'x', audience: { type: 'all' } } });
  expect((await api(`/api/v1/campaigns/${past.body.data.id}/schedule`, { method: 'POST', body: { scheduledAt: '2020-01-01T00:00:00Z' } })).status).toBe(422);
}, 60_000);
