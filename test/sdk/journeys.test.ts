import type { Knex } from 'knex';
import { Herald, HeraldConflictError, HeraldValidationError, type JourneyCreateParams } from '../../sdk/src';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** A tracked event → a day's delay → one email. */
const body: JourneyCreateParams = {
  name: 'SDK journey',
  entry: { type: 'event', event: 'Signed Up', policy: { mode: 'once' } },
  start: 'wait',
  nodes: [
    { id: 'wait', type: 'delay', duration: '1d', next: 'hello' },
    { id: 'hello', type: 'send', channel: 'email', subject: 'Hello {{ customer.firstName }}', body: 'Welcome aboard.' },
  ],
};

/**
 * `herald.journeys` against a real Herald: every call of the namespace, the typed errors of a
 * draft that cannot be published and of a refused status change, and the read side (versions,
 * analytics, runs) on what the calls created.
 */
describe('SDK journeys', () => {
  let server: TestServer;
  let db: Knex;
  let herald: Herald;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000' });
    const t = await buildTenant(db, 'SDK journeys');
    herald = new Herald({ baseUrl: server.url, apiKey: t.adminKey });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('creates, publishes, pauses, resumes, archives and deletes a journey, and reads its versions, analytics and runs', async () => {
    const created = await herald.journeys.create(body);
    expect(created).toMatchObject({ name: 'SDK journey', status: 'draft', problems: [] });
    expect((await herald.journeys.get(created.id)).draft.nodes).toHaveLength(2);
    const listed = [];
    for await (const j of herald.journeys.iterate()) listed.push(j.id);
    expect(listed).toContain(created.id);

    expect(await herald.journeys.publish(created.id)).toMatchObject({ status: 'active', currentVersion: 1 });
    await herald.journeys.update(created.id, {
      ...body,
      name: 'SDK journey v2',
      nodes: [{ id: 'wait', type: 'delay', duration: '2d', next: 'hello' }, body.nodes[1]!],
    });
    expect(await herald.journeys.publish(created.id)).toMatchObject({ currentVersion: 2 });
    const versions = await herald.journeys.versions(created.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.definition.nodes[0]).toMatchObject({ duration: '1d' });

    const analytics = await herald.journeys.analytics(created.id, { version: 1 });
    expect(analytics.totals).toMatchObject({ entered: 0 });
    expect((await herald.journeys.runs(created.id)).data).toEqual([]);

    expect(await herald.journeys.pause(created.id)).toMatchObject({ status: 'paused' });
    const refused = await herald.journeys.pause(created.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HeraldConflictError);
    expect(await herald.journeys.resume(created.id, { timers: 'reschedule' })).toMatchObject({ status: 'active' });
    expect(await herald.journeys.archive(created.id)).toMatchObject({ status: 'archived' });
    await herald.journeys.delete(created.id);
    expect(await herald.journeys.get(created.id).catch((e: unknown) => (e as { status?: number }).status)).toBe(404);
  });

  it('lists a draft’s problems and refuses to publish it with a validation error naming the node', async () => {
    const draft = await herald.journeys.create({ ...body, nodes: [{ id: 'wait', type: 'delay', duration: '1d', next: 'nowhere' }, body.nodes[1]!] });
    expect(draft.problems.map((p) => p.path)).toContain('nodes[0].next');
    const err = await herald.journeys.publish(draft.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HeraldValidationError);
    expect((err as HeraldValidationError).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'nodes[0].next' })]));
  });
});
