import type { Knex } from 'knex';
import { materialiseTenant } from '../../domain/analytics/rollups';
import { snapshotSegmentSizes } from '../../domain/analytics/snapshots';
import { ensureAnalyticsSchedules } from '../../domain/analytics/lifecycle';
import { createTemporalProvider } from '../../temporal/client';
import { ANALYTICS_ROLLUP_SCHEDULE_ID, analyticsRollupWorkflow, SEGMENT_SIZE_SCHEDULE_ID, segmentSizeSnapshotWorkflow } from '../../workflows/analytics';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';
import { startTestWorker, testTemporalSettings } from '../support/testWorker';

/**
 * Analytics over time with planted data: orders across New York's switch to daylight time
 * (2026-03-08), new customers, campaign marks and two segment snapshots, each with exact buckets,
 * totals and previous-range totals; the same answers from the base tables alone (no rollup yet),
 * from the rollups, and from rollups plus the live tail; bad input; one tenant never sees another's.
 */
describe('analytics over time', () => {
  let server: TestServer;
  let db: Knex;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  type Init = { method?: string; body?: unknown };

  /** A tenant with helpers; tests write timestamps directly to plant data in the past. */
  async function tenant() {
    const t = await buildTenant(db);
    const api = (path: string, init: Init = {}) => server.request(`/api/v1${path}`, { key: t.adminKey, ...init });
    const get = async (path: string) => {
      const res = await api(path);
      expect([path, res.status]).toEqual([path, 200]);
      return res.body.data;
    };
    const customer = async (name: string, createdAt: string) => {
      const res = await api('/customers', { method: 'POST', body: { name, email: `${name.toLowerCase()}-${t.tenantId.slice(0, 8)}@example.com` } });
      expect(res.status).toBe(201);
      await db('customers').where({ id: res.body.data.id }).update({ created_at: createdAt });
      return res.body.data.id as string;
    };
    const order = async (customerId: string, price: number, placedAt: string) => {
      const res = await api('/orders', { method: 'POST', body: { customerId, items: [{ name: 'x', price, quantity: 1 }] } });
      expect(res.status).toBe(201);
      await db('orders').where({ id: res.body.data.id }).update({ placed_at: placedAt, created_at: placedAt });
      return res.body.data.id as string;
    };
    return { ...t, api, get, customer, order };
  }

  /** Orders and customers planted around New York's DST change (EST -5 until 2026-03-08 02:00, then EDT -4). */
  async function plantShop() {
    const t = await tenant();
    const ana = await t.customer('Ana', '2026-03-08T04:30:00Z'); // 03-07 23:30 EST (03-08 in UTC)
    const ben = await t.customer('Ben', '2026-03-08T05:30:00Z'); // 03-08 00:30 EST
    const cy = await t.customer('Cy', '2026-03-05T17:00:00Z'); // previous range
    const gone = await t.customer('Gone', '2026-03-09T04:15:00Z');
    expect((await t.api(`/customers/${gone}`, { method: 'DELETE' })).status).toBe(204);
    await t.order(ana, 10, '2026-03-08T04:30:00Z'); // 03-07 23:30 EST
    await t.order(ana, 20, '2026-03-08T05:30:00Z'); // 03-08 00:30 EST
    const cancelled = await t.order(ben, 30, '2026-03-09T03:30:00Z'); // 03-08 23:30 EDT (03-09 in UTC)
    await t.order(ben, 40, '2026-03-09T04:15:00Z'); // 03-09 00:15 EDT (03-08 23:15 with a fixed -5)
    await t.order(cy, 5, '2026-03-05T17:00:00Z'); // previous range
    expect((await t.api(`/orders/${cancelled}/status`, { method: 'PATCH', body: { status: 'cancelled' } })).status).toBe(200);
    return t;
  }

  const RANGE = '?period=day&startDate=2026-03-07&endDate=2026-03-09&timezone=America/New_York';

  const EXPECTED_REVENUE = {
    period: 'day',
    timezone: 'America/New_York',
    startDate: '2026-03-07',
    endDate: '2026-03-09',
    previousRange: { startDate: '2026-03-04', endDate: '2026-03-06' },
    series: [
      { date: '2026-03-07', orders: 1, paidOrders: 1, revenue: 10, averageOrderValue: 10 },
      { date: '2026-03-08', orders: 2, paidOrders: 1, revenue: 20, averageOrderValue: 20 },
      { date: '2026-03-09', orders: 1, paidOrders: 1, revenue: 40, averageOrderValue: 40 },
    ],
    totals: { orders: 4, paidOrders: 3, revenue: 70, averageOrderValue: 23.33 },
    previousTotals: { orders: 1, paidOrders: 1, revenue: 5, averageOrderValue: 5 },
  };
  const EXPECTED_CUSTOMERS = {
    series: [
      { date: '2026-03-07', newCustomers: 1, activeCustomers: 1 },
      { date: '2026-03-08', newCustomers: 1, activeCustomers: 2 },
      { date: '2026-03-09', newCustomers: 0, activeCustomers: 1 },
    ],
    totals: { newCustomers: 2, activeCustomers: 2 },
    previousTotals: { newCustomers: 1, activeCustomers: 1 },
  };

  it('buckets orders and customers by local day across a DST change, the same from base tables, rollups and rollups + tail', async () => {
    const t = await plantShop();
    const live = { revenue: await t.get(`/analytics/revenue${RANGE}`), customers: await t.get(`/analytics/customers${RANGE}`) };
    expect(live.revenue).toEqual({ ...EXPECTED_REVENUE, materialisedAt: null });
    expect(live.customers).toMatchObject(EXPECTED_CUSTOMERS);

    await materialiseTenant(db, t.tenantId);
    expect(await db('analytics_order_slots').where('tenant_id', t.tenantId).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 5 }]);
    const rolled = await t.get(`/analytics/revenue${RANGE}`);
    expect(rolled).toMatchObject(EXPECTED_REVENUE);
    expect(rolled.materialisedAt).toEqual(expect.any(String));
    expect(await t.get(`/analytics/customers${RANGE}`)).toMatchObject(EXPECTED_CUSTOMERS);

    // UTC days differ: the 03-08 04:30Z order is 03-08 in UTC, the 03-09 03:30Z (cancelled) and 04:15Z orders 03-09.
    const utc = await t.get('/analytics/revenue?period=day&startDate=2026-03-07&endDate=2026-03-09');
    expect(utc.series.map((b: { orders: number }) => b.orders)).toEqual([0, 2, 2]);

    // One month bucket, weeks starting on Monday (2026-03-02 and 2026-03-09).
    const month = await t.get('/analytics/revenue?period=month&startDate=2026-03-01&endDate=2026-03-31&timezone=America/New_York');
    expect(month.series).toEqual([{ date: '2026-03-01', orders: 5, paidOrders: 4, revenue: 75, averageOrderValue: 18.75 }]);
    const weeks = await t.get(`/analytics/revenue?period=week&startDate=2026-03-02&endDate=2026-03-15&timezone=America/New_York`);
    expect(weeks.series.map((b: { date: string; orders: number }) => [b.date, b.orders])).toEqual([
      ['2026-03-02', 4],
      ['2026-03-09', 1],
    ]);

    // The live tail: an order placed now is counted before the next materialisation.
    const today = new Date().toISOString().slice(0, 10);
    const ana = (await db('customers').where({ tenant_id: t.tenantId, first_name: 'Ana' }).first('id')).id;
    const res = await t.api('/orders', { method: 'POST', body: { customerId: ana, items: [{ name: 'x', price: 7, quantity: 1 }] } });
    expect(res.status).toBe(201);
    const now = await t.get(`/analytics/revenue?period=day&startDate=${today}&endDate=${today}`);
    expect(now.series).toEqual([{ date: today, orders: 1, paidOrders: 1, revenue: 7, averageOrderValue: 7 }]);
    expect((await t.get(`/analytics/customers?period=day&startDate=${today}&endDate=${today}`)).series[0].activeCustomers).toBe(1);
  });

  it('takes status changes of materialised slots at the next run within 35 days, and at the daily rebuild before', async () => {
    const t = await plantShop();
    await materialiseTenant(db, t.tenantId);
    const order = await db('orders').where({ tenant_id: t.tenantId, total: 40 }).first('id');
    expect((await t.api(`/orders/${order.id}/status`, { method: 'PATCH', body: { status: 'cancelled' } })).status).toBe(200);
    expect((await t.get(`/analytics/revenue${RANGE}`)).totals.revenue).toBe(70);
    await materialiseTenant(db, t.tenantId);
    // March is more than 35 days before the watermark: an incremental run leaves it as it was.
    expect((await t.get(`/analytics/revenue${RANGE}`)).totals.revenue).toBe(70);
    await materialiseTenant(db, t.tenantId, { full: true });
    expect((await t.get(`/analytics/revenue${RANGE}`)).totals).toEqual({ orders: 4, paidOrders: 2, revenue: 30, averageOrderValue: 15 });

    // Within the window: yesterday's order cancelled after a run is corrected by the next incremental run.
    const ana = (await db('customers').where({ tenant_id: t.tenantId, first_name: 'Ana' }).first('id')).id;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const recent = await t.order(ana, 9, yesterday);
    await materialiseTenant(db, t.tenantId);
    const day = yesterday.slice(0, 10);
    const q = `/analytics/revenue?startDate=${day}&endDate=${day}`;
    expect((await t.get(q)).totals.revenue).toBe(9);
    expect((await t.api(`/orders/${recent}/status`, { method: 'PATCH', body: { status: 'cancelled' } })).status).toBe(200);
    await materialiseTenant(db, t.tenantId);
    expect((await t.get(q)).totals).toEqual({ orders: 1, paidOrders: 0, revenue: 0, averageOrderValue: 0 });
  });

  it('counts campaign sends, opens and clicks per local day, per campaign and in the previous range', async () => {
    const t = await tenant();
    const people = [await t.customer('Dee', '2026-01-01T00:00:00Z'), await t.customer('Eve', '2026-01-01T00:00:00Z')];
    const [campaign] = await db('campaigns')
      .insert({
        tenant_id: t.tenantId,
        name: 'Spring',
        channel: 'email',
        subject: 's',
        body: 'b',
        audience: '{}',
        schedule: '{}',
        status: 'completed',
        started_at: '2026-03-05T12:00:00Z',
      })
      .returning('id');
    await db('campaign_recipients').insert([
      {
        tenant_id: t.tenantId,
        campaign_id: campaign.id,
        customer_id: people[0],
        channel: 'email',
        state: 'delivered',
        sent_at: '2026-03-08T04:30:00Z',
        opened_at: '2026-03-08T15:00:00Z',
        clicked_at: '2026-03-09T04:15:00Z',
      },
      { tenant_id: t.tenantId, campaign_id: campaign.id, customer_id: people[1], channel: 'email', state: 'delivered', sent_at: '2026-03-05T12:00:00Z' },
    ]);
    await materialiseTenant(db, t.tenantId);
    const data = await t.get(`/analytics/campaigns${RANGE}`);
    const marks = (sent: number, opened: number, clicked: number) => ({
      sent,
      opened,
      clicked,
      openRate: sent ? opened / sent : 0,
      clickRate: sent ? clicked / sent : 0,
    });
    expect(data.series).toEqual([
      { date: '2026-03-07', ...marks(1, 0, 0) },
      { date: '2026-03-08', ...marks(0, 1, 0) },
      { date: '2026-03-09', ...marks(0, 0, 1) },
    ]);
    expect(data.totals).toEqual(marks(1, 1, 1));
    expect(data.previousTotals).toEqual(marks(1, 0, 0));
    expect(data.campaignCount).toBe(1);
    expect(data.campaigns[0]).toMatchObject({ campaignId: campaign.id, name: 'Spring', channel: 'email', totals: marks(1, 1, 1) });
    // Without a range field the answer is still the paged per-campaign list.
    const paged = await t.api('/analytics/campaigns');
    expect(paged.status).toBe(200);
    expect(paged.body.pagination).toBeDefined();
    expect(paged.body.data[0]).toMatchObject({ name: 'Spring' });
  });

  it('shows segment sizes from two daily snapshots, with first, last and change', async () => {
    const t = await tenant();
    const res = await t.api('/segments', {
      method: 'POST',
      body: {
        name: 'Big spenders',
        rules: { id: 'root', logic: 'AND', rules: [{ id: 'r1', field: 'totalSpent', operator: 'greater_than', value: 100, type: 'number' }] },
      },
    });
    expect(res.status).toBe(201);
    const segmentId = res.body.data.id;
    await db('segments').where({ id: segmentId }).update({ member_count: 40 });
    await snapshotSegmentSizes(db, new Date('2026-03-07T12:00:00Z'));
    await db('segments').where({ id: segmentId }).update({ member_count: 55 });
    await snapshotSegmentSizes(db, new Date('2026-03-09T12:00:00Z'));
    await snapshotSegmentSizes(db, new Date('2026-03-09T13:00:00Z')); // a repeated run the same day overwrites
    const data = await t.get(`/analytics/segments${RANGE}`);
    expect(data.segmentCount).toBe(1);
    expect(data.segments).toEqual([
      {
        segmentId,
        name: 'Big spenders',
        currentMembers: 55,
        series: [
          { date: '2026-03-07', members: 40 },
          { date: '2026-03-08', members: null },
          { date: '2026-03-09', members: 55 },
        ],
        totals: { first: 40, last: 55, change: 15 },
        previousTotals: { first: null, last: null, change: null },
      },
    ]);
    expect(await db('segment_size_snapshots').where({ segment_id: segmentId }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('refuses bad ranges with 400/422 and an error that says why', async () => {
    const t = await tenant();
    const cases: Array<[string, number, string]> = [
      ['period=hour', 400, 'bad_request'],
      ['startDate=2026-13-01', 400, 'bad_request'],
      ['startDate=2026-02-30', 400, 'bad_request'],
      ['startDate=yesterday', 400, 'bad_request'],
      ['startDate=2026-03-10&endDate=2026-03-01', 422, 'validation_failed'],
      ['period=day&startDate=2000-01-01&endDate=2026-01-01', 422, 'validation_failed'],
      ['timezone=Mars/Olympus_Mons', 422, 'validation_failed'],
    ];
    for (const path of ['customers', 'revenue', 'campaigns', 'segments'])
      for (const [query, status, code] of cases) {
        const res = await t.api(`/analytics/${path}?${query}`);
        expect([path, query, res.status, res.body.error?.code]).toEqual([path, query, status, code]);
        expect(res.body.error.message).toEqual(expect.any(String));
      }
    // 1,000 days is the most a day series holds.
    expect((await t.api('/analytics/revenue?startDate=2024-01-01&endDate=2026-09-26')).status).toBe(200);
    expect((await t.api('/analytics/revenue?startDate=2024-01-01&endDate=2026-09-27')).status).toBe(422);
  });

  it("never counts another tenant's data", async () => {
    await plantShop();
    const other = await tenant();
    const revenue = await other.get(`/analytics/revenue${RANGE}`);
    expect(revenue.totals).toEqual({ orders: 0, paidOrders: 0, revenue: 0, averageOrderValue: 0 });
    expect(revenue.previousTotals.orders).toBe(0);
    const customers = await other.get(`/analytics/customers${RANGE}`);
    expect(customers.totals).toEqual({ newCustomers: 0, activeCustomers: 0 });
    expect((await other.get(`/analytics/segments${RANGE}`)).segments).toEqual([]);
    expect((await other.get(`/analytics/campaigns${RANGE}`)).campaignCount).toBe(0);
  });

  it('materialises rollups and snapshots segment sizes through the worker, and keeps both on Temporal Schedules', async () => {
    const t = await plantShop();
    const res = await t.api('/segments', {
      method: 'POST',
      body: {
        name: 'All',
        rules: { id: 'root', logic: 'AND', rules: [{ id: 'r1', field: 'totalSpent', operator: 'greater_than', value: -1, type: 'number' }] },
      },
    });
    expect(res.status).toBe(201);
    const stop = await startTestWorker(db);
    const temporal = createTemporalProvider(testTemporalSettings());
    try {
      const client = await temporal.client();
      const queue = testTemporalSettings().taskQueue;
      const tenants = await client.workflow.execute(analyticsRollupWorkflow, { workflowId: `analytics-rollups-${queue}`, taskQueue: queue, args: [] });
      expect(tenants).toBeGreaterThanOrEqual(1);
      expect(await db('analytics_rollup_state').where('tenant_id', t.tenantId).first()).toBeDefined();
      expect((await t.get(`/analytics/revenue${RANGE}`)).totals.orders).toBe(4);
      await client.workflow.execute(segmentSizeSnapshotWorkflow, { workflowId: `segment-sizes-${queue}`, taskQueue: queue, args: [] });
      expect(await db('segment_size_snapshots').where('segment_id', res.body.data.id).pluck('members')).toEqual([expect.any(Number)]);
      await ensureAnalyticsSchedules(temporal);
      await ensureAnalyticsSchedules(temporal); // an existing schedule is left as it is
      for (const [id, every] of [
        [ANALYTICS_ROLLUP_SCHEDULE_ID, 5 * 60_000],
        [SEGMENT_SIZE_SCHEDULE_ID, 86_400_000],
      ] as const) {
        const handle = client.schedule.getHandle(`${id}-${queue}`);
        expect((await handle.describe()).spec.intervals?.[0]?.every).toBe(every);
        await handle.delete();
      }
    } finally {
      await temporal.close();
      await stop();
    }
  }, 90_000);
});
