import { buildTenant } from '../support/factories';
import { until } from '../support/until';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack({ pageSize: 50, concurrency: 5 });
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
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name, channel: 'email', subject: 'S', body: 'B {{ firstName }}', audience: { type: 'all' }, options: { throttlePerSecond: 40 } },
  });
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

it('a pause and a resume sent right after the send, while the workflow begins, never leave a campaign stuck paused', async () => {
  // The race: the resume signal and beginCampaign's result (which read 'paused') reach the workflow together.
  const campaigns = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const c = await startSlowCampaign(20, `begin-race-${i}`);
      expect((await c.api(`/api/v1/campaigns/${c.id}/pause`, { method: 'POST' })).status).toBe(200);
      expect((await c.api(`/api/v1/campaigns/${c.id}/resume`, { method: 'POST' })).status).toBe(200);
      return c;
    }),
  );
  const finished = await Promise.all(
    campaigns.map(async (c) => {
      const done = await waitFor(async () => (await c.api(`/api/v1/campaigns/${c.id}`)).body.data.status === 'completed', 30_000, 200).then(
        () => true,
        () => false,
      );
      return { name: c.t.tenantId, done, received: c.received() };
    }),
  );
  expect(finished.filter((f) => !f.done || f.received !== 20)).toEqual([]);
}, 90_000);

it('a resume that arrives before the running page has wound down after a pause still completes the campaign', async () => {
  const c = await startSlowCampaign(200, 'quick-resume');
  await waitFor(async () => c.received() >= 10, 30_000, 20);
  // Gaps around the activity's 200 ms status poll: some resumes land before it notices the pause, some while it winds down.
  for (const gap of [0, 150, 200, 230, 260, 300, 350]) {
    expect((await c.api(`/api/v1/campaigns/${c.id}/pause`, { method: 'POST' })).status).toBe(200);
    await sleep(gap);
    const atResume = c.received();
    expect((await c.api(`/api/v1/campaigns/${c.id}/resume`, { method: 'POST' })).status).toBe(200);
    // Sending again before the next pause: each round pauses a campaign that resumed.
    await waitFor(async () => c.received() > atResume, 10_000, 20, `sending to go on after the resume following a ${gap} ms pause`);
  }
  await waitFor(async () => (await c.api(`/api/v1/campaigns/${c.id}`)).body.data.status === 'completed', 60_000, 200);
  const ids = stack.sink.messages.filter((m) => m.headers['x-herald-tenant'] === c.t.tenantId).map((m) => m.messageId);
  // Each recipient once: 200 messages in all (a repeat would make more), with 200 distinct Message-IDs.
  expect({ received: ids.length, distinct: new Set(ids).size }).toEqual({ received: 200, distinct: 200 });
}, 90_000);

it('cancel stops sending and marks every unsent recipient cancelled', async () => {
  const c = await startSlowCampaign(200, 'cancelling');
  await waitFor(async () => c.received() >= 20, 30_000, 20);
  const cancelled = await c.api(`/api/v1/campaigns/${c.id}/cancel`, { method: 'POST' });
  expect(cancelled.body.data.status).toBe('cancelled');
  await waitFor(async () => (await c.api(`/api/v1/campaigns/${c.id}`)).body.data.finishedAt, 30_000, 200);
  const byState = async () =>
    Object.fromEntries(
      (await stack.db('campaign_recipients').where({ campaign_id: c.id }).groupBy('state').select('state', stack.db.raw('count(*)::int AS n'))).map((r) => [
        r.state,
        r.n,
      ]),
    );
  // Messages handed to SMTP before the cancel may still be arriving at the sink: wait until it has every one marked sent.
  const counts = await until(byState, (n) => c.received() === n.sent, { timeoutMs: 10_000, label: 'the SMTP sink to hold every message marked sent' });
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
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Later', type: 'sms', content: 'Soon {{firstName}}', audienceType: 'all', schedulingType: 'scheduled', scheduledAt: at },
  });
  expect(created.status).toBe(201);
  const scheduled = await api(`/api/v1/campaigns/${created.body.data.id}/status`, { method: 'PATCH', body: { status: 'scheduled' } });
  expect(scheduled.body.data).toMatchObject({ status: 'scheduled', scheduledAt: at });
  expect((await api(`/api/v1/campaigns/${created.body.data.id}/analytics`)).body.data.recipients).toBe(0);
  await waitFor(async () => (await api(`/api/v1/campaigns/${created.body.data.id}`)).body.data.status === 'completed', 30_000, 200);
  const done = (await api(`/api/v1/campaigns/${created.body.data.id}`)).body.data;
  expect(new Date(done.startedAt).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
  expect((await api(`/api/v1/campaigns/${created.body.data.id}/analytics`)).body.data).toMatchObject({ sent: 3, delivered: 3 });

  const later = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Never', channel: 'sms', body: 'x', audience: { type: 'all' }, schedule: { type: 'at', at: new Date(Date.now() + 3600_000).toISOString() } },
  });
  await api(`/api/v1/campaigns/${later.body.data.id}/schedule`, { method: 'POST', body: {} });
  const c = await api(`/api/v1/campaigns/${later.body.data.id}/status`, { method: 'PATCH', body: { status: 'cancelled' } });
  expect(c.body.data).toMatchObject({ status: 'cancelled' });
  expect((await api(`/api/v1/campaigns/${later.body.data.id}/status`, { method: 'PATCH', body: { status: 'completed' } })).status).toBe(422);
  const past = await api('/api/v1/campaigns', { method: 'POST', body: { name: 'Past', channel: 'sms', body: 'x', audience: { type: 'all' } } });
  expect((await api(`/api/v1/campaigns/${past.body.data.id}/schedule`, { method: 'POST', body: { scheduledAt: '2020-01-01T00:00:00Z' } })).status).toBe(422);
}, 60_000);

