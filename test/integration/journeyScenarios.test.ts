import { htmlOf, scenarioTenant, servedExamples, startScenarioStack, type ScenarioStack } from '../support/journeysScenarios';
import { until, waitFor } from '../support/until';

/**
 * Issue 17's "Done when" journeys end to end, through the public API only (journeys from the served
 * OpenAPI examples, POST /track, customers, tags and segments, the tracking pixel) on the real stack:
 * router and runner on Herald's worker with an injected clock, e-mail into the SMTP sink, SMS
 * through the Twilio fake. Tables are read only to check results. The clock starts at noon UTC
 * and moves only when a test moves it, so hours and days of journey pass in seconds.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let nowMs = Math.ceil(Date.now() / DAY) * DAY + 12 * HOUR;
const clock = () => new Date(nowMs);

let stack: ScenarioStack;
beforeAll(async () => {
  stack = await startScenarioStack(clock);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const mailsTo = (address: string) => stack.sink.messages.filter((m) => m.to[0] === address);
const smsTo = (phone: string) => stack.twilioApi.messages.filter((m) => m.to === phone);
const ended = <R extends { state: string }>(runs: () => Promise<R[]>, count: number) =>
  until(runs, (rs) => rs.length === count && rs.every((r) => r.state !== 'active'), { label: `${count} runs to end` });

it('abandoned cart (the served example): a reminder listing the cart after 4 h; completing that cart converts and sends nothing; another cart’s order does not count', async () => {
  const t = await scenarioTenant(stack, 'Abandoned cart');
  const journey = await t.journey((await servedExamples(stack)).abandonedCart!.value);
  const ann = await t.customer({ externalId: 'ann', firstName: 'Ann', email: 'ann@example.com' });
  const bob = await t.customer({ externalId: 'bob', firstName: 'Bob', email: 'bob@example.com' });
  const cid = await t.customer({ externalId: 'cid', firstName: 'Cid', email: 'cid@example.com' });
  const items = (...names: string[]) => names.map((name, i) => ({ name, qty: i + 1, price: 10 }));

  await t.track('ann', 'Added To Cart', { cartId: 'c1', items: items('Teapot', 'Cups') });
  await t.track('bob', 'Added To Cart', { cartId: 'c2', items: items('Kettle') });
  await t.track('cid', 'Added To Cart', { cartId: 'c3', items: items('Saucer') });
  // The runner parks each run in the wait (its timeout counted from the clock's reading then) before time moves.
  await until(
    () => t.runs(journey.id),
    (rs) => rs.length === 3 && rs.every((r) => r.waiting_for !== null),
    { label: 'three runs waiting for the order' },
  );
  nowMs += 2 * HOUR;
  await t.track('bob', 'Order Completed', { cartId: 'c2' });
  await t.track('cid', 'Order Completed', { cartId: 'c9' });

  const byCustomer = async () => new Map((await t.runs(journey.id)).map((r) => [r.customer_id, r]));
  const converted = await until(byCustomer, (m) => m.get(bob)?.state === 'exited', { label: "Bob's run to exit" });
  expect(converted.get(bob)).toMatchObject({ end_reason: 'converted', converted_at: new Date(nowMs) });
  expect(converted.get(cid)).toMatchObject({ state: 'active', node_id: 'wait_for_order', converted_at: null });
  expect(converted.get(ann)).toMatchObject({ state: 'active', node_id: 'wait_for_order' });
  expect(await t.journeyEvents()).toEqual(
    expect.arrayContaining([
      { type: 'journey.converted', data: expect.objectContaining({ runId: converted.get(bob).id, customerId: bob }) },
      { type: 'journey.exited', data: expect.objectContaining({ runId: converted.get(bob).id, reason: 'converted' }) },
    ]),
  );
  expect((await t.journeyEvents()).filter((e) => e.type === 'journey.converted')).toHaveLength(1);
  expect(stack.sink.messages).toHaveLength(0);

  // Four hours after the carts were added: the waits time out and the reminders go.
  nowMs += 2 * HOUR;
  const runs = await ended(() => t.runs(journey.id), 3);
  const endOf = new Map(runs.map((r) => [r.customer_id, [r.state, r.end_reason]]));
  expect([ann, bob, cid].map((c) => endOf.get(c))).toEqual([
    ['completed', 'completed'],
    ['exited', 'converted'],
    ['completed', 'completed'],
  ]);
  const reminders = await waitFor(async () => (mailsTo('ann@example.com').length && mailsTo('cid@example.com').length ? true : undefined));
  expect(reminders).toBe(true);
  expect(mailsTo('ann@example.com')).toHaveLength(1);
  expect(mailsTo('cid@example.com')).toHaveLength(1);
  expect(mailsTo('bob@example.com')).toHaveLength(0);
  const ann1 = htmlOf(mailsTo('ann@example.com')[0]!.raw);
  expect(mailsTo('ann@example.com')[0]!.headers.subject).toBe('You left something in your cart');
  expect(ann1).toContain('Hi Ann, your cart is waiting for you:</p><ul><li>Teapot</li><li>Cups</li></ul>');
  expect(htmlOf(mailsTo('cid@example.com')[0]!.raw)).toContain('<ul><li>Saucer</li></ul>');
  expect(runs.find((r) => r.customer_id === ann)!.last_message_id).toBe(mailsTo('ann@example.com')[0]!.messageId.replace(/^<|@.*$/g, ''));
}, 60_000);

it('welcome series: segment entry, welcome email, 2 days, the opener gets the email branch and the other an SMS deferred by their quiet hours', async () => {
  const t = await scenarioTenant(stack, 'Welcome');
  const segmentId = await t.tagSegment('new');
  const example = (await servedExamples(stack)).welcomeSeries!.value;
  const journey = await t.journey({ ...example, entry: { ...example.entry, segmentId } });
  const opener = await t.customer({ firstName: 'Olga', email: 'olga@example.com', phone: '+12025550143' });
  const other = await t.customer({ firstName: 'Sam', email: 'sam@example.com', phone: '+12025550178' });
  for (const id of [opener, other]) await t.ok('PATCH', `/customers/${id}/tags`, { tags: ['new'], action: 'add' });

  // Both enter through the segment's re-evaluation and get the welcome email at once.
  await until(
    () => t.runs(journey.id),
    (rs) => rs.length === 2 && rs.every((r) => r.node_id === 'two_days'),
    { label: 'both runs in the delay' },
  );
  const welcome = await waitFor(async () => mailsTo('olga@example.com')[0]);
  expect(welcome.headers.subject).toBe('Welcome, Olga');
  expect(await waitFor(async () => mailsTo('sam@example.com')[0])).toBeDefined();

  // Olga opens it: the tracking pixel of the received message.
  const pixel = /<img src="(http[^"]+\/messaging\/open\/[^"]+)"/.exec(htmlOf(welcome.raw))![1]!;
  expect((await fetch(pixel)).status).toBe(200);
  // Sam lives in Tokyo and takes messages 09:00–17:00 there: noon UTC is 21:00 in Tokyo.
  await t.ok('PATCH', `/customers/${other}`, { preferences: { timezone: 'Asia/Tokyo', communicationHours: { start: '09:00', end: '17:00' } } });

  await t.parked(journey.id);
  nowMs += 2 * DAY + 60_000;
  const runs = new Map((await t.runs(journey.id)).map((r) => [r.customer_id, r]));
  const stepOf = (customerId: string, nodeId: string) =>
    stack
      .db('journey_steps')
      .where({ run_id: runs.get(customerId).id, node_id: nodeId })
      .orderBy('visit', 'desc')
      .first();
  const held = await until(
    () => stepOf(other, 'nudge'),
    (s) => s?.status === 'waiting',
    { label: "Sam's SMS to be held" },
  );
  const nineInTokyo = new Date(Math.ceil(nowMs / DAY) * DAY);
  expect(held.detail).toMatchObject({ held: 'quiet_hours', until: nineInTokyo.toISOString() });
  const followUp = await waitFor(async () => mailsTo('olga@example.com')[1]);
  expect(followUp.headers.subject).toBe('Your first steps, Olga');
  const welcomeLedger = welcome.messageId.replace(/^<|@.*$/g, '');
  expect((await stepOf(opener, 'opened_welcome')).detail).toMatchObject({
    branch: 0,
    name: 'Opened the welcome email',
    reason: 'the message from "welcome" was opened',
    checked: [{ branch: 0, message: { node: 'welcome', status: 'opened', holds: true, ledgerId: welcomeLedger } }],
  });
  expect((await stepOf(other, 'opened_welcome')).detail).toMatchObject({
    branch: 'else',
    checked: [{ branch: 0, message: { holds: false, ledgerId: expect.any(String) } }],
  });
  // Not before nine in Tokyo.
  nowMs = nineInTokyo.getTime() - 60_000;
  await new Promise((r) => setTimeout(r, 500));
  expect(smsTo('+12025550178')).toHaveLength(0);
  nowMs = nineInTokyo.getTime() + 1000;
  const sms = await waitFor(async () => smsTo('+12025550178')[0]);
  expect(sms.body).toBe('Hi Sam, 10% off your first order with code WELCOME10.');
  const done = await ended(() => t.runs(journey.id), 2);
  expect(done.map((r) => r.state)).toEqual(['completed', 'completed']);
  const ledger = await stack.db('campaign_recipients').where({ journey_step_id: held.id }).first();
  expect(new Date(ledger.sent_at).getTime()).toBeGreaterThanOrEqual(nineInTokyo.getTime());
  expect([mailsTo('olga@example.com').length, smsTo('+12025550143').length, mailsTo('sam@example.com').length, smsTo('+12025550178').length]).toEqual([
    2, 0, 1, 1,
  ]);
}, 60_000);
