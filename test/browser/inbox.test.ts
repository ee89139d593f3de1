import twilio from 'twilio';
import { createEmailChannel } from '../../channels/email';
import { createSmsChannel } from '../../channels/sms';
import { ensureConversationInbound } from '../../domain/conversations/lifecycle';
import { openConversation } from '../../domain/conversations/store';
import { TWILIO } from '../integration/campaignHarness';
import { screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';
import { startFakeTwilio } from '../support/fakeTwilio';
import { startTestWorker } from '../support/testWorker';
import { until } from '../support/until';

/**
 * The conversations inbox in a real Chromium, with the real worker and a local Twilio API: a
 * customer's WhatsApp message (posted to Herald's inbound webhook, signed as Twilio signs it)
 * shows up in the inbox with its 24-hour window open; the agent's reply typed in the browser
 * reaches Twilio; the thread is assigned and resolved; a thread past the window asks for a template.
 */
describe('console: inbox', () => {
  const NUMBER = '+15005550177';
  const CUSTOMER = 'whatsapp:+447911000177';
  let stack: ConsoleStack;
  let fakeTwilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  let stopWorker: () => Promise<void>;
  let closeChannels: () => Promise<void>;

  beforeAll(async () => {
    fakeTwilio = await startFakeTwilio(TWILIO);
    stack = await startConsoleStack({
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      TWILIO_FROM: TWILIO.from,
      TWILIO_WHATSAPP_FROM: TWILIO.whatsappFrom,
    });
    const channels = {
      // Nothing here sends e-mail; the channel is required by the worker's messaging deps.
      email: createEmailChannel({ url: 'smtp://127.0.0.1:9', from: 'Herald Test <test@herald.local>', poolSize: 1 }),
      sms: createSmsChannel({ ...TWILIO, apiBase: fakeTwilio.url }),
    };
    closeChannels = async () => {
      await Promise.all([channels.email.close(), channels.sms.close()]);
    };
    stopWorker = await startTestWorker(stack.db, {
      messaging: { channels, publicUrl: stack.server.url, trackingSecret: stack.server.runtime.config.TRACKING_SECRET, pageSize: 100, concurrency: 5 },
    });
    await ensureConversationInbound(stack.server.runtime.temporal);
    const put = await stack.server.request('/api/v1/messaging/settings', { method: 'PUT', key: stack.adminKey, body: { inboundNumbers: [NUMBER] } });
    expect(put.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
    await closeChannels?.();
    await stack?.close();
    await fakeTwilio?.close();
  });

  /** Posts a customer's message to Herald's inbound webhook as Twilio does (form-encoded, signed). */
  async function inbound(body: string) {
    const url = `${stack.server.url}/api/v1/messaging/twilio/inbound`;
    const form = { MessageSid: `SM${Date.now().toString(16).padStart(32, '0')}`, From: CUSTOMER, To: `whatsapp:${NUMBER}`, Body: body };
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TWILIO.authToken, url, form),
      },
      body: new URLSearchParams(form).toString(),
    });
    expect(res.status).toBe(200);
  }

  it('shows an inbound WhatsApp message live, sends the reply typed in the browser through Twilio, assigns and resolves the thread', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/inbox');
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await inbound('Hello, where is my parcel?');
    // The list polls: the new thread appears without a reload.
    const thread = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: new RegExp(CUSTOMER.replace('+', '\\+')) });
    await thread.waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await thread.click();
    await page.getByRole('heading', { name: CUSTOMER, level: 2 }).waitFor();
    await page.getByRole('list', { name: 'Messages' }).getByText('Hello, where is my parcel?').waitFor();
    await expect(page.getByTestId('whatsapp-window').textContent()).resolves.toMatch(/WhatsApp window open until/);

    // A second message arrives while the thread is open: it appears within the polling interval.
    await inbound('Order 1234, thanks');
    await page.getByRole('list', { name: 'Messages' }).getByText('Order 1234, thanks').waitFor({ timeout: 30_000 });

    await page.getByRole('textbox', { name: 'Reply' }).fill('It leaves our warehouse today.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const sent = await until(
      () => fakeTwilio.messages.find((m) => m.body === 'It leaves our warehouse today.'),
      (m) => m !== undefined,
      { timeoutMs: 30_000, label: 'the reply to reach the fake Twilio' },
    );
    expect(sent).toMatchObject({ to: CUSTOMER, from: TWILIO.whatsappFrom });
    // The thread view follows the reply's delivery state past `queued`.
    const messages = page.getByRole('list', { name: 'Messages' });
    await messages
      .getByRole('listitem')
      .filter({ hasText: 'It leaves our warehouse today.' })
      .getByText(/^(sent|delivered)$/)
      .waitFor({ timeout: 30_000 });

    await page.getByRole('combobox', { name: 'Assignee', exact: true }).click();
    await page.getByRole('option', { name: stack.email }).click();
    const conversationId = new URL(page.url()).pathname.split('/').pop()!;
    await until(
      async () => (await stack.db('conversations').where({ id: conversationId }).first()).assignee,
      (a) => a === stack.email,
      { timeoutMs: 15_000, label: 'the assignee to be saved' },
    );
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await expect(page.getByTestId('thread-status').textContent()).resolves.toBe('resolved');
    expect((await stack.db('conversations').where({ id: conversationId }).first()).status).toBe('resolved');
    expect(await seriousViolations(page)).toEqual([]);

    // The resolved thread is under "Resolved", assigned to the admin.
    await page.getByRole('combobox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await thread.waitFor();
    await screenshot(page, 'inbox');
  }, 90_000);

  it('shows the WhatsApp window closed on a thread whose customer last wrote 30 hours ago, and asks for a template instead of free text', async () => {
    const customer = await stack
      .db('customers')
      .where({ tenant_id: stack.tenantId, phone: CUSTOMER.replace('whatsapp:', '') })
      .first();
    const { conversation } = await openConversation(stack.db, stack.tenantId, 'system', {
      customerId: customer.id,
      channel: 'whatsapp',
      address: CUSTOMER,
      subject: 'Old question',
      message: { direction: 'inbound', body: 'Anyone?', at: new Date(Date.now() - 30 * 3_600_000) },
    });
    const { page } = await stack.newPage();
    await page.goto(`/console/inbox/${conversation.id}`);
    await page.getByRole('heading', { name: 'Old question', level: 2 }).waitFor();
    await expect(page.getByTestId('whatsapp-window').textContent()).resolves.toMatch(/WhatsApp window closed since/);
    await page.getByRole('textbox', { name: 'Template Content SID' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Reply' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