it('retries a transient SMTP refusal (451) with backoff and pauses automatically when the failure rate passes the threshold', async () => {
  const t = await buildTenant(stack.db, 'failures');
  await seedCustomers(stack.db, t.tenantId, 30, 'failures');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const emails = (await stack.db('customers').where({ tenant_id: t.tenantId }).orderBy('email').pluck('email')) as string[];
  stack.tempFailEmails.set(emails[0]!, 1);
  const retried = await api('/api/v1/campaigns', {
    method: 'POST',
    body: {
      name: 'Retry',
      channel: 'email',
      subject: 'S',
      body: 'B',
      audience: { type: 'customers', customerIds: [(await stack.db('customers').where({ email: emails[0] }).first('id')).id] },
    },
  });
  await api(`/api/v1/campaigns/${retried.body.data.id}/send`, { method: 'POST' });
  await waitFor(async () => (await api(`/api/v1/campaigns/${retried.body.data.id}`)).body.data.status === 'completed', 30_000, 200);
  const row = await stack.db('campaign_recipients').where({ campaign_id: retried.body.data.id }).first();
  expect(row).toMatchObject({ state: 'sent', attempts: 2, error: null });

  for (const e of emails.slice(0, 12)) stack.rejectEmails.add(e);
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Bouncy', channel: 'email', subject: 'S', body: 'B', audience: { type: 'all' }, options: { autoPauseFailureRate: 0.2 } },
  });
  await api(`/api/v1/campaigns/${created.body.data.id}/send`, { method: 'POST' });
  const paused = await waitFor(
    async () => {
      const d = (await api(`/api/v1/campaigns/${created.body.data.id}`)).body.data;
      return d.status === 'paused' ? d : undefined;
    },
    30_000,
    200,
  );
  expect(paused.statusReason).toMatch(/^failure rate 0\.\d+ passed 0\.2$/);
  const event = await stack.db('events').where({ tenant_id: t.tenantId, subject_id: created.body.data.id, type: 'campaign.paused' }).first();
  expect(event.payload.data).toMatchObject({ automatic: true });
  for (const e of emails.slice(0, 12)) stack.rejectEmails.delete(e);
  await api(`/api/v1/campaigns/${created.body.data.id}/cancel`, { method: 'POST' });
}, 60_000);

