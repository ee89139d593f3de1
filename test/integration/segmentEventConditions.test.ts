import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { createSegmentActivities } from '../../activities/segments';
import { reevaluateForEvents } from '../../domain/segments/eventMembership';
import type { CommandContext } from '../../domain/shared/context';
import { createRuleEvaluator } from '../../rules/evaluate';
import { segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';
import { startTestWorker } from '../support/testWorker';

/**
 * Event conditions in segments over time (issue 16): a customer enters "viewed a product over 10
 * at least 3 times in the last 7 days" with their third such event (through reevaluateForEvents,
 * what ingestion calls after tracking), and leaves it when the first event falls out of the
 * window, on the scheduled refresh of time-relative segments, with nothing tracked in between.
 * Clocks are injected; events are written straight into customer_events (ingestion is elsewhere).
 */

const DAY = 86_400_000;
const VIEWED_3 = {
  all: [{ event: 'Viewed Product', where: { all: [{ property: 'price', operator: 'greaterThan', value: 10 }] }, count: { gte: 3 }, within: '7d' }],
};
const NO_CART = { id: 'root', logic: 'AND', rules: [{ id: 'r1', type: 'event', event: 'Added To Cart', count: { eq: 0 }, within: '7d' }] };

describe('segments with event conditions', () => {
  let server: TestServer;
  let db: Knex;
  let stopWorker: () => Promise<void>;
  let t: { tenantId: string; adminKey: string };
  let ctx: CommandContext;
  const evaluator = createRuleEvaluator();

  const call = (method: string, url: string, body?: unknown) => server.request(url, { method, key: t.adminKey, body });
  const segment = async (name: string, rules: unknown): Promise<string> => {
    const res = await call('POST', '/api/v1/segments', { name, rules });
    expect(res.status).toBe(201);
    const client = await server.runtime.temporal.client();
    await client.workflow.getHandle(segmentRefreshWorkflowId(t.tenantId, res.body.data.id)).result();
    return res.body.data.id as string;
  };
  const track = (customerId: string | null, name: string, at: number, properties: Record<string, unknown> = {}) =>
    db('customer_events').insert({
      id: randomUUID(),
      tenant_id: t.tenantId,
      customer_id: customerId,
      anonymous_id: customerId ? null : 'anon-1',
      name,
      properties: JSON.stringify(properties),
      occurred_at: new Date(at).toISOString(),
    });
  const isMember = async (segmentId: string, customerId: string) =>
    Boolean(await db('segment_memberships').where({ segment_id: segmentId, customer_id: customerId }).whereNull('exited_at').first('id'));
  const story = async (segmentId: string, customerId: string) =>
    (
      await db('events')
        .where({ subject_type: 'segment', subject_id: segmentId })
        .whereRaw("payload->'data'->>'customerId' = ?", [customerId])
        .orderBy('seq')
        .select('type')
    ).map((e) => e.type);

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000' });
    stopWorker = await startTestWorker(db);
    t = await buildTenant(db, 'Event segments');
    ctx = { principal: { tenantId: t.tenantId, role: 'admin', actorType: 'api_key', actorId: 'ingestion-test' } };
  }, 60000);
  afterAll(async () => {
    await stopWorker?.();
    await server.close();
    await db.destroy();
  });

  it('validates event conditions at their paths and lists them in the field catalogue', async () => {
    const bad = await call('POST', '/api/v1/segments', {
      name: 'Bad',
      rules: {
        all: [
          { fact: 'tier', operator: 'equal', value: 'vip' },
          { event: 'Viewed Product', count: { gte: 3.5 }, within: '30 days' },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['rules.all[1].count.gte', 'rules.all[1].within']);
    expect(await db('segments').where({ tenant_id: t.tenantId }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 0 }]);
    const fields = await call('GET', '/api/v1/segments/fields');
    expect(fields.body.data.at(-1)).toMatchObject({ name: 'event', type: 'event', counts: ['gte', 'lte', 'eq'] });
  });

  it('enters on the third event within the window and leaves when the window passes', async () => {
    const customer = await buildCustomer(db, t.tenantId);
    const other = await buildCustomer(db, t.tenantId, { tags: ['vip'] });
    const viewed = await segment('Viewed 3 products over 10 in 7 days', VIEWED_3);
    const noCart = await segment('No cart in 7 days', NO_CART);
    const vip = await segment('VIP', { fact: 'tags', operator: 'hasAny', value: ['vip'] });
    expect((await call('GET', `/api/v1/segments/${viewed}`)).body.data.timeRelative).toBe(true);
    // Customers without any event are in "no cart in 7 days" from the start.
    expect([await isMember(noCart, customer), await isMember(noCart, other)]).toEqual([true, true]);
    await db('segment_memberships').where({ segment_id: vip, customer_id: other }).delete();

    const t0 = Date.now();
    await track(customer, 'Viewed Product', t0 - 5 * DAY, { price: 20 });
    await track(customer, 'Viewed Product', t0 - 3 * DAY, { price: '20' }); // a string is not a number: does not count
    await track(customer, 'Viewed Product', t0 - 3 * DAY, { price: 25 });
    await track(customer, 'Viewed Product', t0 - 2 * DAY, { price: 5 });
    await track(null, 'Viewed Product', t0 - DAY, { price: 50 }); // anonymous: never counts
    await track(customer, 'Viewed Product', t0 - 9 * DAY, { price: 50 }); // outside the window
    expect(await reevaluateForEvents(db, evaluator, ctx, customer, ['Viewed Product'], new Date(t0))).toEqual({ entered: [], exited: [] });

    await track(customer, 'Viewed Product', t0, { price: 15 });
    // Only segments with a condition on the tracked name are evaluated: the VIP row deleted above stays missing.
    expect(await reevaluateForEvents(db, evaluator, ctx, other, ['Viewed Product'], new Date(t0))).toEqual({ entered: [], exited: [] });
    expect(await isMember(vip, other)).toBe(false);
    expect(await reevaluateForEvents(db, evaluator, ctx, customer, ['Viewed Product', 'Signed Up'], new Date(t0))).toEqual({ entered: [viewed], exited: [] });
    expect(await story(viewed, customer)).toEqual(['segment.entered']);
    expect(await reevaluateForEvents(db, evaluator, ctx, customer, ['Signed Up'], new Date(t0))).toEqual({ entered: [], exited: [] });

    await track(customer, 'Added To Cart', t0);
    expect(await reevaluateForEvents(db, evaluator, ctx, customer, ['Added To Cart'], new Date(t0))).toEqual({ entered: [], exited: [noCart] });

    // The schedule re-checks both segments (time-relative); a day later nothing has changed yet.
    const at = (ms: number) => createSegmentActivities({ db, now: () => new Date(ms) });
    expect(await at(t0).segmentsDueForRefresh()).toEqual(
      expect.arrayContaining([
        { tenantId: t.tenantId, segmentId: viewed },
        { tenantId: t.tenantId, segmentId: noCart },
      ]),
    );
    expect(await at(t0).segmentsDueForRefresh()).not.toContainEqual({ tenantId: t.tenantId, segmentId: vip });
    expect(await at(t0 + DAY).refreshSegment(t.tenantId, viewed)).toEqual({ segmentId: viewed, members: 1, entered: 0, exited: 0 });

    // Two days and a minute later the event of t0 - 5 days is more than 7 days old: two remain, the customer leaves.
    const later = t0 + 2 * DAY + 60_000;
    expect(await at(later).refreshSegment(t.tenantId, viewed)).toEqual({ segmentId: viewed, members: 0, entered: 0, exited: 1 });
    expect(await isMember(viewed, customer)).toBe(false);
    expect(await story(viewed, customer)).toEqual(['segment.entered', 'segment.exited']);
    // The one-customer path agrees at the same clock.
    expect(await reevaluateForEvents(db, evaluator, ctx, customer, ['Viewed Product'], new Date(later))).toEqual({ entered: [], exited: [] });

    // A week after the cart event the customer is back in "no cart in 7 days", with nothing tracked.
    expect(await at(t0 + 7 * DAY + 1).refreshSegment(t.tenantId, noCart)).toMatchObject({ entered: 1, exited: 0 });
    expect(await story(noCart, customer)).toEqual(['segment.entered', 'segment.exited', 'segment.entered']);
  });
});
