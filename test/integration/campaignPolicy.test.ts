import { nextAllowedAt } from '../../domain/campaigns/policy';
import { addTracking, messageLinks, signToken, verifyToken } from '../../domain/campaigns/tracking';
import { buildTenant } from '../support/factories';
import { startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

/**
 * The worker's clock is injected: the quiet-hours test sets it to read 23:59:55 UTC (08:59:55 in
 * Tokyo) and it runs at real speed from there, so a Tokyo customer whose communication hours
 * open at 09:00 is due five seconds later instead of hours; the recipient-timezone test sets it
 * three seconds before a scheduled wall-clock time arrives in Tokyo. Every test starts on the real
 * clock: the offset is reset after each one.
 */
const DAY = 86_400_000;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack({ now: clock });
}, 60_000);
afterEach(() => {
  offsetMs = 0;
});
afterAll(async () => {
  await stack?.close();
});

it('holds a message for a recipient at night until their communication hours open, then sends it (durable timer, not dropped)', async () => {
  const t = await buildTenant(stack.db, 'Quiet hours');
  const [night] = await stack
    .db('customers')
    .insert({
      tenant_id: t.tenantId,
      first_name: 'Night',
      email: 'night@example.com',
      timezone: 'Asia/Tokyo',
      communication_hours_start: '09:00',
      communication_hours_end: '17:00',
    })
    .returning('id');
  const [day] = await stack
    .db('customers')
    .insert({
      tenant_id: t.tenantId,
      first_name: 'Day',
      email: 'day@example.com',
      timezone: 'America/New_York',
      communication_hours_start: '09:00',
      communication_hours_end: '21:00',
    })
    .returning('id');
  // No hours or timezone of its own: the tenant's defaults (Tokyo, 09:00–17:00) apply.
  const [plain] = await stack.db('customers').insert({ tenant_id: t.tenantId, first_name: 'Plain', email: 'plain@example.com' }).returning('id');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const settings = await api('/api/v1/messaging/settings', {
    method: 'PUT',
    body: { communicationHours: { start: '09:00', end: '17:00' }, timezone: 'Asia/Tokyo' },
  });
  expect(settings.status).toBe(200);
  expect((await api('/api/v1/messaging/settings', { method: 'PUT', body: { timezone: 'Mars/Olympus' } })).status).toBe(422);
  const fakeStart = Math.floor(Date.now() / DAY) * DAY + DAY - 5000;
  offsetMs = fakeStart - Date.now();
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Polite', channel: 'email', subject: 'Hi', body: 'Hello {{ firstName }}', audience: { type: 'all' }, options: { respectQuietHours: true } },
  });
  await api(`/api/v1/campaigns/${created.body.data.id}/send`, { method: 'POST' });
  const id = created.body.data.id;

  const nineInTokyo = new Date(Math.floor(fakeStart / DAY) * DAY + DAY);
  const held = await waitFor(
    async () => {
      const row = await stack.db('campaign_recipients').where({ campaign_id: id, customer_id: night.id }).first();
      return row?.deferred_reason === 'quiet_hours' ? row : undefined;
    },
    10_000,
    50,
  );
  expect(held.state).toBe('pending');
  expect(new Date(held.next_attempt_at).toISOString()).toBe(nineInTokyo.toISOString());
  const dayRow = await waitFor(
    async () => {
      const row = await stack.db('campaign_recipients').where({ campaign_id: id, customer_id: day.id }).first();
      return row?.state === 'sent' ? row : undefined;
    },
    10_000,
    50,
  );
  expect(new Date(dayRow.sent_at).getTime()).toBeLessThan(nineInTokyo.getTime());
  const waiting = (await api(`/api/v1/campaigns/${id}`)).body.data;
  expect(waiting.status).toBe('sending');
  expect(waiting.progress).toMatchObject({ deferred: 2, sent: 1 });
  const plainRow = await stack.db('campaign_recipients').where({ campaign_id: id, customer_id: plain.id }).first();
  expect(new Date(plainRow.next_attempt_at).toISOString()).toBe(nineInTokyo.toISOString());

  await waitFor(async () => (await api(`/api/v1/campaigns/${id}`)).body.data.status === 'completed', 30_000, 200);
  const sent = await stack.db('campaign_recipients').where({ campaign_id: id, customer_id: night.id }).first();
  expect(sent.state).toBe('sent');
  expect(new Date(sent.sent_at).getTime()).toBeGreaterThanOrEqual(nineInTokyo.getTime());
  expect(stack.sink.messages.filter((m) => m.to[0] === 'night@example.com')).toHaveLength(1);
}, 60_000);