it('sends to a saved segment, and reads a scheduled time as wall-clock time in each recipient’s timezone', async () => {
  const t = await buildTenant(stack.db, 'segmented');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const [tokyo, ny, other] = await stack
    .db('customers')
    .insert([
      { tenant_id: t.tenantId, first_name: 'T', email: 'tokyo@example.com', timezone: 'Asia/Tokyo', tier: 'vip' },
      { tenant_id: t.tenantId, first_name: 'N', email: 'ny@example.com', timezone: 'America/New_York', tier: 'vip' },
      { tenant_id: t.tenantId, first_name: 'O', email: 'other@example.com', tier: 'regular' },
    ])
    .returning('id');
  const segment = await api('/api/v1/segments', { method: 'POST', body: { name: 'VIP', rules: { field: 'tier', operator: 'equal', value: 'vip' } } });
  expect(segment.status).toBe(201);
  // Within 14 h (the earliest timezone), so the workflow starts now; late enough that 11:00-ish in Tokyo is still ahead.
  const at = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 11 * 3_600_000);
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: {
      name: 'Local',
      channel: 'email',
      subject: 'S',
      body: 'B',
      audience: { type: 'segment', segmentId: segment.body.data.id },
      schedule: { type: 'at', at: at.toISOString() },
      options: { sendInRecipientTimezone: true },
    },
  });
  expect((await api(`/api/v1/campaigns/${created.body.data.id}/schedule`, { method: 'POST', body: {} })).body.data.status).toBe('scheduled');
  const rows = await waitFor(
    async () => {
      const r = await stack
        .db('campaign_recipients')
        .where({ campaign_id: created.body.data.id })
        .select('customer_id', 'next_attempt_at', 'deferred_reason', 'state');
      return r.length === 2 ? r : undefined;
    },
    20_000,
    100,
  );
  const wall = at.toISOString().slice(0, 19);
  const expected = (tz: string) => {
    // The instant whose wall-clock reading in `tz` is `wall`.
    const guess = new Date(`${wall}Z`);
    const local = new Date(guess.toLocaleString('en-US', { timeZone: tz }) + ' UTC');
    return new Date(guess.getTime() - (local.getTime() - guess.getTime())).toISOString();
  };
  const byCustomer = Object.fromEntries(rows.map((r) => [r.customer_id, r]));
  expect(byCustomer[other.id]).toBeUndefined();
  expect(new Date(byCustomer[tokyo.id].next_attempt_at).toISOString()).toBe(expected('Asia/Tokyo'));
  expect(new Date(byCustomer[ny.id].next_attempt_at).toISOString()).toBe(expected('America/New_York'));
  expect(byCustomer[tokyo.id]).toMatchObject({ state: 'pending', deferred_reason: 'recipient_timezone' });
  expect(byCustomer[ny.id]).toMatchObject({ state: 'pending', deferred_reason: 'recipient_timezone' });
  await api(`/api/v1/campaigns/${created.body.data.id}/cancel`, { method: 'POST' });
}, 60_000);

it('cancels a paused campaign: its workflow ends, nothing more is sent, every unsent recipient is cancelled, and it cannot be resumed', async () => {
  const c = await startSlowCampaign(200, 'cancel-paused');
  await waitFor(async () => c.received() >= 20, 30_000, 20);
  expect((await c.api(`/api/v1/campaigns/${c.id}/pause`, { method: 'POST' })).body.data.status).toBe('paused');
  await waitFor(
    async () => (await c.api(`/api/v1/campaigns/${c.id}`)).body.data.progress.workflow?.paused === true,
    10_000,
    50,
    'the workflow to report itself paused',
  );
  const sentRows = () =>
    stack
      .db('campaign_recipients')
      .where({ campaign_id: c.id })
      .whereIn('state', ['sending', 'sent'])
      .select(stack.db.raw(`count(*) FILTER (WHERE state = 'sending')::int AS sending, count(*) FILTER (WHERE state = 'sent')::int AS sent`))
      .first();
  // Paused for real: no claimed row left, and every message marked sent is at the sink.
  const atPause = await until(sentRows, (n) => n.sending === 0 && n.sent === c.received(), { timeoutMs: 10_000, label: 'the paused page to wind down' });
  const cancelled = await c.api(`/api/v1/campaigns/${c.id}/cancel`, { method: 'POST' });
  expect(cancelled.status).toBe(200);
  expect(cancelled.body.data.status).toBe('cancelled');
  // The paused workflow hears the cancel and finishes (a workflow left waiting for a resume would never end).
  const client = await stack.server.runtime.temporal.client();
  const workflow = client.workflow.getHandle(`campaign-${c.t.tenantId}-${c.id}`);
  await until(
    async () => (await workflow.describe()).status.name,
    (s) => s !== 'RUNNING',
    { timeoutMs: 15_000, label: 'the paused campaign workflow to end after the cancel' },
  );
  expect((await workflow.describe()).status.name).toBe('COMPLETED');
  const detail = (await c.api(`/api/v1/campaigns/${c.id}`)).body.data;
  expect(detail).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) });
  const byState = Object.fromEntries(
    (await stack.db('campaign_recipients').where({ campaign_id: c.id }).groupBy('state').select('state', stack.db.raw('count(*)::int AS n'))).map((r) => [
      r.state,
      r.n,
    ]),
  );
  expect(Object.keys(byState).sort()).toEqual(['cancelled', 'sent']);
  expect(byState.sent + byState.cancelled).toBe(200);
  // Nothing was sent after the pause: what reached the sink is what the ledger held at the pause, and stays so.
  expect(byState.sent).toBe(atPause.sent);
  expect(c.received()).toBe(byState.sent);
  await sleep(1000);
  expect(c.received()).toBe(byState.sent);
  expect((await c.api(`/api/v1/campaigns/${c.id}/resume`, { method: 'POST' })).status).toBe(409);
  const events = await stack.db('events').where({ tenant_id: c.t.tenantId, subject_id: c.id }).orderBy('seq').pluck('type');
  expect(events).toEqual(['campaign.sent', 'campaign.started', 'campaign.paused', 'campaign.cancelled']);
}, 90_000);
