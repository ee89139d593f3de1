import { parse } from 'csv-parse/sync';
import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** Customer reads over HTTP: filters, search, sorting, paging, statistics, analytics, export and self-service. */
describe('customer reports', () => {
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

  type Init = { method?: string; body?: unknown; key?: string };

  /** A fresh tenant and helpers bound to its admin key. */
  async function tenant() {
    const t = await buildTenant(db);
    const api = (path: string, init: Init = {}) => server.request(`/api/v1${path}`, { key: t.adminKey, ...init });
    const create = async (body: Record<string, unknown>): Promise<string> => {
      const res = await api('/customers', { method: 'POST', body });
      expect(res.status).toBe(201);
      return res.body.data.id;
    };
    const order = async (customerId: string, price: number) => {
      const res = await api('/orders', { method: 'POST', body: { customerId, items: [{ name: 'x', price, quantity: 1 }] } });
      expect(res.status).toBe(201);
      return res.body.data.id as string;
    };
    const setOrderStatus = async (orderId: string, status: string) =>
      expect((await api(`/orders/${orderId}/status`, { method: 'PATCH', body: { status } })).status).toBe(200);
    /** The ids a list query returns (one page of up to 100), in order. */
    const ids = async (query: string, path = '/customers') => {
      const res = await api(`${path}?limit=100&${query}`);
      expect([query, res.status]).toEqual([query, 200]);
      return (res.body.data as Array<{ id: string }>).map((c) => c.id);
    };
    return { ...t, api, create, order, setOrderStatus, ids };
  }

  const sorted = (values: string[]) => [...values].sort();

  it('filters by status, tier, segment, tags (any or all), source, city and country', async () => {
    const t = await tenant();
    const ana = await t.create({
      name: 'Ana Alpha',
      externalId: 'crm-ana',
      tier: 'vip',
      segment: 'vip',
      tags: ['a', 'b'],
      source: 'whatsapp',
      address: { city: 'Merida', country: 'Mexico' },
    });
    const ben = await t.create({
      name: 'Ben Beta',
      status: 'suspended',
      customerType: 'Premium',
      segment: 'regular',
      tags: ['a'],
      source: 'website',
      address: { city: 'Austin', country: 'USA' },
    });
    const cy = await t.create({
      name: 'Cy Gamma',
      status: 'inactive',
      segment: 'new',
      tags: ['b', 'c'],
      source: 'referral',
      address: { city: 'merida', country: 'Mexico' },
    });
    const dee = await t.create({ name: 'Dee Delta', address: { city: 'Boston', country: 'USA' } });
    const cases: Array<[string, string[]]> = [
      ['', [ana, ben, cy, dee]],
      ['status=active', [ana, dee]],
      ['status=inactive,Suspended', [ben, cy]],
      ['customerType=premium', [ben]],
      ['tier=vip,premium', [ana, ben]],
      ['status=vip', [ana]],
      ['status_customer=A', [ana, dee]],
      ['status_customer=i,F', [ben, cy]],
      ['externalId=crm-ana', [ana]],
      ['segment=new', [cy]],
      ['segment=vip,regular', [ana, ben]],
      ['tags=a,b', [ana, ben, cy]],
      ['tags=a,b&tagsMatch=all', [ana]],
      ['tags=c&tagsMatch=all', [cy]],
      ['source=website', [ben]],
      ['source=whatsapp,referral', [ana, cy]],
      ['city=MERIDA', [ana, cy]],
      ['country=usa', [ben, dee]],
      ['country=usa&status=active', [dee]],
      ['tags=a&city=merida&status=active', [ana]],
      ['city=Nowhere', []],
    ];
    for (const [query, expected] of cases) expect([query, sorted(await t.ids(query))]).toEqual([query, sorted(expected)]);
    for (const bad of ['status=sleeping', 'tagsMatch=some', 'tier=gold', 'source=carrier-pigeon'])
      expect([bad, (await t.api(`/customers?${bad}`)).status]).toEqual([bad, 400]);
  });

  it('filters by totalSpent and orderCount as orders come and go, and reports per-customer stats', async () => {
    const t = await tenant();
    const big = await t.create({ name: 'Big Spender' });
    const small = await t.create({ name: 'Small Spender' });
    const none = await t.create({ name: 'No Orders' });
    const first = await t.order(big, 100);
    await t.order(big, 50);
    await t.order(small, 30);

    expect((await t.api(`/customers/${big}`)).body.data.statistics).toMatchObject({ totalOrders: 2, totalSpent: 150, averageOrderValue: 75 });
    const recent = (await t.api(`/customers/${big}`)).body.data.recentOrders as Array<{ id: string }>;
    const listed = (await t.api(`/orders?customerId=${big}&sortBy=placedAt&sortOrder=desc`)).body.data as Array<{ id: string }>;
    expect(recent).toHaveLength(2);
    expect(recent).toEqual(listed);
    expect(sorted(await t.ids('totalSpent%5Bgte%5D=100'))).toEqual([big]);
    expect(sorted(await t.ids('totalSpent[gte]=30'))).toEqual(sorted([big, small]));
    expect(sorted(await t.ids('totalSpent[lt]=30'))).toEqual([none]);
    expect(sorted(await t.ids('orderCount[gte]=1'))).toEqual(sorted([big, small]));
    expect(sorted(await t.ids('orderCount[gte]=2'))).toEqual([big]);
    expect((await t.api('/customers?totalSpent[gte]=lots')).status).toBe(400);
    // A blank bound is not zero: Number('') would be.
    expect((await t.api('/customers?orderCount[gt]=')).status).toBe(400);
    expect((await t.api('/customers?totalSpent[lte]=%20')).status).toBe(400);

    await t.setOrderStatus(first, 'cancelled');
    expect((await t.api(`/customers/${big}`)).body.data.statistics).toMatchObject({ totalOrders: 2, paidOrders: 1, totalSpent: 50, averageOrderValue: 50 });
    expect(await t.ids('totalSpent[gte]=100')).toEqual([]);
    expect(sorted(await t.ids('orderCount[gte]=1&totalSpent[gte]=40'))).toEqual([big]);

    const stats = await t.api(`/customers/${big}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.data).toMatchObject({
      customerId: big,
      fullName: 'Big Spender',
      orderStatistics: {
        ordersByStatus: { placed: 1, cancelled: 1, processing: 0, shipped: 0, delivered: 0, refunded: 0 },
        totalOrders: 2,
        paidOrders: 1,
        totalSpent: 50,
        averageOrderValue: 50,
      },
      customerProfile: { status: 'active', tier: 'regular', daysSinceRegistration: 0 },
    });
    expect((await t.api(`/customers/${none}/stats`)).body.data.orderStatistics).toMatchObject({ totalOrders: 0, paidOrders: 0, totalSpent: 0 });
    expect((await t.api('/customers/00000000-0000-4000-8000-000000000000/stats')).status).toBe(404);
  });

  it('filters by createdAt ranges and by fromDate/toDate (whole days, inclusive)', async () => {
    const t = await tenant();
    const jan = await t.create({ name: 'January Joiner' });
    const feb = await t.create({ name: 'February Joiner' });
    const now = await t.create({ name: 'Recent Joiner' });
    await db('customers').where({ id: jan }).update({ created_at: '2020-01-15T12:00:00Z' });
    await db('customers').where({ id: feb }).update({ created_at: '2020-02-10T00:00:00Z' });
    expect(await t.ids('fromDate=2020-01-01&toDate=2020-01-15')).toEqual([jan]);
    expect(sorted(await t.ids('fromDate=2020-01-15&toDate=2020-02-10'))).toEqual(sorted([jan, feb]));
    expect(sorted(await t.ids('fromDate=2020-02-01'))).toEqual(sorted([feb, now]));
    expect(await t.ids('toDate=2020-01-14')).toEqual([]);
    expect(sorted(await t.ids('createdAt[gte]=2020-02-01'))).toEqual(sorted([feb, now]));
    expect(await t.ids('createdAt[lt]=2020-02-01T00:00:00Z')).toEqual([jan]);
    expect(await t.ids('createdAt[gte]=2020-01-15T12:00:00Z&createdAt[lte]=2020-02-10T00:00:00Z&sortOrder=asc')).toEqual([jan, feb]);
    expect((await t.api('/customers?fromDate=15-01-2020')).status).toBe(400);
  });

  it('searches by partial name, email fragment and phone digits; q needs 2 characters', async () => {
    const t = await tenant();
    const ada = await t.create({ name: 'Ada Lovelace', email: 'countess@analytical.example', phone: '(202) 555-0123' });
    const grace = await t.create({ name: 'Grace Hopper', email: 'grace@navy.example', phone: '(312) 555-0147' });
    await t.create({ name: 'Someone Else', email: 'else@example.com' });
    expect(await t.ids('q=ovela', '/customers/search')).toEqual([ada]);
    expect(await t.ids('q=LOVE', '/customers/search')).toEqual([ada]);
    expect(await t.ids('q=grace@navy', '/customers/search')).toEqual([grace]);
    expect(await t.ids('q=3125550147', '/customers/search')).toEqual([grace]);
    expect(await t.ids('q=5550123', '/customers/search')).toEqual([ada]);
    expect(sorted(await t.ids('q=.example', '/customers/search'))).toEqual(sorted([ada, grace]));
    expect(await t.ids('q=50%25', '/customers/search')).toEqual([]);
    expect(await t.ids('search=hopper')).toEqual([grace]);
    expect(await t.ids('q=hopper&status=inactive', '/customers/search')).toEqual([]);
    const short = await t.api('/customers/search?q=a');
    expect(short).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(short.body.error.details.map((d: { path: string }) => d.path)).toEqual(['q']);
    expect((await t.api('/customers/search')).status).toBe(400);
  });

  it('sorts by fullName (case-insensitive) both ways and by totalSpent', async () => {
    const t = await tenant();
    const charlie = await t.create({ name: 'Charlie Chaplin' });
    const alice = await t.create({ name: 'alice Liddell' });
    const bob = await t.create({ name: 'Bob Builder' });
    await t.order(bob, 40);
    await t.order(charlie, 25.5);
    expect(await t.ids('sortBy=fullName&sortOrder=asc')).toEqual([alice, bob, charlie]);
    expect(await t.ids('sortBy=fullName&sortOrder=desc')).toEqual([charlie, bob, alice]);
    expect(await t.ids('orderByField=name&orderBy=asc')).toEqual([alice, bob, charlie]);
    expect(await t.ids('sortBy=totalSpent&sortOrder=desc')).toEqual([bob, charlie, alice]);
    expect(await t.ids('sortBy=totalSpent&sortOrder=asc')).toEqual([alice, charlie, bob]);
    expect((await t.api('/customers?sortBy=shoeSize')).status).toBe(400);
  });

  it('pages by number with the right totals and refuses limit > 100', async () => {
    const t = await tenant();
    for (let i = 0; i < 7; i++) await t.create({ name: `Paged Person${i}` });
    const page2 = await t.api('/customers?page=2&limit=3');
    expect(page2.body.data).toHaveLength(3);
    expect(page2.body.pagination).toMatchObject({ page: 2, limit: 3, total: 7, totalPages: 3, hasNext: true, hasPrevious: true });
    const page3 = await t.api('/customers?page=3&limit=3');
    expect(page3.body.data).toHaveLength(1);
    expect(page3.body.pagination).toMatchObject({ page: 3, total: 7, hasNext: false, hasPrevious: true, nextCursor: null });
    const all = await t.ids('sortOrder=desc');
    const pages = [];
    for (let p = 1; p <= 3; p++) pages.push(...(await t.api(`/customers?page=${p}&limit=3`)).body.data.map((c: { id: string }) => c.id));
    expect(pages).toEqual(all);
    expect((await t.api('/customers?status=active&limit=2')).body.pagination).toMatchObject({ total: 7, totalPages: 4 });
    expect((await t.api('/customers?status=active&limit=2')).body.pagination.totalExact).toBe(true);
    expect((await t.api('/customers?limit=2&includeTotal=false')).body.pagination).toMatchObject({
      total: null,
      totalPages: null,
      totalExact: null,
      hasNext: true,
    });
    for (const bad of ['limit=101', 'limit=0', 'page=0', 'limit=abc', 'includeTotal=maybe'])
      expect([bad, (await t.api(`/customers?${bad}`)).status]).toEqual([bad, 400]);
  });

  it('caps the default count at 1,000 matches and counts them all on request', async () => {
    const t = await tenant();
    await db.raw(
      `INSERT INTO customers (tenant_id, full_name, tier) SELECT ?, 'Bulk ' || n, CASE WHEN n % 100 = 0 THEN 'vip' ELSE 'regular' END FROM generate_series(1, 1050) AS n`,
      [t.tenantId],
    );
    expect((await t.api('/customers?limit=100')).body.pagination).toMatchObject({ total: 1000, totalPages: 10, totalExact: false, hasNext: true });
    expect((await t.api('/customers?limit=100&includeTotal=exact')).body.pagination).toMatchObject({ total: 1050, totalPages: 11, totalExact: true });
    expect((await t.api('/customers?tier=vip')).body.pagination).toMatchObject({ total: 10, totalExact: true });
  });

  /** Follows nextCursor from the first page to the end, returning every id seen. */
  async function walk(t: Awaited<ReturnType<typeof tenant>>, query: string, limit: number) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const res = await t.api(`/customers?limit=${limit}&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((c: { id: string }) => c.id));
      cursor = res.body.pagination.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error(`cursor walk for "${query}" did not end`);
  }

  it('walks every row once with cursors, whatever the sort', async () => {
    const t = await tenant();
    for (let i = 0; i < 7; i++) await t.create({ name: `Cursor ${String.fromCharCode(71 - i)}${i % 2 ? ' Same' : ''}` });
    for (const query of [
      'sortOrder=desc',
      'sortOrder=asc',
      'sortBy=fullName&sortOrder=asc',
      'sortBy=fullName&sortOrder=desc',
      'sortBy=totalSpent',
      'sortBy=lastOrderAt&sortOrder=asc',
    ]) {
      const expected = await t.ids(query);
      expect([query, await walk(t, query, 3)]).toEqual([query, expected]);
    }
  });

  it('walks rows that share a creation time (one bulk insert) without gaps', async () => {
    const t = await tenant();
    const rows = Array.from({ length: 5 }, (_, i) => ({
      tenant_id: t.tenantId,
      full_name: `Bulk ${i}`,
      first_name: 'Bulk',
      created_at: '2024-05-06T07:08:09.123456Z',
      updated_at: '2024-05-06T07:08:09.123456Z',
    }));
    const inserted = (await db('customers').insert(rows).returning('id')) as Array<{ id: string }>;
    for (const order of ['desc', 'asc']) {
      expect(sorted(await walk(t, `sortOrder=${order}`, 2))).toEqual(sorted(inserted.map((r) => r.id)));
    }
  });

  it('answers 400 for a cursor it did not issue', async () => {
    const t = await tenant();
    await t.create({ name: 'Only One' });
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const id = '00000000-0000-4000-8000-000000000000';
    const cases: Array<[string, string]> = [
      ['', 'garbage!!'],
      ['', forged({ a: 1 })],
      ['', forged(['2024-01-01 00:00:00+00', 'not-a-uuid'])],
      ['', forged(['not-a-date', id])],
      ['sortBy=totalSpent&', forged(['lots', id])],
    ];
    for (const [query, cursor] of cases) {
      const res = await t.api(`/customers?${query}cursor=${encodeURIComponent(cursor)}`);
      expect([query, cursor, res.status, res.body?.error?.code]).toEqual([query, cursor, 400, 'bad_request']);
    }
  });

  it('summarises and analyses the tenant from the data created', async () => {
    const t = await tenant();
    const vip = await t.create({ name: 'Vera Vip', email: 'vera@example.com', tier: 'vip', segment: 'vip' });
    const premium = await t.create({ name: 'Pat Premium', customerType: 'premium', segment: 'regular' });
    const blocked = await t.create({ name: 'Bo Blocked', segment: 'regular' });
    const quiet = await t.create({ name: 'Ina Inactive', status: 'inactive', segment: 'new' });
    const gone = await t.create({ name: 'Gone Customer', tier: 'vip', segment: 'vip' });
    await t.order(vip, 100);
    await t.order(vip, 50);
    await t.setOrderStatus(await t.order(vip, 70), 'cancelled');
    await t.order(premium, 20);
    await t.order(quiet, 30);
    await t.order(gone, 500);
    expect((await t.api(`/customers/${premium}/status`, { method: 'PATCH', body: { status: 'suspended' } })).status).toBe(200);
    expect((await t.api(`/customers/${blocked}/block`, { method: 'PATCH', body: { isBlocked: true } })).status).toBe(200);
    expect((await t.api(`/customers/${gone}`, { method: 'DELETE' })).status).toBe(204);

    const summary = await t.api('/customers/stats/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.data).toEqual({
      summary: { totalCustomers: 4, activeCustomers: 1, vipCustomers: 1, blockedCustomers: 1, newThisMonth: 4 },
      segments: [
        { segment: 'vip', count: 1 },
        { segment: 'regular', count: 2 },
        { segment: 'new', count: 1 },
        { segment: 'inactive', count: 0 },
      ],
    });

    const analytics = await t.api('/customers/analytics');
    expect(analytics.status).toBe(200);
    expect(analytics.body.data).toMatchObject({
      summary: {
        totalCustomers: 4,
        activeCustomers: 1,
        inactiveCustomers: 1,
        suspendedCustomers: 1,
        blockedCustomers: 1,
        newCustomersToday: 4,
        newCustomersThisWeek: 4,
        newCustomersThisMonth: 4,
      },
      customerTypes: { regular: 2, premium: 1, vip: 1 },
      segments: { vip: 1, regular: 2, new: 1, inactive: 0 },
      orderMetrics: { totalOrders: 5, paidOrders: 4, totalRevenue: 200, averageOrdersPerCustomer: 1.25, averageRevenuePerCustomer: 50 },
    });
    expect(analytics.body.data.topCustomers).toEqual([
      { customerId: vip, fullName: 'Vera Vip', email: 'vera@example.com', totalOrders: 3, paidOrders: 2, totalSpent: 150 },
      { customerId: quiet, fullName: 'Ina Inactive', email: null, totalOrders: 1, paidOrders: 1, totalSpent: 30 },
      { customerId: premium, fullName: 'Pat Premium', email: null, totalOrders: 1, paidOrders: 1, totalSpent: 20 },
    ]);
    const empty = await tenant();
    expect((await empty.api('/customers/analytics')).body.data).toMatchObject({
      summary: { totalCustomers: 0 },
      orderMetrics: { totalOrders: 0, paidOrders: 0, totalRevenue: 0, averageRevenuePerCustomer: 0 },
      topCustomers: [],
    });
  });

  it('exports the filtered customers as CSV (formula-safe), JSON and NDJSON', async () => {
    const t = await tenant();
    const formula = await t.create({ firstName: 'Eve', lastName: 'Excel', email: 'eve@example.com', notes: '=cmd|/c calc', tags: ['export'] });
    const at = await t.create({ firstName: '@mention', lastName: 'User', email: 'at@example.com', tags: ['export', 'other'] });
    await t.create({ name: 'Not Exported', tags: ['other'] });

    const csv = await t.api('/customers/export?format=csv&tags=export');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('customers.csv');
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe(
      'id,firstName,lastName,fullName,email,phone,status,tier,segment,source,tags,city,country,totalOrders,paidOrders,totalSpent,lastOrderAt,notes,createdAt,lastInteractionAt',
    );
    expect(lines).toHaveLength(3);
    const formulaLine = lines.find((l) => l.startsWith(formula))!;
    const atLine = lines.find((l) => l.startsWith(at))!;
    expect(formulaLine).toContain(",'=cmd|/c calc,");
    expect(atLine).toContain(`${at},'@mention,User,'@mention User,at@example.com`);
    expect(atLine).toContain(',export;other,');
    expect(lines.every((l) => !/,[=@+-]/.test(l.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '')))).toBe(true);

    const json = await t.api('/customers/export?format=json&tags=export');
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(Array.isArray(json.body)).toBe(true);
    expect(sorted(json.body.map((c: { id: string }) => c.id))).toEqual(sorted([formula, at]));
    expect(json.body.find((c: { id: string }) => c.id === formula)).toMatchObject({ notes: '=cmd|/c calc', email: 'eve@example.com' });

    const ndjson = await t.api('/customers/export?format=ndjson&tags=export&status=active');
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    const records = (ndjson.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(sorted(records.map((c) => c.id))).toEqual(sorted([formula, at]));
    expect((await t.api('/customers/export?format=json&tags=nothing')).body).toEqual([]);
    expect((await t.api('/customers/export?format=json')).body).toHaveLength(3);
    expect((await t.api('/customers/export?format=xml')).status).toBe(400);
  });

  it('exports CSV that a CSV parser reads back exactly, with filter values that need quoting', async () => {
    const t = await tenant();
    const notes = 'He said "hi", then\nleft; back\\slash';
    const id = await t.create({
      firstName: "O'Brien",
      lastName: 'Quote',
      email: 'obrien@example.com',
      notes,
      tags: ["it's", 'x,y'],
      address: { city: 'Saint-Étienne' },
    });
    await t.create({ name: 'Someone Else', email: 'else@example.com' });

    const res = await t.api(
      `/customers/export?format=csv&search=${encodeURIComponent("o'brien")}&tags=${encodeURIComponent("it's")}&city=${encodeURIComponent('saint-étienne')}`,
    );
    expect(res.status).toBe(200);
    const records = parse(res.body as string, { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({
      id,
      firstName: "O'Brien",
      notes,
      tags: "it's;x,y",
      city: 'Saint-Étienne',
      totalOrders: '0',
      paidOrders: '0',
      totalSpent: '0',
      lastOrderAt: '',
    });
    expect(record.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/);
    const created = (await t.api(`/customers/${id}`)).body.data.createdAt as string;
    expect(Math.abs(Date.parse(record.createdAt!) - Date.parse(created))).toBeLessThan(1);
  });

  it('gives every export connection back after HEAD requests, which never read the body', async () => {
    const t = await tenant();
    const id = await t.create({ name: 'Head Request', email: 'head@example.com' });
    await t.order(id, 10);
    const paths = ['/customers/export?format=csv', '/customers/export?format=ndjson', '/orders/export?format=json'];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(paths.map((path) => t.api(path, { method: 'HEAD' })));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    }
    // The export pool holds 4 connections: had the HEADs kept any, these reads would wait and fail.
    for (const path of paths) {
      const res = await t.api(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(JSON.stringify(res.body)).toContain(id);
    }
  });

  it('lets a customer-role key read its own profile and statistics, and nothing else', async () => {
    const t = await tenant();
    const me = await t.create({ name: 'Self Service', email: 'self@example.com' });
    const other = await t.create({ name: 'Somebody Else' });
    await t.order(me, 42);
    await t.setOrderStatus(await t.order(me, 9), 'cancelled');
    const created = await t.api('/api-keys', { method: 'POST', body: { name: 'portal', role: 'customer', customerId: me } });
    expect(created.status).toBe(201);
    const key: string = created.body.data.key;

    const noComplaints = await t.api('/customers/me', { key });
    expect(noComplaints.body.data).toMatchObject({ totalComplaints: 0, openComplaints: 0, lastComplaintDate: null });
    const complaint = await t.api('/conversations', {
      method: 'POST',
      body: { customerId: me, type: 'complaint', category: 'Delivery Issue', message: 'Late' },
    });
    expect(complaint.status).toBe(201);
    const profile = await t.api('/customers/me', { key });
    expect(profile).toMatchObject({
      status: 200,
      body: {
        data: {
          id: me,
          email: 'self@example.com',
          statistics: { totalOrders: 2, paidOrders: 1, totalSpent: 42 },
          totalComplaints: 1,
          openComplaints: 1,
          lastComplaintDate: complaint.body.data.createdAt,
        },
      },
    });
    const stats = await t.api('/customers/me/statistics', { key });
    expect(stats).toMatchObject({
      status: 200,
      body: { data: { customerId: me, orderStatistics: { totalOrders: 2, paidOrders: 1, totalSpent: 42, ordersByStatus: { placed: 1, cancelled: 1 } } } },
    });

    for (const path of ['/customers', `/customers/${other}`, `/customers/${me}`, '/customers/search?q=some', '/customers/export', '/customers/analytics']) {
      expect([path, (await t.api(path, { key })).status]).toEqual([path, 403]);
    }
    expect((await t.api(`/customers/${me}`, { method: 'PATCH', body: { notes: 'self edit' }, key })).status).toBe(403);
    expect(await t.api('/customers/me')).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await t.api('/customers/me/statistics')).status).toBe(403);
    expect((await server.request('/api/v1/customers/me')).status).toBe(401);
  });
});
