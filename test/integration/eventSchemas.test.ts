import twilio from 'twilio';
import { EVENT_CATALOGUE, EVENT_TYPE_NAMES, WEBHOOK_BODIES, type EventType } from '../../domain/events/catalogue';
import { ensureConversationInbound } from '../../domain/conversations/lifecycle';
import { ensureJourneyRouter } from '../../domain/journeys/lifecycle';
import { ensureWebhookRelay } from '../../domain/webhooks/lifecycle';
import { buildTenant } from '../support/factories';
import { definitionWith, publishJourney } from '../support/journeysRouter';
import { startTestWorker } from '../support/testWorker';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhookReceiver';
import { seedCustomers, startCampaignStack, TWILIO, waitFor, type CampaignStack } from './campaignHarness';

/**
 * One schema per event type, held by what the code emits: every type of the catalogue is emitted
 * through its real code path (the API, the worker's workflows and activities, the SQL of segment
 * refreshes and imports, the webhook engine), every stored event's data is validated against its
 * type's schema, and so is every body a real receiver got from Herald's dispatcher. A type the
 * test never emitted fails it.
 */

let stack: CampaignStack;
let stopWorker: (() => Promise<void>) | undefined;
let tenant: { tenantId: string; adminKey: string };
let receiver: WebhookReceiver;
let endpointId: string;
const extraReceivers: WebhookReceiver[] = [];

async function call(method: string, path: string, body?: unknown): Promise<any> {
  const res = await stack.server.request(path, { method, key: tenant.adminKey, body });
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
  return res.body?.data;
}

/** The tenant's stored events (type, data and actor), in outbox order. */
const storedEvents = async (type?: EventType) =>
  (
    await stack
      .db('events')
      .where({ tenant_id: tenant.tenantId, ...(type ? { type } : {}) })
      .orderBy('seq')
      .select('type', 'payload')
  ).map((e: { type: EventType; payload: { data: any; actor: { type: string } } }) => ({ type: e.type, data: e.payload.data, actor: e.payload.actor }));

/** Waits until `count` events of a type are stored; returns them. */
const eventsOf = (type: EventType, count = 1) =>
  waitFor(
    async () => {
      const found = await storedEvents(type);
      return found.length >= count ? found : undefined;
    },
    60_000,
    100,
  );

const upload = (csv: string, query = '') =>
  fetch(`${stack.server.url}/api/v1/imports${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tenant.adminKey}`, 'Content-Type': 'text/csv' },
    body: csv,
  }).then(async (r) => (await r.json()) as any);

const settledImport = (id: string) =>
  waitFor(
    async () => {
      const d = await call('GET', `/api/v1/imports/${id}`);
      return ['completed', 'failed', 'cancelled'].includes(d.status) ? d : undefined;
    },
    60_000,
    200,
  );

const campaignIn = (id: string, status: string) =>
  waitFor(async () => ((await call('GET', `/api/v1/campaigns/${id}`)).status === status ? true : undefined), 60_000, 200);

beforeAll(async () => {
  stack = await startCampaignStack({ withWorker: false });
  tenant = await buildTenant(stack.db, 'Event schemas');
  receiver = await startWebhookReceiver();
  // customer.event reaches only endpoints that name it (not through `*`), so this one names it too.
  const endpoint = await call('POST', '/api/v1/webhooks', { url: receiver.url, events: ['*', 'customer.event'] });
  receiver.setSecrets([{ secret: endpoint.secret }]);
  endpointId = endpoint.id;
}, 60_000);

afterAll(async () => {
  await stopWorker?.();
  await Promise.all([receiver, ...extraReceivers].map((r) => r?.close()));
  await stack?.close();
});

