import type { Knex } from 'knex';
import { ensureJourneyRouter } from '../../domain/journeys/lifecycle';
import { endRun } from '../../domain/journeys/runs';
import type { JourneyDefinition } from '../../domain/journeys/types';
import { segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { buildTenant, testDb } from '../support/factories';
import { definitionWith, journeyEvents, publishJourney, routed, runsOf, setJourneyStatus } from '../support/journeysRouter';
import { startTestServer, type TestServer } from '../support/testServer';
import { startTestWorker } from '../support/testWorker';
import { until } from '../support/until';

/**
 * The journey router end to end: events go in through the real API (POST /track, orders,
 * customers, segments), the outbox trigger queues them, the router (its workflow on the test's
 * task queue, with a fake clock) turns them into runs, wake-ups, conversions and exits. Journeys
 * are inserted directly (test/support/journeysRouter.ts); no runner runs here, so runs stay where
 * the router put them.
 */
describe('journey router', () => {
  let server: TestServer;
  let db: Knex;
  let stopWorker: () => Promise<void>;
  let nowMs = Date.parse('2027-03-01T09:00:00Z');
  const clock = () => new Date(nowMs);
  const HOUR = 3_600_000;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
    stopWorker = await startTestWorker(db, { clock });
    await ensureJourneyRouter(server.runtime.temporal, server.runtime.temporal.settings.taskQueue);
  });
  afterAll(async () => {
    await stopWorker();
    await server.close();
    await db.destroy();
  });

  /** A fresh tenant and calls as its admin. */
  async function tenant() {
    const t = await buildTenant(db);
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await server.request(`/api/v1${url}`, { method, key: t.adminKey, body });
      if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
      return res.body?.data;
    };
    const track = async (userId: string, event: string, properties: Record<string, unknown> = {}) => {
      const data = await call('POST', '/track', { userId, event, properties });
      await routed(db, t.tenantId);
      return data.customerId as string;
    };
    const publish = (definition: JourneyDefinition, options?: Parameters<typeof publishJourney>[3]) => publishJourney(db, t.tenantId, definition, options);
    const segment = async (tag: string) => {
      const id = (await call('POST', '/segments', { name: `tag ${tag}`, rules: { all: [{ fact: 'tags', operator: 'hasAny', value: [tag] }] } })).id as string;
      await (await server.runtime.temporal.client()).workflow.getHandle(segmentRefreshWorkflowId(t.tenantId, id)).result();
      return id;
    };
    return { ...t, call, track, publish, segment };
  }

  it('enters on a tracked event whose properties match, with the trigger kept and journey.entered emitted', async () => {
    const t = await tenant();
    const { journeyId, versionId } = await t.publish(
      definitionWith({
        entry: {
          type: 'event',
          event: 'Added To Cart',
          where: { kind: 'property', property: 'cart.value', type: 'number', operator: 'greaterThan', value: 50 },
        },
      }),
      { name: 'Big carts' },
    );
    const big = await t.track('u-big', 'Added To Cart', { cart: { value: 60 }, cartId: 'c1' });
    await t.track('u-small', 'Added To Cart', { cart: { value: 10 } });
    await t.track('u-other', 'Viewed Product', { cart: { value: 99 } });
    const runs = await runsOf(db, journeyId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ customer_id: big, state: 'active', node_id: 'start', visit: 1, entry_key: '', ended_at: null });
    expect(runs[0]!.due_at!.getTime()).toBe(nowMs);
    expect(runs[0]!.entered_at.getTime()).toBe(nowMs);
    expect(runs[0]!.trigger).toMatchObject({ kind: 'event', name: 'Added To Cart', properties: { cart: { value: 60 }, cartId: 'c1' } });
    expect(await journeyEvents(db, t.tenantId)).toEqual([
      { type: 'journey.entered', data: { journeyId, journeyName: 'Big carts', version: 1, runId: runs[0]!.id, customerId: big } },
    ]);
    expect(versionId).toBeTruthy();
  });

  it('enters on order.created with a condition on the payload', async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(
      definitionWith({
        entry: {
          type: 'herald_event',
          eventType: 'order.created',
          where: { kind: 'property', property: 'total', type: 'number', operator: 'greaterThan', value: 100 },
        },
      }),
    );
    const buyer = await t.call('POST', '/customers', { firstName: 'Big', email: 'big@example.com' });
    const small = await t.call('POST', '/customers', { firstName: 'Small', email: 'small@example.com' });
    const order = await t.call('POST', '/orders', { customerId: buyer.id, items: [{ name: 'Sofa', price: 150, quantity: 1 }] });
    await t.call('POST', '/orders', { customerId: small.id, items: [{ name: 'Pen', price: 2, quantity: 3 }] });
    await routed(db, t.tenantId);
    const runs = await runsOf(db, journeyId);
    expect(runs.map((r) => r.customer_id)).toEqual([buyer.id]);
    expect(runs[0]!.trigger).toMatchObject({ kind: 'herald_event', name: 'order.created', properties: { orderId: order.id, total: 150 } });
  });

  it("only customers who exist and are not deleted enter (an event routed after its customer's deletion starts nothing)", async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(definitionWith({ entry: { type: 'herald_event', eventType: 'customer.updated', policy: { mode: 'every_time' } } }));
    const kept = await t.call('POST', '/customers', { firstName: 'Kept', email: 'kept@example.com' });
    const gone = await t.call('POST', '/customers', { firstName: 'Gone', email: 'gone@example.com' });
    await t.call('DELETE', `/customers/${gone.id}`);
    // What a customer.updated committed just before a deletion looks like when the router reaches it.
    for (const c of [kept, gone])
      await db('events').insert({
        tenant_id: t.tenantId,
        type: 'customer.updated',
        subject_type: 'customer',
        subject_id: c.id,
        payload: { data: { customer: c, changed: ['firstName'] }, actor: { type: 'system', id: null }, requestId: null },
      });
    await routed(db, t.tenantId);
    expect((await runsOf(db, journeyId)).map((r) => r.customer_id)).toEqual([kept.id]);
  });

  it('enters on entering a segment; paused and archived journeys take no entries', async () => {
    const t = await tenant();
    const vip = await t.segment('vip');
    const { journeyId } = await t.publish(definitionWith({ entry: { type: 'segment', segmentId: vip } }));
    const paused = await t.publish(definitionWith({ entry: { type: 'segment', segmentId: vip } }), { status: 'paused' });
    const archived = await t.publish(definitionWith({ entry: { type: 'segment', segmentId: vip } }), { status: 'archived' });
    const c = await t.call('POST', '/customers', { firstName: 'Vera', email: 'vera@example.com' });
    await t.call('PATCH', `/customers/${c.id}/tags`, { tags: ['vip'], action: 'add' });
    const runs = await until(
      () => runsOf(db, journeyId),
      (r) => r.length === 1,
    );
    expect(runs[0]).toMatchObject({ customer_id: c.id, trigger: { kind: 'segment', name: vip, properties: { segmentId: vip, customerId: c.id } } });
    await routed(db, t.tenantId);
    expect(await runsOf(db, paused.journeyId)).toEqual([]);
    expect(await runsOf(db, archived.journeyId)).toEqual([]);
  });

  it('pausing stops entries at once (nobody is queued for the resume); resuming takes them again', async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(definitionWith({ entry: { type: 'event', event: 'Pinged', policy: { mode: 'every_time' } } }));
    await setJourneyStatus(db, journeyId, 'paused');
    await t.track('u-1', 'Pinged');
    expect(await runsOf(db, journeyId)).toEqual([]);
    await setJourneyStatus(db, journeyId, 'active');
    await t.track('u-1', 'Pinged');
    expect(await runsOf(db, journeyId)).toHaveLength(1);
  });

  it('once: a second trigger, even after the first run ended, starts nothing', async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(definitionWith({ entry: { type: 'event', event: 'Signed Up', policy: { mode: 'once' } } }));
    await t.track('u-1', 'Signed Up');
    await t.track('u-1', 'Signed Up');
    const [run] = await runsOf(db, journeyId);
    expect(await runsOf(db, journeyId)).toHaveLength(1);
    await endRun(db, { runId: run!.id, state: 'completed', reason: 'completed' }, clock());
    await t.track('u-1', 'Signed Up');
    expect(await runsOf(db, journeyId)).toHaveLength(1);
  });

  it('one at a time: none while a run is open, a new one after it ended', async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(definitionWith({ entry: { type: 'event', event: 'Browsed', policy: { mode: 'one_at_a_time' } } }));
    await t.track('u-1', 'Browsed');
    await t.track('u-1', 'Browsed');
    const first = await runsOf(db, journeyId);
    expect(first).toHaveLength(1);
    await endRun(db, { runId: first[0]!.id, state: 'completed', reason: 'completed' }, clock());
    nowMs += HOUR;
    await t.track('u-1', 'Browsed');
    const after = await runsOf(db, journeyId);
    expect(after.map((r) => r.state)).toEqual(['completed', 'active']);
  });

  it('every time: none within the cooldown, again after it, never beyond maxEntries', async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(
      definitionWith({ entry: { type: 'event', event: 'Visited', policy: { mode: 'every_time', cooldown: '1h', maxEntries: 3 } } }),
    );
    // Two in one batch are routed in one pass: the cooldown holds within it too.
    await t.call('POST', '/batch', { batch: [1, 2].map(() => ({ type: 'track', userId: 'u-1', event: 'Visited' })) });
    await routed(db, t.tenantId);
    await t.track('u-1', 'Visited');
    expect(await runsOf(db, journeyId)).toHaveLength(1);
    nowMs += 2 * HOUR;
    await t.track('u-1', 'Visited');
    expect(await runsOf(db, journeyId)).toHaveLength(2);
    nowMs += 2 * HOUR;
    await t.track('u-1', 'Visited');
    nowMs += 2 * HOUR;
    await t.track('u-1', 'Visited');
    const runs = await runsOf(db, journeyId);
    expect(runs).toHaveLength(3);
    expect(runs.every((r) => r.entry_key === null && r.state === 'active')).toBe(true);
  });

  it('keyed entries: two carts make two runs, the same cart twice one', async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(
      definitionWith({ entry: { type: 'event', event: 'Added To Cart', policy: { mode: 'one_at_a_time', key: 'cartId' } } }),
    );
    await t.track('u-1', 'Added To Cart', { cartId: 'A' });
    await t.track('u-1', 'Added To Cart', { cartId: 'B' });
    await t.track('u-1', 'Added To Cart', { cartId: 'A' });
    expect((await runsOf(db, journeyId)).map((r) => r.entry_key).sort()).toEqual(['A', 'B']);
  });

  it("a waiting run wakes on the matching cart's event, not on another cart's", async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(definitionWith({ entry: { type: 'event', event: 'Added To Cart', policy: { mode: 'every_time' } } }));
    await t.track('u-1', 'Added To Cart', { cartId: 'c1' });
    const [run] = await runsOf(db, journeyId);
    const wait = { event: 'Order Completed', match: { property: 'cartId', value: 'c1' } };
    await db('journey_runs').where({ id: run!.id }).update({ waiting_for: wait, due_at: null, node_id: 'wait', visit: 1 });
    nowMs += HOUR;
    await t.track('u-1', 'Order Completed', { cartId: 'c2' });
    expect((await runsOf(db, journeyId))[0]).toMatchObject({ waiting_for: wait, due_at: null });
    await t.track('u-1', 'Order Completed', { cartId: 'c1', total: 30 });
    const woken = (await runsOf(db, journeyId))[0]!;
    expect(woken.waiting_for).toBeNull();
    expect(woken.due_at!.getTime()).toBe(nowMs);
    expect(woken.context.received).toMatchObject({ kind: 'event', name: 'Order Completed', properties: { cartId: 'c1', total: 30 } });
  });

  it('a goal converts a run within its window, credits the last message and exits on conversion; outside the window nothing', async () => {
    const t = await tenant();
    const { journeyId } = await t.publish(
      definitionWith({
        entry: { type: 'event', event: 'Added To Cart', policy: { mode: 'every_time' } },
        goal: { event: { event: 'Order Completed' }, within: '4h', exitOnConversion: true },
      }),
      { name: 'Cart rescue' },
    );
    const customer = await t.track('u-1', 'Added To Cart');
    const [run] = await runsOf(db, journeyId);
    const messageId = '0190f0a0-0000-7000-8000-000000000001';
    await db('journey_runs').where({ id: run!.id }).update({ last_message_id: messageId });
    nowMs += HOUR;
    await t.track('u-1', 'Order Completed');
    const done = (await runsOf(db, journeyId))[0]!;
    expect(done).toMatchObject({ state: 'exited', end_reason: 'converted', converted_message_id: messageId });
    expect(done.converted_at!.getTime()).toBe(nowMs);
    const base = { journeyId, journeyName: 'Cart rescue', version: 1, runId: run!.id, customerId: customer };
    expect(await journeyEvents(db, t.tenantId)).toEqual([
      { type: 'journey.entered', data: base },
      { type: 'journey.converted', data: { ...base, messageId } },
      { type: 'journey.exited', data: { ...base, reason: 'converted' } },
    ]);

    await t.track('u-2', 'Added To Cart');
    nowMs += 5 * HOUR;
    await t.track('u-2', 'Order Completed');
    expect((await runsOf(db, journeyId))[1]).toMatchObject({ state: 'active', converted_at: null });
  });

  it('a segment goal converts on entering the segment and, without exitOnConversion, the run goes on', async () => {
    const t = await tenant();
    const paid = await t.segment('paid');
    const { journeyId } = await t.publish(definitionWith({ entry: { type: 'event', event: 'Trial Started' }, goal: { segmentId: paid, within: '7d' } }));
    const customer = await t.track('u-1', 'Trial Started');
    nowMs += 24 * HOUR;
    await t.call('PATCH', `/customers/${customer}/tags`, { tags: ['paid'], action: 'add' });
    const [run] = await until(
      () => runsOf(db, journeyId),
      (runs) => runs[0]?.converted_at !== null,
    );
    expect(run).toMatchObject({ state: 'active', converted_message_id: null, ended_at: null });
    expect(run!.converted_at!.getTime()).toBe(nowMs);
    expect((await journeyEvents(db, t.tenantId)).map((e) => e.type)).toEqual(['journey.entered', 'journey.converted']);
  });

  it('exit rules end a run on an event and on leaving a segment; deleting the customer ends their runs', async () => {
    const t = await tenant();
    const members = await t.segment('member');
    const { journeyId } = await t.publish(
      definitionWith({
        entry: { type: 'event', event: 'Joined', policy: { mode: 'every_time' } },
        exitRules: [
          { event: { event: 'Cancelled', where: { kind: 'property', property: 'final', type: 'boolean', operator: 'equal', value: true } } },
          { leftSegment: members },
        ],
      }),
    );
    const a = await t.track('u-a', 'Joined');
    const b = await t.track('u-b', 'Joined');
    const c = await t.track('u-c', 'Joined');
    await t.call('PATCH', `/customers/${b}/tags`, { tags: ['member'], action: 'add' });
    await t.track('u-a', 'Cancelled', { final: false });
    expect((await runsOf(db, journeyId)).map((r) => r.state)).toEqual(['active', 'active', 'active']);
    await t.track('u-a', 'Cancelled', { final: true });
    await t.call('PATCH', `/customers/${b}/tags`, { tags: ['member'], action: 'remove' });
    await t.call('DELETE', `/customers/${c}`);
    const ended = await until(
      () => runsOf(db, journeyId),
      (runs) => runs.every((r) => r.state === 'exited'),
    );
    expect(Object.fromEntries(ended.map((r) => [r.customer_id, r.end_reason]))).toEqual({ [a]: 'exit_rule', [b]: 'exit_rule', [c]: 'customer_deleted' });
    const exits = (await journeyEvents(db, t.tenantId)).filter((e) => e.type === 'journey.exited');
    expect(exits.map((e) => [e.data.customerId, e.data.reason])).toEqual([
      [a, 'exit_rule'],
      [b, 'exit_rule'],
      [c, 'customer_deleted'],
    ]);
  });
});
