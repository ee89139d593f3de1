import { scenarioTenant, startScenarioStack, type ScenarioStack } from '../support/journeysScenarios';
import { until, waitFor } from '../support/until';

/**
 * Issue 17's "Done when" journeys, continued (see journeyScenarios.test.ts for the stack): a new
 * version published with a migration map while runs wait in nodes it removes, the entry policies,
 * and the hidden campaigns of send nodes — all through the public API on the real stack.
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

const subjectsTo = (address: string) => stack.sink.messages.filter((m) => m.to[0] === address).map((m) => m.headers.subject);
const email = (id: string, subject: string) => ({ id, type: 'send', channel: 'email', subject, body: '<p>{{ customer.firstName }}</p>' });
const pathIs = (value: string, next: string) => ({ where: { property: 'path', operator: 'equal', value }, next });

it('a new version with a migration map moves the runs waiting in removed nodes where the map says; a map that strands runs is a 422 that changes nothing', async () => {
  const t = await scenarioTenant(stack, 'Migrations');
  const v1 = {
    name: 'Onboarding',
    entry: { type: 'event', event: 'Joined', policy: { mode: 'every_time' } },
    start: 'route',
    nodes: [
      { id: 'route', type: 'branch', branches: [pathIs('delay', 'park_delay'), pathIs('wait', 'park_wait')], else: 'keep' },
      { id: 'park_delay', type: 'delay', duration: '3d', next: 'mail_v1' },
      { id: 'park_wait', type: 'wait_for_event', event: 'Never Happens' },
      { id: 'keep', type: 'delay', duration: '1d', next: 'mail_v1' },
      email('mail_v1', 'Version one'),
    ],
  };
  const journey = await t.journey(v1);
  const people = { delay: 'dee@example.com', wait: 'wes@example.com', keep: 'kim@example.com' } as const;
  for (const [path, address] of Object.entries(people)) {
    await t.customer({ externalId: path, firstName: path, email: address });
    await t.track(path, 'Joined', { path });
  }
  await t.parked(journey.id);
  const parked = await t.runs(journey.id);
  expect(parked.map((r) => r.node_id).sort()).toEqual(['keep', 'park_delay', 'park_wait']);
  const runIdOf = Object.fromEntries(parked.map((r) => [r.trigger.properties.path as string, r.id as string]));
  // 18:00 UTC: still inside the default communication hours (09:00–21:00).
  nowMs += 6 * HOUR;

  // v2 drops park_delay, park_wait and mail_v1, keeps route and keep, and adds two emails.
  const v2 = {
    ...v1,
    nodes: [
      { id: 'route', type: 'branch', branches: [pathIs('x', 'mail_alt')], else: 'keep' },
      { id: 'keep', type: 'delay', duration: '1d', next: 'mail_v2' },
      email('mail_v2', 'Version two'),
      email('mail_alt', 'Version two, other path'),
    ],
  };
  expect((await t.ok('PUT', `/journeys/${journey.id}`, v2)).problems).toEqual([]);
  const stranding = await t.call('POST', `/journeys/${journey.id}/publish`, { migrate: { map: { park_delay: 'mail_v2' } } });
  expect(stranding.status).toBe(422);
  expect(stranding.body.error.details).toEqual([expect.objectContaining({ location: 'body', path: 'migrate.map.park_wait', runs: 1 })]);
  expect(stranding.body.error.details[0].message).toContain('"park_wait"');
  expect((await t.ok('GET', `/journeys/${journey.id}`)).currentVersion).toBe(1);
  expect((await t.call('GET', `/journeys/${journey.id}/versions/2`)).status).toBe(404);
  const untouched = await t.runs(journey.id);
  expect(untouched.map((r) => [r.version_id, r.migrate_to_version_id])).toEqual(parked.map((r) => [r.version_id, null]));

  const published = await t.ok('POST', `/journeys/${journey.id}/publish`, { migrate: { map: { park_delay: 'mail_v2', park_wait: 'mail_alt' } } });
  expect(published.currentVersion).toBe(2);
  const version2 = (await t.ok('GET', `/journeys/${journey.id}/versions/2`)).id as string;

  // Runs whose node is gone go on from the mapped node at once; the one in the kept delay moves at its next step.
  await waitFor(async () => (subjectsTo(people.delay).length && subjectsTo(people.wait).length ? true : undefined));
  expect(subjectsTo(people.delay)).toEqual(['Version two']);
  expect(subjectsTo(people.wait)).toEqual(['Version two, other path']);
  const byPath = async () => new Map((await t.runs(journey.id)).map((r) => [r.trigger.properties.path as string, r]));
  const moved = await until(byPath, (m) => m.get('delay')?.state === 'completed' && m.get('wait')?.state === 'completed', { label: 'migrated runs done' });
  expect(moved.get('delay')).toMatchObject({ version_id: version2 });
  expect(moved.get('keep')).toMatchObject({ state: 'active', node_id: 'keep', migrate_to_version_id: version2, migrate_to_node_id: 'keep' });
  const leftStep = await stack.db('journey_steps').where({ run_id: runIdOf.wait, node_id: 'park_wait' }).first();
  expect(leftStep).toMatchObject({ status: 'done', detail: { migratedTo: { versionId: version2, nodeId: 'mail_alt' } } });

  // The kept delay ends a day after it began (not a day after the migration) and goes on in version 2.
  expect(subjectsTo(people.keep)).toEqual([]);
  nowMs += 18 * HOUR + 1000;
  await waitFor(async () => subjectsTo(people.keep)[0]);
  expect(subjectsTo(people.keep)).toEqual(['Version two']);
  expect((await byPath()).get('keep')).toMatchObject({ version_id: version2, state: 'completed' });
  expect(stack.sink.messages.filter((m) => m.headers.subject === 'Version one')).toHaveLength(0);

  // A send node's hidden campaign is not one of the tenant's campaigns.
  const { sendCampaigns } = await t.ok('GET', `/journeys/${journey.id}/versions/1`);
  expect(Object.keys(sendCampaigns)).toEqual(['mail_v1']);
  const hidden = await t.call('GET', `/campaigns/${sendCampaigns.mail_v1}`);
  expect(hidden.status).toBe(404);
  expect((await t.call('GET', `/campaigns/${(await t.ok('GET', `/journeys/${journey.id}/versions/2`)).sendCampaigns.mail_v2}`)).status).toBe(404);
}, 60_000);

it('entry policies: once ever, one at a time, every time with a cooldown, and keyed', async () => {
  const t = await scenarioTenant(stack, 'Policies');
  const twoHours = [{ id: 'hold', type: 'delay', duration: '2h' }];
  const journeyFor = (event: string, policy: Record<string, unknown>) =>
    t.journey({ name: event, entry: { type: 'event', event, policy }, start: 'hold', nodes: twoHours });
  const once = await journeyFor('Once', { mode: 'once' });
  const single = await journeyFor('Single', { mode: 'one_at_a_time' });
  const every = await journeyFor('Every', { mode: 'every_time', cooldown: '1h', maxEntries: 2 });
  const keyed = await journeyFor('Keyed', { mode: 'one_at_a_time', key: 'cartId' });
  await t.customer({ externalId: 'pat', email: 'pat@example.com' });
  const round = async () => {
    for (const event of ['Once', 'Single', 'Every']) for (let i = 0; i < 2; i++) await t.track('pat', event);
  };
  const counts = async () =>
    Promise.all([once, single, every, keyed].map(async (j) => (await t.runs(j.id)).map((r) => `${r.state}${r.entry_key ? `:${r.entry_key}` : ''}`).sort()));

  await round();
  for (const cartId of ['c1', 'c1', 'c2']) await t.track('pat', 'Keyed', { cartId });
  expect(await counts()).toEqual([['active'], ['active'], ['active'], ['active:c1', 'active:c2']]);
  await t.parked(once.id, single.id, every.id, keyed.id);

  // Three hours on, every run has finished its delay; the customer triggers everything again.
  nowMs += 3 * HOUR;
  await until(counts, (c) => c.flat().every((s) => s.startsWith('completed')), { label: 'every run completed' });
  await round();
  await t.track('pat', 'Keyed', { cartId: 'c1' });
  expect(await counts()).toEqual([['completed'], ['active', 'completed'], ['active', 'completed'], ['active:c1', 'completed:c1', 'completed:c2']]);
  // maxEntries 2: a third entry never comes, cooldown passed or not.
  nowMs += 3 * HOUR;
  await t.track('pat', 'Every');
  expect((await counts())[2]).toHaveLength(2);
}, 60_000);
