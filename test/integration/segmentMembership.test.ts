import type { Knex } from 'knex';
import { createActivities } from '../../activities';
import { ensureSegmentRefreshSchedule } from '../../domain/segments/lifecycle';
import { createLogger } from '../../lib/logger';
import { compileRuleToSql, type RuleNode } from '../../rules';
import { refreshDueSegmentsWorkflow, SEGMENT_REFRESH_SCHEDULE_ID, segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { buildCustomer, buildTenant, testDb, uniqueSuffix } from '../support/factories';
import { startTestWorker, testTemporalSettings } from '../support/testWorker';
import { startTestServer, type TestServer } from '../support/testServer';
import { propertySeed } from '../support/propertySeed';
import { until } from '../support/until';

/**
 * Segment membership end to end: the real-time path (every customer and order command
 * re-evaluates the touched customer with json-rules-engine right after its commit), the SQL
 * refresh the API starts through Temporal when a segment is created or its rules change, the
 * scheduled refresh of time-relative segments, and the property that ties them together: once
 * processing settles, every segment's current members are exactly what a fresh SQL evaluation
 * of its rule selects, its memberCount says how many there are, and its entered/exited events
 * tell the same story as its membership rows.
 *
 * A Temporal worker runs in this process on the run's own task queue for the whole file.
 *
 * Replay the random sequence of the property test with HERALD_PROPERTY_SEED=<seed> (the seed is
 * in its title).
 */

type Tenant = { tenantId: string; adminKey: string };
type Res = { status: number; headers: Headers; body: any };

const SEED = propertySeed();
const SPENT_OVER_500 = { id: 'root', logic: 'AND', rules: [{ id: 'rule1', field: 'totalSpent', operator: 'greater_than', value: 500, type: 'number' }] };
const VIP = { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] };
const DAY = 86_400_000;

