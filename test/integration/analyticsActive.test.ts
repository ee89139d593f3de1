import type { Knex } from 'knex';
import { activeFromPairs, MAX_ACTIVE_ZONES } from '../../domain/analytics/activePairs';
import { dayAfter, resolveRange, type RangeRequest } from '../../domain/analytics/range';
import { materialiseTenant } from '../../domain/analytics/rollups';
import { createAnalyticsService } from '../../domain/analytics/service';
import { buildTenant, testDb } from '../support/factories';
import { insertCustomers, insertOrders, type PlantedOrder } from '../support/insightsData';

/**
 * Active customers (distinct customers who ordered in a bucket, the range and the previous range)
 * from the timezone's rollup pairs plus the live tail must equal a count made here, in JavaScript,
 * from the planted orders themselves: for every period and for zones with half-hour, quarter-hour
 * and daylight-saving offsets; before any run (read live), after the first run, with orders placed
 * since, after an incremental run, and for a zone beyond the kept ones.
 */
describe('active customers from rollup pairs', () => {
  let db: Knex;
  const DAY_MS = 86_400_000;
  const planted: PlantedOrder[] = [];

  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.destroy();
  });

  /** Orders of 12 customers over the last 150 days from a fixed seed, with ties and local-midnight edges. */
  async function plant(tenantId: string): Promise<string[]> {
    const customers = await insertCustomers(db, tenantId, 12, 'Active');
    let seed = 20261208;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2_147_483_648) / 2_147_483_648;
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    const orders: PlantedOrder[] = [];
    for (let i = 0; i < 160; i++) {
      const customerId = customers[Math.floor(random() ** 1.5 * customers.length)]!;
      orders.push({ customerId, placedAt: new Date(today - Math.floor(random() * 150 * 96) * 900_000 - DAY_MS), items: [{ category: null, total: 10 }] });
    }
    // Two orders of one customer at the same instant; orders at Kolkata's (18:30Z) and Kathmandu's (18:15Z) midnights.
    const tie = new Date(today - 40 * DAY_MS + 3_600_000);
    orders.push({ customerId: customers[11]!, placedAt: tie, items: [{ category: null, total: 5 }] });
    orders.push({ customerId: customers[11]!, placedAt: tie, items: [{ category: null, total: 6 }] });
    orders.push({ customerId: customers[10]!, placedAt: new Date(today - 20 * DAY_MS - 5.5 * 3_600_000), items: [{ category: null, total: 7 }] });
    orders.push({ customerId: customers[10]!, placedAt: new Date(today - 21 * DAY_MS - 5.75 * 3_600_000), items: [{ category: null, total: 7 }] });
    await insertOrders(db, tenantId, orders);
    planted.push(...orders);
    return customers;
  }

  /** The local date of an instant in a timezone, YYYY-MM-DD. */
  const localDay = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

  /** What the answer must say, counted from the planted orders: distinct customers per [from, to) of local days. */
  function expected(request: RangeRequest) {
    const r = resolveRange(request, new Date());
    const end = dayAfter(r.endDate);
    const distinct = (from: string, to: string) =>
      new Set(
        planted
          .filter((o) => {
            const d = localDay(o.placedAt, r.timezone);
            return d >= from && d < to;
          })
          .map((o) => o.customerId),
      ).size;
    return {
      series: r.buckets.map((date, i) => distinct(date < r.startDate ? r.startDate : date, r.buckets[i + 1] ?? end)),
      total: distinct(r.startDate, end),
      previous: distinct(r.previous.startDate, r.startDate),
    };
  }

  const REQUESTS: RangeRequest[] = [
    { period: 'day', timezone: 'Asia/Kolkata' },
    { period: 'week', timezone: 'Asia/Kathmandu' },
    { period: 'month', timezone: 'America/New_York' },
    { period: 'month', timezone: 'UTC', startDate: dayAfter(new Date(Date.now() - 75 * DAY_MS).toISOString().slice(0, 10)) },
    { period: 'year', timezone: 'Europe/Paris' },
  ];

  /** Every request's answer equals the count from the planted orders. */
  async function expectExact(tenantId: string) {
    const service = createAnalyticsService({ db });
    for (const request of REQUESTS) {
      const got = await service.customers(tenantId, request);
      const want = expected(request);
      expect([request, got.series.map((b) => b.activeCustomers), got.totals.activeCustomers, got.previousTotals.activeCustomers]).toEqual([
        request,
        want.series,
        want.total,
        want.previous,
      ]);
    }
  }

  it('equals the planted count live, from the pairs, with the live tail and after an incremental run', async () => {
    const t = await buildTenant(db, 'Active pairs');
    const customers = await plant(t.tenantId);
    await expectExact(t.tenantId); // no run yet: read live, and each zone noted as requested
    const zones = await db('analytics_active_zones').where('tenant_id', t.tenantId).orderBy('timezone').pluck('timezone');
    expect(zones).toEqual(['America/New_York', 'Asia/Kathmandu', 'Asia/Kolkata', 'Europe/Paris', 'UTC']);

    await materialiseTenant(db, t.tenantId);
    const built = await db('analytics_active_zones').where('tenant_id', t.tenantId).whereNotNull('materialised_until').count<{ n: number }[]>({ n: '*' });
    expect(built).toEqual([{ n: 5 }]);
    // Each zone's pairs hold every repeat order (orders − customers), and the pairs answer without the live fallback.
    expect(await db('analytics_active_pairs').where({ tenant_id: t.tenantId, timezone: 'UTC' }).sum<{ n: number }[]>({ n: 'repeat_orders' })).toEqual([
      { n: planted.length - new Set(planted.map((o) => o.customerId)).size },
    ]);
    const r = resolveRange({ period: 'day', timezone: 'Asia/Kolkata' }, new Date());
    const fromPairs = await activeFromPairs(db, t.tenantId, 'Asia/Kolkata', [{ key: 'total', from: r.startDate, to: dayAfter(r.endDate) }]);
    expect(fromPairs?.get('total')).toBe(expected({ period: 'day', timezone: 'Asia/Kolkata' }).total);
    await expectExact(t.tenantId);

    // Orders placed after the run: a returning customer, one whose previous order is also in the tail, a first order.
    const fresh = (await insertCustomers(db, t.tenantId, 1, 'Fresh'))[0]!;
    const tail: PlantedOrder[] = [
      { customerId: customers[0]!, placedAt: new Date(), items: [{ category: null, total: 3 }] },
      { customerId: customers[5]!, placedAt: new Date(), items: [{ category: null, total: 3 }] },
      { customerId: customers[5]!, placedAt: new Date(Date.now() + 1000), items: [{ category: null, total: 3 }] },
      { customerId: fresh, placedAt: new Date(), items: [{ category: null, total: 3 }] },
    ];
    await insertOrders(db, t.tenantId, tail);
    planted.push(...tail);
    await expectExact(t.tenantId);

    await materialiseTenant(db, t.tenantId); // incremental: the last 35 days are recomputed
    await expectExact(t.tenantId);
  });

  it(`keeps the pairs of the ${MAX_ACTIVE_ZONES} most recently requested zones and reads the others live, still exact`, async () => {
    planted.length = 0;
    const t = await buildTenant(db, 'Active zones');
    await plant(t.tenantId);
    const service = createAnalyticsService({ db });
    const zones = [
      'Asia/Tokyo',
      'Asia/Dubai',
      'Europe/London',
      'Europe/Berlin',
      'America/Chicago',
      'America/Denver',
      'America/Lima',
      'Africa/Cairo',
      'Australia/Adelaide',
    ];
    for (const timezone of zones) {
      await service.customers(t.tenantId, { timezone });
      await db('analytics_active_zones')
        .where({ tenant_id: t.tenantId, timezone })
        .update({ requested_at: db.raw(`now() - make_interval(mins => ?)`, [100 - zones.indexOf(timezone)]) });
    }
    await materialiseTenant(db, t.tenantId);
    const rows = await db('analytics_active_zones').where('tenant_id', t.tenantId).orderBy('requested_at').select('timezone', 'materialised_until');
    expect(rows.map((z) => [z.timezone, z.materialised_until !== null])).toEqual(zones.map((z, i) => [z, i > 0]));
    expect(await db('analytics_active_pairs').where({ tenant_id: t.tenantId, timezone: 'Asia/Tokyo' }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 0 }]);
    const request = { period: 'week' as const, timezone: 'Asia/Tokyo' };
    const got = await service.customers(t.tenantId, request);
    expect(got.totals.activeCustomers).toBe(expected(request).total);
  });
});