it('holds each message of a send in recipient timezones until that local time arrives there, then sends it', async () => {
  const t = await buildTenant(stack.db, 'Local time');
  const [tokyo] = await stack
    .db('customers')
    .insert({ tenant_id: t.tenantId, first_name: 'Tokyo', email: 'local-tokyo@example.com', timezone: 'Asia/Tokyo' })
    .returning('id');
  const [ny] = await stack
    .db('customers')
    .insert({ tenant_id: t.tenantId, first_name: 'NY', email: 'local-ny@example.com', timezone: 'America/New_York' })
    .returning('id');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  // A wall-clock time 11–12 h ahead (within the 14 h lead, so the workflow starts at once): 9 h earlier in Tokyo, 4–5 h later in New York.
  const at = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 11 * 3_600_000);
  const tokyoAt = new Date(at.getTime() - 9 * 3_600_000);
  const nyOffsetMs =
    new Date(at.toLocaleString('en-US', { timeZone: 'UTC' })).getTime() - new Date(at.toLocaleString('en-US', { timeZone: 'America/New_York' })).getTime();
  const nyAt = new Date(at.getTime() + nyOffsetMs);
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: {
      name: 'Local',
      channel: 'email',
      subject: 'S',
      body: 'B',
      audience: { type: 'all' },
      schedule: { type: 'at', at: at.toISOString() },
      options: { sendInRecipientTimezone: true },
    },
  });
  const id = created.body.data.id;
  // The worker's clock reads three seconds before the scheduled time arrives in Tokyo.
  offsetMs = tokyoAt.getTime() - 3000 - Date.now();
  expect((await api(`/api/v1/campaigns/${id}/schedule`, { method: 'POST', body: {} })).body.data.status).toBe('scheduled');
  const rowOf = (customerId: string) => stack.db('campaign_recipients').where({ campaign_id: id, customer_id: customerId }).first();
  const mailTo = (address: string) => stack.sink.messages.filter((m) => m.to[0] === address);

  const held = await waitFor(async () => rowOf(tokyo.id), 10_000, 50, 'the audience snapshot');
  expect(held).toMatchObject({ state: 'pending', deferred_reason: 'recipient_timezone' });
  expect(new Date(held.next_attempt_at).toISOString()).toBe(tokyoAt.toISOString());
  expect(mailTo('local-tokyo@example.com')).toHaveLength(0);
  const sent = await waitFor(
    async () => {
      const row = await rowOf(tokyo.id);
      return row.state === 'sent' ? row : undefined;
    },
    15_000,
    50,
    'the Tokyo message to be sent when 11:00-ish arrives in Tokyo',
  );
  expect(new Date(sent.sent_at).getTime()).toBeGreaterThanOrEqual(tokyoAt.getTime());
  expect(mailTo('local-tokyo@example.com')).toHaveLength(1);

  // New York's time is hours away on the worker's clock: still held, nothing sent.
  const waiting = await rowOf(ny.id);
  expect(waiting).toMatchObject({ state: 'pending', deferred_reason: 'recipient_timezone' });
  expect(new Date(waiting.next_attempt_at).toISOString()).toBe(nyAt.toISOString());
  expect(mailTo('local-ny@example.com')).toHaveLength(0);
  expect((await api(`/api/v1/campaigns/${id}`)).body.data).toMatchObject({ status: 'sending', progress: { sent: 1, deferred: 1 } });
  await api(`/api/v1/campaigns/${id}/cancel`, { method: 'POST' });
}, 60_000);

