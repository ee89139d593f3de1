import twilio from 'twilio';
import { ensureConversationInbound } from '../../domain/conversations/lifecycle';
import { buildTenant } from '../support/factories';
import { until } from '../support/until';
import { startCampaignStack, TWILIO, waitFor, type CampaignStack } from './campaignHarness';

/**
 * Twilio's inbound webhook through the real route, signed as Twilio signs it: a new WhatsApp
 * number becomes a customer with an open conversation, an agent's reply goes out through twilio,
 * STOP withdraws SMS consent (a campaign then skips the customer), unparseable senders are kept
 * unmatched, bad signatures store nothing, Twilio's retries are stored once, and threads reopen
 * within the tenant's reopen window. The webhook only queues (accept-then-process): the worker's
 * inbound processor applies each post, so every check waits for the queue to be drained.
 */
let stack: CampaignStack;
let tenant: { tenantId: string; adminKey: string };
const NUMBER = '+15005550100';
let sid = 0;

beforeAll(async () => {
  stack = await startCampaignStack();
  await ensureConversationInbound(stack.server.runtime.temporal);
  tenant = await buildTenant(stack.db, 'Inbound');
  const put = await call('PUT', '/messaging/settings', { inboundNumbers: [NUMBER], conversationReopenDays: 3 });
  expect(put.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

function call(method: string, path: string, body?: unknown) {
  return stack.server.request(`/api/v1${path}`, { method, key: tenant.adminKey, body });
}

/** Waits until the inbound processor has applied every queued post. */
async function drained() {
  await until(
    async () => Number((await stack.db('conversation_inbound_queue').count<{ n: string }[]>({ n: '*' }))[0]!.n),
    (n) => n === 0,
    { timeoutMs: 15_000, label: 'the inbound queue to drain' },
  );
}

/** Posts an inbound message as Twilio does (form-encoded, signed with the auth token or a wrong one), then waits for it to be applied. */
async function inbound(params: Record<string, string>, token = TWILIO.authToken) {
  const res = await post(params, token);
  await drained();
  return res;
}

/** Posts an inbound message without waiting for the processor. */
async function post(params: Record<string, string>, token = TWILIO.authToken) {
  const url = `${stack.server.url}/api/v1/messaging/twilio/inbound`;
  const form = { MessageSid: `SM${(++sid).toString().padStart(32, '0')}`, To: NUMBER, ...params };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(token, url, form) },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text(), sid: form.MessageSid };
}

const customerByPhone = (phone: string) => stack.db('customers').where({ tenant_id: tenant.tenantId, phone }).first();
const conversationsOf = (customerId: string) => stack.db('conversations').where({ customer_id: customerId }).orderBy('created_at');

it('an unknown WhatsApp number creates the customer and an open conversation; the agent reply goes out through twilio', async () => {
  const res = await inbound({ From: 'whatsapp:+447911123456', To: `whatsapp:${NUMBER}`, Body: 'Hello, is anyone there?' });
  expect(res).toMatchObject({ status: 200, text: expect.stringContaining('<Response/>') });
  expect(res.type).toMatch(/text\/xml/);
  const customer = await customerByPhone('+447911123456');
  expect(customer).toMatchObject({ source: 'whatsapp' });
  const [conversation] = await conversationsOf(customer.id);
  expect(conversation).toMatchObject({ channel: 'whatsapp', status: 'open', address: 'whatsapp:+447911123456', message_count: 1 });

  // Twilio retrying the same message: stored once.
  await fetchAgain(res.sid, 'whatsapp:+447911123456');
  expect((await conversationsOf(customer.id))[0].message_count).toBe(1);

  const reply = await call('POST', `/conversations/${conversation.id}/messages`, { body: 'Yes! How can we help?' });
  expect(reply.status).toBe(201);
  const sent = await waitFor(async () => stack.twilioApi.messages.find((m) => m.to === 'whatsapp:+447911123456'), 30_000, 100);
  expect(sent).toMatchObject({ from: TWILIO.whatsappFrom, body: 'Yes! How can we help?' });
  const stats = await stack.db('customer_conversation_stats').where({ customer_id: customer.id }).first();
  expect(stats).toMatchObject({ total_conversations: 1, open_conversations: 1, total_messages: 2, response_count: 1 });
}, 60_000);

/** Repeats a delivery with a given MessageSid (Twilio's retry after a timeout). */
async function fetchAgain(messageSid: string, from: string) {
  const url = `${stack.server.url}/api/v1/messaging/twilio/inbound`;
  const form = { MessageSid: messageSid, From: from, To: `whatsapp:${NUMBER}`, Body: 'Hello, is anyone there?' };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TWILIO.authToken, url, form) },
    body: new URLSearchParams(form).toString(),
  });
  expect(res.status).toBe(200);
  await drained();
}

