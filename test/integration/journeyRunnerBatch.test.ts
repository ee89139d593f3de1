import { writeOutcomes } from '../../domain/journeys/outcomes';
import type { RunRow } from '../../domain/journeys/runnerTypes';
import { splitPath } from '../../domain/journeys/split';
import type { JourneyDefinition, JourneyNode } from '../../domain/journeys/types';
import { buildCustomer, buildTenant } from '../support/factories';
import { eventTrigger, insertJourney, insertRun, insertVersion, runRow, startJourneyStack, stepRows, type JourneyStack } from '../support/journeysRunner';
import { until } from '../support/until';

/**
 * The runner's batches: a claimed page is grouped by (version, node), each group's steps, ledger
 * rows and moves written set-based, effect nodes in chunks of the worker's concurrency (5 here,
 * so a group of 20 sends is four chunks). The clock is injected and starts at noon UTC.
 */
const DAY = 86_400_000;
const offsetMs = Math.ceil(Date.now() / DAY) * DAY + DAY / 2 - Date.now();
const clock = () => new Date(Date.now() + offsetMs);

let stack: JourneyStack;
beforeAll(async () => {
  stack = await startJourneyStack(clock, { concurrency: 5, pageSize: 100 });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const tag = (id: string, t: string, next?: string): JourneyNode => ({ id, type: 'update_customer', addTags: [t], ...(next ? { next } : {}) });
const mail = (subject: string, next: string): JourneyNode => ({
  id: 'mail',
  type: 'send',
  channel: 'email',
  subject,
  body: '<p>{{ journey.version }}</p>',
  respectQuietHours: false,
  next,
});
const journeyOf = (start: string, nodes: JourneyNode[]): JourneyDefinition => ({ entry: { type: 'event', event: 'Test' }, start, nodes });
const tagsOf = async (customerId: string): Promise<string[]> => (await stack.db('customers').where({ id: customerId }).first('tags')).tags;
const ended = (runIds: string[]) =>
  until(
    async () => stack.db('journey_runs').whereIn('id', runIds).where('state', 'active').count<{ n: string }[]>({ n: '*' }),
    (rows) => Number(rows[0]!.n) === 0,
    { timeoutMs: 30_000, label: 'every run to end' },
  );

it('executes one page mixing versions and nodes: each run follows its own version (the same node id in two versions is two groups), one step per visit, one ledger row per send', async () => {
  const t = await buildTenant(stack.db, 'Batches');
  const v1 = {
    ...(await insertJourney(
      stack.db,
      t.tenantId,
      journeyOf('split', [
        {
          id: 'split',
          type: 'random_split',
          paths: [
            { name: 'A', weight: 1, next: 'mail' },
            { name: 'B', weight: 1, next: 'b' },
          ],
        },
        mail('version one', 'a'),
        tag('a', 'v1-a'),
        tag('b', 'v1-b'),
      ]),
    )),
    tenantId: t.tenantId,
  };
  const v2 = {
    ...(await insertVersion(stack.db, t.tenantId, v1.journeyId, journeyOf('mail', [mail('version two', 'done'), tag('done', 'v2')]))),
    tenantId: t.tenantId,
  };
  const other = { ...(await insertJourney(stack.db, t.tenantId, journeyOf('hold', [{ id: 'hold', type: 'delay', duration: '1d' }]))), tenantId: t.tenantId };
  const customers = await Promise.all(Array.from({ length: 60 }, (_, i) => buildCustomer(stack.db, t.tenantId, { email: `batch-${i}@example.com` })));
  // Due a moment ahead, so the runner claims all 60 in one page rather than as they are inserted.
  const due = new Date(clock().getTime() + 1500);
  const insert = (journey: typeof v1, nodeId: string, customer: string) =>
    insertRun(stack.db, journey, customer, { nodeId, dueAt: due, trigger: eventTrigger('Test') });
  const atSplit = await Promise.all(customers.slice(0, 20).map((c) => insert(v1, 'split', c)));
  const atMail = await Promise.all(customers.slice(20, 40).map((c) => insert(v2, 'mail', c)));
  const held = await Promise.all(customers.slice(40).map((c) => insert(other, 'hold', c)));
  await ended([...atSplit, ...atMail]);

  for (const [i, runId] of atSplit.entries()) {
    const toA = splitPath(runId, 'split', [1, 1]).index === 0;
    expect(await tagsOf(customers[i]!)).toEqual([toA ? 'v1-a' : 'v1-b']);
    const steps = await stepRows(stack.db, runId);
    expect(steps.map((s) => [s.node_id, s.visit, s.status])).toEqual(
      toA
        ? [
            ['split', 1, 'done'],
            ['mail', 1, 'done'],
            ['a', 1, 'done'],
          ]
        : [
            ['split', 1, 'done'],
            ['b', 1, 'done'],
          ],
    );
    expect((await runRow(stack.db, runId)).state).toBe('completed');
  }
  for (const [i, runId] of atMail.entries()) {
    expect(await tagsOf(customers[20 + i]!)).toEqual(['v2']);
    const [step] = await stepRows(stack.db, runId);
    const ledger = await stack.db('campaign_recipients').where({ journey_step_id: step!.id });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ campaign_id: v2.sendCampaigns.mail, state: 'sent' });
    expect((await runRow(stack.db, runId)).last_message_id).toBe(ledger[0].id);
  }
  const subjects = (prefix: number[]) =>
    prefix.map((i) => stack.sink.messages.filter((m) => m.to[0] === `batch-${i}@example.com`).map((m) => m.headers.subject));
  expect(subjects([...Array(20).keys()].map((i) => 20 + i)).every((s) => s.length === 1 && s[0] === 'version two')).toBe(true);
  const toA = atSplit.map((id, i) => (splitPath(id, 'split', [1, 1]).index === 0 ? i : -1)).filter((i) => i >= 0);
  expect(subjects(toA).every((s) => s.length === 1 && s[0] === 'version one')).toBe(true);
  const v1Mail = await stack.db('campaign_recipients').where({ campaign_id: v1.sendCampaigns.mail });
  expect(v1Mail).toHaveLength(toA.length);

  for (const runId of held) {
    const run = await until(
      () => runRow(stack.db, runId),
      (r) => r.due_at !== null && new Date(r.due_at).getTime() > clock().getTime() + DAY / 2,
      { timeoutMs: 10_000, label: 'the delay to hold' },
    );
    // A day from the step (the runner's clock when it executed the page), which came after `due`.
    expect(new Date(run.due_at).getTime()).toBeGreaterThanOrEqual(due.getTime() + DAY);
    expect(new Date(run.due_at).getTime()).toBeLessThanOrEqual(clock().getTime() + DAY);
    expect((await stepRows(stack.db, runId)).map((s) => [s.node_id, s.status])).toEqual([['hold', 'waiting']]);
  }
}, 60_000);

