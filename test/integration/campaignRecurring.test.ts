import type { ScheduleHandle } from '@temporalio/client';
import { buildTenant } from '../support/factories';
import { until } from '../support/until';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

/**
 * Pausing, resuming and cancelling a recurring campaign, with its real Temporal Schedule. Herald
 * takes five-field cron (one run a minute at most), so after scheduling, the test sets the
 * schedule's spec to every two seconds through Temporal's own client: time is compressed, while
 * pause, resume and cancel go through Herald's API and act on the schedule as in production.
 */
let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('stops producing occurrences while paused, produces them again after a resume, and a cancel while paused deletes the schedule', async () => {
  const t = await buildTenant(stack.db, 'Recurring control');
  await seedCustomers(stack.db, t.tenantId, 2, 'recurring');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Daily', channel: 'sms', body: 'Daily news', audience: { type: 'all' }, schedule: { type: 'recurring', cron: '0 9 * * *', timezone: 'UTC' } },
  });
  const id = created.body.data.id as string;
  expect((await api(`/api/v1/campaigns/${id}/schedule`, { method: 'POST', body: {} })).body.data.status).toBe('scheduled');
  const client = await stack.server.runtime.temporal.client();
  const handle: ScheduleHandle = client.schedule.getHandle(`campaign-schedule-${t.tenantId}-${id}`);
  await handle.update((prev) => ({ ...prev, spec: { intervals: [{ every: '2 seconds' }] } }));
  const occurrences = async () =>
    Number((await stack.db('campaigns').where({ tenant_id: t.tenantId, parent_id: id }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
  await waitFor(async () => (await occurrences()) >= 2, 20_000, 100, 'two occurrences before the pause');

  const paused = await api(`/api/v1/campaigns/${id}/pause`, { method: 'POST' });
  expect(paused.status).toBe(200);
  expect(paused.body.data.status).toBe('paused');
  expect((await handle.describe()).state.paused).toBe(true);
  // An occurrence started just before the pause may still be copying the campaign: wait until none runs.
  const before = await until(
    () => handle.describe(),
    (d) => d.info.runningActions.length === 0,
    { timeoutMs: 20_000, label: 'the occurrences started before the pause to finish' },
  );
  const atPause = await occurrences();
  // Two and a half intervals: a schedule still running would start at least two more.
  await sleep(5000);
  expect(await occurrences()).toBe(atPause);
  expect((await handle.describe()).info.numActionsTaken).toBe(before.info.numActionsTaken);

  const resumed = await api(`/api/v1/campaigns/${id}/resume`, { method: 'POST' });
  expect(resumed.body.data.status).toBe('scheduled');
  expect((await handle.describe()).state.paused).toBe(false);
  await waitFor(async () => (await occurrences()) >= atPause + 2, 20_000, 100, 'two occurrences after the resume');
  // Each occurrence is a campaign of its own that reaches both recipients.
  const done = await waitFor(
    async () => {
      const rows = await stack.db('campaigns').where({ tenant_id: t.tenantId, parent_id: id, status: 'completed' }).pluck('id');
      return rows.length >= atPause + 2 ? rows : undefined;
    },
    20_000,
    100,
    'the occurrences to complete',
  );
  const perOccurrence = await stack
    .db('campaign_recipients')
    .whereIn('campaign_id', done)
    .groupBy('campaign_id')
    .select('campaign_id', stack.db.raw(`count(*) FILTER (WHERE state IN ('sent', 'delivered'))::int AS n`));
  expect(perOccurrence.map((r) => r.n)).toEqual(done.map(() => 2));

  // Cancelled while paused: the schedule is deleted and the campaign cannot be resumed.
  expect((await api(`/api/v1/campaigns/${id}/pause`, { method: 'POST' })).body.data.status).toBe('paused');
  const cancelled = await api(`/api/v1/campaigns/${id}/cancel`, { method: 'POST' });
  expect(cancelled.status).toBe(200);
  expect(cancelled.body.data.status).toBe('cancelled');
  await expect(handle.describe()).rejects.toThrow();
  expect((await api(`/api/v1/campaigns/${id}/resume`, { method: 'POST' })).status).toBe(409);
  const events = await stack.db('events').where({ tenant_id: t.tenantId, subject_id: id }).orderBy('seq').pluck('type');
  expect(events).toEqual(['campaign.scheduled', 'campaign.paused', 'campaign.resumed', 'campaign.paused', 'campaign.cancelled']);
}, 90_000);
