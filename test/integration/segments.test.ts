import type { Knex } from 'knex';
import { segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { customerOfDetail } from '../support/conversationsStats';
import { buildTenant, testDb } from '../support/factories';
import { startTestWorker } from '../support/testWorker';
import { startTestServer, type TestServer } from '../support/testServer';
import { until } from '../support/until';

/**
 * Segments over the real API: definitions in both rule formats (seed 003's `{ logic, rules }`
 * tree and json-rules-engine conditions) normalised to one AST, validation with paths into the
 * rules, CRUD and roles, and the audience reads (preview, count, members, the customer list's
 * segmentId filter) checked exactly against a dataset whose statistics come from real orders.
 * A Temporal worker runs on the run's task queue, so the refresh the API starts when a segment
 * is created or its rules change really runs.
 */

type Tenant = { tenantId: string; adminKey: string };
type Res = { status: number; headers: Headers; body: any };

const SEED_003_BODY = {
  name: 'High Value Customers',
  description: 'Customers who spent more than $500',
  rules: { id: 'root', logic: 'AND', rules: [{ id: 'rule1', field: 'totalSpent', operator: 'greater_than', value: 500, type: 'number' }] },
};
const SPENT_OVER_500 = { kind: 'condition', field: 'totalSpent', operator: 'greaterThan', value: 500 };
const VIP_ENGINE = { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] };
const VIP_AST = { kind: 'condition', field: 'tags', operator: 'hasAny', value: ['vip'] };

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
const sorted = (values: string[]) => [...values].sort();