it('moves each run of a batch only where it still stands: a run another writer ended or moved meanwhile keeps that, the rest move on', async () => {
  const t = await buildTenant(stack.db, 'Conditioned');
  const journey = { ...(await insertJourney(stack.db, t.tenantId, journeyOf('a', [tag('a', 'a', 'b'), tag('b', 'b')]))), tenantId: t.tenantId };
  const customers = await Promise.all(Array.from({ length: 4 }, () => buildCustomer(stack.db, t.tenantId)));
  // Due in a week: the runner never claims them; the test writes their outcomes itself.
  const later = new Date(clock().getTime() + 7 * DAY);
  const ids = await Promise.all(customers.map((c) => insertRun(stack.db, journey, c, { nodeId: 'a', dueAt: later })));
  const read = (await stack.db('journey_runs').whereIn('id', ids).select('*')).map((r) => ({ ...r, journey_name: 'Test journey' })) as RunRow[];
  const byId = new Map(read.map((r) => [r.id, r]));
  // Meanwhile: one run exits (the router), another is already at b (a second worker got there first).
  await stack.db('journey_runs').where({ id: ids[0] }).update({ state: 'exited', end_reason: 'exit_rule', ended_at: clock(), due_at: null });
  await stack.db('journey_runs').where({ id: ids[1] }).update({ node_id: 'b', visit: 1 });
  const node: JourneyNode = tag('a', 'a', 'b');
  const now = clock();
  const onward = await writeOutcomes(
    stack.db,
    ids.map((id) => ({ run: byId.get(id)!, node, outcome: { kind: 'next', status: 'done', next: 'b', detail: { test: true } } })),
    now,
    new Date(now.getTime() + 60_000),
  );
  expect(onward.map((r) => r.id).sort()).toEqual([ids[2], ids[3]].sort());
  expect(onward.every((r) => r.node_id === 'b' && r.visit === 1 && r.context.visits?.b === 1)).toBe(true);
  expect(await runRow(stack.db, ids[0]!)).toMatchObject({ state: 'exited', end_reason: 'exit_rule', node_id: 'a' });
  expect(await runRow(stack.db, ids[1]!)).toMatchObject({ state: 'active', node_id: 'b', steps: 0 });
  for (const id of [ids[2]!, ids[3]!]) expect(await runRow(stack.db, id)).toMatchObject({ state: 'active', node_id: 'b', visit: 1, steps: 1 });
});

