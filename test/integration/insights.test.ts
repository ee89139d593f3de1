import type { Knex } from 'knex';
import { Herald, HeraldBadRequestError } from '../../sdk/src';
import { createInsightService, insightId } from '../../domain/insights/service';
import type { InsightList } from '../../domain/insights/service';
import { buildTenant, testDb } from '../support/factories';
import {
  daysBefore,
  insertCampaign,
  insertComplaints,
  insertCustomers,
  insertHeld,
  insertOrders,
  insertSegment,
  insertSends,
  type PlantedOrder,
} from '../support/insightsData';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * GET /ai/insights (issue 19) over planted data: tenant A holds one known effect per insight type
 * (a category decline, overdue regular customers, a segment that grew, an e-mail click rate that
 * fell, messages held by quiet hours, a complaint spike) beside steady data of the same kinds;
 * tenant B holds only steady data and must get no insight at all, whatever A holds.
 */
describe('insights', () => {
  let db: Knex;
  let server: TestServer;
  type Tenant = { tenantId: string; adminKey: string };
  let a: Tenant;
  let b: Tenant;
  // Whole minutes, so the data sit far from every window edge when the API's own clock reads a little later.
  const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const at = (days: number) => daysBefore(NOW, days);
  const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
  const service = () => createInsightService({ db, clock: () => NOW });
  let grewSegment: string;

  /** n one-item orders of a category by consecutive customers, placed `startDay` days ago and every `stepDays` earlier. */
  const categoryOrders = (customers: string[], category: string | null, total: number, startDay: number, stepDays: number): PlantedOrder[] =>
    customers.map((customerId, i) => ({ customerId, placedAt: at(startDay + i * stepDays), items: [{ category, total }] }));
  /** Four orders 10 days apart, the last `lastDay` days ago: a usual gap of 10 days. */
  const rhythm = (customers: string[], lastDay: number): PlantedOrder[] =>
    customers.flatMap((customerId) => [30, 20, 10, 0].map((d) => ({ customerId, placedAt: at(lastDay + d), items: [{ category: null, total: 50 }] })));
  /** A segment defined 200 days ago: 40 members since day 100, then 5 left and 5 others entered 5 days ago. */
  const steadySegment = (tenantId: string, c: string[]) =>
    insertSegment(db, tenantId, 'Steady', at(200), [
      ...c.slice(0, 40).map((customerId, i) => ({ customerId, enteredAt: at(100), exitedAt: i < 5 ? at(5) : undefined })),
      ...c.slice(40, 45).map((customerId) => ({ customerId, enteredAt: at(5) })),
    ]);

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    a = await buildTenant(db, 'Insights planted');
    b = await buildTenant(db, 'Insights flat');

    const ca = await insertCustomers(db, a.tenantId, 220, 'Planted');
    await insertOrders(db, a.tenantId, [
      // Electronics: 40 orders of 100 in the previous 30 days, 15 in the last 30.
      ...categoryOrders(ca.slice(0, 40), 'Electronics', 100, 31, 0.5),
      ...categoryOrders(ca.slice(40, 55), 'Electronics', 100, 2, 1),
      // Books: 30 and 30.
      ...categoryOrders(ca.slice(55, 85), 'Books', 20, 31, 0.5),
      ...categoryOrders(ca.slice(85, 115), 'Books', 20, 1, 0.5),
      // Six regulars silent for 70 days (7 × their gap), ten who ordered 3 days ago.
      ...rhythm(ca.slice(200, 206), 70),
      ...rhythm(ca.slice(206, 216), 3),
    ]);
    grewSegment = await insertSegment(db, a.tenantId, 'Grew', at(200), [
      ...ca.slice(0, 30).map((customerId) => ({ customerId, enteredAt: at(100) })),
      ...ca.slice(30, 50).map((customerId) => ({ customerId, enteredAt: at(10) })),
    ]);
    await steadySegment(a.tenantId, ca.slice(100, 145));
    // E-mail: 200 sends 40 days ago (50 % opened, 20 % clicked), 200 sends 10 days ago (50 % opened, 5 % clicked).
    await insertSends(db, a.tenantId, await insertCampaign(db, a.tenantId, 'Before'), ca.slice(0, 200), at(40), { opened: 100, clicked: 40 });
    await insertSends(db, a.tenantId, await insertCampaign(db, a.tenantId, 'After'), ca.slice(0, 200), at(10), { opened: 100, clicked: 10 });
    // 80 messages of a sending campaign held by quiet hours for 8 more hours.
    await insertHeld(
      db,
      a.tenantId,
      await insertCampaign(db, a.tenantId, 'Held', 'sending'),
      ca.slice(0, 80),
      new Date(NOW.getTime() + 8 * 3_600_000),
      'quiet_hours',
    );
    // Delivery complaints: 2 before, 15 now; billing 5 and 5.
    await insertComplaints(db, a.tenantId, 'delivery', ca.slice(150, 165), [at(40), at(45), ...range(15, (i) => at(1 + i))]);
    await insertComplaints(db, a.tenantId, 'billing', ca.slice(170, 180), [...range(5, (i) => at(35 + i)), ...range(5, (i) => at(5 + i))]);

    const cb = await insertCustomers(db, b.tenantId, 120, 'Flat');
    await insertOrders(db, b.tenantId, [
      ...categoryOrders(cb.slice(0, 30), 'Books', 20, 31, 0.5),
      ...categoryOrders(cb.slice(30, 60), 'Books', 20, 1, 0.5),
      ...rhythm(cb.slice(60, 70), 3),
    ]);
    await steadySegment(b.tenantId, cb.slice(0, 45));
    await insertSends(db, b.tenantId, await insertCampaign(db, b.tenantId, 'Before'), cb.slice(0, 100), at(40), { opened: 50, clicked: 10 });
    await insertSends(db, b.tenantId, await insertCampaign(db, b.tenantId, 'After'), cb.slice(0, 100), at(10), { opened: 50, clicked: 10 });
    await insertComplaints(db, b.tenantId, 'billing', cb.slice(0, 6), [...range(3, (i) => at(35 + i)), ...range(3, (i) => at(5 + i))]);
  }, 120000);
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  const byType = (list: InsightList, type: string) => list.insights.filter((i) => i.type === type);

  it('finds every planted effect, ranked by affected customers × effect size, and nothing of the steady data beside them', async () => {
    const list = await service().list(a.tenantId, { periodDays: 30, limit: 20 });
    expect(list.insights.map((i) => [i.type, i.subject.name, i.score, i.impact])).toEqual([
      ['engagement_trend', 'email clickRate', 150, 'high'],
      ['delivery_deferrals', 'quiet_hours', 26.67, 'high'],
      ['category_trend', 'Electronics', 25, 'high'],
      ['complaint_spike', 'delivery', 15, 'high'],
      ['segment_trend', 'Grew', 13.33, 'high'],
      ['customers_at_risk', 'customers at risk', 6, 'medium'],
    ]);
    expect(list.period).toEqual({
      days: 30,
      from: at(30).toISOString(),
      to: NOW.toISOString(),
      previousFrom: at(60).toISOString(),
      previousTo: at(30).toISOString(),
    });
  });

  it('reports the Electronics decline by revenue with both windows and the test numbers', async () => {
    const [electronics] = byType(await service().list(a.tenantId, { periodDays: 30, limit: 20 }), 'category_trend');
    expect(electronics).toMatchObject({
      id: insightId('category_trend', { kind: 'category', id: null, name: 'Electronics' }),
      title: 'Revenue in Electronics fell 63 %',
      affectedCustomers: 40,
      metric: { name: 'revenue', current: 1500, previous: 4000, change: -0.625 },
      evidence: {
        window: { from: at(30).toISOString(), to: NOW.toISOString() },
        previousWindow: { from: at(60).toISOString(), to: at(30).toISOString() },
        counts: { currentOrders: 15, previousOrders: 40, currentRevenue: 1500, previousRevenue: 4000, currentBuyers: 15, previousBuyers: 40 },
      },
    });
    expect(electronics!.description).toContain('z = -3.37');
  });

  it('flags exactly the six overdue regulars, with the revenue they represent, and not the ten who ordered on time', async () => {
    const [risk] = byType(await service().list(a.tenantId, { periodDays: 30, limit: 20 }), 'customers_at_risk');
    expect(risk).toMatchObject({
      affectedCustomers: 6,
      metric: { name: 'customersAtRisk', current: 6, previous: null, change: null },
      evidence: {
        previousWindow: null,
        // Lifetime: 4 orders of 50 each; at their pace (every 10 days) they would bring 50 × 3 per 30 days.
        counts: { eligibleCustomers: 16, customersAtRisk: 6, lifetimeRevenue: 1200, expectedRevenuePerPeriod: 900, medianUsualGapDays: 10 },
      },
    });
  });

  it('reads the segment, engagement, deferral and complaint effects with their numbers', async () => {
    const list = await service().list(a.tenantId, { periodDays: 30, limit: 20 });
    expect(byType(list, 'segment_trend')).toEqual([
      expect.objectContaining({
        subject: { kind: 'segment', id: grewSegment, name: 'Grew' },
        affectedCustomers: 20,
        metric: { name: 'members', current: 50, previous: 30, change: 0.6667 },
        evidence: expect.objectContaining({ counts: { membersNow: 50, membersAtStart: 30, entered: 20, exited: 0 } }),
      }),
    ]);
    // Opens stayed at 50 %: only the click rate is reported, over windows ending 72 hours ago.
    expect(byType(list, 'engagement_trend')).toEqual([
      expect.objectContaining({
        metric: { name: 'clickRate', current: 0.05, previous: 0.2, change: -0.75 },
        evidence: {
          window: { from: at(33).toISOString(), to: at(3).toISOString() },
          previousWindow: { from: at(63).toISOString(), to: at(33).toISOString() },
          counts: { currentSent: 200, previousSent: 200, currentEngaged: 10, previousEngaged: 40 },
        },
      }),
    ]);
    expect(byType(list, 'delivery_deferrals')).toEqual([
      expect.objectContaining({
        affectedCustomers: 80,
        metric: { name: 'heldMessages', current: 80, previous: null, change: null },
        evidence: expect.objectContaining({ counts: { heldMessages: 80, customers: 80, campaigns: 1, medianDelayHours: 8, maxDelayHours: 8 } }),
      }),
    ]);
    expect(byType(list, 'complaint_spike')).toEqual([
      expect.objectContaining({
        subject: { kind: 'complaint_category', id: null, name: 'delivery' },
        affectedCustomers: 15,
        metric: { name: 'complaints', current: 15, previous: 2, change: 6.5 },
      }),
    ]);
  });

  it('gives a flat data set no insight at all', async () => {
    expect((await service().list(b.tenantId, { periodDays: 30, limit: 20 })).insights).toEqual([]);
  });

  it('answers the same insights, ids and order for the same data, and honours types and limit', async () => {
    const first = await service().list(a.tenantId, { periodDays: 30, limit: 20 });
    expect(await service().list(a.tenantId, { periodDays: 30, limit: 20 })).toEqual(first);
    const two = await service().list(a.tenantId, { periodDays: 30, limit: 2 });
    expect(two.insights).toEqual(first.insights.slice(0, 2));
    const some = await service().list(a.tenantId, { periodDays: 30, limit: 20, types: ['segment_trend', 'complaint_spike'] });
    expect(some.insights.map((i) => i.type)).toEqual(['complaint_spike', 'segment_trend']);
  });

  it('serves GET /api/v1/ai/insights with the same insights, per tenant, and refuses bad queries with 400', async () => {
    const res = await server.request('/api/v1/ai/insights?period=30d', { key: a.adminKey });
    expect(res.status).toBe(200);
    const expected = await service().list(a.tenantId, { periodDays: 30, limit: 20 });
    expect(res.body.insights.map((i: { id: string }) => i.id)).toEqual(expected.insights.map((i) => i.id));
    expect(res.body.insights[0]).toEqual(expect.objectContaining({ title: expected.insights[0]!.title, recommendation: expected.insights[0]!.recommendation }));
    const filtered = await server.request('/api/v1/ai/insights?types=Category_Trend,customers_at_risk&limit=1', { key: a.adminKey });
    expect(filtered.body.insights.map((i: { type: string }) => i.type)).toEqual(['category_trend']);
    // B's answer holds nothing of A's planted effects.
    const flat = await server.request('/api/v1/ai/insights', { key: b.adminKey });
    expect(flat.status).toBe(200);
    expect(flat.body.insights).toEqual([]);
    for (const query of ['period=0d', 'period=30', 'period=366d', 'types=weather', 'limit=0', 'limit=101']) {
      const bad = await server.request(`/api/v1/ai/insights?${query}`, { key: a.adminKey });
      expect([query, bad.status, bad.body.error.code]).toEqual([query, 400, expect.any(String)]);
    }
    expect((await server.request('/api/v1/ai/insights')).status).toBe(401);
  });

  it("is the SDK's herald.insights.list, typed from the document", async () => {
    const herald = new Herald({ baseUrl: server.url, apiKey: a.adminKey });
    const list = await herald.insights.list({ period: '30d', types: 'customers_at_risk' });
    expect(list.insights.map((i) => [i.type, i.affectedCustomers, i.metric.current])).toEqual([['customers_at_risk', 6, 6]]);
    await expect(herald.insights.list({ period: 'soon' })).rejects.toBeInstanceOf(HeraldBadRequestError);
  });
});