it('defers a recipient over the frequency cap until the oldest counted message leaves the period', async () => {
  const t = await buildTenant(stack.db, 'Frequency cap');
  const [c] = await stack.db('customers').insert({ tenant_id: t.tenantId, first_name: 'Busy', email: 'busy@example.com' }).returning('id');
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const first = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'First', channel: 'email', subject: 'Hi', body: 'One', audience: { type: 'all' } },
  });
  await api(`/api/v1/campaigns/${first.body.data.id}/send`, { method: 'POST' });
  await waitFor(async () => (await api(`/api/v1/campaigns/${first.body.data.id}`)).body.data.status === 'completed', 30_000, 200);
  const firstSentAt = new Date((await stack.db('campaign_recipients').where({ campaign_id: first.body.data.id }).first()).sent_at);

  const second = await api('/api/v1/campaigns', {
    method: 'POST',
    body: {
      name: 'Second',
      channel: 'email',
      subject: 'Hi',
      body: 'Two',
      audience: { type: 'customers', customerIds: [c.id] },
      options: { frequencyCap: { max: 1, periodHours: 24 } },
    },
  });
  await api(`/api/v1/campaigns/${second.body.data.id}/send`, { method: 'POST' });
  const held = await waitFor(
    async () => {
      const row = await stack.db('campaign_recipients').where({ campaign_id: second.body.data.id }).first();
      return row?.deferred_reason === 'frequency_cap' ? row : undefined;
    },
    10_000,
    50,
  );
  expect(held.state).toBe('pending');
  expect(new Date(held.next_attempt_at).getTime()).toBe(firstSentAt.getTime() + 24 * 3_600_000);
  expect((await api(`/api/v1/campaigns/${second.body.data.id}/analytics`)).body.data).toMatchObject({ deferred: 1, sent: 0 });
  await api(`/api/v1/campaigns/${second.body.data.id}/cancel`, { method: 'POST' });
  await waitFor(async () => (await stack.db('campaign_recipients').where({ campaign_id: second.body.data.id }).first()).state === 'cancelled', 10_000, 100);
});

it('computes the next opening of communication hours across midnight and timezones', () => {
  const at = new Date('2026-01-10T23:30:00Z');
  expect(nextAllowedAt(at, 'UTC', { start: '22:00', end: '06:00' })).toBeNull();
  expect(nextAllowedAt(at, 'Asia/Tokyo', { start: '09:00', end: '17:00' })?.toISOString()).toBe('2026-01-11T00:00:00.000Z');
  expect(nextAllowedAt(at, 'America/Los_Angeles', { start: '09:00', end: '17:00' })).toBeNull();
  expect(nextAllowedAt(at, 'Not/AZone', { start: '08:00', end: '09:00' })?.toISOString()).toBe('2026-01-11T08:00:00.000Z');
});

it('signs tracking tokens per purpose and target, and rejects tampering', () => {
  const secret = 'x'.repeat(32);
  const id = '0b9c5e5e-3f1a-4c2b-9a51-2f0e8d7c6b5a';
  const click = signToken(secret, 'click', id, 'https://a.example.com');
  expect(verifyToken(secret, 'click', click, 'https://a.example.com')).toBe(id);
  expect(verifyToken(secret, 'click', click, 'https://b.example.com')).toBeNull();
  expect(verifyToken(secret, 'unsubscribe', click)).toBeNull();
  expect(verifyToken('y'.repeat(32), 'click', click, 'https://a.example.com')).toBeNull();
  expect(verifyToken(secret, 'open', 'not-a-token')).toBeNull();
  const html = addTracking('<a href="https://a.example.com/x?y=1&amp;z=2">go</a>', messageLinks('http://h', secret, id));
  expect(html).toContain(
    `http://h/api/v1/messaging/click/${signToken(secret, 'click', id, 'https://a.example.com/x?y=1&z=2')}?url=${encodeURIComponent('https://a.example.com/x?y=1&z=2')}`,
  );
  expect(html).toContain(`<img src="http://h/api/v1/messaging/open/${signToken(secret, 'open', id)}"`);
});
