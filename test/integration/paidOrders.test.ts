import type { Knex } from 'knex';
import * as paidOrdersMigration from '../../migrations/20261205000100_paid_orders';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Seed 002's `totalOrders` counts every order: its example 15 is the sum of ordersByStatus
 * (2 placed + 1 processing + 3 shipped + 8 delivered + 1 cancelled). Herald reports that as
 * `totalOrders` everywhere and keeps its former count (orders not cancelled or refunded, the ones
 * the money figures sum) as `paidOrders`; segment rules can use either, and the migration maps
 * rules stored with the old meaning of `totalOrders` to `paidOrders`.
 */
describe('totalOrders (every order) and paidOrders', () => {
  let server: TestServer;
  let db: Knex;
  let t: { tenantId: string; adminKey: string };
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await server.request(`/api/v1${path}`, { method, key: t.adminKey, body });
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const order = async (customerId: string, price: number, path: string[] = []) => {
    const id = (await api('POST', '/orders', { customerId, items: [{ name: 'item', price, quantity: 1 }] })).data.id as string;
    for (const status of path) await api('PATCH', `/orders/${id}/status`, { status });
    return id;
  };
  const previewCount = async (rules: unknown) => (await api('POST', '/segments/preview', { rules, limit: 0 })).data.count as number;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
    t = await buildTenant(db);
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it("reproduces seed 002's example: totalOrders 15 = the sum of ordersByStatus, paidOrders 14", async () => {
    const customerId = (await api('POST', '/customers', { fullName: 'John Doe', email: 'john.doe@example.com' })).data.id as string;
    const SHIP = ['processing', 'shipped'];
    for (let i = 0; i < 2; i++) await order(customerId, 100);
    await order(customerId, 100, ['processing']);
    for (let i = 0; i < 3; i++) await order(customerId, 100, SHIP);
    for (let i = 0; i < 8; i++) await order(customerId, 100, [...SHIP, 'delivered']);
    await order(customerId, 100, ['cancelled']);

    const stats = (await api('GET', `/customers/${customerId}/stats`)).data.orderStatistics;
    expect(stats.ordersByStatus).toEqual({ placed: 2, processing: 1, shipped: 3, delivered: 8, cancelled: 1, refunded: 0 });
    expect(stats).toMatchObject({ totalOrders: 15, paidOrders: 14, totalSpent: 1400, averageOrderValue: 100 });
    expect((await api('GET', `/customers/${customerId}`)).data.statistics).toMatchObject({ totalOrders: 15, paidOrders: 14, totalSpent: 1400 });
    expect(await db('customers').where({ id: customerId }).first('total_orders', 'paid_orders')).toEqual({ total_orders: 15, paid_orders: 14 });

    const listed = (await api('GET', '/customers?orderCount[gte]=15&sortBy=totalOrders')).data.map((c: { id: string }) => c.id);
    expect(listed).toEqual([customerId]);
    const json = (await server.request('/api/v1/customers/export?format=json', { key: t.adminKey })).body;
    expect(json[0].statistics).toMatchObject({ totalOrders: 15, paidOrders: 14 });
    expect((await api('GET', '/customers/analytics')).data.orderMetrics).toMatchObject({ totalOrders: 15, paidOrders: 14, totalRevenue: 1400 });

    expect(await previewCount({ all: [{ fact: 'totalOrders', operator: 'equal', value: 15 }] })).toBe(1);
    expect(await previewCount({ all: [{ fact: 'paidOrders', operator: 'equal', value: 14 }] })).toBe(1);
    expect(await previewCount({ all: [{ fact: 'paidOrders', operator: 'equal', value: 15 }] })).toBe(0);
  });

  it('migrates: total_orders becomes every order, and stored rules on the old totalOrders keep their meaning as paidOrders', async () => {
    const customerId = (await api('POST', '/customers', { fullName: 'Mia Migrated', email: 'mia@example.com' })).data.id as string;
    await order(customerId, 10);
    await order(customerId, 20);
    await order(customerId, 30, ['cancelled']);
    await paidOrdersMigration.down(db);
    // Before the migration there is one count, of paid orders, and rules read it as totalOrders.
    expect(await db('customers').where({ id: customerId }).first('*')).toMatchObject({ total_orders: 2 });
    expect(await db('customers').where({ id: customerId }).first('*')).not.toHaveProperty('paid_orders');
    const oldRule = {
      kind: 'group',
      combinator: 'all',
      children: [
        { kind: 'condition', field: 'totalOrders', operator: 'equal', value: 2 },
        { kind: 'condition', field: 'customFields.totalOrders', operator: 'exists' },
      ],
    };
    const [segment] = await db('segments')
      .insert({ tenant_id: t.tenantId, name: 'Two paid orders', rules: JSON.stringify(oldRule) })
      .returning('id');
    const [campaign] = await db('campaigns')
      .insert({
        tenant_id: t.tenantId,
        name: 'Old audience',
        channel: 'sms',
        body: 'hi',
        audience: JSON.stringify({ type: 'rules', rules: oldRule }),
        schedule: JSON.stringify({ type: 'immediate' }),
      })
      .returning('id');

    await paidOrdersMigration.up(db);
    expect(await db('customers').where({ id: customerId }).first('total_orders', 'paid_orders')).toEqual({ total_orders: 3, paid_orders: 2 });
    const newRule = { ...oldRule, children: [{ ...oldRule.children[0], field: 'paidOrders' }, oldRule.children[1]] };
    expect((await db('segments').where({ id: segment.id }).first('rules')).rules).toEqual(newRule);
    expect((await db('campaigns').where({ id: campaign.id }).first('audience')).audience).toEqual({ type: 'rules', rules: newRule });
    expect((await api('GET', `/segments/${segment.id}`)).data.rules).toEqual(newRule);
    expect((await api('GET', `/customers/${customerId}`)).data.statistics).toMatchObject({ totalOrders: 3, paidOrders: 2, totalSpent: 30 });
  });
});