it('sends a batch that mixes a sent, a skipped and a held message: each step says which, the held run waits for its window', async () => {
  const t = await buildTenant(stack.db, 'Mixed sends');
  const nodes: JourneyNode[] = [{ id: 'mail', type: 'send', channel: 'email', subject: 'Hi', body: 'B', next: 'after' }, tag('after', 'after')];
  const journey = { ...(await insertJourney(stack.db, t.tenantId, journeyOf('mail', nodes))), tenantId: t.tenantId };
  const plain = await buildCustomer(stack.db, t.tenantId, { email: 'mixed-plain@example.com' });
  const blocked = await buildCustomer(stack.db, t.tenantId, { email: 'mixed-blocked@example.com', is_blocked: true });
  // Noon UTC is 21:00 in Tokyo: outside 09:00–17:00 there.
  const night = await buildCustomer(stack.db, t.tenantId, {
    email: 'mixed-night@example.com',
    timezone: 'Asia/Tokyo',
    communication_hours_start: '09:00',
    communication_hours_end: '17:00',
  });
  const due = new Date(clock().getTime() + 1000);
  const [sent, skipped, waiting] = await Promise.all([plain, blocked, night].map((c) => insertRun(stack.db, journey, c, { nodeId: 'mail', dueAt: due })));
  await ended([sent!, skipped!]);
  const step = async (runId: string) => (await stepRows(stack.db, runId)).find((s) => s.node_id === 'mail')!;
  expect((await step(sent!)).detail).toMatchObject({ sent: true });
  expect((await step(skipped!)).detail).toMatchObject({ skipped: 'blocked' });
  const heldStep = await until(
    () => step(waiting!),
    (s) => s?.status === 'waiting',
    { timeoutMs: 10_000, label: 'the held step' },
  );
  expect(heldStep.detail).toMatchObject({ held: 'quiet_hours' });
  const run = await runRow(stack.db, waiting!);
  expect(run).toMatchObject({ state: 'active', node_id: 'mail' });
  expect(new Date(run.due_at).toISOString()).toBe(heldStep.detail.until);
  expect(await stack.db('campaign_recipients').where({ journey_step_id: heldStep.id }).first()).toMatchObject({
    state: 'pending',
    deferred_reason: 'quiet_hours',
  });
  expect(await tagsOf(plain)).toEqual(['after']);
  expect(await tagsOf(blocked)).toEqual(['after']);
  expect(await tagsOf(night)).toEqual([]);
});
