import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  Herald,
  HeraldAuthenticationError,
  HeraldBadRequestError,
  HeraldConflictError,
  HeraldError,
  HeraldNotFoundError,
  HeraldPermissionError,
  HeraldValidationError,
  type Customer,
} from '../../sdk/src';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** Collects an async iterator. */
async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The error a call throws (fails the test when it resolves). */
async function failure(call: Promise<unknown>): Promise<HeraldError> {
  const outcome = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(outcome instanceof HeraldError)) throw new Error(`expected a HeraldError, got ${String(outcome)}`);
  return outcome;
}

/**
 * The SDK against a real Herald (API on Postgres; no worker needed here): customers, orders,
 * segments, API keys and the tenant, each created, read, listed and paged to the end with the
 * iterator, plus the typed error paths and idempotent creates.
 */
describe('SDK resources against a real Herald', () => {
  let server: TestServer;
  let db: Knex;
  let herald: Herald;
  let tenantId: string;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000' });
    const t = await buildTenant(db, 'SDK tenant');
    tenantId = t.tenantId;
    herald = new Herald({ baseUrl: server.url, apiKey: t.adminKey });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('creates, reads, changes and deletes a customer through every customer call', async () => {
    const created = await herald.customers.create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+14155550100',
      tags: ['pioneer'],
    });
    expect(created).toMatchObject({ fullName: 'Ada Lovelace', email: 'ada@example.com', phone: '+14155550100', tags: ['pioneer'], status: 'active' });
    const detail = await herald.customers.get(created.id);
    expect(detail).toMatchObject({ id: created.id, recentOrders: [] });
    expect(detail.statistics).toMatchObject({ totalConversations: 0, averageResponseTime: null });
    expect(detail.recentConversations).toEqual([]);
    expect(await herald.customers.conversations(created.id, { limit: 5 })).toMatchObject({ data: [], pagination: { limit: 5, total: 0 } });

    expect(await herald.customers.patch(created.id, { lastName: 'King' })).toMatchObject({ lastName: 'King', email: 'ada@example.com' });
    const replaced = await herald.customers.update(created.id, { firstName: 'Ada', email: 'ada.king@example.com' });
    expect(replaced).toMatchObject({ lastName: null, email: 'ada.king@example.com', tags: [] });
    expect((await herald.customers.tags(created.id, { tags: ['vip', 'math'], action: 'add' })).tags.sort()).toEqual(['math', 'vip']);
    expect(await herald.customers.block(created.id, { isBlocked: true, blockReason: 'chargebacks' })).toMatchObject({
      isBlocked: true,
      blockReason: 'chargebacks',
    });
    expect(await herald.customers.status(created.id, { status: 'inactive', reason: 'moved away' })).toMatchObject({
      status: 'inactive',
      statusReason: 'moved away',
    });
    expect(await herald.customers.type(created.id, { customerType: 'vip' })).toMatchObject({ tier: 'vip' });

    const note = await herald.customers.addNote(created.id, 'Prefers e-mail over calls');
    expect(await herald.customers.notes(created.id)).toEqual([note]);
    expect(await herald.customers.setConfig(created.id, { theme: 'dark', beta: true })).toEqual({ theme: 'dark', beta: true });
    expect(await herald.customers.config(created.id)).toEqual({ theme: 'dark', beta: true });
    expect((await herald.customers.search({ q: 'ada.king' })).data.map((c) => c.id)).toEqual([created.id]);
    expect(await herald.customers.export({ format: 'csv', search: 'ada.king' })).toContain('ada.king@example.com');

    await herald.customers.delete(created.id, { permanent: true });
    expect(await failure(herald.customers.get(created.id))).toBeInstanceOf(HeraldNotFoundError);
    expect(await db('customers').where({ id: created.id }).first()).toBeUndefined();
  });

  it('pages through every customer with the iterator, following the cursor, with a small limit', async () => {
    const t = await buildTenant(db, 'SDK paging');
    const sdk = new Herald({ baseUrl: server.url, apiKey: t.adminKey });
    const made: Customer[] = [];
    for (let i = 0; i < 7; i++) made.push(await sdk.customers.create({ email: `page-${i}@example.com`, status: i % 3 === 0 ? 'inactive' : 'active' }));
    const pages: Array<{ url: string }> = [];
    const counting = new Herald({ baseUrl: server.url, apiKey: t.adminKey, fetch: (req) => (pages.push({ url: req.url }), fetch(req)) });

    const every = await all(counting.customers.iterate({ limit: 2, sortBy: 'email', sortOrder: 'asc' }));
    expect(every.map((c) => c.email)).toEqual(made.map((c) => c.email).sort());
    expect(pages).toHaveLength(4);
    expect(pages.slice(1).every((p) => new URL(p.url).searchParams.has('cursor'))).toBe(true);
    expect(new URL(pages[0]!.url).searchParams.get('includeTotal')).toBe('false');

    const active = await all(sdk.customers.iterate({ status: 'active', limit: 3 }));
    expect(active.map((c) => c.email).sort()).toEqual(
      made
        .filter((c) => c.status === 'active')
        .map((c) => c.email)
        .sort(),
    );
    const first = await sdk.customers.list({ limit: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.pagination).toMatchObject({ total: 7, hasNext: true });
  });

  it('returns the same customer for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const key = randomUUID();
    const a = await herald.customers.create({ email: 'once@example.com' }, { idempotencyKey: key });
    const b = await herald.customers.create({ email: 'once@example.com' }, { idempotencyKey: key });
    expect(b).toEqual(a);
    expect(await db('customers').where({ tenant_id: tenantId, email: 'once@example.com' }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
    const reused = await failure(herald.customers.create({ email: 'twice@example.com' }, { idempotencyKey: key }));
    expect(reused).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    // Without a key given, each create gets a fresh one: two creates are two customers (the second a 409 here).
    expect(await failure(herald.customers.create({ email: 'once@example.com' }))).toBeInstanceOf(HeraldConflictError);
  });

  it('throws typed errors with code, details and request id: 422, 404, 409, 400, 401, 403', async () => {
    const invalid = await failure(herald.customers.create({ email: 'not-an-email', tags: ['x'.repeat(60)] }));
    expect(invalid).toBeInstanceOf(HeraldValidationError);
    expect(invalid).toMatchObject({ kind: 'validation', status: 422, code: 'validation_failed' });
    expect((invalid as HeraldValidationError).issues.map((i) => i.path).sort()).toEqual(['email', 'tags.0']);
    expect(invalid.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const missing = await failure(herald.orders.get(randomUUID()));
    expect(missing).toMatchObject({ kind: 'not_found', status: 404, code: 'not_found' });

    await herald.customers.create({ email: 'taken@example.com' });
    const duplicate = await failure(herald.customers.create({ email: 'taken@example.com' }));
    expect(duplicate).toBeInstanceOf(HeraldConflictError);
    expect(duplicate.details).toBeDefined();

    expect(await failure(herald.customers.list({ cursor: 'garbage' }))).toBeInstanceOf(HeraldBadRequestError);
    const unauthenticated = await failure(new Herald({ baseUrl: server.url, apiKey: 'hk_nope' }).customers.list());
    expect(unauthenticated).toBeInstanceOf(HeraldAuthenticationError);
    expect(unauthenticated.status).toBe(401);

    const readonly = await herald.apiKeys.create({ name: 'reader', role: 'readonly' });
    const reader = new Herald({ baseUrl: server.url, apiKey: readonly.key });
    expect((await reader.customers.list({ limit: 1 })).data).toBeDefined();
    expect(await failure(reader.customers.create({ email: 'r@example.com' }))).toBeInstanceOf(HeraldPermissionError);
  });

  it('places, reads, pages and moves orders, with 409 on a move the lifecycle refuses', async () => {
    const customer = await herald.customers.create({ email: 'buyer@example.com' });
    const orders = [];
    for (let i = 1; i <= 5; i++)
      orders.push(await herald.orders.create({ customerId: customer.id, items: [{ name: `Item ${i}`, price: 10 * i, quantity: 1 }] }));
    expect(orders[2]).toMatchObject({ customerId: customer.id, status: 'placed', total: 30, itemsCount: 1 });
    expect((await herald.orders.get(orders[0]!.id)).items).toHaveLength(1);
    const paged = await all(herald.orders.iterate({ customerId: customer.id, limit: 2 }));
    expect(paged.map((o) => o.id).sort()).toEqual(orders.map((o) => o.id).sort());

    expect(await herald.orders.updateStatus(orders[0]!.id, { status: 'processing' })).toMatchObject({ status: 'processing' });
    const refused = await failure(herald.orders.updateStatus(orders[1]!.id, { status: 'delivered' }));
    expect(refused).toMatchObject({ kind: 'conflict', status: 409 });
    expect((await herald.customers.get(customer.id)).statistics.totalOrders).toBe(5);
    expect(await herald.orders.export({ format: 'ndjson', customerId: customer.id })).toContain(orders[4]!.orderNumber);
  });

  it('creates, reads, pages, changes, counts and deletes segments', async () => {
    const vip = await herald.customers.create({ email: 'seg-vip@example.com', tags: ['gold'] });
    await herald.customers.create({ email: 'seg-plain@example.com' });
    const rules = { all: [{ fact: 'tags', operator: 'hasAny', value: ['gold'] }] };
    const segment = await herald.segments.create({ name: 'Gold', rules });
    expect(segment).toMatchObject({ name: 'Gold', description: null, timeRelative: false });
    for (let i = 0; i < 3; i++) await herald.segments.create({ name: `Filler ${i}`, rules });
    expect(await herald.segments.get(segment.id)).toMatchObject({ id: segment.id, name: 'Gold' });
    expect((await all(herald.segments.iterate({ limit: 2 }))).map((s) => s.name).sort()).toEqual(['Filler 0', 'Filler 1', 'Filler 2', 'Gold']);
    expect(await herald.segments.patch(segment.id, { description: 'Gold tag' })).toMatchObject({ description: 'Gold tag' });
    expect(await herald.segments.update(segment.id, { name: 'Gold members' })).toMatchObject({ name: 'Gold members' });
    expect(await herald.segments.count(segment.id)).toBe(1);
    expect((await all(herald.segments.iterateCustomers(segment.id, { limit: 1 }))).map((c) => c.id)).toEqual([vip.id]);
    expect(await herald.segments.preview({ rules, limit: 5 })).toMatchObject({ count: 1, sampleCustomers: [expect.objectContaining({ id: vip.id })] });
    expect((await herald.segments.fields()).length).toBeGreaterThan(5);
    expect((await herald.segments.suggest('vip customers')).length).toBeGreaterThan(0);
    const invalid = await failure(herald.segments.create({ name: 'Bad', rules: { all: [{ fact: 'nope', operator: 'equal', value: 1 }] } }));
    expect(invalid).toBeInstanceOf(HeraldValidationError);
    await herald.segments.delete(segment.id);
    expect(await failure(herald.segments.get(segment.id))).toBeInstanceOf(HeraldNotFoundError);
  });

  it('manages API keys and reads the tenant', async () => {
    const created = await herald.apiKeys.create({ name: 'ci' });
    expect(created).toMatchObject({ name: 'ci', role: 'member', revokedAt: null });
    expect(created.key).toMatch(/^hk_/);
    expect((await herald.apiKeys.list()).map((k) => k.id)).toContain(created.id);
    const member = new Herald({ baseUrl: server.url, apiKey: created.key });
    expect(await member.tenant.get()).toMatchObject({ id: tenantId, name: 'SDK tenant', principal: { role: 'member', actorType: 'api_key' } });
    expect((await herald.apiKeys.revoke(created.id)).revokedAt).not.toBeNull();
    expect(await failure(member.tenant.get())).toBeInstanceOf(HeraldAuthenticationError);
  });
});
