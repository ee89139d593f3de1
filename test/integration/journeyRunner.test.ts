import type { RuleNode } from '../../rules/ast';
import { splitPath } from '../../domain/journeys/split';
import { nextLocalMoment } from '../../domain/journeys/timing';
import type { JourneyDefinition, JourneyNode } from '../../domain/journeys/types';
import { buildCustomer, buildTenant } from '../support/factories';
import { eventTrigger, insertJourney, insertRun, insertVersion, runRow, startJourneyStack, stepRows, type JourneyStack } from '../support/journeysRunner';
import { until, waitFor } from '../support/until';

/**
 * The runner's control flow on real Postgres and Temporal: runs inserted as the router would
 * create them, executed by the runner workflow of an in-process worker whose clock is injected.
 * The clock only ever moves forward (a lease taken on a later clock must never look far ahead),
 * so days of journey pass in seconds.
 */
const DAY = 86_400_000;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const advance = (ms: number) => {
  offsetMs += ms;
};

let stack: JourneyStack;
beforeAll(async () => {
  stack = await startJourneyStack(clock);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const tagged = (tag: string): RuleNode => ({ kind: 'condition', field: 'tags', operator: 'hasAny', value: [tag] });
const tagNode = (id: string, tag: string, next?: string): JourneyNode => ({ id, type: 'update_customer', addTags: [tag], ...(next ? { next } : {}) });
const journeyOf = (start: string, nodes: JourneyNode[]): JourneyDefinition => ({ entry: { type: 'event', event: 'Test' }, start, nodes });

/** A tenant, a journey of `nodes` starting at `start`, and a helper that inserts a run due now. */
async function setUp(start: string, nodes: JourneyNode[], status: 'active' | 'paused' = 'active') {
  const t = await buildTenant(stack.db, 'Journeys');
  const journey = { ...(await insertJourney(stack.db, t.tenantId, journeyOf(start, nodes), { status })), tenantId: t.tenantId };
  const run = (customerId: string, properties: Record<string, unknown> = {}) =>
    insertRun(stack.db, journey, customerId, { nodeId: start, dueAt: clock(), trigger: eventTrigger('Test', properties) });
  return { t, journey, run };
}

const runIs = (runId: string, state: string, label?: string) =>
  until(
    () => runRow(stack.db, runId),
    (r) => r?.state === state,
    { timeoutMs: 15_000, label: label ?? `run ${state}` },
  );
const stepAt = async (runId: string, nodeId: string) => (await stepRows(stack.db, runId)).find((s) => s.node_id === nodeId);
const tagsOf = async (customerId: string): Promise<string[]> => (await stack.db('customers').where({ id: customerId }).first('tags')).tags;

it('passes a two-day delay in seconds of the injected clock, then completes the run', async () => {
  const { t, run } = await setUp('wait', [{ id: 'wait', type: 'delay', duration: '2d', next: 'done' }, tagNode('done', 'delayed')]);
  const customer = await buildCustomer(stack.db, t.tenantId);
  const started = clock();
  const runId = await run(customer);
  const waiting = await waitFor(async () => (await stepAt(runId, 'wait'))?.status === 'waiting' && runRow(stack.db, runId), 10_000, 50);
  expect(new Date(waiting.due_at).getTime()).toBeGreaterThanOrEqual(started.getTime() + 2 * DAY);
  expect(new Date(waiting.due_at).getTime()).toBeLessThan(clock().getTime() + 2 * DAY + 1000);
  await new Promise((r) => setTimeout(r, 500));
  expect(await tagsOf(customer)).toEqual([]);

  advance(2 * DAY + 1000);
  const done = await runIs(runId, 'completed');
  expect(done).toMatchObject({ end_reason: 'completed', due_at: null, node_id: 'done', steps: 2 });
  expect(await stepAt(runId, 'wait')).toMatchObject({ status: 'done', next_node_id: 'done' });
  expect(await tagsOf(customer)).toEqual(['delayed']);
});

it('waits until 09:00 in the customer’s timezone, else the tenant’s; a date already past goes on at once', async () => {
  const { t, run } = await setUp('nine', [
    { id: 'nine', type: 'wait_until', timeOfDay: '09:00', next: 'after' },
    tagNode('after', 'morning'),
    { id: 'past', type: 'wait_until', date: { field: 'event.renewsAt', offset: '-3d' }, next: 'after' },
  ]);
  await stack.server.request('/api/v1/messaging/settings', { method: 'PUT', key: t.adminKey, body: { timezone: 'America/New_York' } });
  const tokyo = await buildCustomer(stack.db, t.tenantId, { timezone: 'Asia/Tokyo' });
  const plain = await buildCustomer(stack.db, t.tenantId);
  const now = clock();
  const [tokyoRun, plainRun] = [await run(tokyo), await run(plain)];
  const dueOf = async (id: string) =>
    new Date((await waitFor(async () => ((await stepAt(id, 'nine'))?.status === 'waiting' ? runRow(stack.db, id) : undefined), 10_000, 50)).due_at);
  expect((await dueOf(tokyoRun)).toISOString()).toBe(nextLocalMoment(now, 'Asia/Tokyo', '09:00')!.toISOString());
  expect((await dueOf(plainRun)).toISOString()).toBe(nextLocalMoment(now, 'America/New_York', '09:00')!.toISOString());
  expect((await stepAt(plainRun, 'nine'))!.detail).toMatchObject({ timezone: 'America/New_York' });

  const pastRun = await insertRun(stack.db, { ...(await latestJourney(t.tenantId)), tenantId: t.tenantId }, plain, {
    nodeId: 'past',
    dueAt: clock(),
    trigger: eventTrigger('Test', { renewsAt: new Date(clock().getTime() + DAY).toISOString() }),
  });
  await runIs(pastRun, 'completed', 'a wait for a date already past to go on at once');

  advance(DAY);
  await runIs(tokyoRun, 'completed');
  await runIs(plainRun, 'completed');
  expect(await tagsOf(tokyo)).toEqual(['morning']);
});

/** The tenant's journey with its current version (for runs inserted later in a test). */
async function latestJourney(tenantId: string) {
  const j = await stack.db('journeys').where({ tenant_id: tenantId }).first('id', 'current_version_id');
  return { journeyId: j.id as string, versionId: j.current_version_id as string, sendCampaigns: {} };
}

it('waits for an event matched to the trigger: resumed with it, or taking the timeout branch', async () => {
  const { t, run } = await setUp('wait', [
    { id: 'wait', type: 'wait_for_event', event: 'Order Completed', match: { property: 'cartId' }, timeout: '4h', next: 'thanks', timeoutNext: 'remind' },
    tagNode('thanks', 'ordered'),
    tagNode('remind', 'reminded'),
  ]);
  const [buyer, idler] = [await buildCustomer(stack.db, t.tenantId), await buildCustomer(stack.db, t.tenantId)];
  const started = clock();
  const [buyerRun, idlerRun] = [await run(buyer, { cartId: 'cart-1' }), await run(idler, { cartId: 'cart-2' })];
  const waiting = await waitFor(async () => {
    const r = await runRow(stack.db, buyerRun);
    return r.waiting_for ? r : undefined;
  });
  expect(waiting.waiting_for).toEqual({ event: 'Order Completed', match: { property: 'cartId', value: 'cart-1' } });
  expect(new Date(waiting.due_at).getTime()).toBeGreaterThanOrEqual(started.getTime() + 4 * 3_600_000);

  // What the router does when the event arrives: the event in context.received, no wait, due now.
  const received = { name: 'Order Completed', properties: { cartId: 'cart-1' } };
  await stack
    .db('journey_runs')
    .where({ id: buyerRun })
    .update({
      context: stack.db.raw(`context || ?::jsonb`, [JSON.stringify({ received })]),
      waiting_for: null,
      due_at: clock(),
    });
  const resumed = await runIs(buyerRun, 'completed');
  expect(resumed.context.received).toBeUndefined();
  expect(await stepAt(buyerRun, 'wait')).toMatchObject({ status: 'done', next_node_id: 'thanks', detail: { received } });
  expect(await tagsOf(buyer)).toEqual(['ordered']);
  expect((await runRow(stack.db, idlerRun)).state).toBe('active');

  advance(4 * 3_600_000 + 1000);
  await runIs(idlerRun, 'completed');
  expect(await stepAt(idlerRun, 'wait')).toMatchObject({ status: 'done', next_node_id: 'remind', detail: { timedOut: true } });
  expect(await tagsOf(idler)).toEqual(['reminded']);
});

it('branches on a segment rule evaluated now and on the trigger’s properties, saying which branch and why; an exit node ends the run', async () => {
  const { t, run } = await setUp('b', [
    {
      id: 'b',
      type: 'branch',
      branches: [
        { name: 'vip', rule: tagged('vip'), next: 'v' },
        { name: 'big cart', where: { kind: 'property', property: 'cart.total', type: 'number', operator: 'greaterThan', value: 100 }, next: 'g' },
      ],
      else: 'out',
    },
    tagNode('v', 'went-vip'),
    tagNode('g', 'went-big'),
    { id: 'out', type: 'exit' },
  ]);
  const vip = await buildCustomer(stack.db, t.tenantId, { tags: ['vip'] });
  const big = await buildCustomer(stack.db, t.tenantId);
  const small = await buildCustomer(stack.db, t.tenantId);
  const runs = [await run(vip, { cart: { total: 500 } }), await run(big, { cart: { total: 150 } }), await run(small, { cart: { total: 20 } })];
  await runIs(runs[0]!, 'completed');
  await runIs(runs[1]!, 'completed');
  const exited = await runIs(runs[2]!, 'exited');
  expect(exited.end_reason).toBe('exit_node');
  expect(await tagsOf(vip)).toEqual(['vip', 'went-vip']);
  expect(await tagsOf(big)).toEqual(['went-big']);
  expect(await tagsOf(small)).toEqual([]);
  expect((await stepAt(runs[0]!, 'b'))!.detail).toMatchObject({ branch: 0, name: 'vip', reason: 'the rule holds for the customer' });
  expect((await stepAt(runs[1]!, 'b'))!.detail).toMatchObject({
    branch: 1,
    name: 'big cart',
    reason: "the trigger's properties match",
    checked: [{ rule: false }, { where: true }],
  });
  expect((await stepAt(runs[2]!, 'b'))!.detail).toMatchObject({ branch: 'else', reason: 'no branch matched' });
  expect(await stepAt(runs[2]!, 'out')).toMatchObject({ status: 'done', kind: 'exit' });
});

it('splits runs by weight, each run always on the path its id hashes to', async () => {
  const { t, run } = await setUp('s', [
    {
      id: 's',
      type: 'random_split',
      paths: [
        { name: 'A', weight: 1, next: 'a' },
        { name: 'B', weight: 3, next: 'b' },
      ],
    },
    tagNode('a', 'path-a'),
    tagNode('b', 'path-b'),
  ]);
  const customers = await Promise.all(Array.from({ length: 40 }, () => buildCustomer(stack.db, t.tenantId)));
  const runs = await Promise.all(customers.map((c) => run(c)));
  for (const id of runs) await runIs(id, 'completed');
  const taken = await Promise.all(runs.map(async (id) => (await runRow(stack.db, id)).context.splits.s as number));
  expect(taken).toEqual(runs.map((id) => splitPath(id, 's', [1, 3]).index));
  expect(new Set(taken)).toEqual(new Set([0, 1]));
  const tags = await Promise.all(customers.map(tagsOf));
  expect(tags).toEqual(taken.map((i) => [i === 0 ? 'path-a' : 'path-b']));
});

it('leaves a paused journey’s due runs alone until it is active again', async () => {
  const { t, run } = await setUp('tag', [tagNode('tag', 'resumed')], 'paused');
  const customer = await buildCustomer(stack.db, t.tenantId);
  const runId = await run(customer);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await stepRows(stack.db, runId)).toHaveLength(0);
  expect((await runRow(stack.db, runId)).state).toBe('active');
  await stack.db('journeys').where({ tenant_id: t.tenantId }).update({ status: 'active' });
  await runIs(runId, 'completed');
  expect(await tagsOf(customer)).toEqual(['resumed']);
});

it('applies a pending migration at the run’s next step: to the mapped node of the new version, or out', async () => {
  const { t, journey, run } = await setUp('hold', [{ id: 'hold', type: 'delay', duration: '1d', next: 'old' }, tagNode('old', 'old-version')]);
  const [moving, leaving] = [await buildCustomer(stack.db, t.tenantId), await buildCustomer(stack.db, t.tenantId)];
  const [movingRun, leavingRun] = [await run(moving), await run(leaving)];
  for (const id of [movingRun, leavingRun]) await waitFor(async () => (await stepAt(id, 'hold'))?.status === 'waiting', 10_000, 50);
  const v2 = await insertVersion(stack.db, t.tenantId, journey.journeyId, journeyOf('fresh', [tagNode('fresh', 'new-version')]));
  await stack.db('journey_runs').where({ id: movingRun }).update({ migrate_to_version_id: v2.versionId, migrate_to_node_id: 'fresh' });
  await stack.db('journey_runs').where({ id: leavingRun }).update({ migrate_to_version_id: v2.versionId, migrate_to_node_id: null });
  advance(DAY + 1000);
  const moved = await runIs(movingRun, 'completed');
  expect(moved).toMatchObject({ version_id: v2.versionId, node_id: 'fresh', migrate_to_version_id: null });
  expect(await tagsOf(moving)).toEqual(['new-version']);
  expect(await stepAt(movingRun, 'hold')).toMatchObject({ status: 'done', detail: { migratedTo: { versionId: v2.versionId, nodeId: 'fresh' } } });
  expect(await stepAt(movingRun, 'fresh')).toMatchObject({ version_id: v2.versionId, status: 'done' });
  expect(await runIs(leavingRun, 'exited')).toMatchObject({ end_reason: 'migrated_to_exit' });
  expect(await tagsOf(leaving)).toEqual([]);
});

it('retries a step that throws with a growing backoff, then ends the run failed after five attempts', async () => {
  const { t, run } = await setUp('hook', [{ id: 'hook', type: 'webhook', endpointId: 'not-a-uuid', next: 'after' }, tagNode('after', 'never')]);
  const customer = await buildCustomer(stack.db, t.tenantId);
  const runId = await run(customer);
  const failures: number[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) {
    const step = await waitFor(async () => {
      const s = await stepAt(runId, 'hook');
      return s?.status === 'failed' && s.detail.failures === attempt ? s : undefined;
    });
    failures.push(step.detail.failures);
    const r = await runRow(stack.db, runId);
    if (attempt < 5) {
      expect(r.state).toBe('active');
      // Not hot: due again only after the backoff (5 s, 20 s, 80 s, 320 s).
      expect(new Date(r.due_at).getTime() - clock().getTime()).toBeGreaterThan(4000 * 4 ** (attempt - 1) - 2000);
      advance(5000 * 4 ** (attempt - 1) + 1000);
    }
  }
  expect(failures).toEqual([1, 2, 3, 4, 5]);
  const failed = await runIs(runId, 'failed');
  expect(failed).toMatchObject({ end_reason: 'failed', due_at: null });
  expect((await stepAt(runId, 'hook'))!.detail.error).toMatch(/uuid/);
  expect(await tagsOf(customer)).toEqual([]);
});
