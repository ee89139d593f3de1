import { campaignWorkflowId } from '../../workflows/campaignSend';
import { buildTenant } from '../support/factories';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

let stack: CampaignStack;

// Short activity calls (a 300 ms budget: two pages of 10 at 40 messages/s) and two calls per run:
// a 150-message campaign spans about eight calls, so its workflow continues as new several times.
beforeAll(async () => {
  stack = await startCampaignStack({ pageSize: 10, concurrency: 5, pageTimeBudgetMs: 300, pagesPerRun: 2 });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

it('continues a long campaign as new with its counters carried over, sending each message once', async () => {
  const t = await buildTenant(stack.db, 'Long runner');
  await seedCustomers(stack.db, t.tenantId, 150, 'long');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Long', channel: 'email', subject: 'S', body: 'B {{ firstName }}', audience: { type: 'all' }, options: { throttlePerSecond: 40 } },
  });
  const id = created.body.data.id as string;
  expect((await api(`/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);

  const client = await stack.server.runtime.temporal.client();
  const workflowId = campaignWorkflowId(t.tenantId, id);
  // While it runs, the live progress (the workflow query) keeps counting across runs.
  const midway = await waitFor(
    async () => {
      const detail = (await api(`/api/v1/campaigns/${id}`)).body.data;
      return detail.progress.workflow?.pages >= 3 && detail.status === 'sending' ? detail : undefined;
    },
    30_000,
    50,
  );
  expect(midway.progress.workflow.sent).toBeGreaterThan(0);
  const final = await waitFor(
    async () => {
      const handle = client.workflow.getHandle(workflowId);
      const description = await handle.describe();
      return description.status.name === 'COMPLETED' ? { description, result: await handle.result() } : undefined;
    },
    60_000,
    200,
  );

  const runs: string[] = [];
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run.status.name);
  expect(runs.filter((s) => s === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);
  // The last run's result holds every run's counters, not just its own.
  expect(final.result).toMatchObject({ sent: 150, failed: 0, cancelled: false });
  expect(final.result.pages).toBeGreaterThanOrEqual(2 * 2 + 1);

  const ids = stack.sink.messages.filter((m) => m.headers['x-herald-tenant'] === t.tenantId).map((m) => m.messageId);
  expect(ids).toHaveLength(150);
  expect(new Set(ids).size).toBe(150);
  expect((await api(`/api/v1/campaigns/${id}/analytics`)).body.data).toMatchObject({ recipients: 150, sent: 150, queued: 0 });
  const events = await stack.db('events').where({ tenant_id: t.tenantId, subject_id: id }).orderBy('seq').pluck('type');
  expect(events).toEqual(['campaign.sent', 'campaign.started', 'campaign.completed']);
}, 120_000);
