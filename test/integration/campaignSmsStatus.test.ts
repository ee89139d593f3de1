import twilio from 'twilio';
import { buildTenant } from '../support/factories';
import { seedCustomers, startCampaignStack, TWILIO, waitFor, type CampaignStack } from './campaignHarness';

/**
 * Twilio's final statuses other than `delivered`, through the real route with Twilio's signature:
 * `failed` and `undelivered` mark the recipient failed permanently with Twilio's error code —
 * whether the callback arrives before Herald has settled the send (the fake answers the create
 * request only after Herald answered the callback) or after it (posted here once the campaign is
 * complete) — and the campaign's analytics count them as failed.
 */
let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

/** Posts a status callback for a ledger row the way Twilio does: form-encoded, signed with the auth token. */
async function statusCallback(ledgerId: string, params: Record<string, string>): Promise<number> {
  const url = `${stack.server.url}/api/v1/messaging/twilio/status?ledgerId=${ledgerId}`;
  const signature = twilio.getExpectedTwilioSignature(TWILIO.authToken, url, params);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  return res.status;
}

it('marks recipients failed permanently with the error code on failed and undelivered callbacks, before or after the send is settled', async () => {
  const t = await buildTenant(stack.db, 'SMS outcomes');
  await seedCustomers(stack.db, t.tenantId, 6, 'outcomes');
  const phones = (await stack.db('customers').where({ tenant_id: t.tenantId }).orderBy('phone').pluck('phone')) as string[];
  const [early, late, pendingFinal] = phones;
  stack.smsOutcomes.set(early!, { status: 'undelivered', errorCode: '30005', beforeAnswer: true });
  stack.smsOutcomes.set(late!, { status: 'failed', errorCode: '30003' });
  // Twilio reports `sent` first; its final status is posted below, after the campaign completed.
  stack.smsOutcomes.set(pendingFinal!, { status: 'sent' });
  const api = (p: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(p, { key: t.adminKey, ...init });
  const created = await api('/api/v1/campaigns', {
    method: 'POST',
    body: { name: 'Outcomes', channel: 'sms', body: 'Hi {{ firstName }}', audience: { type: 'all' } },
  });
  const id = created.body.data.id as string;
  expect((await api(`/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);
  await waitFor(async () => (await api(`/api/v1/campaigns/${id}`)).body.data.status === 'completed', 30_000, 200);
  const statuses = await stack.twilioApi.callbackStatuses();
  expect(statuses).toEqual(Array(6).fill(204));
  const rowOf = (address: string) => stack.db('campaign_recipients').where({ campaign_id: id, address }).first();

  expect(await rowOf(early!)).toMatchObject({ state: 'failed', error_kind: 'permanent', error: 'twilio undelivered (30005)' });
  expect(
    await waitFor(
      async () => {
        const row = await rowOf(late!);
        return row.state === 'sent' ? undefined : row;
      },
      10_000,
      50,
      'the failed callback to be applied',
    ),
  ).toMatchObject({ state: 'failed', error_kind: 'permanent', error: 'twilio failed (30003)' });
  const settled = await rowOf(pendingFinal!);
  expect(settled).toMatchObject({ state: 'sent', error: null });
  expect((await api(`/api/v1/campaigns/${id}/analytics`)).body.data).toMatchObject({ recipients: 6, sent: 4, delivered: 3, failed: 2 });

  // A status Herald does not act on changes nothing; an undelivered one after settlement fails the row.
  expect(await statusCallback(settled.id, { MessageSid: settled.provider_id, MessageStatus: 'queued' })).toBe(204);
  expect(await rowOf(pendingFinal!)).toMatchObject({ state: 'sent', error: null });
  expect(await statusCallback(settled.id, { MessageSid: settled.provider_id, MessageStatus: 'undelivered', ErrorCode: '30006' })).toBe(204);
  expect(await rowOf(pendingFinal!)).toMatchObject({ state: 'failed', error_kind: 'permanent', error: 'twilio undelivered (30006)' });
  expect((await api(`/api/v1/campaigns/${id}/analytics`)).body.data).toMatchObject({ sent: 3, delivered: 3, failed: 3 });
  // Messages were sent once each: the failures are Twilio's, after it accepted them.
  expect(stack.twilioApi.messages.filter((m) => phones.includes(m.to))).toHaveLength(6);
}, 60_000);