describe('every event type through its real code path', () => {
  it('imports: import.failed (staged rows lost before the worker ran), import.completed and customer.created written by SQL', async () => {
    const lost = await upload('email\nlost1@example.com\nlost2@example.com\n');
    // What a Postgres crash does to the UNLOGGED staging table, while no worker has taken the import.
    await stack.db('import_rows').where({ import_id: lost.data.id }).delete();
    stopWorker = await startTestWorker(stack.db, { messaging: stack.messaging });
    await ensureWebhookRelay(stack.server.runtime.temporal);
    expect((await settledImport(lost.data.id)).status).toBe('failed');

    const imported = await upload('email,firstName,tags\nada@example.com,Ada,vip\ngrace@example.com,Grace,\n', '?emitCustomerEvents=true');
    expect((await settledImport(imported.data.id)).status).toBe('completed');
    const created = await eventsOf('customer.created', 2);
    expect(created.map((e) => [e.data.customer.email, e.data.importId])).toEqual([
      ['ada@example.com', imported.data.id],
      ['grace@example.com', imported.data.id],
    ]);
  }, 120_000);

  it('customers through the API: created, updated, status_changed, tags_changed, blocked, unblocked, deleted', async () => {
    const c = await call('POST', '/api/v1/customers', { firstName: 'Edsger', email: 'edsger@example.com' });
    await call('PATCH', `/api/v1/customers/${c.id}`, { lastName: 'Dijkstra', status: 'inactive', tags: ['early'] });
    await call('PATCH', `/api/v1/customers/${c.id}/type`, { customerType: 'vip' });
    await call('PATCH', `/api/v1/customers/${c.id}/tags`, { tags: ['late'], action: 'add' });
    await call('PATCH', `/api/v1/customers/${c.id}/status`, { status: 'active', reason: 'came back' });
    await call('PATCH', `/api/v1/customers/${c.id}/block`, { isBlocked: true, blockReason: 'chargebacks' });
    await call('PATCH', `/api/v1/customers/${c.id}/block`, { isBlocked: false });
    await call('DELETE', `/api/v1/customers/${c.id}`);
    const gone = await call('POST', '/api/v1/customers', { firstName: 'Gone' });
    await call('DELETE', `/api/v1/customers/${gone.id}?permanent=true`);

    const updated = await eventsOf('customer.updated', 2);
    expect(updated.map((e) => e.data.changed)).toEqual([expect.arrayContaining(['lastName', 'status', 'tags']), ['tier']]);
    expect((await eventsOf('customer.status_changed', 2)).map((e) => e.data.reason)).toEqual([null, 'came back']);
    expect((await eventsOf('customer.tags_changed', 2)).map((e) => [e.data.action, e.data.to])).toEqual([
      ['set', ['early']],
      ['add', ['early', 'late']],
    ]);
    expect((await eventsOf('customer.deleted', 2)).map((e) => e.data)).toEqual([
      { customerId: c.id, permanent: false },
      { customerId: gone.id, permanent: true },
    ]);
  });

  it('customer events: customer.event from /track and /batch, for a customer and for an anonymous visitor', async () => {
    const known = await call('POST', '/api/v1/track', { userId: 'schema-1', event: 'Viewed Product', properties: { sku: 'A1' }, messageId: 'schema-m-1' });
    await call('POST', '/api/v1/batch', { batch: [{ type: 'track', anonymousId: 'anon-schema', event: 'Opened App', timestamp: '2020-01-01T00:00:00Z' }] });
    const events = await eventsOf('customer.event', 2);
    expect(events.map((e) => [e.data.customerId, e.data.name, e.data.backfill])).toEqual([
      [known.customerId, 'Viewed Product', false],
      [null, 'Opened App', true],
    ]);
  });

  it('journeys: journey.entered, journey.converted and journey.exited from the router', async () => {
    await ensureJourneyRouter(stack.server.runtime.temporal, stack.server.runtime.temporal.settings.taskQueue);
    const { journeyId } = await publishJourney(
      stack.db,
      tenant.tenantId,
      definitionWith({
        entry: { type: 'event', event: 'Started Trial' },
        goal: { event: { event: 'Upgraded' }, within: '1d' },
        exitRules: [{ event: { event: 'Cancelled' } }],
      }),
      { name: 'Trial' },
    );
    const trial = await call('POST', '/api/v1/track', { userId: 'schema-j', event: 'Started Trial', properties: {} });
    await eventsOf('journey.entered');
    await call('POST', '/api/v1/track', { userId: 'schema-j', event: 'Upgraded', properties: {} });
    await eventsOf('journey.converted');
    await call('POST', '/api/v1/track', { userId: 'schema-j', event: 'Cancelled', properties: {} });
    const [exited] = await eventsOf('journey.exited');
    expect(exited!.data).toMatchObject({ journeyId, journeyName: 'Trial', version: 1, customerId: trial.customerId, reason: 'exit_rule' });
  });

  it('orders: order.created and order.status_updated', async () => {
    const c = await call('POST', '/api/v1/customers', { firstName: 'Buyer', email: 'buyer@example.com' });
    const order = await call('POST', '/api/v1/orders', { customerId: c.id, items: [{ name: 'Widget', price: 19.99, quantity: 3 }] });
    await call('PATCH', `/api/v1/orders/${order.id}/status`, { status: 'processing', reason: 'paid' });
    expect((await eventsOf('order.status_updated'))[0]!.data).toMatchObject({
      orderId: order.id,
      from: 'placed',
      to: 'processing',
      reason: 'paid',
      total: 59.97,
    });
  });

  it('segments: segment.entered and segment.exited, from the SQL refresh and from the per-customer re-evaluation', async () => {
    const ada = (await stack.db('customers').where({ tenant_id: tenant.tenantId, email: 'ada@example.com' }).first('id')).id as string;
    const segment = await call('POST', '/api/v1/segments', { name: 'VIP', rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] } });
    await eventsOf('segment.entered', 1);
    await call('PATCH', `/api/v1/segments/${segment.id}`, { rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['gold'] }] } });
    await eventsOf('segment.exited', 1);
    await call('PATCH', `/api/v1/customers/${ada}/tags`, { tags: ['gold'], action: 'add' });
    await eventsOf('segment.entered', 2);
    await call('PATCH', `/api/v1/customers/${ada}/tags`, { tags: ['gold'], action: 'remove' });
    const changes = [...(await eventsOf('segment.entered', 2)), ...(await eventsOf('segment.exited', 2))];
    // Two of each path: the refresh writes its events in SQL as the system, re-evaluation through appendEvent as the caller.
    expect(changes.map((e) => [e.type, e.data.customerId, e.data.segmentId, e.actor.type])).toEqual([
      ['segment.entered', ada, segment.id, 'system'],
      ['segment.entered', ada, segment.id, 'api_key'],
      ['segment.exited', ada, segment.id, 'system'],
      ['segment.exited', ada, segment.id, 'api_key'],
    ]);
  }, 90_000);

  it('campaigns: sent, started and completed by the workflow; an unsubscribe is customer.updated in the customers service shape', async () => {
    const c = await call('POST', '/api/v1/customers', { firstName: 'Reader', email: 'reader@example.com' });
    const campaign = await call('POST', '/api/v1/campaigns', {
      name: 'News',
      channel: 'email',
      subject: 'Hi',
      body: 'Hello {{ firstName }}',
      audience: { type: 'customers', customerIds: [c.id] },
    });
    await call('POST', `/api/v1/campaigns/${campaign.id}/send`);
    await campaignIn(campaign.id, 'completed');
    const message = await waitFor(async () => stack.sink.messages.find((m) => m.to[0] === 'reader@example.com'), 30_000, 100);
    const unsubscribe = await fetch(message.headers['list-unsubscribe']!.slice(1, -1), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.status).toBe(200);
    const updated = (await storedEvents('customer.updated')).find((e) => e.data.reason === 'unsubscribed');
    expect(updated?.data).toMatchObject({ customer: { id: c.id, preferences: { email: false } }, changed: ['preferences.email'], campaignId: campaign.id });
    expect((await eventsOf('campaign.completed'))[0]!.data).toMatchObject({ campaignId: campaign.id, status: 'completed', sent: 1, failed: 0 });
  }, 90_000);

  it('campaigns: scheduled, paused, resumed and cancelled through the API; paused automatically by the worker', async () => {
    const weekly = await call('POST', '/api/v1/campaigns', {
      name: 'Weekly',
      channel: 'sms',
      body: 'News',
      audience: { type: 'all' },
      schedule: { type: 'recurring', cron: '0 9 * * 1', timezone: 'Europe/Paris' },
    });
    for (const action of ['schedule', 'pause', 'resume', 'cancel'])
      await call('POST', `/api/v1/campaigns/${weekly.id}/${action}`, action === 'schedule' ? {} : undefined);

    await seedCustomers(stack.db, tenant.tenantId, 25, 'bouncy');
    const bouncy = await stack.db('customers').where({ tenant_id: tenant.tenantId }).whereRaw("'bouncy' = ANY(tags)").pluck('email');
    for (const email of bouncy) stack.rejectEmails.add(email);
    const failing = await call('POST', '/api/v1/campaigns', {
      name: 'Bouncy',
      channel: 'email',
      subject: 'S',
      body: 'B',
      audience: { type: 'rules', rules: { field: 'tags', operator: 'contains', value: 'bouncy' } },
      options: { autoPauseFailureRate: 0.2 },
    });
    await call('POST', `/api/v1/campaigns/${failing.id}/send`);
    await campaignIn(failing.id, 'paused');
    await call('POST', `/api/v1/campaigns/${failing.id}/cancel`);
    expect((await eventsOf('campaign.paused', 2)).map((e) => [e.data.campaignId, e.data.automatic])).toEqual([
      [weekly.id, false],
      [failing.id, true],
    ]);
    expect((await eventsOf('campaign.scheduled'))[0]!.data.schedule).toEqual({ type: 'recurring', cron: '0 9 * * 1', timezone: 'Europe/Paris' });
    await eventsOf('campaign.cancelled', 2);
  }, 90_000);

  it('conversations: conversation.opened and message.received from the signed inbound webhook, conversation.resolved from PATCH', async () => {
    await call('PUT', '/api/v1/messaging/settings', { inboundNumbers: ['+15005550100'] });
    // The webhook queues; the worker's inbound processor applies (and emits) shortly after.
    await ensureConversationInbound(stack.server.runtime.temporal);
    const url = `${stack.server.url}/api/v1/messaging/twilio/inbound`;
    for (const [sid, body] of [
      ['SM00000000000000000000000000000001', 'Hello'],
      ['SM00000000000000000000000000000002', 'Anyone?'],
    ] as const) {
      const form = { MessageSid: sid, From: 'whatsapp:+14155550142', To: 'whatsapp:+15005550100', Body: body };
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TWILIO.authToken, url, form) },
        body: new URLSearchParams(form).toString(),
      });
      expect(res.status).toBe(200);
    }
    const [opened] = await eventsOf('conversation.opened');
    expect(opened!.data).toMatchObject({ channel: 'whatsapp', type: 'conversation', customerId: expect.any(String) });
    expect((await eventsOf('message.received', 2)).map((e) => e.data.body)).toEqual(['Hello', 'Anyone?']);
    await call('PATCH', `/api/v1/conversations/${opened!.data.conversationId}`, { status: 'resolved', satisfaction: 5 });
    expect((await eventsOf('conversation.resolved'))[0]!.data).toMatchObject({ conversationId: opened!.data.conversationId, satisfaction: 5 });
  });

  it('webhooks: webhook.test to one endpoint, endpoint.disabled when an endpoint answers 410', async () => {
    await call('POST', `/api/v1/webhooks/${endpointId}/test`);
    const gone = await startWebhookReceiver();
    extraReceivers.push(gone);
    gone.setBehaviour(() => 410);
    const goneEndpoint = await call('POST', '/api/v1/webhooks', { url: gone.url, events: ['customer.*'] });
    await call('POST', '/api/v1/customers', { firstName: 'Trigger' });
    expect((await eventsOf('endpoint.disabled'))[0]!.data).toMatchObject({ endpointId: goneEndpoint.id, reason: 'gone' });
  }, 60_000);

  it('stored events: every catalogue type was emitted, and every event matches its type’s schema', async () => {
    const events = await storedEvents();
    const failures = events.flatMap((e) => {
      const parsed = EVENT_CATALOGUE[e.type].data.safeParse(e.data);
      return parsed.success ? [] : [{ type: e.type, issues: parsed.error.issues, data: e.data }];
    });
    expect(failures).toEqual([]);
    const emitted = new Set(events.map((e) => e.type));
    expect(EVENT_TYPE_NAMES.filter((type) => !emitted.has(type))).toEqual([]);
  });

  it('delivered bodies: what the receiver got for every event is signed and matches its type’s envelope schema', async () => {
    const events = await stack.db('events').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' });
    // Every event reaches the `*` endpoint (webhook.test included: it was that endpoint's test).
    const accepted = await until(
      () => receiver.acceptedIds(),
      (ids) => ids.size >= events[0]!.n,
      60_000,
    );
    expect(accepted.size).toBe(events[0]!.n);
    const bodies = receiver.requests.filter((r) => r.status === 204);
    expect(receiver.unverified()).toEqual([]);
    const failures = bodies.flatMap((r) => {
      const parsed = WEBHOOK_BODIES[r.payload.type as EventType]?.safeParse(r.payload);
      return parsed?.success ? [] : [{ type: r.payload.type, issues: parsed?.error.issues ?? 'unknown type', body: r.body }];
    });
    expect(failures).toEqual([]);
    expect(EVENT_TYPE_NAMES.filter((type) => !bodies.some((r) => r.payload.type === type))).toEqual([]);
    for (const r of bodies) {
      expect(r.webhookId).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.timestamp).toMatch(/^\d+$/);
      expect(r.signature).toMatch(/^v1,[A-Za-z0-9+/]+={0,2}$/);
    }
  }, 90_000);
});
