import type { Knex } from 'knex';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

type Tenant = { tenantId: string; adminKey: string };
const item = (overrides: Record<string, unknown> = {}) => ({ productId: 'p-1', name: 'Widget', price: 19.99, quantity: 3, category: 'tools', ...overrides });

/** Orders: exact totals, customer statistics in the same transaction, lifecycle, outbox, listing, export, isolation. */
describe('orders', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: Tenant;
  let other: Tenant;

  const post = (body: unknown, key = tenant.adminKey, headers: Record<string, string> = {}) =>
    server.request('/api/v1/orders', { method: 'POST', key, body, headers });
  const setStatus = (id: string, body: unknown, key = tenant.adminKey) => server.request(`/api/v1/orders/${id}/status`, { method: 'PATCH', key, body });
  const customerRow = (id: string) => db('customers').where({ id }).first();
  /** Rows an order write leaves behind, to prove a refused request wrote nothing. */
  const footprint = async (tenantId: string) => {
    const [o, i, h, e, a] = await Promise.all(
      ['orders', 'order_items', 'order_status_history', 'events', 'audit_log'].map((t) =>
        db(t).where({ tenant_id: tenantId }).count<{ n: number }[]>({ n: '*' }),
      ),
    );
    return [o, i, h, e, a].map((r) => Number(r![0]!.n));
  };

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    tenant = await buildTenant(db, 'Orders tenant');
    other = await buildTenant(db, 'Other orders tenant');
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('computes totals from the items in exact cents and answers 201 with the items in the sent order', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const res = await post({
      customerId,
      items: [item(), item({ productId: undefined, sku: 'DIME', name: 'Dime', price: 0.1, quantity: 3 })],
      shippingAddress: { street: '123 Main St', city: 'New York', state: 'NY', zipCode: '10001' },
      tax: 4.8,
      shipping: 5,
      discount: 1.23,
      subtotal: 60.27,
      total: 68.84,
    });
    expect(res.status).toBe(201);
    const order = res.body.data;
    expect(0.1 * 3 + 19.99 * 3).not.toBe(60.27);
    expect(order).toMatchObject({
      customerId,
      status: 'placed',
      currency: 'USD',
      subtotal: 60.27,
      tax: 4.8,
      shipping: 5,
      discount: 1.23,
      total: 68.84,
      itemsCount: 2,
    });
    expect(order.orderNumber).toMatch(/^ORD-\d{8}-[0-9A-Z]{8}$/);
    expect(order.shippingAddress).toEqual({ street: '123 Main St', city: 'New York', state: 'NY', postalCode: '10001' });
    expect(order.items.map((i: { name: string; total: number; sku: string | null }) => [i.name, i.total, i.sku])).toEqual([
      ['Widget', 59.97, null],
      ['Dime', 0.3, 'DIME'],
    ]);
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${order.id}`);
    const row = await db('orders').where({ id: order.id }).first();
    expect([row.subtotal, row.total, row.created_by]).toEqual([
      60.27,
      68.84,
      `api_key:${(await db('api_keys').where({ tenant_id: tenant.tenantId }).first()).id}`,
    ]);
    expect((await server.request(`/api/v1/orders/${order.id}`, { key: tenant.adminKey })).body.data.items).toEqual(order.items);
  });

  it('refuses inconsistent amounts with 422 naming the field, and writes nothing', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const before = await footprint(tenant.tenantId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ total: 59.96 }, 'total'],
      [{ subtotal: 60 }, 'subtotal'],
      [{ discount: 100 }, 'discount'],
      [{ items: [item({ price: 1.005 })] }, 'items.0.price'],
      [{ items: [item({ quantity: 1.5 })] }, 'items.0.quantity'],
      [{ items: [] }, 'items'],
      [{ surprise: true }, 'surprise'],
      [{ currency: 'US' }, 'currency'],
    ];
    for (const [overrides, path] of cases) {
      const res = await post({ customerId, items: [item()], ...overrides });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await footprint(tenant.tenantId)).toEqual(before);
    expect(await customerRow(customerId)).toMatchObject({ total_orders: 0, paid_orders: 0, total_spent: 0, last_interaction_at: null });
  });

  it("refuses unknown, deleted and other tenants' customers with 422 on customerId", async () => {
    const ids = [
      '00000000-0000-4000-8000-000000000000',
      await buildCustomer(db, tenant.tenantId, { deleted_at: new Date() }),
      await buildCustomer(db, other.tenantId),
    ];
    for (const customerId of ids) {
      const res = await post({ customerId, items: [item()] });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{ location: 'body', path: 'customerId', message: 'no such customer' }]);
    }
  });

  it('refuses blocked and suspended customers with 409 and writes nothing', async () => {
    const before = await footprint(tenant.tenantId);
    for (const [overrides, word] of [
      [{ is_blocked: true }, 'blocked'],
      [{ status: 'suspended' }, 'suspended'],
      [{ status: 'blocked' }, 'blocked'],
    ] as const) {
      const res = await post({ customerId: await buildCustomer(db, tenant.tenantId, overrides), items: [item()] });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'customer_cannot_order', message: `Customer is ${word} and cannot place orders` });
    }
    expect(await footprint(tenant.tenantId)).toEqual(before);
  });

  it('updates customer statistics in the same transaction and writes the outbox event and audit row', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId, { status: 'inactive' });
    const a = (await post({ customerId, items: [item({ price: 10.01, quantity: 1 })] })).body.data;
    const b = (await post({ customerId, items: [item({ price: 5, quantity: 2 })], shipping: 0.99, currency: 'eur' })).body.data;
    expect(b.currency).toBe('EUR');
    const c = await customerRow(customerId);
    expect(c).toMatchObject({ total_orders: 2, paid_orders: 2, total_spent: 21, average_order_value: 10.5 });
    expect([c.first_order_at.toISOString(), c.last_order_at.toISOString()]).toEqual([a.placedAt, b.placedAt]);
    expect(c.last_interaction_at).not.toBeNull();
    const event = await db('events').where({ tenant_id: tenant.tenantId, subject_id: a.id }).first();
    expect(event).toMatchObject({ type: 'order.created', subject_type: 'order' });
    expect(event.payload.data).toEqual({
      orderId: a.id,
      orderNumber: a.orderNumber,
      customerId,
      status: 'placed',
      total: 10.01,
      currency: 'USD',
      itemsCount: 1,
    });
    expect((await db('audit_log').where({ tenant_id: tenant.tenantId, subject_id: a.id })).map((r) => r.action)).toEqual(['order.created']);
  });

  it('moves orders through the lifecycle, refuses other moves with the allowed list, and keeps statistics (every order in total_orders, the paid ones in paid_orders) and history', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const kept = (await post({ customerId, items: [item({ price: 30, quantity: 1 })] })).body.data;
    const refunded = (await post({ customerId, items: [item({ price: 20, quantity: 1 })] })).body.data;
    const cancelled = (await post({ customerId, items: [item({ price: 7.5, quantity: 1 })] })).body.data;
    expect(await customerRow(customerId)).toMatchObject({ total_orders: 3, paid_orders: 3, total_spent: 57.5 });

    const jump = await setStatus(refunded.id, { status: 'delivered' });
    expect(jump.status).toBe(409);
    expect(jump.body.error).toMatchObject({ code: 'invalid_transition', details: { from: 'placed', to: 'delivered', allowed: ['processing', 'cancelled'] } });
    expect((await setStatus(refunded.id, { status: 'placed' })).body.error.details).toEqual({
      from: 'placed',
      to: 'placed',
      allowed: ['processing', 'cancelled'],
    });

    for (const body of [{ status: 'processing' }, { status: 'shipped', trackingNumber: '1Z999AA1234567890' }, { status: 'delivered' }]) {
      expect((await setStatus(refunded.id, body)).status).toBe(200);
    }
    expect((await setStatus(refunded.id, { status: 'cancelled' })).body.error.details.allowed).toEqual(['refunded']);
    const refund = await setStatus(refunded.id, { status: 'refunded', reason: 'damaged' });
    expect(refund.body.data).toMatchObject({ status: 'refunded', trackingNumber: '1Z999AA1234567890' });
    expect(refund.body.data.statusHistory.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'null>placed',
      'placed>processing',
      'processing>shipped',
      'shipped>delivered',
      'delivered>refunded',
    ]);
    expect(refund.body.data.statusHistory[4]).toMatchObject({ reason: 'damaged', changedBy: expect.stringMatching(/^api_key:/) });
    expect(await customerRow(customerId)).toMatchObject({ total_orders: 3, paid_orders: 2, total_spent: 37.5, average_order_value: 18.75 });

    expect((await setStatus(cancelled.id, { status: 'cancelled' })).status).toBe(200);
    expect(await customerRow(customerId)).toMatchObject({ total_orders: 3, paid_orders: 1, total_spent: 30, average_order_value: 30 });
    expect((await setStatus(cancelled.id, { status: 'processing' })).body.error.details).toEqual({ from: 'cancelled', to: 'processing', allowed: [] });

    const events = await db('events').where({ tenant_id: tenant.tenantId, subject_id: refunded.id, type: 'order.status_updated' }).orderBy('seq');
    expect(events.map((e) => `${e.payload.data.from}>${e.payload.data.to}`)).toEqual([
      'placed>processing',
      'processing>shipped',
      'shipped>delivered',
      'delivered>refunded',
    ]);
    expect(events[1]).toMatchObject({ subject_type: 'order', payload: { data: { trackingNumber: '1Z999AA1234567890', customerId } } });
    expect((await db('order_status_history').where({ order_id: kept.id })).length).toBe(1);
  });

  it('honours Idempotency-Key: one order per key, identical replay, 422 for another body', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const body = { customerId, items: [item()] };
    const first = await post(body, tenant.adminKey, { 'Idempotency-Key': 'order-key-1' });
    const second = await post(body, tenant.adminKey, { 'Idempotency-Key': 'order-key-1' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await db('orders').where({ customer_id: customerId })).length).toBe(1);
    const reused = await post({ ...body, notes: 'different' }, tenant.adminKey, { 'Idempotency-Key': 'order-key-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect((await customerRow(customerId)).total_orders).toBe(1);
  });

  it('keeps client order numbers unique per tenant', async () => {
    const body = { customerId: await buildCustomer(db, tenant.tenantId), items: [item()], orderNumber: 'PO-2026/001' };
    expect((await post(body)).body.data.orderNumber).toBe('PO-2026/001');
    const again = await post(body);
    expect([again.status, again.body.error.details]).toEqual([409, [{ location: 'body', path: 'orderNumber', message: 'already used' }]]);
    expect((await post({ ...body, customerId: await buildCustomer(db, other.tenantId) }, other.adminKey)).status).toBe(201);
  });

  describe('lists and exports', () => {
    let t: Tenant;
    let alice: string;
    let bob: string;
    const ids: string[] = [];
    const list = async (query: string) => (await server.request(`/api/v1/orders?${query}`, { key: t.adminKey })).body;

    beforeAll(async () => {
      t = await buildTenant(db, 'Listing tenant');
      alice = await buildCustomer(db, t.tenantId, { full_name: '=HYPERLINK("http://evil")', email: 'alice@example.com' });
      bob = await buildCustomer(db, t.tenantId);
      const prices = [5, 15, 25, 35, 45, 55, 65];
      for (const [n, price] of prices.entries()) {
        const res = await post(
          { customerId: n % 2 ? bob : alice, items: [item({ name: n === 0 ? '=SUM(A1:A9)' : `Item ${n}`, price, quantity: 1 })] },
          t.adminKey,
        );
        ids.push(res.body.data.id);
      }
      // Two orders share a placed_at so cursor paging must break the tie by id.
      for (const [n, id] of ids.entries())
        await db('orders')
          .where({ id })
          .update({ placed_at: new Date(Date.UTC(2026, 0, 1 + Math.min(n, 5))) });
      await setStatus(ids[1]!, { status: 'cancelled' }, t.adminKey);
    });

    it('filters by customer, status list, total and order date, and sorts', async () => {
      expect((await list(`customerId=${alice}`)).data.map((o: { id: string }) => o.id).sort()).toEqual([ids[0], ids[2], ids[4], ids[6]].sort());
      expect((await list('status=cancelled')).data.map((o: { id: string }) => o.id)).toEqual([ids[1]]);
      expect((await list('status=placed,cancelled')).pagination.total).toBe(7);
      expect((await list('total[gte]=25&total[lt]=55&sortBy=total&sortOrder=asc')).data.map((o: { total: number }) => o.total)).toEqual([25, 35, 45]);
      expect((await list('orderDate[gte]=2026-01-03&orderDate[lte]=2026-01-04T00:00:00Z')).data.map((o: { id: string }) => o.id)).toEqual([ids[3], ids[2]]);
      const bad = await server.request('/api/v1/orders?status=lost', { key: t.adminKey });
      expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'status']);
      const first = (await list('limit=20')).data[0];
      expect(first.items).toBeUndefined();
      expect(first.itemsCount).toBe(1);
    });

    it('pages through every order by cursor without gaps or repeats, and by page number', async () => {
      for (const sort of ['sortBy=placedAt&sortOrder=desc', 'sortBy=total&sortOrder=asc', 'sortBy=createdAt&sortOrder=asc']) {
        const seen: string[] = [];
        let page = await list(`limit=2&${sort}`);
        seen.push(...page.data.map((o: { id: string }) => o.id));
        while (page.pagination.nextCursor) {
          page = await list(`limit=2&${sort}&cursor=${page.pagination.nextCursor}`);
          seen.push(...page.data.map((o: { id: string }) => o.id));
        }
        expect(seen.length).toBe(7);
        expect([...seen].sort()).toEqual([...ids].sort());
      }
      const second = await list('limit=3&page=2&sortBy=total&sortOrder=asc');
      expect(second.data.map((o: { total: number }) => o.total)).toEqual([35, 45, 55]);
      expect(second.pagination).toMatchObject({ page: 2, total: 7, totalPages: 3, hasNext: true, hasPrevious: true });
    });

    it('exports CSV with formula cells neutralised, and NDJSON and JSON with the same filters', async () => {
      const csv = await server.request(`/api/v1/orders/export?format=csv&customerId=${alice}&sortOrder=asc`, { key: t.adminKey });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-\d{8}T\d{6}\.csv"$/);
      const lines = (csv.body as string).trim().split('\n');
      expect(lines[0]).toBe(
        'id,orderNumber,customerId,customerEmail,customerName,status,currency,subtotal,tax,shipping,discount,total,itemsCount,items,trackingNumber,notes,placedAt,createdAt,updatedAt',
      );
      expect(lines).toHaveLength(5);
      expect(lines[1]).toContain(`${ids[0]},`);
      expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
      expect(lines[1]).toContain("'=SUM(A1:A9) × 1");
      const ndjson = await server.request('/api/v1/orders/export?format=ndjson&status=placed', { key: t.adminKey });
      const rows = (ndjson.body as string)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows).toHaveLength(6);
      expect(rows.find((r) => r.id === ids[0])).toMatchObject({
        customerName: '=HYPERLINK("http://evil")',
        total: 5,
        items: [{ name: '=SUM(A1:A9)', price: 5, quantity: 1, total: 5 }],
      });
      const json = await server.request('/api/v1/orders/export?format=json&total[gte]=60', { key: t.adminKey });
      expect(json.body.map((r: { id: string }) => r.id)).toEqual([ids[6]]);
    });

    it("answers the customer module's queries: recent orders and order statistics", async () => {
      const now = new Date();
      await db('orders')
        .whereIn('id', [ids[0]!, ids[6]!])
        .update({ placed_at: new Date('2020-06-01T00:00:00Z') });
      await db('orders').where({ id: ids[2] }).update({ placed_at: now });
      await db('orders')
        .where({ id: ids[4] })
        .update({ placed_at: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)) });
      const orders = server.runtime.domain.orders;
      expect((await orders.recentOrdersForCustomer(t.tenantId, alice, 2)).map((o) => o.id)).toEqual([ids[2], ids[4]]);
      const stats = await orders.orderStatsForCustomer(t.tenantId, bob);
      expect(stats).toMatchObject({
        totalOrders: 3,
        paidOrders: 2,
        totalSpent: 90,
        averageOrderValue: 45,
        ordersByStatus: { placed: 2, cancelled: 1, shipped: 0 },
      });
      const months = (await orders.orderStatsForCustomer(t.tenantId, alice)).spendByMonth;
      expect(months).toHaveLength(12);
      expect(months[11]).toEqual({ month: now.toISOString().slice(0, 7), orders: 1, total: 25 });
      expect(months[10]).toMatchObject({ orders: 1, total: 45 });
      expect(months.slice(0, 10).every((m) => m.orders === 0)).toBe(true);
    });

    it('keeps tenants apart: 404 on get and status change, nothing in lists or exports', async () => {
      expect((await server.request(`/api/v1/orders/${ids[0]}`, { key: other.adminKey })).status).toBe(404);
      expect((await setStatus(ids[0]!, { status: 'processing' }, other.adminKey)).status).toBe(404);
      expect((await db('orders').where({ id: ids[0] }).first()).status).toBe('placed');
      expect((await server.request(`/api/v1/orders?customerId=${alice}`, { key: other.adminKey })).body.data).toEqual([]);
      expect((await server.request(`/api/v1/orders/export?format=json&customerId=${alice}`, { key: other.adminKey })).body).toEqual([]);
    });

    it('lets readonly keys read but not write', async () => {
      const ro = (await server.request('/api/v1/api-keys', { method: 'POST', key: t.adminKey, body: { name: 'ro', role: 'readonly' } })).body.data.key;
      expect((await server.request(`/api/v1/orders/${ids[0]}`, { key: ro })).status).toBe(200);
      expect((await post({ customerId: alice, items: [item()] }, ro)).status).toBe(403);
      expect((await setStatus(ids[0]!, { status: 'processing' }, ro)).status).toBe(403);
    });
  });

  it('serialises concurrent orders for one customer: total_spent is the exact sum', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const prices = Array.from({ length: 10 }, (_, i) => Math.round(1001 + i * 111) / 100);
    const results = await Promise.all(prices.map((price) => post({ customerId, items: [item({ price, quantity: 1 })] })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const cents = prices.reduce((sum, p) => sum + Math.round(p * 100), 0);
    expect(await customerRow(customerId)).toMatchObject({ total_orders: 10, paid_orders: 10, total_spent: cents / 100 });
  });
});