it('a bad signature is 403 and stores nothing; an unparseable sender is answered 200 and listed unmatched', async () => {
  const before = await stack.db('conversation_messages').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' });
  expect((await inbound({ From: '+14155550123', Body: 'forged' }, 'wrong-token')).status).toBe(403);
  expect(await stack.db('conversation_messages').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' })).toEqual(before);
  expect(await customerByPhone('+14155550123')).toBeUndefined();

  expect((await inbound({ From: 'Alphanumeric-Sender', Body: 'who am I?' })).status).toBe(200);
  // E.164 in form, but not a number libphonenumber accepts: kept unmatched too, never a 4xx Twilio would retry.
  expect((await inbound({ From: 'whatsapp:+447700900555', To: `whatsapp:${NUMBER}`, Body: 'fictional' })).status).toBe(200);
  const unmatched = await call('GET', '/conversations?unmatched=true');
  expect(unmatched.body.data).toEqual([
    expect.objectContaining({ customerId: null, address: 'whatsapp:+447700900555', channel: 'whatsapp' }),
    expect.objectContaining({ customerId: null, address: 'Alphanumeric-Sender', channel: 'sms' }),
  ]);
});

it('STOP withdraws SMS consent and a campaign then skips the customer for no consent; START gives it back', async () => {
  const created = await call('POST', '/customers', { firstName: 'Stopper', phone: '+14155550177' });
  expect(created.status).toBe(201);
  await inbound({ From: '+14155550177', Body: ' Stop ', OptOutType: 'STOP' });
  expect(await customerByPhone('+14155550177')).toMatchObject({ consent_sms: false });
  const campaign = await call('POST', '/campaigns', {
    name: 'Promo',
    channel: 'sms',
    body: 'Sale!',
    audience: { type: 'customers', customerIds: [created.body.data.id] },
  });
  await call('POST', `/campaigns/${campaign.body.data.id}/send`);
  const row = await waitFor(async () => stack.db('campaign_recipients').where({ campaign_id: campaign.body.data.id }).first(), 30_000, 100);
  expect(row).toMatchObject({ state: 'skipped', skip_reason: 'no_consent' });
  expect(stack.twilioApi.messages.some((m) => m.to === '+14155550177')).toBe(false);

  await inbound({ From: '+14155550177', Body: 'START' });
  expect(await customerByPhone('+14155550177')).toMatchObject({ consent_sms: true });
  const [thread] = await conversationsOf(created.body.data.id);
  expect(await stack.db('conversation_messages').where({ conversation_id: thread.id }).orderBy('created_at').pluck('body')).toEqual([' Stop ', 'START']);
}, 60_000);

it('a message on a thread resolved within conversationReopenDays reopens it; after them it opens a new one', async () => {
  await inbound({ From: '+14155550188', Body: 'first' });
  const customer = await customerByPhone('+14155550188');
  expect(customer).toMatchObject({ source: 'sms' });
  const [thread] = await conversationsOf(customer.id);
  await call('PATCH', `/conversations/${thread.id}`, { status: 'resolved', satisfaction: 4 });
  await inbound({ From: '+14155550188', Body: 'again' });
  expect(await conversationsOf(customer.id)).toEqual([expect.objectContaining({ id: thread.id, status: 'open', message_count: 2 })]);

  await call('PATCH', `/conversations/${thread.id}`, { status: 'resolved' });
  // Resolved four days ago: beyond the tenant's three days.
  await stack
    .db('conversations')
    .where({ id: thread.id })
    .update({ resolved_at: new Date(Date.now() - 4 * 86_400_000) });
  await inbound({ From: '+14155550188', Body: 'new topic' });
  const threads = await conversationsOf(customer.id);
  expect(threads.map((c: { status: string; message_count: number }) => [c.status, c.message_count])).toEqual([
    ['resolved', 2],
    ['open', 1],
  ]);
});

it('five first messages from a new number at once: one customer, one conversation, five messages', async () => {
  const results = await Promise.all(Array.from({ length: 5 }, (_, i) => post({ From: '+14155550166', Body: `burst ${i}` })));
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  await drained();
  const customers = await stack.db('customers').where({ tenant_id: tenant.tenantId, phone: '+14155550166' });
  expect(customers).toHaveLength(1);
  const threads = await conversationsOf(customers[0].id);
  expect(threads.map((c: { message_count: number }) => c.message_count)).toEqual([5]);
  expect(await stack.db('customer_conversation_stats').where({ customer_id: customers[0].id }).first()).toMatchObject({
    total_conversations: 1,
    total_messages: 5,
  });
});

it('an inbound number is one tenant’s: another tenant listing it is 409 and its settings stay as they were', async () => {
  const other = await buildTenant(stack.db, 'Inbound rival');
  const res = await stack.server.request('/api/v1/messaging/settings', {
    method: 'PUT',
    key: other.adminKey,
    body: { inboundNumbers: ['+15005550199', NUMBER] },
  });
  expect(res.status).toBe(409);
  expect(res.body.error.details).toEqual({ inboundNumbers: [NUMBER] });
  expect((await stack.server.request('/api/v1/messaging/settings', { key: other.adminKey })).body.data).toEqual({});
  // Re-saving its own number is fine for the owner.
  expect((await call('PUT', '/messaging/settings', { inboundNumbers: [NUMBER], conversationReopenDays: 3 })).status).toBe(200);
});
