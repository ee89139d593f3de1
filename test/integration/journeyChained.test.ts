import { htmlOf, scenarioTenant, startScenarioStack, type ScenarioStack } from '../support/journeysScenarios';
import { until, waitFor } from '../support/until';

/**
 * Chained journeys end to end through the public API on the real stack (router and runner on
 * Herald's worker with an injected clock, e-mail into the SMTP sink): a journey entering on another
 * journey's journey.converted / journey.exited events, `where` on their data, the trigger's
 * properties in a template, the queue trigger taking only the journey.* events some active journey
 * enters on, and publishes that would close a ring of chained journeys refused with nothing changed
 * (also when the two halves of the ring are published at the same moment).
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const nowMs = Math.ceil(Date.now() / DAY) * DAY + 12 * HOUR;
const clock = () => new Date(nowMs);

let stack: ScenarioStack;
beforeAll(async () => {
  stack = await startScenarioStack(clock);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

type Tenant = Awaited<ReturnType<typeof scenarioTenant>>;

/** Trial journey: enters on "Trial Started", waits 3 days; "Subscribed" converts and exits, "Cancelled" exits. */
const trial = {
  name: 'Trial',
  entry: { type: 'event', event: 'Trial Started' },
  start: 'wait',
  nodes: [
    { id: 'wait', type: 'delay', duration: '3d', next: 'done' },
    { id: 'done', type: 'exit' },
  ],
  goal: { event: { event: 'Subscribed' }, within: '7d', exitOnConversion: true },
  exitRules: [{ event: { event: 'Cancelled' } }],
};

/** A journey with one exit node entering on `journeyId`'s events of `eventType`. */
const chainedOn = (name: string, eventType: string, journeyId: string) => ({
  name,
  entry: { type: 'herald_event', eventType, journeyId },
  start: 'done',
  nodes: [{ id: 'done', type: 'exit' }],
});

/** The journey's row and version count, to show a refused publish changed nothing. */
const stateOf = async (id: string) => ({
  journey: await stack
    .db('journeys')
    .where({ id })
    .first('status', 'current_version_id', 'latest_version', 'entry_journey_id', 'entry_journey_event', 'updated_at'),
  versions: Number((await stack.db('journey_versions').where({ journey_id: id }).count<{ n: string }[]>({ n: '*' }))[0]!.n),
});

it("a journey enters when a customer converts in another; another enters on its exits with a where on the data (reason); the trigger is the event's data", async () => {
  const t = await scenarioTenant(stack, 'Chained journeys');
  const a = await t.journey(trial);
  const b = await t.journey({
    name: 'Welcome aboard',
    entry: { type: 'herald_event', eventType: 'journey.converted', journeyId: a.id },
    start: 'thanks',
    nodes: [
      {
        id: 'thanks',
        type: 'send',
        channel: 'email',
        subject: 'Welcome aboard',
        body: '<p>You converted in {{ event.journeyName }} (version {{ event.version }}).</p>',
      },
    ],
  });
  const c = await t.journey({
    name: 'Win back',
    entry: {
      type: 'herald_event',
      eventType: 'journey.exited',
      journeyId: a.id,
      where: { all: [{ property: 'reason', operator: 'equal', value: 'exit_rule' }] },
      policy: { mode: 'every_time' },
    },
    start: 'tag',
    nodes: [{ id: 'tag', type: 'update_customer', addTags: ['lapsed'] }],
  });
  const ann = await t.customer({ externalId: 'ann', firstName: 'Ann', email: 'ann@example.com' });
  const bob = await t.customer({ externalId: 'bob', firstName: 'Bob', email: 'bob@example.com' });

  await t.track('ann', 'Trial Started');
  await t.track('bob', 'Trial Started');
  await until(
    () => t.runs(a.id),
    (rs) => rs.length === 2,
    { label: 'two trial runs' },
  );
  await t.track('ann', 'Subscribed');
  await t.track('bob', 'Cancelled');

  const [welcomed] = await until(
    () => t.runs(b.id),
    (rs) => rs.length === 1 && rs[0].state === 'completed',
    { label: "Ann's welcome run to complete" },
  );
  const annTrial = (await t.runs(a.id)).find((r) => r.customer_id === ann);
  expect(annTrial).toMatchObject({ state: 'exited', end_reason: 'converted' });
  expect(welcomed).toMatchObject({ customer_id: ann });
  expect(welcomed.trigger).toMatchObject({
    kind: 'herald_event',
    name: 'journey.converted',
    properties: { journeyId: a.id, journeyName: 'Trial', version: 1, runId: annTrial.id, customerId: ann, messageId: null },
  });
  const mail = await waitFor(async () => stack.sink.messages.find((m) => m.to[0] === 'ann@example.com'));
  expect(htmlOf(mail.raw)).toContain('<p>You converted in Trial (version 1).</p>');

  // Bob exited by the exit rule: Win back takes him; Ann's exit (reason converted) does not match its where.
  const [lapsed] = await until(
    () => t.runs(c.id),
    (rs) => rs.length === 1 && rs[0].state === 'completed',
    { label: "Bob's win-back run to complete" },
  );
  expect(lapsed).toMatchObject({ customer_id: bob });
  expect(lapsed.trigger.properties).toMatchObject({ journeyId: a.id, reason: 'exit_rule' });
  expect((await t.ok('GET', `/customers/${bob}`)).tags).toContain('lapsed');
  await t.routed();
  expect((await t.runs(b.id)).map((r) => r.customer_id)).toEqual([ann]);
  expect((await t.runs(c.id)).map((r) => r.customer_id)).toEqual([bob]);
  expect(stack.sink.messages.filter((m) => m.to[0] === 'bob@example.com')).toHaveLength(0);
});