describe('segments API', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: Tenant;
  let other: Tenant;
  let stopWorker: () => Promise<void>;
  /** Customers of the dataset by name (tenant `tenant`). */
  const c: Record<string, string> = {};

  const call = (method: string, url: string, body?: unknown, key = tenant.adminKey, headers?: Record<string, string>): Promise<Res> =>
    server.request(url, { method, key, body, headers });
  const ok = async (method: string, url: string, body?: unknown, key = tenant.adminKey): Promise<any> => {
    const res = await call(method, url, body, key);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body?.data;
  };
  /** A customer created through the API, with orders (so its statistics are real), in tenant `t`. */
  async function customer(t: Tenant, name: string, extra: Record<string, unknown> = {}, orders: number[] = []): Promise<string> {
    const created = await ok(
      'POST',
      '/api/v1/customers',
      { firstName: name, lastName: 'Dataset', email: `${name.toLowerCase()}.${t.tenantId.slice(0, 8)}@example.com`, ...extra },
      t.adminKey,
    );
    for (const price of orders) await ok('POST', '/api/v1/orders', { customerId: created.id, items: [{ name: 'Thing', price, quantity: 1 }] }, t.adminKey);
    return created.id;
  }
  const createSegment = (body: Record<string, unknown>, t = tenant) => call('POST', '/api/v1/segments', body, t.adminKey);
  const segmentRow = (id: string) => db('segments').where({ id }).first();
  const currentMembers = async (segmentId: string) =>
    sorted((await db('segment_memberships').where({ segment_id: segmentId }).whereNull('exited_at').select('customer_id')).map((r) => r.customer_id));
  /** Waits for the segment's background refresh to have run (refreshedAt set) and returns the segment as the API shows it. */
  const refreshed = async (id: string) => {
    const seg = await until(
      () => ok('GET', `/api/v1/segments/${id}`),
      (s) => s.refreshedAt !== null,
      30_000,
    );
    expect(seg.refreshedAt).not.toBeNull();
    return seg;
  };

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000' });
    tenant = await buildTenant(db, 'Segments tenant');
    other = await buildTenant(db, 'Other segments tenant');
    stopWorker = await startTestWorker(db);

    // The dataset, in creation order (preview samples are newest first).
    c.alice = await customer(tenant, 'Alice', { tags: ['vip'], address: { city: 'Porto', country: 'PT' } }, [400, 200]); // 600
    c.bob = await customer(tenant, 'Bob', { address: { city: 'Lisbon', country: 'PT' } }, [300, 250]); // 550
    c.carol = await customer(tenant, 'Carol', {}, [500]); // exactly 500: not > 500
    c.dave = await customer(tenant, 'Dave', { tags: ['vip'] }, [100]);
    c.erin = await customer(tenant, 'Erin', { tags: ['vip', 'new'] });
    c.frank = await customer(tenant, 'Frank', {}, [800, 100]); // 900, then the 800 is cancelled: 100
    const frankOrders = await ok('GET', `/api/v1/orders?customerId=${c.frank}&limit=10`);
    const big = frankOrders.find((o: { total: number }) => o.total === 800);
    await ok('PATCH', `/api/v1/orders/${big.id}/status`, { status: 'cancelled' });
    c.gina = await customer(tenant, 'Gina', { tags: ['vip'] }, [900]); // soft-deleted below: in no audience
    expect((await call('DELETE', `/api/v1/customers/${c.gina}`)).status).toBe(204);
    c.hank = await customer(tenant, 'Hank', { tags: ['vip'], address: { city: 'Lisbon', country: 'PT' } }, [500.01]);
    c.oscar = await customer(other, 'Oscar', { tags: ['vip'] }, [1000]); // another tenant
  }, 120000);
  afterAll(async () => {
    await stopWorker?.();
    await server.close();
    await db.destroy();
  });

  it('has the statistics the dataset was built for', async () => {
    const spent = Object.fromEntries(
      await Promise.all(
        ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'hank'].map(async (n) => [n, (await ok('GET', `/api/v1/customers/${c[n]}`)).statistics.totalSpent]),
      ),
    );
    expect(spent).toEqual({ alice: 600, bob: 550, carol: 500, dave: 100, erin: 0, frank: 100, hank: 500.01 });
  });

  describe('definitions', () => {
    it("creates a segment from seed 003's body as written and returns the normalised rule; the background refresh fills its membership", async () => {
      const res = await createSegment(SEED_003_BODY);
      expect(res.status).toBe(201);
      const seg = res.body.data;
      expect(seg).toMatchObject({
        name: 'High Value Customers',
        description: 'Customers who spent more than $500',
        rules: SPENT_OVER_500,
        timeRelative: false,
        memberCount: 0,
        refreshedAt: null,
      });
      expect(seg.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(seg.createdBy).toMatch(/^api_key:/);
      expect(await ok('GET', `/api/v1/segments/${seg.id}`)).toEqual(seg);
      const row = await segmentRow(seg.id);
      expect(row).toMatchObject({ tenant_id: tenant.tenantId, rules: SPENT_OVER_500 });
      expect(
        await db('audit_log').where({ tenant_id: tenant.tenantId, action: 'segment.created', subject_id: seg.id }).count<{ n: number }[]>({ n: '*' }),
      ).toEqual([{ n: 1 }]);

      const after = await refreshed(seg.id);
      expect(after.memberCount).toBe(3);
      expect(await currentMembers(seg.id)).toEqual(sorted([c.alice!, c.bob!, c.hank!]));
    });

    it('creates a segment from json-rules-engine conditions; both formats of one rule give the same AST', async () => {
      const res = await createSegment({ name: 'VIP tag', rules: VIP_ENGINE });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ name: 'VIP tag', description: null, rules: VIP_AST, timeRelative: false });
      const seedForm = await createSegment({
        name: 'VIP tag (seed form)',
        rules: { id: 'root', logic: 'AND', rules: [{ id: 'r', field: 'tags', operator: 'has_any', value: ['vip'], type: 'tags' }] },
      });
      expect(seedForm.status).toBe(201);
      expect(seedForm.body.data.rules).toEqual(res.body.data.rules);
      const nested = await createSegment({
        name: 'Nested engine rule',
        rules: {
          any: [
            {
              all: [
                { fact: 'totalSpent', operator: 'greaterThanInclusive', value: '100' },
                { fact: 'address', path: '$.city', operator: 'equal', value: 'Lisbon' },
              ],
            },
            { not: { fact: 'tags', operator: 'isEmpty' } },
          ],
        },
      });
      expect(nested.status).toBe(201);
      expect(nested.body.data.rules).toEqual({
        kind: 'group',
        combinator: 'any',
        children: [
          {
            kind: 'group',
            combinator: 'all',
            children: [
              { kind: 'condition', field: 'totalSpent', operator: 'greaterThanInclusive', value: 100 },
              { kind: 'condition', field: 'address.city', operator: 'equal', value: 'Lisbon' },
            ],
          },
          { kind: 'not', child: { kind: 'condition', field: 'tags', operator: 'isEmpty' } },
        ],
      });
      const vip = await refreshed(res.body.data.id);
      expect(vip.memberCount).toBe(4);
      expect(await currentMembers(vip.id)).toEqual(sorted([c.alice!, c.dave!, c.erin!, c.hank!]));
    });

    it('marks rules that move with time as timeRelative', async () => {
      const res = await createSegment({
        name: 'Recent buyers',
        rules: {
          all: [
            { fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 },
            { fact: 'totalOrders', operator: 'greaterThan', value: 0 },
          ],
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.data.timeRelative).toBe(true);
      const seed = await createSegment({
        name: 'Recent (seed spelling)',
        rules: { id: 'root', logic: 'OR', rules: [{ id: 'r1', field: 'lastOrderDate', operator: 'in_last_days', value: 90, type: 'date' }] },
      });
      expect(seed.status).toBe(201);
      expect(seed.body.data).toMatchObject({ timeRelative: true, rules: { kind: 'condition', field: 'lastOrderAt', operator: 'withinLastDays', value: 90 } });
      const negated = await createSegment({ name: 'Lapsed', rules: { not: { fact: 'lastOrderAt', operator: 'withinLastDays', value: 90 } } });
      expect(negated.body.data).toMatchObject({
        timeRelative: true,
        rules: { kind: 'not', child: { kind: 'condition', field: 'lastOrderAt', operator: 'withinLastDays', value: 90 } },
      });
      const plain = await createSegment({ name: 'Ordered after a date', rules: { all: [{ fact: 'lastOrderAt', operator: 'after', value: '2020-01-01' }] } });
      expect(plain.body.data).toMatchObject({
        timeRelative: false,
        rules: { kind: 'condition', field: 'lastOrderAt', operator: 'after', value: '2020-01-01T00:00:00.000Z' },
      });
    });

    it("accepts Herald's `not: true` on a seed 003 group (the form toSeedFormat writes)", async () => {
      const res = await createSegment({
        name: 'Lapsed (seed not)',
        rules: { id: 'root', logic: 'OR', not: true, rules: [{ id: 'r1', field: 'lastOrderDate', operator: 'in_last_days', value: 90, type: 'date' }] },
      });
      expect({ status: res.status, rules: res.body.data?.rules ?? res.body.error }).toEqual({
        status: 201,
        rules: { kind: 'not', child: { kind: 'condition', field: 'lastOrderAt', operator: 'withinLastDays', value: 90 } },
      });
    });

    it('refuses a duplicate name with 409 (within a tenant only) and writes nothing', async () => {
      const first = await createSegment({ name: 'Dup name', rules: VIP_ENGINE });
      expect(first.status).toBe(201);
      const before = await db('segments').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' });
      const dup = await createSegment({ name: 'Dup name', rules: SEED_003_BODY.rules });
      expect(dup.status).toBe(409);
      expect(dup.body.error).toMatchObject({ code: 'conflict', details: { field: 'name', existingId: first.body.data.id } });
      expect(await db('segments').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' })).toEqual(before);
      // Trimmed by the schema: the same name with spaces is the same name.
      expect((await createSegment({ name: '  Dup name ', rules: VIP_ENGINE })).status).toBe(409);
      // Another tenant may use the name.
      expect((await createSegment({ name: 'Dup name', rules: VIP_ENGINE }, other)).status).toBe(201);
      // Renaming onto a taken name is a 409 too.
      const second = await createSegment({ name: 'Dup name 2', rules: VIP_ENGINE });
      const rename = await call('PATCH', `/api/v1/segments/${second.body.data.id}`, { name: 'Dup name' });
      expect(rename.status).toBe(409);
      expect(rename.body.error.details).toMatchObject({ field: 'name', existingId: first.body.data.id });
      expect((await segmentRow(second.body.data.id)).name).toBe('Dup name 2');
      // Racing creates of one name: exactly one wins, the others are 409s (never a 500).
      const racing = await Promise.all(Array.from({ length: 5 }, () => createSegment({ name: 'Raced name', rules: VIP_ENGINE })));
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    });

    it('answers invalid rules with 422 whose details point at the bad node, and writes nothing', async () => {
      const before = await db('segments').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' });
      const cases: Array<[unknown, string[]]> = [
        [
          { id: 'root', logic: 'AND', rules: [{ id: 'rule1', field: 'totalSpent', operator: 'bogus_op', value: 500, type: 'number' }] },
          ['rules.rules[0].operator'],
        ],
        [
          { id: 'root', logic: 'AND', rules: [{ id: 'rule1', field: 'totalSpent', operator: 'greater_than', value: 'lots', type: 'number' }] },
          ['rules.rules[0].value'],
        ],
        [{ id: 'root', logic: 'AND', rules: [{ id: 'rule1', field: 'noSuchField', operator: 'equals', value: 1, type: 'number' }] }, ['rules.rules[0].field']],
        [{ id: 'root', logic: 'XOR', rules: [{ id: 'rule1', field: 'totalSpent', operator: 'greater_than', value: 5, type: 'number' }] }, ['rules.logic']],
        [{ id: 'root', logic: 'AND', rules: [] }, ['rules.rules']],
        [{ all: [{ fact: 'nope', operator: 'hasAny', value: ['vip'] }] }, ['rules.all[0].fact']],
        [{ all: [{ fact: 'tags', operator: 'greaterThan', value: 3 }] }, ['rules.all[0].operator']],
        [{ all: [{ fact: 'tags', operator: 'hasAny', value: [] }] }, ['rules.all[0].value']],
        [
          { any: [{ fact: 'tags', operator: 'hasAny', value: ['ok'] }, { all: [{ fact: 'lastOrderAt', operator: 'withinLastDays', value: 0 }] }] },
          ['rules.any[1].all[0].value'],
        ],
        [
          {
            all: [
              { fact: 'status', operator: 'equal', value: 'sleeping' },
              { fact: 'customFields', path: 'birthday', operator: 'equal', value: 'x' },
            ],
          },
          ['rules.all[0].value', 'rules.all[1].path'],
        ],
        [{ all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }], any: [] }, ['rules']],
      ];
      const failures: string[] = [];
      for (const [rules, paths] of cases) {
        const res = await createSegment({ name: 'Invalid', rules });
        const got =
          res.status === 422 && res.body.error.code === 'validation_failed'
            ? res.body.error.details.map((d: { path: string }) => d.path)
            : `${res.status} ${JSON.stringify(res.body)}`;
        if (JSON.stringify(got) !== JSON.stringify(paths))
          failures.push(`${JSON.stringify(rules)}: expected ${JSON.stringify(paths)}, got ${JSON.stringify(got)}`);
        // The same rules are refused by preview with the same paths.
        const preview = await call('POST', '/api/v1/segments/preview', { rules });
        if (preview.status !== 422 || JSON.stringify(preview.body.error.details.map((d: { path: string }) => d.path)) !== JSON.stringify(paths))
          failures.push(`preview ${JSON.stringify(rules)} -> ${preview.status} ${JSON.stringify(preview.body)}`);
      }
      expect(failures).toEqual([]);
      const one = await createSegment({ name: 'Invalid', rules: cases[0]![0] });
      expect(one.body.error.details[0]).toMatchObject({ location: 'body', path: 'rules.rules[0].operator', message: expect.stringContaining('bogus_op') });
      // Body shape problems are 422 as well.
      expect((await createSegment({ name: 'No rules' })).status).toBe(422);
      expect((await createSegment({ name: '', rules: VIP_ENGINE })).status).toBe(422);
      expect((await createSegment({ name: 'Extra', rules: VIP_ENGINE, surprise: 1 })).status).toBe(422);
      expect((await createSegment({ name: 'Array rules', rules: [VIP_ENGINE] })).status).toBe(422);
      expect(await db('segments').where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' })).toEqual(before);
    });

    it('lists, reads, changes and deletes segments', async () => {
      const a = (await createSegment({ name: 'CRUD A', rules: VIP_ENGINE })).body.data;
      const b = (await createSegment({ name: 'CRUD B', description: 'second', rules: SEED_003_BODY.rules })).body.data;
      const list = await ok('GET', '/api/v1/segments');
      const names = list.map((s: { name: string }) => s.name);
      expect(names.indexOf('CRUD B')).toBeLessThan(names.indexOf('CRUD A')); // newest first
      expect(list.find((s: { id: string }) => s.id === b.id)).toMatchObject({ name: 'CRUD B', description: 'second', rules: SPENT_OVER_500 });
      expect(list.every((s: { id: string }) => typeof s.id === 'string')).toBe(true);
      // Only this tenant's segments.
      const otherIds = ids(await ok('GET', '/api/v1/segments', undefined, other.adminKey));
      expect(otherIds).not.toContain(a.id);

      // Wait for the creation refresh so the rules change below visibly resets it.
      const settled = await refreshed(a.id);
      expect(settled.memberCount).toBe(4);

      // A name/description change keeps the membership and its refresh time.
      const renamed = await ok('PATCH', `/api/v1/segments/${a.id}`, { name: 'CRUD A renamed', description: 'now described' });
      expect(renamed).toMatchObject({
        id: a.id,
        name: 'CRUD A renamed',
        description: 'now described',
        rules: VIP_AST,
        refreshedAt: expect.any(String),
        memberCount: 4,
      });
      expect(Date.parse(renamed.updatedAt)).toBeGreaterThan(Date.parse(a.updatedAt));

      // A rules change resets refreshedAt, and the refresh it triggers recomputes the membership.
      const changed = await ok('PATCH', `/api/v1/segments/${a.id}`, { rules: { all: [{ fact: 'tags', operator: 'hasAll', value: ['vip', 'new'] }] } });
      expect(changed).toMatchObject({
        name: 'CRUD A renamed',
        rules: { kind: 'condition', field: 'tags', operator: 'hasAll', value: ['vip', 'new'] },
        refreshedAt: null,
        timeRelative: false,
      });
      const handle = (await server.runtime.temporal.client()).workflow.getHandle(segmentRefreshWorkflowId(tenant.tenantId, a.id));
      expect(await handle.result()).toMatchObject({ segmentId: a.id, members: 1 });
      const after = await refreshed(a.id);
      expect(after.memberCount).toBe(1);
      expect(await currentMembers(a.id)).toEqual([c.erin]);
      // The members who left have an exit time (history is kept), and segment.exited events.
      const exited = await db('segment_memberships').where({ segment_id: a.id }).whereNotNull('exited_at').select('customer_id');
      expect(sorted(exited.map((r) => r.customer_id))).toEqual(sorted([c.alice!, c.dave!, c.hank!]));
      const exitEvents = await db('events').where({ tenant_id: tenant.tenantId, type: 'segment.exited', subject_id: a.id }).select('payload');
      expect(sorted(exitEvents.map((e) => e.payload.data.customerId))).toEqual(sorted([c.alice!, c.dave!, c.hank!]));

      // PUT behaves like PATCH; a time-relative rule is flagged.
      const put = await ok('PUT', `/api/v1/segments/${a.id}`, {
        name: 'CRUD A put',
        rules: { all: [{ fact: 'lastOrderAt', operator: 'withinLastDays', value: 7 }] },
      });
      expect(put).toMatchObject({ name: 'CRUD A put', timeRelative: true, refreshedAt: null });
      expect((await refreshed(a.id)).memberCount).toBe(6); // every live customer with an order placed just now
      // The AST the API returns is accepted back as it is (GET, edit, PUT round trip).
      const roundTrip = await ok('PUT', `/api/v1/segments/${a.id}`, { rules: put.rules });
      expect(roundTrip.rules).toEqual(put.rules);
      await refreshed(a.id);
      // An invalid rules change is refused and changes nothing.
      const bad = await call('PATCH', `/api/v1/segments/${a.id}`, { rules: { all: [{ fact: 'tags', operator: 'between', value: [1, 2] }] } });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['rules.all[0].operator']);
      expect((await ok('GET', `/api/v1/segments/${a.id}`)).name).toBe('CRUD A put');

      expect((await call('DELETE', `/api/v1/segments/${a.id}`)).status).toBe(204);
      expect((await call('GET', `/api/v1/segments/${a.id}`)).status).toBe(404);
      expect((await call('DELETE', `/api/v1/segments/${a.id}`)).status).toBe(404);
      expect((await call('PATCH', `/api/v1/segments/${a.id}`, { name: 'ghost' })).status).toBe(404);
      expect((await call('GET', `/api/v1/segments/${a.id}/count`)).status).toBe(404);
      expect(await db('segment_memberships').where({ segment_id: a.id }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 0 }]);
      expect(ids(await ok('GET', '/api/v1/segments'))).not.toContain(a.id);
      const actions = (await db('audit_log').where({ tenant_id: tenant.tenantId, subject_id: a.id }).orderBy('id').select('action')).map((r) => r.action);
      expect(actions).toEqual(['segment.created', 'segment.updated', 'segment.updated', 'segment.updated', 'segment.updated', 'segment.deleted']);
      expect((await call('GET', '/api/v1/segments/not-a-uuid')).status).toBe(400); // as for every malformed path id
    }, 60000);

    it('replays a create sent again with the same Idempotency-Key', async () => {
      const headers = { 'Idempotency-Key': `segment-create-${Date.now()}` };
      const first = await call('POST', '/api/v1/segments', { name: 'Idempotent', rules: VIP_ENGINE }, tenant.adminKey, headers);
      const again = await call('POST', '/api/v1/segments', { name: 'Idempotent', rules: VIP_ENGINE }, tenant.adminKey, headers);
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body.data.id).toBe(first.body.data.id);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });

    it('lists the field catalogue', async () => {
      const fields: Array<{ name: string; type: string; operators: string[]; values?: string[]; keyPattern?: string }> = await ok(
        'GET',
        '/api/v1/segments/fields',
      );
      const byName = new Map(fields.map((f) => [f.name, f]));
      expect(byName.get('totalSpent')).toMatchObject({ type: 'number', operators: expect.arrayContaining(['greaterThan', 'between']) });
      expect(byName.get('tags')).toMatchObject({ type: 'tags', operators: expect.arrayContaining(['hasAny', 'hasAll', 'hasNone']) });
      expect(byName.get('lastOrderAt')).toMatchObject({ type: 'date', operators: expect.arrayContaining(['withinLastDays', 'notWithinLastDays']) });
      expect(byName.get('status')).toMatchObject({ type: 'enum', values: ['active', 'inactive', 'blocked', 'suspended'] });
      expect(byName.get('customFields.*')).toMatchObject({ type: 'string', keyPattern: expect.any(String) });
      for (const name of ['email', 'address.city', 'isBlocked', 'totalOrders', 'paidOrders', 'createdAt']) expect(byName.has(name)).toBe(true);
      expect(byName.get('tags')!.operators).not.toContain('greaterThan');
      expect((await call('GET', '/api/v1/segments/fields', undefined, '')).status).toBe(401);
    });

    it('lets a readonly key read and preview but not write', async () => {
      const created = await ok('POST', '/api/v1/api-keys', { name: 'segments readonly', role: 'readonly' });
      const ro: string = created.key;
      const seg = (await createSegment({ name: 'Readonly target', rules: VIP_ENGINE })).body.data;
      await refreshed(seg.id); // so the background refresh cannot change the row under the comparison below
      for (const url of [
        '/api/v1/segments',
        '/api/v1/segments/fields',
        `/api/v1/segments/${seg.id}`,
        `/api/v1/segments/${seg.id}/count`,
        `/api/v1/segments/${seg.id}/customers`,
        `/api/v1/customers?segmentId=${seg.id}`,
      ]) {
        expect([url, (await call('GET', url, undefined, ro)).status]).toEqual([url, 200]);
      }
      const preview = await call('POST', '/api/v1/segments/preview', { rules: VIP_ENGINE }, ro);
      expect(preview.status).toBe(200);
      expect(preview.body.data.count).toBe(4);
      // refreshed_at may move if any worker of this run refreshes the segment again; nothing else may change.
      const definition = async () => ({ ...(await segmentRow(seg.id)), refreshed_at: undefined });
      const before = await definition();
      const writes: Array<[string, string, unknown]> = [
        ['POST', '/api/v1/segments', { name: 'By readonly', rules: VIP_ENGINE }],
        ['PATCH', `/api/v1/segments/${seg.id}`, { name: 'Changed by readonly' }],
        ['PUT', `/api/v1/segments/${seg.id}`, { rules: SEED_003_BODY.rules }],
        ['DELETE', `/api/v1/segments/${seg.id}`, undefined],
      ];
      for (const [method, url, body] of writes) expect([method, url, (await call(method, url, body, ro)).status]).toEqual([method, url, 403]);
      expect(await definition()).toEqual(before);
      expect(await db('segments').where({ tenant_id: tenant.tenantId, name: 'By readonly' }).first()).toBeUndefined();
    });
  });

  describe('audience reads', () => {
    let spender: string;
    let vip: string;

    beforeAll(async () => {
      spender = (await ok('POST', '/api/v1/segments', { name: 'Audience spenders', rules: SEED_003_BODY.rules })).id;
      vip = (await ok('POST', '/api/v1/segments', { name: 'Audience VIPs', rules: VIP_ENGINE })).id;
    });

    it('previews rules exactly: count and the newest matching customers first, as customers are shown everywhere', async () => {
      const res = await call('POST', '/api/v1/segments/preview', { rules: SEED_003_BODY.rules });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.data).sort()).toEqual(['count', 'sampleCustomers']);
      expect(res.body.data.count).toBe(3);
      expect(ids(res.body.data.sampleCustomers)).toEqual([c.hank, c.bob, c.alice]);
      const fromApi = await ok('GET', `/api/v1/customers/${c.alice}`);
      expect(res.body.data.sampleCustomers[2]).toEqual(customerOfDetail(fromApi));
      expect(res.body.data.sampleCustomers[2].statistics).toMatchObject({ totalOrders: 2, totalSpent: 600, averageOrderValue: 300 });

      const vipPreview = await ok('POST', '/api/v1/segments/preview', { rules: VIP_ENGINE });
      expect([vipPreview.count, ids(vipPreview.sampleCustomers)]).toEqual([4, [c.hank, c.erin, c.dave, c.alice]]);
      const combined = await ok('POST', '/api/v1/segments/preview', {
        rules: { all: [VIP_ENGINE, { fact: 'totalSpent', operator: 'lessThanInclusive', value: 500 }] },
      });
      expect([combined.count, ids(combined.sampleCustomers)]).toEqual([2, [c.erin, c.dave]]);
      const none = await ok('POST', '/api/v1/segments/preview', { rules: { all: [{ fact: 'totalSpent', operator: 'greaterThan', value: 100000 }] } });
      expect(none).toEqual({ count: 0, sampleCustomers: [] });
    });

    it('respects the preview limit (default 50) without changing the count', async () => {
      expect((await ok('POST', '/api/v1/segments/preview', { rules: SEED_003_BODY.rules, limit: 2 })).sampleCustomers.map((x: { id: string }) => x.id)).toEqual(
        [c.hank, c.bob],
      );
      expect(await ok('POST', '/api/v1/segments/preview', { rules: SEED_003_BODY.rules, limit: 0 })).toEqual({ count: 3, sampleCustomers: [] });
      expect((await call('POST', '/api/v1/segments/preview', { rules: VIP_ENGINE, limit: 101 })).status).toBe(422);
      expect((await call('POST', '/api/v1/segments/preview', { rules: VIP_ENGINE, limit: -1 })).status).toBe(422);

      const bulkTenant = await buildTenant(db, 'Bulk preview tenant');
      const made: string[] = [];
      for (let i = 0; i < 55; i += 11) {
        made.push(
          ...(await Promise.all(
            Array.from({ length: 11 }, (_, j) =>
              ok('POST', '/api/v1/customers', { firstName: `Bulk${i + j}`, tags: ['bulk'] }, bulkTenant.adminKey).then((x) => x.id as string),
            ),
          )),
        );
      }
      await ok('POST', '/api/v1/customers', { firstName: 'Untagged' }, bulkTenant.adminKey);
      const rules = { all: [{ fact: 'tags', operator: 'contains', value: 'bulk' }] };
      const dflt = await ok('POST', '/api/v1/segments/preview', { rules }, bulkTenant.adminKey);
      expect(dflt.count).toBe(55);
      expect(dflt.sampleCustomers).toHaveLength(50);
      const newestFirst = (
        await db('customers')
          .whereIn('id', made)
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .select('id')
      ).map((r) => r.id);
      expect(ids(dflt.sampleCustomers)).toEqual(newestFirst.slice(0, 50));
      const all = await ok('POST', '/api/v1/segments/preview', { rules, limit: 100 }, bulkTenant.adminKey);
      expect(sorted(ids(all.sampleCustomers))).toEqual(sorted(made));
    });

    it("counts and lists a segment's customers in agreement with preview, with pagination and list filters", async () => {
      expect(await ok('GET', `/api/v1/segments/${spender}/count`)).toEqual({ count: 3 });
      expect(await ok('GET', `/api/v1/segments/${vip}/count`)).toEqual({ count: 4 });

      const page = await call('GET', `/api/v1/segments/${spender}/customers`);
      expect(page.status).toBe(200);
      expect(ids(page.body.data)).toEqual([c.hank, c.bob, c.alice]); // createdAt desc, as the customer list
      expect(page.body.pagination).toMatchObject({ total: 3, hasNext: false });

      // Page numbers and cursors walk the same members, each once.
      const p1 = await call('GET', `/api/v1/segments/${vip}/customers?limit=3`);
      const p2 = await call('GET', `/api/v1/segments/${vip}/customers?limit=3&page=2`);
      expect(p1.body.pagination).toMatchObject({ total: 4, totalPages: 2, hasNext: true });
      expect(p2.body.pagination).toMatchObject({ hasNext: false });
      expect([...ids(p1.body.data), ...ids(p2.body.data)]).toEqual([c.hank, c.erin, c.dave, c.alice]);
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 5; i++) {
        const res = await call(
          'GET',
          `/api/v1/segments/${vip}/customers?limit=2&sortBy=fullName&sortOrder=asc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status).toBe(200);
        walked.push(...ids(res.body.data));
        cursor = res.body.pagination.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(walked).toEqual([c.alice, c.dave, c.erin, c.hank]); // by full name

      // Filters combine with the segment (AND).
      expect(ids(await ok('GET', `/api/v1/segments/${spender}/customers?city=lisbon`))).toEqual([c.hank, c.bob]);
      expect(ids(await ok('GET', `/api/v1/segments/${spender}/customers?tags=vip`))).toEqual([c.hank, c.alice]);
      expect(ids(await ok('GET', `/api/v1/segments/${vip}/customers?totalSpent[gt]=0&totalSpent[lt]=500`))).toEqual([c.dave]);
      expect(ids(await ok('GET', `/api/v1/segments/${vip}/customers?search=erin`))).toEqual([c.erin]);

      // The customer list's segmentId filter selects the same customers, and combines with other filters.
      for (const [seg, size] of [
        [spender, 3],
        [vip, 4],
      ] as const) {
        const preview = await ok('POST', '/api/v1/segments/preview', { rules: (await ok('GET', `/api/v1/segments/${seg}`)).rules, limit: 100 });
        const listed = await call('GET', `/api/v1/customers?segmentId=${seg}&limit=100`);
        const members = await ok('GET', `/api/v1/segments/${seg}/customers?limit=100`);
        expect(listed.body.pagination.total).toBe(size);
        expect(ids(listed.body.data)).toEqual(ids(preview.sampleCustomers));
        expect(ids(members)).toEqual(ids(preview.sampleCustomers));
      }
      expect(ids(await ok('GET', `/api/v1/customers?segmentId=${vip}&city=porto`))).toEqual([c.alice]);

      // Unknown segments, and other tenants' segments, are 404s.
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const url of [`/api/v1/segments/${missing}/count`, `/api/v1/segments/${missing}/customers`, `/api/v1/customers?segmentId=${missing}`])
        expect((await call('GET', url)).status).toBe(404);
      for (const url of [`/api/v1/segments/${vip}/count`, `/api/v1/segments/${vip}/customers`, `/api/v1/customers?segmentId=${vip}`])
        expect((await call('GET', url, undefined, other.adminKey)).status).toBe(404);
      expect((await call('GET', '/api/v1/customers?segmentId=not-a-uuid')).status).toBe(400);
    });

    it('never ignores segmentId: search and export (which accept the list query) select the segment too', async () => {
      const members = sorted([c.hank!, c.bob!, c.alice!]);
      const everyone = await ok('GET', '/api/v1/customers/search?q=Dataset&limit=100');
      expect(everyone.length).toBeGreaterThan(members.length); // so a filter that is ignored shows
      // The status and the ids that came back (or the body, when it is not a 200).
      const answer = (res: Res, idsOf: (body: any) => string[]) => ({ status: res.status, got: res.status === 200 ? sorted(idsOf(res.body)) : res.body });
      const search = await call('GET', `/api/v1/customers/search?q=Dataset&segmentId=${spender}&limit=100`);
      const exported = await call('GET', `/api/v1/customers/export?format=ndjson&segmentId=${spender}`);
      const lines = (b: unknown) =>
        (typeof b === 'string' ? b : JSON.stringify(b))
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l).id as string);
      expect({ search: answer(search, (b) => ids(b.data)), export: answer(exported, lines) }).toEqual({
        search: { status: 200, got: members },
        export: { status: 200, got: members },
      });
    });

    it('evaluates audiences at the moment of the request', async () => {
      const frank = await ok('POST', '/api/v1/orders', { customerId: c.frank, items: [{ name: 'Big', price: 450, quantity: 1 }] }); // 100 → 550
      try {
        expect(await ok('GET', `/api/v1/segments/${spender}/count`)).toEqual({ count: 4 });
        expect(ids(await ok('GET', `/api/v1/customers?segmentId=${spender}`))).toContain(c.frank);
        expect((await ok('POST', '/api/v1/segments/preview', { rules: SEED_003_BODY.rules })).count).toBe(4);
      } finally {
        await ok('PATCH', `/api/v1/orders/${frank.id}/status`, { status: 'cancelled' });
      }
      expect(await ok('GET', `/api/v1/segments/${spender}/count`)).toEqual({ count: 3 });
      expect(ids(await ok('GET', `/api/v1/segments/${spender}/customers`))).toEqual([c.hank, c.bob, c.alice]);
    });
  });
});
