import { buildTenant } from '../support/factories';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

/** The 5k SMS campaign; CAMPAIGN_SMS_SIZE lowers it while iterating. */
const SIZE = Number(process.env.CAMPAIGN_SMS_SIZE ?? 5000);

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack({ pageSize: 200, concurrency: 20 });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

it(`completes a ${SIZE}-recipient SMS campaign through the twilio client with exact analytics and every row settled and delivered`, async () => {
  const t = await buildTenant(stack.db, 'SMS scale');
  await seedCustomers(stack.db, t.tenantId, SIZE, 'scale');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Scale', type: 'sms', content: 'Hi {{firstName}}, the sale starts now', audienceType: 'all' },
  });
  const started = Date.now();
  expect((await api(`/api/v1/campaigns/${created.body.data.id}/send`, { method: 'POST' })).status).toBe(202);
  const id = created.body.data.id;
  await waitFor(async () => (await api(`/api/v1/campaigns/${id}`)).body.data.status === 'completed', 600_000, 500);
  const seconds = (Date.now() - started) / 1000;
  const statuses = await stack.twilioApi.callbackStatuses();
  const a = (await api(`/api/v1/campaigns/${id}/analytics`)).body.data;
  console.log(JSON.stringify({ recipients: SIZE, seconds, messagesPerSecond: Math.round(SIZE / seconds), callbacks: statuses.length }));
  expect([...new Set(statuses)]).toEqual([204]);
  expect(a).toMatchObject({ recipients: SIZE, sent: SIZE, delivered: SIZE, failed: 0, skipped: 0, queued: 0 });
  const sids = new Set(stack.twilioApi.messages.map((m) => m.sid));
  expect(sids.size).toBe(SIZE);
  const rows = await stack.db('campaign_recipients').where({ campaign_id: id }).select('state', 'provider_id');
  expect(rows.every((r) => r.state === 'delivered' && sids.has(r.provider_id))).toBe(true);
  expect(new Set(stack.twilioApi.messages.map((m) => m.to)).size).toBe(SIZE);
}, 900_000);