/** A small seeded PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const subset = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.5);
  return { next, int, pick, subset };
}

const sorted = (values: string[]) => [...values].sort();

describe('segment membership', () => {
  let server: TestServer;
  let db: Knex;
  let stopWorker: () => Promise<void>;

  const call = (t: Tenant, method: string, url: string, body?: unknown): Promise<Res> => server.request(url, { method, key: t.adminKey, body });
  const ok = async (t: Tenant, method: string, url: string, body?: unknown): Promise<any> => {
    const res = await call(t, method, url, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body?.data;
  };
  const newCustomer = async (t: Tenant, body: Record<string, unknown> = {}) =>
    (await ok(t, 'POST', '/api/v1/customers', { firstName: 'Member', lastName: uniqueSuffix(), ...body })).id as string;
  const order = async (t: Tenant, customerId: string, price: number) =>
    (await ok(t, 'POST', '/api/v1/orders', { customerId, items: [{ name: 'Thing', price, quantity: 1 }] })).id as string;
  /** Creates a segment and waits until the refresh the API started for it has run. */
  const segment = async (t: Tenant, name: string, rules: unknown) => {
    const created = await ok(t, 'POST', '/api/v1/segments', { name, rules });
    await settle(t, created.id);
    return created.id as string;
  };
  /** Waits for the segment's latest refresh workflow to finish. */
  const settle = async (t: Tenant, segmentId: string) => {
    const client = await server.runtime.temporal.client();
    await client.workflow.getHandle(segmentRefreshWorkflowId(t.tenantId, segmentId)).result();
  };
  const membership = (segmentId: string, customerId: string) =>
    db('segment_memberships').where({ segment_id: segmentId, customer_id: customerId }).orderBy('id').select('entered_at', 'exited_at', 'tenant_id');
  const isMember = async (segmentId: string, customerId: string) => (await membership(segmentId, customerId)).filter((m) => m.exited_at === null).length;
  /** The segment.entered / segment.exited events of a customer in a segment, in outbox order. */
  const events = async (segmentId: string, customerId: string) =>
    (
      await db('events')
        .where({ subject_type: 'segment', subject_id: segmentId })
        .whereIn('type', ['segment.entered', 'segment.exited'])
        .whereRaw("payload->'data'->>'customerId' = ?", [customerId])
        .orderBy('seq')
        .select('type')
    ).map((e) => e.type.slice('segment.'.length));
  const memberCount = async (t: Tenant, segmentId: string) => (await ok(t, 'GET', `/api/v1/segments/${segmentId}`)).memberCount as number;

  /** What a fresh SQL evaluation of the segment's stored rule selects now. */
  async function expected(tenantId: string, segmentId: string, now = new Date()): Promise<string[]> {
    const row = await db('segments').where({ id: segmentId }).first('rules');
    const p = compileRuleToSql(row.rules as RuleNode, { now, alias: 'customers' });
    const rows = await db('customers').where('tenant_id', tenantId).whereNull('deleted_at').whereRaw(p.sql, p.bindings).select('id');
    return sorted(rows.map((r) => r.id));
  }
  const currentMembers = async (segmentId: string) =>
    sorted((await db('segment_memberships').where({ segment_id: segmentId }).whereNull('exited_at').select('customer_id')).map((r) => r.customer_id));

  /**
   * Everything that must hold for a settled segment, as a list of violations: current members
   * equal the SQL evaluation, memberCount equals their number, no customer has two current
   * stays, and each customer's events alternate entered/exited in step with the rows.
   */
  async function violations(t: Tenant, segmentId: string, label = segmentId): Promise<string[]> {
    const out: string[] = [];
    const want = await expected(t.tenantId, segmentId);
    const have = await currentMembers(segmentId);
    const missing = want.filter((id) => !have.includes(id));
    const extra = have.filter((id) => !want.includes(id));
    if (missing.length) out.push(`${label}: missing members ${missing.join(', ')}`);
    if (extra.length) out.push(`${label}: members that do not match ${extra.join(', ')}`);
    if (new Set(have).size !== have.length) out.push(`${label}: a customer has two current memberships`);
    const count = await memberCount(t, segmentId);
    if (count !== have.length) out.push(`${label}: memberCount ${count} but ${have.length} current members`);
    const apiCount = (await ok(t, 'GET', `/api/v1/segments/${segmentId}/count`)).count;
    if (apiCount !== want.length) out.push(`${label}: /count ${apiCount} but SQL selects ${want.length}`);
    const rows = await db('segment_memberships').where({ segment_id: segmentId }).select('customer_id', 'exited_at');
    const stays = new Map<string, { rows: number; open: number }>();
    for (const r of rows) {
      const s = stays.get(r.customer_id) ?? { rows: 0, open: 0 };
      s.rows += 1;
      s.open += r.exited_at === null ? 1 : 0;
      stays.set(r.customer_id, s);
    }
    for (const [customerId, s] of stays) {
      const story = await events(segmentId, customerId);
      const alternates = story.every((e, i) => e === (i % 2 === 0 ? 'entered' : 'exited'));
      const entered = story.filter((e) => e === 'entered').length;
      const exited = story.length - entered;
      if (!alternates || entered !== s.rows || exited !== s.rows - s.open)
        out.push(`${label}: customer ${customerId} has ${s.rows} stays (${s.open} open) but events ${story.join(',')}`);
    }
    return out;
  }

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000' });
    stopWorker = await startTestWorker(db);
  }, 60000);
  afterAll(async () => {
    await stopWorker?.();
    await server.close();
    await db.destroy();
  });

  describe('in real time, right after each change', () => {
    let t: Tenant;
    let spend: string;
    let vip: string;

    beforeAll(async () => {
      t = await buildTenant(db, 'Real-time membership');
      spend = await segment(t, 'Spent over 500', SPENT_OVER_500);
      vip = await segment(t, 'VIP tag', VIP);
    });

    it('enters a customer whose order crosses 500 and exits them when it is cancelled, with events', async () => {
      const customerId = await newCustomer(t);
      await order(t, customerId, 300);
      expect(await membership(spend, customerId)).toEqual([]);
      const crossing = await order(t, customerId, 250.5);
      const rows = await membership(spend, customerId);
      expect(rows).toEqual([{ entered_at: expect.any(Date), exited_at: null, tenant_id: t.tenantId }]);
      expect(await events(spend, customerId)).toEqual(['entered']);
      const [entered] = await db('events').where({ subject_id: spend, type: 'segment.entered' }).whereRaw("payload->'data'->>'customerId' = ?", [customerId]);
      expect(entered).toMatchObject({
        tenant_id: t.tenantId,
        subject_type: 'segment',
        payload: { data: { segmentId: spend, customerId, change: 'entered' }, actor: { type: 'api_key' } },
      });
      expect(await memberCount(t, spend)).toBe(1);
      expect(await isMember(vip, customerId)).toBe(0);

      await ok(t, 'PATCH', `/api/v1/orders/${crossing}/status`, { status: 'cancelled' });
      const after = await membership(spend, customerId);
      expect(after).toHaveLength(1);
      expect(after[0]!.exited_at).toBeInstanceOf(Date);
      expect(after[0]!.exited_at.getTime()).toBeGreaterThanOrEqual(after[0]!.entered_at.getTime());
      expect(await events(spend, customerId)).toEqual(['entered', 'exited']);
      expect(await memberCount(t, spend)).toBe(0);

      // Crossing again is a new stay; the history keeps the first one.
      const again = await order(t, customerId, 201);
      await ok(t, 'PATCH', `/api/v1/orders/${again}/status`, { status: 'processing' }); // no change of membership, no event
      expect((await membership(spend, customerId)).map((m) => m.exited_at === null)).toEqual([false, true]);
      expect(await events(spend, customerId)).toEqual(['entered', 'exited', 'entered']);
      expect(await violations(t, spend)).toEqual([]);
    });

    it('enters and exits the tag segment as tags are added, removed and set', async () => {
      const customerId = await newCustomer(t, { tags: ['new'] });
      expect(await isMember(vip, customerId)).toBe(0);
      await ok(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'add', tags: ['vip'] });
      expect(await isMember(vip, customerId)).toBe(1);
      await ok(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'add', tags: ['gold'] }); // still a member: no new event
      expect(await events(vip, customerId)).toEqual(['entered']);
      await ok(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'remove', tags: ['vip'] });
      expect(await isMember(vip, customerId)).toBe(0);
      expect(await events(vip, customerId)).toEqual(['entered', 'exited']);
      await ok(t, 'PATCH', `/api/v1/customers/${customerId}`, { tags: ['vip'] });
      expect(await isMember(vip, customerId)).toBe(1);
      await ok(t, 'PUT', `/api/v1/customers/${customerId}`, { firstName: 'Replaced' }); // PUT resets tags
      expect(await isMember(vip, customerId)).toBe(0);
      const created = await newCustomer(t, { tags: ['vip'] }); // a customer created matching enters at once
      expect(await isMember(vip, created)).toBe(1);
      expect(await events(vip, customerId)).toEqual(['entered', 'exited', 'entered', 'exited']);
      expect(await violations(t, vip)).toEqual([]);
    });

    it('exits every segment when the customer is soft-deleted', async () => {
      const customerId = await newCustomer(t, { tags: ['vip'] });
      await order(t, customerId, 999);
      expect([await isMember(spend, customerId), await isMember(vip, customerId)]).toEqual([1, 1]);
      const counts = [await memberCount(t, spend), await memberCount(t, vip)];
      expect((await call(t, 'DELETE', `/api/v1/customers/${customerId}`)).status).toBe(204);
      expect([await isMember(spend, customerId), await isMember(vip, customerId)]).toEqual([0, 0]);
      expect([await events(spend, customerId), await events(vip, customerId)]).toEqual([
        ['entered', 'exited'],
        ['entered', 'exited'],
      ]);
      expect([await memberCount(t, spend), await memberCount(t, vip)]).toEqual([counts[0]! - 1, counts[1]! - 1]);
      expect(await violations(t, spend)).toEqual([]);
      expect(await violations(t, vip)).toEqual([]);
    });

    it('keeps memberCount right when a member is deleted permanently', async () => {
      // A tenant of its own, so a wrong count cannot spill into the other tests.
      const own = await buildTenant(db, 'Permanent delete');
      const vipOwn = await segment(own, 'VIP tag', VIP);
      const stays = await newCustomer(own, { tags: ['vip'] });
      const customerId = await newCustomer(own, { tags: ['vip'] });
      expect([await isMember(vipOwn, customerId), await memberCount(own, vipOwn)]).toEqual([1, 2]);
      expect((await call(own, 'DELETE', `/api/v1/customers/${customerId}?permanent=true`)).status).toBe(204);
      expect(await currentMembers(vipOwn)).toEqual([stays]);
      expect({ memberCount: await memberCount(own, vipOwn), count: (await ok(own, 'GET', `/api/v1/segments/${vipOwn}/count`)).count }).toEqual({
        memberCount: 1,
        count: 1,
      });
    });

    it('never holds two current memberships, and ends right, under 10 concurrent changes to one customer', async () => {
      const t = await buildTenant(db, 'Concurrent changes');
      const spend = await segment(t, 'Spent over 500', SPENT_OVER_500);
      const vip = await segment(t, 'VIP tag', VIP);
      const both = await segment(t, 'VIP and gold', { all: [{ fact: 'tags', operator: 'hasAll', value: ['vip', 'gold'] }] });
      const customerId = await newCustomer(t);
      const orders = [await order(t, customerId, 260), await order(t, customerId, 260)];
      for (let round = 0; round < 3; round++) {
        const changes: Array<Promise<Res>> = [
          call(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'add', tags: ['vip'] }),
          call(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'remove', tags: ['vip'] }),
          call(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'add', tags: ['gold'] }),
          call(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'add', tags: ['vip'] }),
          call(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'remove', tags: ['gold'] }),
          call(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: round === 2 ? 'add' : 'remove', tags: ['vip', 'gold'] }),
          call(t, 'POST', '/api/v1/orders', { customerId, items: [{ name: 'Thing', price: 10, quantity: 1 }] }),
          call(t, 'PATCH', `/api/v1/orders/${orders[round % 2]}/status`, { status: round === 0 ? 'processing' : 'cancelled' }),
          call(t, 'PATCH', `/api/v1/customers/${customerId}`, { address: { city: `City ${round}` } }),
          call(t, 'PATCH', `/api/v1/customers/${customerId}/status`, { status: round === 1 ? 'inactive' : 'active' }),
        ];
        const statuses = (await Promise.all(changes)).map((r) => r.status);
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
        const current = await db('segment_memberships').where({ customer_id: customerId }).whereNull('exited_at').select('segment_id');
        expect(new Set(current.map((r) => r.segment_id)).size).toBe(current.length);
        for (const s of [spend, vip, both]) {
          const want = (await expected(t.tenantId, s)).includes(customerId) ? 1 : 0;
          expect([round, s, await isMember(s, customerId)]).toEqual([round, s, want]);
        }
      }
      for (const s of [spend, vip, both]) expect(await violations(t, s)).toEqual([]);
    });

    it('keeps membership exact when many customers swap segments at the same moment', async () => {
      // Half the customers move from segment X to Y while the other half move from Y to X: each
      // re-evaluation enters one segment and exits the other, concurrently with the others.
      const t = await buildTenant(db, 'Concurrent swaps');
      const x = await segment(t, 'Tag x', { all: [{ fact: 'tags', operator: 'hasAny', value: ['x'] }] });
      const y = await segment(t, 'Tag y', { all: [{ fact: 'tags', operator: 'hasAny', value: ['y'] }] });
      const customers: string[] = [];
      for (let i = 0; i < 8; i++) customers.push(await newCustomer(t, { tags: [i % 2 ? 'x' : 'y'] }));
      for (let round = 0; round < 2; round++) {
        const statuses = await Promise.all(
          customers.map((c, i) => call(t, 'PATCH', `/api/v1/customers/${c}/tags`, { action: 'set', tags: [(i + round) % 2 ? 'y' : 'x'] })),
        );
        expect(statuses.map((r) => r.status)).toEqual(customers.map(() => 200));
        expect({ round, x: await violations(t, x, 'x'), y: await violations(t, y, 'y') }).toEqual({ round, x: [], y: [] });
      }
    }, 40000);
  });

  describe('through the SQL refresh on Temporal', () => {
    it('fills the membership of a segment created over existing customers', async () => {
      const t = await buildTenant(db, 'Refresh on create');
      const members = [
        await buildCustomer(db, t.tenantId, { tags: ['vip'] }),
        await buildCustomer(db, t.tenantId, { tags: ['vip', 'x'] }),
        await buildCustomer(db, t.tenantId, { tags: ['vip'], is_blocked: true }),
      ];
      await buildCustomer(db, t.tenantId, { tags: ['other'] });
      await buildCustomer(db, t.tenantId, { tags: ['vip'], deleted_at: new Date() });
      const created = await ok(t, 'POST', '/api/v1/segments', { name: 'VIPs over existing', rules: VIP });
      expect(created).toMatchObject({ memberCount: 0, refreshedAt: null });
      const seg = await until(
        () => ok(t, 'GET', `/api/v1/segments/${created.id}`),
        (s) => s.refreshedAt !== null && s.memberCount === 3,
        30_000,
      );
      expect(seg).toMatchObject({ memberCount: 3, refreshedAt: expect.any(String) });
      expect(await currentMembers(created.id)).toEqual(sorted(members));
      const entered = await db('events').where({ tenant_id: t.tenantId, subject_id: created.id, type: 'segment.entered' }).select('payload');
      expect(sorted(entered.map((e) => e.payload.data.customerId))).toEqual(sorted(members));
      expect(entered[0]!.payload).toMatchObject({ data: { segmentId: created.id, change: 'entered' }, actor: { type: 'system' } });
      expect(await violations(t, created.id)).toEqual([]);

      // Running the refresh again changes nothing and emits nothing.
      const activities = createActivities({ db, logger: createLogger('silent') });
      expect(await activities.refreshSegment(t.tenantId, created.id)).toEqual({ segmentId: created.id, members: 3, entered: 0, exited: 0 });
      expect(await db('events').where({ subject_id: created.id }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 3 }]);
      // A deleted segment refreshes to nothing.
      expect(await activities.refreshSegment(t.tenantId, '00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('moves time-relative membership without any customer write, on the scheduled refresh', async () => {
      const t = await buildTenant(db, 'Time-relative membership');
      const recent = await segment(t, 'Ordered in the last 30 days', { all: [{ fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 }] });
      const plain = await segment(t, 'Plain VIPs', VIP);
      expect((await ok(t, 'GET', `/api/v1/segments/${recent}`)).timeRelative).toBe(true);
      const leaving = await newCustomer(t);
      const staying = await newCustomer(t);
      await order(t, leaving, 20);
      await order(t, staying, 20);
      expect([await isMember(recent, leaving), await isMember(recent, staying)]).toEqual([1, 1]);
      // Time passes for one of them: their last order is now 40 days old. Nobody writes through the API.
      await db.raw(`UPDATE orders SET placed_at = now() - interval '40 days' WHERE customer_id = ?`, [leaving]);
      await db.raw(`UPDATE customers SET last_order_at = now() - interval '40 days', first_order_at = now() - interval '40 days' WHERE id = ?`, [leaving]);
      // And a customer with no membership yet comes into range (data loaded behind the API's back).
      const arriving = await buildCustomer(db, t.tenantId, { last_order_at: new Date(Date.now() - 2 * DAY), total_orders: 1 });
      expect(await isMember(recent, leaving)).toBe(1); // nothing noticed yet

      const activities = createActivities({ db, logger: createLogger('silent') });
      const due = await activities.segmentsDueForRefresh();
      expect(due).toContainEqual({ tenantId: t.tenantId, segmentId: recent });
      expect(due).not.toContainEqual({ tenantId: t.tenantId, segmentId: plain });

      const client = await server.runtime.temporal.client();
      const refreshedCount = await client.workflow.execute(refreshDueSegmentsWorkflow, {
        taskQueue: testTemporalSettings().taskQueue,
        workflowId: `test-refresh-due-${t.tenantId}`,
        args: [],
      });
      expect(refreshedCount).toBeGreaterThanOrEqual(1);

      expect([await isMember(recent, leaving), await isMember(recent, staying), await isMember(recent, arriving)]).toEqual([0, 1, 1]);
      expect(await events(recent, leaving)).toEqual(['entered', 'exited']);
      const [exit] = await db('events').where({ subject_id: recent, type: 'segment.exited' }).whereRaw("payload->'data'->>'customerId' = ?", [leaving]);
      expect(exit.payload).toMatchObject({ data: { segmentId: recent, customerId: leaving, change: 'exited' }, actor: { type: 'system' } });
      expect(await events(recent, arriving)).toEqual(['entered']);
      expect(await memberCount(t, recent)).toBe(2);
      expect(await violations(t, recent)).toEqual([]);
      expect(await violations(t, plain)).toEqual([]);
    });

    it('picks up a segment whose refresh never ran (created while Temporal was down)', async () => {
      const t = await buildTenant(db, 'Pending refresh');
      const seg = await segment(t, 'Pending VIPs', VIP);
      const member = await buildCustomer(db, t.tenantId, { tags: ['vip'] }); // behind the API: no re-evaluation
      await db('segments').where({ id: seg }).update({ refreshed_at: null });
      const activities = createActivities({ db, logger: createLogger('silent') });
      expect(await activities.segmentsDueForRefresh()).toContainEqual({ tenantId: t.tenantId, segmentId: seg });
      const client = await server.runtime.temporal.client();
      await client.workflow.execute(refreshDueSegmentsWorkflow, {
        taskQueue: testTemporalSettings().taskQueue,
        workflowId: `test-refresh-pending-${t.tenantId}`,
        args: [],
      });
      expect(await isMember(seg, member)).toBe(1);
      expect((await ok(t, 'GET', `/api/v1/segments/${seg}`)).refreshedAt).not.toBeNull();
      expect(await activities.segmentsDueForRefresh()).not.toContainEqual({ tenantId: t.tenantId, segmentId: seg });
    });

    it('does not let a refresh that read the customers before a change undo that change', async () => {
      const t = await buildTenant(db, 'Refresh racing a change');
      // A thousand customers with long custom fields, and a rule that reads them twenty times over, make the refresh's
      // read of the audience take most of a second, so a customer change can commit inside it.
      await db.raw(
        `INSERT INTO customers (tenant_id, first_name, tags, custom_fields)
                    SELECT ?, 'Bulk', ARRAY['bulk'], jsonb_build_object('bio', repeat(md5(g::text), 150)) FROM generate_series(1, 1000) g`,
        [t.tenantId],
      );
      const unicorns = Array.from({ length: 20 }, (_, i) => ({ fact: 'customFields', path: '$.bio', operator: 'contains', value: `unicorn ${i}` }));
      const seg = await segment(t, 'VIP or a bio mentioning unicorns', { any: [VIP, ...unicorns] });
      const customerId = await newCustomer(t, { tags: ['vip'] });
      expect(await isMember(seg, customerId)).toBe(1);
      const activities = createActivities({ db, logger: createLogger('silent') });
      /** Whether the refresh's one statement is running (it took its snapshot of the customers when it started). */
      const refreshRunning = async () =>
        Number(
          (
            await db.raw(
              "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'WITH matching AS MATERIALIZED%'",
            )
          ).rows[0].n,
        ) > 0;
      const hasTags = async (tags: string[]) => JSON.stringify((await db('customers').where({ id: customerId }).first('tags')).tags) === JSON.stringify(tags);
      const setTags = (tags: string[]) => ok(t, 'PATCH', `/api/v1/customers/${customerId}/tags`, { action: 'set', tags });

      for (const tags of [[], ['vip']]) {
        // The race is timing: try up to three times, and fail unless one try reached it (every try must end right).
        const tries: Array<{ raced: boolean; member: number; violations: string[] }> = [];
        while (tries.length < 3 && !tries.some((x) => x.raced)) {
          await setTags(tags.length ? [] : ['vip']);
          const refresh = activities.refreshSegment(t.tenantId, seg);
          await until(refreshRunning, Boolean, { timeoutMs: 10_000, everyMs: 2, label: 'the refresh statement to start' });
          const change = setTags(tags);
          // Raced when the change is seen committed while the refresh that started before it still runs.
          const seen = await until(
            async () => ({ committed: await hasTags(tags), refreshing: await refreshRunning() }),
            (x) => x.committed || !x.refreshing,
            { timeoutMs: 20_000, everyMs: 2 },
          );
          await Promise.all([refresh, change]);
          tries.push({ raced: seen.committed && seen.refreshing, member: await isMember(seg, customerId), violations: await violations(t, seg) });
        }
        expect({ tags, raced: tries.some((x) => x.raced), wrong: tries.filter((x) => x.member !== tags.length || x.violations.length) }).toEqual({
          tags,
          raced: true,
          wrong: [],
        });
      }
    }, 60000);

    it('ensures one refresh schedule per task queue, every SEGMENT_REFRESH_INTERVAL, running refreshDueSegmentsWorkflow', async () => {
      const client = await server.runtime.temporal.client();
      const scheduleId = `${SEGMENT_REFRESH_SCHEDULE_ID}-${testTemporalSettings().taskQueue}`;
      await ensureSegmentRefreshSchedule(server.runtime.temporal, '7 minutes');
      try {
        await ensureSegmentRefreshSchedule(server.runtime.temporal, '7 minutes'); // already there: no error
        const description = await client.schedule.getHandle(scheduleId).describe();
        expect(description.spec.intervals?.map((i) => i.every)).toEqual([7 * 60 * 1000]);
        expect(description.action).toMatchObject({
          type: 'startWorkflow',
          workflowType: 'refreshDueSegmentsWorkflow',
          taskQueue: testTemporalSettings().taskQueue,
        });
        expect(description.policies.overlap).toBe('SKIP');
      } finally {
        await client.schedule.getHandle(scheduleId).delete();
      }
    });
  });

  describe(`after a random sequence of changes (seed ${SEED})`, () => {
    it('leaves every segment with exactly the members a fresh SQL evaluation selects', async () => {
      const rnd = prng(SEED);
      const t = await buildTenant(db, `Membership property ${SEED}`);
      const TAGS = ['vip', 'gold', 'a', 'b', 'new'] as const;
      const CITIES = ['Lisbon', 'Porto', null] as const;
      const segments: Record<string, string> = {};
      const definitions: Record<string, unknown> = {
        spender: SPENT_OVER_500,
        tagged: { any: [{ fact: 'tags', operator: 'hasAny', value: ['vip', 'gold'] }] },
        loyal: {
          all: [
            { fact: 'status', operator: 'equal', value: 'active' },
            { fact: 'isBlocked', operator: 'equal', value: false },
            { fact: 'totalOrders', operator: 'greaterThanInclusive', value: 2 },
          ],
        },
        recentOrAB: {
          any: [
            { fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 },
            { fact: 'tags', operator: 'hasAll', value: ['a', 'b'] },
          ],
        },
        notLisbonOrUntagged: {
          not: {
            any: [
              { fact: 'address', path: '$.city', operator: 'equal', value: 'Lisbon' },
              { fact: 'tags', operator: 'isEmpty' },
            ],
          },
        },
        proPlan: {
          all: [
            { fact: 'customFields', path: '$.plan', operator: 'equal', value: 'pro' },
            { fact: 'averageOrderValue', operator: 'between', value: [100, 400] },
          ],
        },
      };
      // Some customers exist before the segments, so the refresh on create has work to do.
      const customers: string[] = [];
      for (let i = 0; i < 4; i++) customers.push(await newCustomer(t, { tags: rnd.subset(TAGS), address: { city: rnd.pick(CITIES) } }));
      await order(t, customers[0]!, 600);
      for (const [name, rules] of Object.entries(definitions)) segments[name] = (await ok(t, 'POST', '/api/v1/segments', { name, rules })).id;

      const orders: string[] = [];
      const log: string[] = [];
      const NEXT: Record<string, string[]> = {
        placed: ['processing', 'cancelled'],
        processing: ['shipped', 'cancelled'],
        shipped: ['delivered'],
        delivered: ['refunded'],
      };
      const ops: Array<[number, () => Promise<string>]> = [
        [
          3,
          async () =>
            `create ${customers[customers.push(await newCustomer(t, { tags: rnd.subset(TAGS), address: { city: rnd.pick(CITIES) }, customFields: rnd.next() < 0.5 ? { plan: 'pro' } : {} })) - 1]}`,
        ],
        [
          6,
          async () => {
            const c = rnd.pick(customers);
            const res = await call(t, 'POST', '/api/v1/orders', {
              customerId: c,
              items: [{ name: 'Thing', price: rnd.pick([45, 120, 260, 480]), quantity: 1 }],
            });
            if (res.status === 201) orders.push(res.body.data.id);
            return `order ${c} -> ${res.status}`;
          },
        ],
        [
          4,
          async () => {
            if (!orders.length) return 'no order yet';
            const o = rnd.pick(orders);
            const current = (await ok(t, 'GET', `/api/v1/orders/${o}`)).status as string;
            const next = NEXT[current];
            if (!next) return `order ${o} is ${current}`;
            const to = rnd.pick(next);
            return `order ${o} ${current} -> ${to}: ${(await call(t, 'PATCH', `/api/v1/orders/${o}/status`, { status: to })).status}`;
          },
        ],
        [
          5,
          async () => {
            const c = rnd.pick(customers);
            const action = rnd.pick(['add', 'remove', 'set'] as const);
            const tags = rnd.subset(TAGS);
            return `tags ${c} ${action} ${tags.join(',')}: ${(await call(t, 'PATCH', `/api/v1/customers/${c}/tags`, { action, tags })).status}`;
          },
        ],
        [
          2,
          async () => {
            const c = rnd.pick(customers);
            const isBlocked = rnd.next() < 0.5;
            return `block ${c} ${isBlocked}: ${(await call(t, 'PATCH', `/api/v1/customers/${c}/block`, { isBlocked })).status}`;
          },
        ],
        [
          2,
          async () => {
            const c = rnd.pick(customers);
            const status = rnd.pick(['active', 'inactive', 'suspended']);
            return `status ${c} ${status}: ${(await call(t, 'PATCH', `/api/v1/customers/${c}/status`, { status })).status}`;
          },
        ],
        [
          2,
          async () => {
            const c = rnd.pick(customers);
            const city = rnd.pick(CITIES);
            const plan = rnd.pick(['pro', 'free']);
            return `patch ${c} ${city} ${plan}: ${(await call(t, 'PATCH', `/api/v1/customers/${c}`, { address: { city }, customFields: { plan } })).status}`;
          },
        ],
        [
          1,
          async () => {
            const c = rnd.pick(customers);
            return `delete ${c}: ${(await call(t, 'DELETE', `/api/v1/customers/${c}`)).status}`;
          },
        ],
        [
          1,
          async () => {
            // A rules change mid-sequence: its refresh runs on the worker while the changes go on.
            const value = rnd.pick([250, 400, 500, 700]);
            return `spender > ${value}: ${(await call(t, 'PATCH', `/api/v1/segments/${segments.spender}`, { rules: { all: [{ fact: 'totalSpent', operator: 'greaterThan', value }] } })).status}`;
          },
        ],
      ];
      const total = ops.reduce((n, [w]) => n + w, 0);
      for (let step = 0; step < 50; step++) {
        let r = rnd.int(total);
        const op = ops.find(([w]) => (r -= w) < 0)![1];
        log.push(`${step}: ${await op()}`);
      }

      // Settle: every segment's latest refresh has finished.
      for (const id of Object.values(segments)) await settle(t, id);
      const problems: string[] = [];
      for (const [name, id] of Object.entries(segments)) problems.push(...(await violations(t, id, name)));
      if (problems.length) problems.push(`seed ${SEED}; changes:`, ...log);
      expect(problems).toEqual([]);

      // A fresh SQL refresh finds nothing to repair: the real-time path left membership exact.
      const activities = createActivities({ db, logger: createLogger('silent') });
      for (const [name, id] of Object.entries(segments)) {
        const result = await activities.refreshSegment(t.tenantId, id);
        expect({ name, entered: result?.entered, exited: result?.exited }).toEqual({ name, entered: 0, exited: 0 });
      }
      // The sequence did exercise membership: some segment has members and some customer left one.
      expect(await db('segment_memberships').where({ tenant_id: t.tenantId }).whereNull('exited_at').count<{ n: number }[]>({ n: '*' })).not.toEqual([
        { n: 0 },
      ]);
    }, 60000);
  });
});