it('queues only the journey.* events an active journey enters on', async () => {
  const t = await scenarioTenant(stack, 'Chained queue');
  const a = await t.journey(trial);
  const b = await t.journey(chainedOn('After trial', 'journey.entered', a.id));
  // Inserted and read back in one transaction that rolls back: the router never sees these rows.
  const queued = await stack.db
    .transaction(async (trx) => {
      const { rows } = await trx.raw(
        `WITH e AS (
           INSERT INTO events (tenant_id, type, subject_type, subject_id, payload)
           SELECT ?, x.type, 'journey', x.journey_id, jsonb_build_object('data', jsonb_build_object('journeyId', x.journey_id, 'customerId', gen_random_uuid()))
           FROM (VALUES ('journey.entered', ?::uuid), ('journey.converted', ?::uuid), ('journey.entered', ?::uuid)) AS x(type, journey_id)
           RETURNING id, type, subject_id
         ) SELECT id, type, subject_id FROM e`,
        [t.tenantId, a.id, a.id, b.id],
      );
      const ids = (rows as Array<{ id: string }>).map((r) => r.id);
      const inQueue = await trx('journey_event_queue').whereIn('id', ids).pluck('id');
      throw Object.assign(new Error('rollback'), {
        result: (rows as Array<{ id: string; type: string; subject_id: string }>).filter((r) => inQueue.includes(r.id)),
      });
    })
    .catch((err: { result?: Array<{ type: string; subject_id: string }> }) => err.result);
  // A's journey.entered (B enters on it) is queued; A's journey.converted and B's journey.entered are not.
  expect(queued?.map((r) => [r.type, r.subject_id])).toEqual([['journey.entered', a.id]]);
});

/** POST /journeys a draft (problems allowed); answers its id. */
const draft = async (t: Tenant, body: unknown): Promise<string> => (await t.ok('POST', '/journeys', body)).id;

it('a publish that would close a ring of chained journeys is 422 at entry.journeyId naming it, and changes nothing', async () => {
  const t = await scenarioTenant(stack, 'Chained rings');
  const a = await t.journey(trial);
  const b = await t.journey(chainedOn('Bee', 'journey.converted', a.id));
  const c = await t.journey(chainedOn('Cee', 'journey.exited', b.id));

  // A entering on C's events: A → C → B → A.
  const closing = { ...trial, entry: { type: 'herald_event', eventType: 'journey.entered', journeyId: c.id } };
  const edited = await t.ok('PUT', `/journeys/${a.id}`, closing);
  const ring = `"Trial" (${a.id}) enters on "Cee" (${c.id})'s events, "Cee" (${c.id}) enters on "Bee" (${b.id})'s events, "Bee" (${b.id}) enters on "Trial" (${a.id})'s events`;
  const problem = { path: 'entry.journeyId', message: `would close a cycle of chained journeys: ${ring}; each entry would start the next without end` };
  expect(edited.problems).toEqual([problem]);
  const before = await stateOf(a.id);
  const refused = await t.call('POST', `/journeys/${a.id}/publish`);
  expect(refused.status).toBe(422);
  expect(refused.body.error.details).toEqual([{ location: 'draft', ...problem }]);
  expect(await stateOf(a.id)).toEqual(before);
  expect(before).toMatchObject({ journey: { latest_version: 1, entry_journey_id: null, entry_journey_event: null }, versions: 1 });

  // Its own events, and a journey of another tenant, are refused too.
  const self = await t.ok('PUT', `/journeys/${a.id}`, { ...trial, entry: { type: 'herald_event', eventType: 'journey.exited', journeyId: a.id } });
  expect(self.problems).toEqual([{ path: 'entry.journeyId', message: 'a journey cannot enter on its own events' }]);
  const other = await scenarioTenant(stack, 'Chained elsewhere');
  const foreign = await other.ok('POST', '/journeys', chainedOn('Foreign', 'journey.entered', a.id));
  expect(foreign.problems).toEqual([{ path: 'entry.journeyId', message: 'no such journey in this tenant' }]);

  // An archived journey never enters again, so it closes no ring: once B is archived, A may enter on C.
  await t.ok('POST', `/journeys/${b.id}/archive`);
  await t.ok('PUT', `/journeys/${a.id}`, closing);
  const published = await t.ok('POST', `/journeys/${a.id}/publish`);
  expect(published).toMatchObject({ currentVersion: 2, problems: [] });
  expect((await stateOf(a.id)).journey).toMatchObject({ entry_journey_id: c.id, entry_journey_event: 'journey.entered' });
});

it('two publishes that would each close half of a ring at the same moment: one passes, the other is 422', async () => {
  const t = await scenarioTenant(stack, 'Chained race');
  for (let round = 0; round < 3; round++) {
    const x = await draft(t, trial);
    const y = await draft(t, chainedOn(`Y${round}`, 'journey.entered', x));
    await t.ok('PUT', `/journeys/${x}`, chainedOn(`X${round}`, 'journey.converted', y));
    const results = await Promise.all([x, y].map((id) => t.call('POST', `/journeys/${id}/publish`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const loser = results.find((r) => r.status === 422)!;
    expect(loser.body.error.details).toEqual([expect.objectContaining({ location: 'draft', path: 'entry.journeyId' })]);
    expect(loser.body.error.details[0].message).toMatch(/^would close a cycle of chained journeys/);
    const states = await Promise.all([x, y].map(stateOf));
    expect(states.map((s) => s.versions).sort()).toEqual([0, 1]);
  }
});
