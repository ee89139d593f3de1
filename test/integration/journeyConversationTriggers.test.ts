import { scenarioTenant, startScenarioStack, type ScenarioStack } from '../support/journeysScenarios';
import { until } from '../support/until';

/**
 * Conversation events as journey triggers (issue 18) through the public API on the real stack:
 * a journey entering on `conversation.opened` with a `where` on the event's data (type complaint)
 * takes the customer whose complaint an agent logs and not the one with a plain conversation; a
 * journey entering on `conversation.resolved` takes the customer once the complaint is resolved,
 * with the satisfaction score in its trigger.
 */
const clock = () => new Date();
let stack: ScenarioStack;
beforeAll(async () => {
  stack = await startScenarioStack(clock);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

it('journeys enter on conversation.opened (where type is complaint) and conversation.resolved', async () => {
  const t = await scenarioTenant(stack, 'Conversation triggers');
  const onComplaint = await t.journey({
    name: 'Complaint care',
    entry: { type: 'herald_event', eventType: 'conversation.opened', where: { all: [{ property: 'type', operator: 'equal', value: 'complaint' }] } },
    start: 'tag',
    nodes: [{ id: 'tag', type: 'update_customer', addTags: ['complained'] }],
  });
  const onResolved = await t.journey({
    name: 'After resolution',
    entry: { type: 'herald_event', eventType: 'conversation.resolved' },
    start: 'tag',
    nodes: [{ id: 'tag', type: 'update_customer', addTags: ['resolved'] }],
  });
  const ann = await t.customer({ externalId: 'ann', firstName: 'Ann', email: 'ann@example.com' });
  const bob = await t.customer({ externalId: 'bob', firstName: 'Bob', email: 'bob@example.com' });

  const complaint = await t.ok('POST', '/conversations', {
    customerId: ann,
    type: 'complaint',
    category: 'Delivery Issue',
    message: 'The parcel arrived broken',
  });
  await t.ok('POST', '/conversations', { customerId: bob, type: 'conversation', message: 'Asked about opening hours' });

  const [run] = await until(
    () => t.runs(onComplaint.id),
    (rs) => rs.length === 1 && rs[0].state === 'completed',
    { label: "Ann's complaint run to complete" },
  );
  expect(run).toMatchObject({ customer_id: ann });
  expect(run.trigger).toMatchObject({
    kind: 'herald_event',
    name: 'conversation.opened',
    properties: { conversationId: complaint.id, customerId: ann, type: 'complaint', category: 'Delivery Issue' },
  });
  expect((await t.ok('GET', `/customers/${ann}`)).tags).toContain('complained');

  await t.ok('PATCH', `/conversations/${complaint.id}`, { status: 'resolved', satisfaction: 4 });
  const [resolved] = await until(
    () => t.runs(onResolved.id),
    (rs) => rs.length === 1 && rs[0].state === 'completed',
    { label: "Ann's resolution run to complete" },
  );
  expect(resolved).toMatchObject({ customer_id: ann });
  expect(resolved.trigger.properties).toMatchObject({ conversationId: complaint.id, satisfaction: 4, category: 'Delivery Issue' });
  await t.routed();
  expect((await t.runs(onComplaint.id)).map((r) => r.customer_id)).toEqual([ann]);
  expect((await t.ok('GET', `/customers/${bob}`)).tags).not.toContain('complained');
});
