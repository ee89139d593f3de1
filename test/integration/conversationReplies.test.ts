import { appendMessage, openConversation } from '../../domain/conversations/store';
import { createTemporalProvider } from '../../temporal/client';
import { conversationReplySweepWorkflow } from '../../workflows/conversationReplySweep';
import { testTemporalSettings } from '../support/testWorker';
import { buildCustomer, buildTenant } from '../support/factories';
import { startCampaignStack, TWILIO, waitFor, type CampaignStack } from './campaignHarness';

/**
 * Agents' replies leave through the worker: the API stores them `queued`, a Temporal workflow
 * sends them with the real twilio client (to the local Twilio API), and Twilio's signed status
 * callback marks them delivered. WhatsApp free-form text within 24 h, a template after it.
 */
let stack: CampaignStack;
let tenant: { tenantId: string; adminKey: string };

beforeAll(async () => {
  stack = await startCampaignStack();
  tenant = await buildTenant(stack.db, 'Conversation replies');
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const call = (method: string, path: string, body?: unknown) => stack.server.request(`/api/v1${path}`, { method, key: tenant.adminKey, body });
const messageRow = (id: string) => stack.db('conversation_messages').where({ id }).first();
const delivered = (id: string) => waitFor(async () => ((await messageRow(id)).state === 'delivered' ? messageRow(id) : undefined), 30_000, 100);

it('WhatsApp: a reply within 24 h goes out through twilio from the WhatsApp sender and is delivered; after the window free-form is 409 and a template goes out', async () => {
  const customerId = await buildCustomer(stack.db, tenant.tenantId, { phone: '+447700900123' });
  const recent = await openConversation(stack.db, tenant.tenantId, 'system', {
    customerId,
    channel: 'whatsapp',
    address: 'whatsapp:+447700900123',
    message: { direction: 'inbound', body: 'Is my order coming?' },
  });
  const reply = await call('POST', `/conversations/${recent.conversation.id}/messages`, { body: 'Yes, tomorrow' });
  expect(reply.status).toBe(201);
  const row = await delivered(reply.body.data.message.id);
  const sent = stack.twilioApi.messages.find((m) => m.sid === row.provider_id);
  expect(sent).toMatchObject({ to: 'whatsapp:+447700900123', from: TWILIO.whatsappFrom, body: 'Yes, tomorrow' });
  expect(sent!.statusCallback).toContain(`messageId=${reply.body.data.message.id}`);

  const stale = await openConversation(stack.db, tenant.tenantId, 'system', {
    customerId,
    channel: 'whatsapp',
    address: 'whatsapp:+447700900123',
    message: { direction: 'inbound', body: 'Hello?', at: new Date(Date.now() - 30 * 3_600_000) },
  });
  const sentBefore = stack.twilioApi.messages.length;
  const refused = await call('POST', `/conversations/${stale.conversation.id}/messages`, { body: 'Sorry!' });
  expect(refused.status).toBe(409);
  const contentSid = `HX${'c'.repeat(32)}`;
  const template = await call('POST', `/conversations/${stale.conversation.id}/messages`, { contentSid, contentVariables: { 1: 'Ada' } });
  expect(template.status).toBe(201);
  const templateRow = await delivered(template.body.data.message.id);
  const sentTemplate = stack.twilioApi.messages.find((m) => m.sid === templateRow.provider_id);
  expect(sentTemplate).toMatchObject({ to: 'whatsapp:+447700900123', from: TWILIO.whatsappFrom, contentSid, contentVariables: JSON.stringify({ 1: 'Ada' }) });
  expect(stack.twilioApi.messages.length).toBe(sentBefore + 1);
}, 60_000);

it('SMS: a reply goes out from the SMS sender; a number Twilio refuses leaves the message failed with the reason', async () => {
  const customerId = await buildCustomer(stack.db, tenant.tenantId, { phone: '+14155550199' });
  const thread = await openConversation(stack.db, tenant.tenantId, 'system', {
    customerId,
    channel: 'sms',
    address: '+14155550199',
    message: { direction: 'inbound', body: 'hi' },
  });
  const reply = await call('POST', `/conversations/${thread.conversation.id}/messages`, { body: 'Hello by SMS' });
  const row = await delivered(reply.body.data.message.id);
  expect(stack.twilioApi.messages.find((m) => m.sid === row.provider_id)).toMatchObject({ to: '+14155550199', from: TWILIO.from, body: 'Hello by SMS' });

  stack.invalidPhones.add('+14155550198');
  const other = await buildCustomer(stack.db, tenant.tenantId, { phone: '+14155550198' });
  const bad = await openConversation(stack.db, tenant.tenantId, 'system', {
    customerId: other,
    channel: 'sms',
    address: '+14155550198',
    message: { direction: 'inbound', body: 'hi' },
  });
  const refused = await call('POST', `/conversations/${bad.conversation.id}/messages`, { body: 'Hello?' });
  const failed = await waitFor(
    async () => ((await messageRow(refused.body.data.message.id)).state === 'failed' ? messageRow(refused.body.data.message.id) : undefined),
    30_000,
    100,
  );
  expect(failed.error).toMatch(/not a valid phone number/);
}, 60_000);

it('a reply whose workflow never started (Temporal down at the API) is sent by the sweep, once, however often it runs', async () => {
  const customerId = await buildCustomer(stack.db, tenant.tenantId, { phone: '+14155550177' });
  const thread = await openConversation(stack.db, tenant.tenantId, 'system', {
    customerId,
    channel: 'sms',
    address: '+14155550177',
    message: { direction: 'inbound', body: 'anyone there?', at: new Date(Date.now() - 5 * 60_000) },
  });
  // Stored as the API stores a reply, but no workflow was started for it.
  const { message } = await appendMessage(stack.db, tenant.tenantId, 'system', thread.conversation.id, {
    direction: 'outbound',
    body: 'Sorry for the wait',
    at: new Date(Date.now() - 2 * 60_000),
  });
  expect(message.state).toBe('queued');
  const temporal = createTemporalProvider(testTemporalSettings());
  try {
    const client = await temporal.client();
    const sweep = (n: number) =>
      client.workflow.execute(conversationReplySweepWorkflow, {
        workflowId: `reply-sweep-${n}-${message.id}`,
        taskQueue: testTemporalSettings().taskQueue,
        args: [],
      });
    expect(await sweep(1)).toBeGreaterThanOrEqual(1);
    const row = await delivered(message.id);
    expect(stack.twilioApi.messages.filter((m) => m.to === '+14155550177')).toEqual([
      expect.objectContaining({ sid: row.provider_id, body: 'Sorry for the wait' }),
    ]);
    await sweep(2);
    await sweep(3);
    expect(stack.twilioApi.messages.filter((m) => m.to === '+14155550177')).toHaveLength(1);
  } finally {
    await temporal.close();
  }
}, 60_000);
