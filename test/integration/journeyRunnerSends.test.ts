import type { JourneyNode } from '../../domain/journeys/types';
import { buildCustomer, buildTenant } from '../support/factories';
import { eventTrigger, insertJourney, insertRun, runRow, startJourneyStack, stepRows, type JourneyStack } from '../support/journeysRunner';
import { startWebhookReceiver } from '../support/webhookReceiver';
import { until, waitFor } from '../support/until';

/**
 * The runner's effects, all real: e-mail into the SMTP sink, SMS through the Twilio fake, the
 * campaign policy gate (quiet hours in the customer's timezone, the frequency cap across
 * campaigns, skip reasons), a signed webhook verified by the `standardwebhooks` library, and a
 * customer change with its event. The worker's clock is injected, starts at noon UTC and only moves forward.
 */
const DAY = 86_400_000;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

let stack: JourneyStack;
beforeAll(async () => {
  // Noon UTC on a later day: inside the default communication hours (09:00–21:00 UTC).
  offsetMs = Math.ceil(Date.now() / DAY) * DAY + DAY / 2 - Date.now();
  stack = await startJourneyStack(clock);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

/** A tenant with a journey of `nodes` starting at the first, and a helper that inserts a run due now. */
async function setUp(nodes: JourneyNode[], name = 'Journeys') {
  const t = await buildTenant(stack.db, name);
  const journey = {
    ...(await insertJourney(stack.db, t.tenantId, { entry: { type: 'event', event: 'Added To Cart' }, start: nodes[0]!.id, nodes }, { name })),
    tenantId: t.tenantId,
  };
  const run = (customerId: string, properties: Record<string, unknown> = {}) =>
    insertRun(stack.db, journey, customerId, { nodeId: nodes[0]!.id, dueAt: clock(), trigger: eventTrigger('Added To Cart', properties) });
  return { t, journey, run };
}

const runIs = (runId: string, state: string) =>
  until(
    () => runRow(stack.db, runId),
    (r) => r?.state === state,
    { timeoutMs: 20_000, label: `run ${state}` },
  );
const stepAt = async (runId: string, nodeId: string) => (await stepRows(stack.db, runId)).find((s) => s.node_id === nodeId);
const ledgerOf = (stepId: string) => stack.db('campaign_recipients').where({ journey_step_id: stepId }).first();
const tag = (id: string, t: string): JourneyNode => ({ id, type: 'update_customer', addTags: [t] });

it('e-mails the customer through the sink, the body listing the trigger’s items with liquid; the run records the message', async () => {
  const { t, journey, run } = await setUp(
    [
      {
        id: 'mail',
        type: 'send',
        channel: 'email',
        subject: 'Still thinking, {{ customer.firstName }}?',
        body: '<ul>{% for item in event.items %}<li>{{ item.name }} x{{ item.qty }}</li>{% endfor %}</ul><p>{{ journey.name }} v{{ journey.version }}</p>',
        next: 'after',
      },
      tag('after', 'mailed'),
    ],
    'Abandoned cart',
  );
  const customer = await buildCustomer(stack.db, t.tenantId, { first_name: 'Ada', email: 'ada-cart@example.com' });
  const runId = await run(customer, {
    cartId: 'c-9',
    items: [
      { name: 'Teapot', qty: 1 },
      { name: 'Cups', qty: 4 },
    ],
  });
  const done = await runIs(runId, 'completed');
  const step = (await stepAt(runId, 'mail'))!;
  const ledger = await ledgerOf(step.id);
  expect(ledger).toMatchObject({ campaign_id: journey.sendCampaigns.mail, customer_id: customer, state: 'sent', address: 'ada-cart@example.com' });
  expect(step).toMatchObject({ status: 'done', next_node_id: 'after', detail: { ledgerId: ledger.id, sent: true } });
  expect(done.last_message_id).toBe(ledger.id);
  const mail = await waitFor(async () => stack.sink.messages.find((m) => m.to[0] === 'ada-cart@example.com'));
  expect(mail.messageId).toBe(`<${ledger.id}@herald.local>`);
  expect(mail.headers.subject).toBe('Still thinking, Ada?');
  const html = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  expect(html).toContain('<li>Teapot x1</li><li>Cups x4</li>');
  expect(html).toContain('Abandoned cart v1');
  expect(stack.sink.messages.filter((m) => m.to[0] === 'ada-cart@example.com')).toHaveLength(1);
});

it('defers an SMS outside the customer’s hours in their timezone and sends it through Twilio when the window opens', async () => {
  const { t, run } = await setUp([
    { id: 'sms', type: 'send', channel: 'sms', body: 'Your cart {{ event.cartId }} misses you', next: 'after' },
    tag('after', 'texted'),
  ]);
  const customer = await buildCustomer(stack.db, t.tenantId, {
    phone: '+15550001111',
    timezone: 'Asia/Tokyo',
    communication_hours_start: '09:00',
    communication_hours_end: '17:00',
  });
  // The clock reads 23:59:55 UTC on a later day: 08:59:55 in Tokyo, five seconds before the window opens.
  const target = Math.ceil((Date.now() + offsetMs + DAY) / DAY) * DAY - 5000;
  offsetMs = target - Date.now();
  const nineInTokyo = new Date(Math.ceil(target / DAY) * DAY);
  const runId = await run(customer, { cartId: 'c-7' });
  const held = await waitFor(async () => {
    const s = await stepAt(runId, 'sms');
    return s?.status === 'waiting' ? s : undefined;
  });
  expect(held.detail).toMatchObject({ held: 'quiet_hours', until: nineInTokyo.toISOString() });
  expect(new Date((await runRow(stack.db, runId)).due_at).toISOString()).toBe(nineInTokyo.toISOString());
  expect(await ledgerOf(held.id)).toMatchObject({ state: 'pending', deferred_reason: 'quiet_hours' });
  expect(stack.twilioApi.messages.filter((m) => m.to === '+15550001111')).toHaveLength(0);

  const done = await runIs(runId, 'completed');
  const ledger = await ledgerOf(held.id);
  expect(ledger.state === 'sent' || ledger.state === 'delivered').toBe(true);
  expect(new Date(ledger.sent_at).getTime()).toBeGreaterThanOrEqual(nineInTokyo.getTime());
  expect(done.last_message_id).toBe(ledger.id);
  const sms = stack.twilioApi.messages.filter((m) => m.to === '+15550001111');
  expect(sms.map((m) => m.body)).toEqual(['Your cart c-7 misses you']);
}, 60_000);

it('defers a message over the frequency cap until the oldest counted message leaves the period, then sends it', async () => {
  const { t, run } = await setUp([
    { id: 'mail', type: 'send', channel: 'email', subject: 'Hi', body: 'Again', respectQuietHours: false, frequencyCap: { max: 1, periodHours: 24 } },
  ]);
  const customer = await buildCustomer(stack.db, t.tenantId, { email: 'busy-journey@example.com' });
  // A message another campaign sent an hour ago.
  const [other] = await stack
    .db('campaigns')
    .insert({
      tenant_id: t.tenantId,
      name: 'Earlier',
      channel: 'email',
      subject: 'S',
      body: 'B',
      audience: '{"type":"all"}',
      schedule: '{"type":"now"}',
      status: 'completed',
    })
    .returning('id');
  const sentAt = new Date(clock().getTime() - 3_600_000);
  await stack
    .db('campaign_recipients')
    .insert({ tenant_id: t.tenantId, campaign_id: other.id, customer_id: customer, channel: 'email', address: 'x', state: 'sent', sent_at: sentAt });
  const runId = await run(customer);
  const held = await waitFor(async () => {
    const s = await stepAt(runId, 'mail');
    return s?.status === 'waiting' ? s : undefined;
  });
  expect(held.detail).toMatchObject({ held: 'frequency_cap', until: new Date(sentAt.getTime() + DAY).toISOString() });
  expect(new Date((await runRow(stack.db, runId)).due_at).getTime()).toBe(sentAt.getTime() + DAY);
  offsetMs += DAY;
  await runIs(runId, 'completed');
  expect((await ledgerOf(held.id)).state).toMatch(/^(sent|delivered)$/);
  expect(stack.sink.messages.filter((m) => m.to[0] === 'busy-journey@example.com')).toHaveLength(1);
});

it('skips a blocked customer’s message with the reason, and the run goes on', async () => {
  const { t, run } = await setUp([{ id: 'mail', type: 'send', channel: 'email', subject: 'Hi', body: 'B', next: 'after' }, tag('after', 'went-on')]);
  const customer = await buildCustomer(stack.db, t.tenantId, { email: 'blocked-journey@example.com', is_blocked: true });
  const runId = await run(customer);
  await runIs(runId, 'completed');
  const step = (await stepAt(runId, 'mail'))!;
  expect(step).toMatchObject({ status: 'done', next_node_id: 'after', detail: { skipped: 'blocked' } });
  expect(await ledgerOf(step.id)).toMatchObject({ state: 'skipped', skip_reason: 'blocked' });
  expect((await stack.db('customers').where({ id: customer }).first('tags')).tags).toEqual(['went-on']);
  expect(stack.sink.messages.filter((m) => m.to[0] === 'blocked-journey@example.com')).toHaveLength(0);
});

it('posts a signed webhook whose webhook-id is the step id, and tags the customer with a customer.tags_changed event', async () => {
  const receiver = await startWebhookReceiver();
  try {
    const t0 = await buildTenant(stack.db, 'Hooks');
    const created = await stack.server.request('/api/v1/webhooks', { method: 'POST', key: t0.adminKey, body: { url: receiver.url, events: ['customer.*'] } });
    expect(created.status).toBe(201);
    receiver.setSecrets([{ secret: created.body.data.secret }]);
    const nodes: JourneyNode[] = [
      { id: 'hook', type: 'webhook', endpointId: created.body.data.id, next: 'tag' },
      { id: 'tag', type: 'update_customer', addTags: ['hooked'], set: { 'customFields.plan': 'gold' } },
    ];
    const journey = {
      ...(await insertJourney(stack.db, t0.tenantId, { entry: { type: 'event', event: 'Signed Up' }, start: 'hook', nodes }, { name: 'Hooky' })),
      tenantId: t0.tenantId,
    };
    const customer = await buildCustomer(stack.db, t0.tenantId, { email: 'hook-journey@example.com' });
    const runId = await insertRun(stack.db, journey, customer, { nodeId: 'hook', dueAt: clock(), trigger: eventTrigger('Signed Up', { plan: 'trial' }) });
    await runIs(runId, 'completed');
    const step = (await stepAt(runId, 'hook'))!;
    expect(step).toMatchObject({ status: 'done', detail: { attempts: 1, statusCode: 204 } });
    const requests = receiver.requests.filter((r) => r.payload?.type === 'journey.webhook');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ webhookId: step.id, verifiedWith: [true] });
    expect(requests[0]!.payload.data).toMatchObject({
      journey: { id: journey.journeyId, name: 'Hooky', version: 1 },
      run: { id: runId, nodeId: 'hook' },
      customer: { id: customer, email: 'hook-journey@example.com' },
      event: { name: 'Signed Up', properties: { plan: 'trial' } },
    });

    const after = await stack.db('customers').where({ id: customer }).first('tags', 'custom_fields');
    expect(after).toMatchObject({ tags: ['hooked'], custom_fields: { plan: 'gold' } });
    const events = await stack.db('events').where({ tenant_id: t0.tenantId, subject_id: customer }).orderBy('seq').select('type', 'payload');
    expect(events.map((e) => e.type)).toEqual(['customer.tags_changed', 'customer.updated']);
    expect(events[0]!.payload.data).toMatchObject({ action: 'add', from: [], to: ['hooked'] });
  } finally {
    await receiver.close();
  }
});

