import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Customer events through the API (issue 16): track, identify and batch on a real Postgres, with
 * what each stores (events, messageId claims, name counts, outbox events, customers) checked in
 * the tables, and every refusal checked to store nothing.
 */
describe('customer events', () => {
  let server: TestServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  type Tenant = { tenantId: string; adminKey: string };
  const call = (t: Tenant, method: string, path: string, body?: unknown) => server.request(`/api/v1${path}`, { method, key: t.adminKey, body });
  const ok = async (t: Tenant, method: string, path: string, body?: unknown) => {
    const res = await call(t, method, path, body);
    if (res.status !== 200) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
  /** Rows the tenant holds in every table events write to. */
  const footprint = async (t: Tenant) => {
    const count = async (table: string) => Number((await db(table).where({ tenant_id: t.tenantId }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
    return {
      events: await count('customer_events'),
      ids: await count('customer_event_ids'),
      // Events counted under their names (a name's count is kept in shards, so rows are not the measure).
      names: Number((await db('customer_event_names').where({ tenant_id: t.tenantId }).sum<{ n: string | null }[]>({ n: 'count' }))[0]!.n ?? 0),
      outbox: await count('events'),
      customers: await count('customers'),
    };
  };
  const outbox = async (t: Tenant, type: string) =>
    (await db('events').where({ tenant_id: t.tenantId, type }).orderBy('seq')).map(
      (e: { subject_type: string; subject_id: string; payload: { data: any } }) => ({ ...e.payload.data, subject: `${e.subject_type}:${e.subject_id}` }),
    );
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

  it('track: creates the customer named by userId once, stores the event with its outbox event and name count, marks backfills', async () => {
    const t = await buildTenant(db);
    const first = await ok(t, 'POST', '/track', {
      userId: 'u-1',
      event: 'Viewed Product',
      properties: { sku: 'A1', price: 12.5 },
      context: { ip: '10.0.0.1' },
    });
    expect(first).toEqual({ id: expect.any(String), customerId: expect.any(String), deduplicated: false });
    const customer = await db('customers').where({ tenant_id: t.tenantId, id: first.customerId }).first();
    expect([customer.external_id, customer.source]).toEqual(['u-1', 'api']);
    expect((await outbox(t, 'customer.created')).map((e) => e.customer.externalId)).toEqual(['u-1']);

    const second = await ok(t, 'POST', '/track', { externalId: 'u-1', event: 'Viewed Product', timestamp: hoursAgo(30), properties: {} });
    expect(second.customerId).toBe(first.customerId);
    const byEmail = await ok(t, 'POST', '/track', { email: 'Ann@Example.com', event: 'Signed Up' });
    expect((await db('customers').where({ id: byEmail.customerId }).first()).email).toBe('ann@example.com');
    expect((await ok(t, 'POST', '/track', { email: 'ann@example.com', event: 'Signed Up' })).customerId).toBe(byEmail.customerId);

    const rows = await db('customer_events').where({ tenant_id: t.tenantId }).orderBy('received_at').orderBy('name');
    expect(rows.map((r) => [r.name, r.customer_id, r.backfill])).toEqual(
      expect.arrayContaining([
        ['Viewed Product', first.customerId, false],
        ['Viewed Product', first.customerId, true],
        ['Signed Up', byEmail.customerId, false],
      ]),
    );
    expect(rows.find((r) => r.id === first.id)).toMatchObject({ properties: { sku: 'A1', price: 12.5 }, context: { ip: '10.0.0.1' }, anonymous_id: null });
    const events = await outbox(t, 'customer.event');
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({
      eventId: first.id,
      customerId: first.customerId,
      name: 'Viewed Product',
      properties: { sku: 'A1', price: 12.5 },
      backfill: false,
      subject: `customer:${first.customerId}`,
    });
    const names = await ok(t, 'GET', '/events/names');
    expect(names.map((n: { name: string; count: number }) => [n.name, n.count])).toEqual([
      ['Signed Up', 2],
      ['Viewed Product', 2],
    ]);
    expect((await ok(t, 'GET', '/events/names?prefix=Vie')).map((n: { name: string }) => n.name)).toEqual(['Viewed Product']);
  });

  it('dedupes by messageId: a repeat (alone or in a batch) answers the first event and stores nothing', async () => {
    const t = await buildTenant(db);
    const first = await ok(t, 'POST', '/track', { userId: 'd-1', event: 'Paid', messageId: 'm-1' });
    const before = await footprint(t);
    expect(await ok(t, 'POST', '/track', { userId: 'd-1', event: 'Paid', messageId: 'm-1', properties: { other: true } })).toEqual({
      id: first.id,
      customerId: first.customerId,
      deduplicated: true,
    });
    expect(await footprint(t)).toEqual(before);
    const batch = await ok(t, 'POST', '/batch', {
      batch: [
        { type: 'track', userId: 'd-1', event: 'Paid', messageId: 'm-2' },
        { type: 'track', userId: 'd-1', event: 'Paid', messageId: 'm-2' },
        { type: 'track', userId: 'd-1', event: 'Paid', messageId: 'm-1' },
      ],
    });
    expect(batch).toMatchObject({ accepted: 1, deduplicated: 2, failed: 0 });
    expect(batch.results[1]).toMatchObject({ index: 1, ok: true, id: batch.results[0].id, deduplicated: true });
    expect(batch.results[2]).toMatchObject({ index: 2, ok: true, id: first.id, deduplicated: true });
    expect(await footprint(t)).toEqual({ ...before, events: before.events + 1, ids: before.ids + 1, names: before.names + 1, outbox: before.outbox + 1 });
    // The count is kept in shards (one per concurrent writer); their sum is the name's count.
    expect(Number((await db('customer_event_names').where({ tenant_id: t.tenantId, name: 'Paid' }).sum('count as n').first())!.n)).toBe(2);
  });

  it('refuses bad input with a 4xx naming the field, and stores nothing', async () => {
    const t = await buildTenant(db);
    const before = await footprint(t);
    const cases: Array<[unknown, number, string]> = [
      [{ event: 'No One' }, 422, 'userId'],
      [{ userId: 'b', event: '' }, 422, 'event'],
      [{ userId: 'b', event: '   ' }, 422, 'event'],
      [{ userId: 'b', event: 'x'.repeat(201) }, 422, 'event'],
      [{ userId: 'b', event: 'E', properties: { blob: 'x'.repeat(33 * 1024) } }, 422, 'properties'],
      [{ userId: 'b', event: 'E', properties: [1, 2] }, 422, 'properties'],
      [{ userId: 'b', event: 'E', properties: 'text' }, 422, 'properties'],
      [{ userId: 'b', event: 'E', timestamp: 'yesterday' }, 422, 'timestamp'],
      [{ userId: 'b', event: 'E', timestamp: new Date(Date.now() + 25 * 3600_000).toISOString() }, 422, 'timestamp'],
      [{ userId: 'b', event: 'E', email: 'not-an-email' }, 422, 'email'],
    ];
    for (const [body, status, field] of cases) {
      const res = await call(t, 'POST', '/track', body);
      expect([JSON.stringify(body).slice(0, 60), res.status, res.body.error.details?.map((d: { path: string }) => d.path)]).toEqual([
        JSON.stringify(body).slice(0, 60),
        status,
        [field],
      ]);
    }
    expect((await call(t, 'POST', '/identify', { anonymousId: 'a-only', traits: { plan: 'gold' } })).status).toBe(422);
    expect((await call(t, 'POST', '/identify', { userId: 'i', traits: { phone: '12' } })).body.error.details[0].path).toBe('traits.phone');
    expect((await call(t, 'POST', '/batch', { batch: [] })).status).toBe(422);
    expect((await call(t, 'POST', '/batch', { batch: Array.from({ length: 501 }, () => ({ type: 'track', userId: 'b', event: 'E' })) })).status).toBe(422);
    const big = await call(t, 'POST', '/batch', {
      batch: Array.from({ length: 20 }, () => ({ type: 'track', userId: 'b', event: 'E', properties: { blob: 'x'.repeat(30 * 1024) } })),
    });
    expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
    expect(await footprint(t)).toEqual(before);
  });

  it('batch: each bad item gets its own error with its index, the others are stored, identify before track applies', async () => {
    const t = await buildTenant(db);
    const res = await ok(t, 'POST', '/batch', {
      context: { library: { name: 'analytics-node' } },
      batch: [
        { type: 'identify', userId: 'b-1', traits: { email: 'b1@example.com', firstName: 'Bea' } },
        { type: 'track', userId: 'b-1', event: 'Added To Cart', properties: { qty: 2 } },
        { type: 'track', userId: 'b-1', event: '' },
        { type: 'page', userId: 'b-1', name: 'Home' },
        { type: 'track', event: 'Lost' },
        { type: 'track', email: 'b1@example.com', event: 'Checked Out', timestamp: new Date(Date.now() + 48 * 3600_000).toISOString() },
        { type: 'track', email: 'b1@example.com', event: 'Checked Out', context: { own: true } },
      ],
    });
    expect(res).toMatchObject({ accepted: 3, deduplicated: 0, failed: 4 });
    expect(
      res.results.map((r: { index: number; ok: boolean; error?: { status: number; details?: Array<{ path: string }> } }) => [
        r.index,
        r.ok,
        r.error?.status ?? null,
        r.error?.details?.[0]?.path ?? null,
      ]),
    ).toEqual([
      [0, true, null, null],
      [1, true, null, null],
      [2, false, 422, 'batch.2.event'],
      [3, false, 422, 'batch.3.type'],
      [4, false, 422, 'userId'],
      [5, false, 422, 'timestamp'],
      [6, true, null, null],
    ]);
    const customerId = res.results[0].customerId;
    expect(res.results[1].customerId).toBe(customerId);
    expect(res.results[6].customerId).toBe(customerId);
    const stored = await db('customer_events').where({ tenant_id: t.tenantId }).orderBy('name');
    expect(stored.map((r) => [r.name, r.customer_id, r.context])).toEqual([
      ['Added To Cart', customerId, { library: { name: 'analytics-node' } }],
      ['Checked Out', customerId, { own: true }],
    ]);
  });

  it('identify: maps traits onto fields and customFields, updates by userId or email, merges an anonymous history', async () => {
    const t = await buildTenant(db);
    const anon1 = await ok(t, 'POST', '/track', { anonymousId: 'anon-7', event: 'Viewed Product', properties: { sku: 'X' } });
    await ok(t, 'POST', '/track', { anonymousId: 'anon-7', event: 'Added To Cart' });
    expect(anon1.customerId).toBeNull();
    expect((await outbox(t, 'customer.event'))[0]).toMatchObject({ customerId: null, anonymousId: 'anon-7', subject: `customer_event:${anon1.id}` });

    const made = await ok(t, 'POST', '/identify', {
      userId: 'user-7',
      anonymousId: 'anon-7',
      traits: {
        email: 'Grace@Example.com',
        name: 'Grace Hopper',
        phone: '+1 212 555 0199',
        address: { city: 'Arlington', postalCode: '22201' },
        tags: ['navy'],
        plan: 'pro',
        seats: 12,
        flags: { beta: true },
      },
    });
    expect(made).toEqual({ customerId: expect.any(String), created: true, mergedEvents: 2 });
    const customer = await ok(t, 'GET', `/customers/${made.customerId}`);
    expect(customer).toMatchObject({
      externalId: 'user-7',
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      phone: '+12125550199',
      address: { city: 'Arlington', postalCode: '22201' },
      tags: ['navy'],
      customFields: { plan: 'pro', seats: '12', flags: '{"beta":true}' },
    });
    const timeline = await call(t, 'GET', `/customers/${made.customerId}/events`);
    expect(timeline.body.data.map((e: { name: string; anonymousId: string }) => [e.name, e.anonymousId])).toEqual([
      ['Added To Cart', 'anon-7'],
      ['Viewed Product', 'anon-7'],
    ]);

    const again = await ok(t, 'POST', '/identify', { email: 'grace@example.com', traits: { plan: null, seats: 13, lastName: 'Murray' } });
    expect(again).toEqual({ customerId: made.customerId, created: false, mergedEvents: 0 });
    expect(await ok(t, 'GET', `/customers/${made.customerId}`)).toMatchObject({ lastName: 'Murray', customFields: { seats: '13', flags: '{"beta":true}' } });
    expect((await ok(t, 'GET', `/customers/${made.customerId}`)).customFields.plan).toBeUndefined();
    expect((await outbox(t, 'customer.updated')).at(-1).changed).toEqual(expect.arrayContaining(['lastName', 'customFields']));

    // An email customer without an external id takes the userId sent with it.
    const byEmail = await ok(t, 'POST', '/identify', { email: 'lin@example.com', traits: {} });
    expect((await ok(t, 'POST', '/identify', { userId: 'lin', email: 'lin@example.com', traits: {} })).customerId).toBe(byEmail.customerId);
    expect((await ok(t, 'GET', `/customers/${byEmail.customerId}`)).externalId).toBe('lin');
    // Another userId with an email already taken is a conflict, not a merge of two people.
    expect((await call(t, 'POST', '/identify', { userId: 'someone-else', traits: { email: 'lin@example.com' } })).status).toBe(409);
    const taken = await call(t, 'POST', '/track', { userId: 'someone-else', email: 'lin@example.com', event: 'Seen' });
    expect([taken.status, taken.body.error.details]).toEqual([409, { field: 'email', existingId: byEmail.customerId }]);
  });

  it('a tenant may refuse to create customers from events: 404 per item, known customers still work', async () => {
    const t = await buildTenant(db);
    const known = await ok(t, 'POST', '/track', { userId: 'known', event: 'Seen' });
    const patched = await call(t, 'PATCH', '/tenant', { settings: { eventsCreateCustomers: false } });
    expect(patched.body.data.settings).toMatchObject({ eventsCreateCustomers: false, eventRetentionMonths: 13 });
    const before = await footprint(t);
    expect((await call(t, 'POST', '/track', { userId: 'stranger', event: 'Seen' })).status).toBe(404);
    expect((await call(t, 'POST', '/identify', { userId: 'stranger', traits: {} })).status).toBe(404);
    expect(await footprint(t)).toEqual(before);
    const res = await ok(t, 'POST', '/batch', {
      batch: [
        { type: 'track', userId: 'stranger', event: 'Seen' },
        { type: 'track', userId: 'known', event: 'Seen' },
      ],
    });
    expect(res.results.map((r: { ok: boolean; error?: { status: number }; customerId?: string }) => [r.ok, r.error?.status ?? r.customerId])).toEqual([
      [false, 404],
      [true, known.customerId],
    ]);
    expect((await call(t, 'PATCH', '/tenant', { settings: { eventsCreateCustomers: null, eventRetentionMonths: 0 } })).status).toBe(422);
  });

  it("lists a customer's events by page and cursor, filtered by name and time; 404 for an unknown customer", async () => {
    const t = await buildTenant(db);
    const items = Array.from({ length: 7 }, (_, i) => ({
      type: 'track',
      userId: 'list-1',
      event: i % 2 ? 'Odd' : 'Even',
      timestamp: hoursAgo(10 - i),
      properties: { i },
    }));
    const { results } = await ok(t, 'POST', '/batch', { batch: items });
    const id = results[0].customerId;
    const page1 = await call(t, 'GET', `/customers/${id}/events?limit=3`);
    expect(page1.body.data.map((e: { properties: { i: number } }) => e.properties.i)).toEqual([6, 5, 4]);
    expect(page1.body.pagination).toMatchObject({ total: 7, hasNext: true });
    const page2 = await call(t, 'GET', `/customers/${id}/events?limit=3&cursor=${page1.body.pagination.nextCursor}`);
    expect(page2.body.data.map((e: { properties: { i: number } }) => e.properties.i)).toEqual([3, 2, 1]);
    const odd = await call(t, 'GET', `/customers/${id}/events?name=Odd&sortOrder=asc`);
    expect(odd.body.data.map((e: { properties: { i: number } }) => e.properties.i)).toEqual([1, 3, 5]);
    const recent = await call(t, 'GET', `/customers/${id}/events?occurredAt[gte]=${encodeURIComponent(hoursAgo(5.5))}&name=Odd,Even`);
    expect(recent.body.data.map((e: { properties: { i: number } }) => e.properties.i)).toEqual([6, 5]);
    expect((await call(t, 'GET', `/customers/${crypto.randomUUID()}/events`)).status).toBe(404);
    const other = await buildTenant(db);
    expect((await call(other, 'GET', `/customers/${id}/events`)).status).toBe(404);
  });
});