it('retries a webhook the receiver refused on the run’s due time, with the same webhook-id', async () => {
  const receiver = await startWebhookReceiver();
  try {
    const t0 = await buildTenant(stack.db, 'Retried hooks');
    const created = await stack.server.request('/api/v1/webhooks', { method: 'POST', key: t0.adminKey, body: { url: receiver.url, events: ['customer.*'] } });
    receiver.setSecrets([{ secret: created.body.data.secret }]);
    receiver.setBehaviour(({ count }) => (count === 1 ? 503 : 204));
    const nodes: JourneyNode[] = [{ id: 'hook', type: 'webhook', endpointId: created.body.data.id }];
    const journey = {
      ...(await insertJourney(stack.db, t0.tenantId, { entry: { type: 'event', event: 'Signed Up' }, start: 'hook', nodes })),
      tenantId: t0.tenantId,
    };
    const customer = await buildCustomer(stack.db, t0.tenantId);
    const runId = await insertRun(stack.db, journey, customer, { nodeId: 'hook', dueAt: clock(), trigger: eventTrigger('Signed Up') });
    const waiting = await waitFor(async () => {
      const s = await stepAt(runId, 'hook');
      return s?.status === 'waiting' ? s : undefined;
    });
    expect(waiting.detail).toMatchObject({ attempts: 1, lastError: 'HTTP 503' });
    // The test schedule's first retry is 200 ms (±10 %) after the failed attempt.
    const delay = new Date(waiting.detail.until).getTime() - new Date(waiting.started_at).getTime();
    expect(delay).toBeGreaterThanOrEqual(170);
    expect(delay).toBeLessThan(1000);
    await runIs(runId, 'completed');
    expect(await stepAt(runId, 'hook')).toMatchObject({ status: 'done', detail: { attempts: 2, statusCode: 204 } });
    expect(receiver.requests.map((r) => [r.webhookId, r.status, r.verifiedWith[0]])).toEqual([
      [waiting.id, 503, true],
      [waiting.id, 204, true],
    ]);
  } finally {
    await receiver.close();
  }
});
