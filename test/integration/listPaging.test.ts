import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Every list pages the same way (domain/shared/listing.ts): `limit` plus `page` or `cursor`, and
 * a `pagination` object in the answer. Each list below held everything in one answer (segments,
 * API keys, notes, campaign analytics) or paged its own way (import errors); each is walked to the
 * end here, by page number and by cursor, with more records than one page holds.
 */
describe('list paging', () => {
  let server: TestServer;
  let db: Knex;
  let t: { tenantId: string; adminKey: string };
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await server.request(`/api/v1${path}`, { method, key: t.adminKey, body });
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const join = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

  /**
   * Walks a list two at a time by page number, then by cursor, and checks both walks see every
   * record once, in the same order, with a pagination object that says where the walk is.
   */
  async function walk(path: string, idOf: (item: any) => string, expected: string[]) {
    const byPage: string[] = [];
    const pages = Math.ceil(expected.length / 2);
    for (let page = 1; page <= pages; page++) {
      const body = await api('GET', join(path, `limit=2&page=${page}`));
      expect([path, page, body.pagination]).toEqual([
        path,
        page,
        {
          page,
          limit: 2,
          total: expected.length,
          totalPages: pages,
          totalExact: true,
          hasNext: page < pages,
          hasPrevious: page > 1,
          nextCursor: page < pages ? expect.any(String) : null,
        },
      ]);
      byPage.push(...body.data.map(idOf));
    }
    expect((await api('GET', join(path, `limit=2&page=${pages + 1}`))).data).toEqual([]);
    const byCursor: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i <= pages; i++) {
      const body: any = await api('GET', join(path, `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      byCursor.push(...body.data.map(idOf));
      cursor = body.pagination.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(byCursor).toEqual(byPage);
    expect([...byPage].sort()).toEqual([...expected].sort());
    expect(new Set(byPage).size).toBe(expected.length);
    return byPage;
  }

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000', RATE_LIMIT_IMPORTS_PER_MINUTE: '1000' });
    t = await buildTenant(db);
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('pages segments, newest first, and honours limit', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await api('POST', '/segments', { name: `Segment ${i}`, rules: { all: [{ fact: 'tier', operator: 'equal', value: 'vip' }] } })).data.id);
    const order = await walk('/segments', (s) => s.id, ids);
    expect(order).toEqual([...ids].reverse());
    expect(await walk('/segments?sortOrder=asc', (s) => s.id, ids)).toEqual(ids);
    expect((await api('GET', '/segments?limit=3')).data).toHaveLength(3);
    expect((await server.request('/api/v1/segments?limit=0', { key: t.adminKey })).status).toBe(400);
    expect((await server.request('/api/v1/segments?cursor=bogus', { key: t.adminKey })).status).toBe(400);
  });

  it('pages API keys', async () => {
    const ids = (await api('GET', '/api-keys')).data.map((k: { id: string }) => k.id);
    for (let i = 0; i < 4; i++) ids.push((await api('POST', '/api-keys', { name: `key ${i}`, role: 'readonly' })).data.id);
    await walk('/api-keys', (k) => k.id, ids);
  });

  it("pages a customer's notes", async () => {
    const customer = (await api('POST', '/customers', { fullName: 'Noted Customer', email: 'noted@example.com' })).data.id;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api('POST', `/customers/${customer}/notes`, { content: `A note long enough, number ${i}` })).data.noteId);
    expect(await walk(`/customers/${customer}/notes`, (n) => n.noteId, ids)).toEqual([...ids].reverse());
  });

  it("pages an import's row errors in file order (bigint ids in the cursor)", async () => {
    const customers = Array.from({ length: 7 }, (_, i) =>
      i % 2 === 0 ? { fullName: `Bad ${i}`, email: `not-an-email-${i}` } : { fullName: `Good ${i}`, email: `good${i}@example.com` },
    );
    const imported = await api('POST', '/customers/bulk/import', { customers });
    expect(imported.results).toMatchObject({ imported: 3, failed: 4 });
    const rows = await walk(`/imports/${imported.importId}/errors`, (e) => String(e.row), ['1', '3', '5', '7']);
    expect(rows).toEqual(['1', '3', '5', '7']);
    expect((await api('GET', `/imports/${imported.importId}/errors?sortOrder=desc&limit=1`)).data[0].row).toBe(7);
  });

  it('pages campaigns and their analytics', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await api('POST', '/campaigns', { name: `Campaign ${i}`, channel: 'sms', body: 'Hi {{ firstName }}', audience: { type: 'all' } })).data.id);
    await walk('/campaigns', (c) => c.id, ids);
    expect(await walk('/analytics/campaigns', (c) => c.campaignId, ids)).toEqual([...ids].reverse());
    expect((await api('GET', '/analytics/campaigns')).pagination).toMatchObject({ limit: 50, total: 5 });
  });

  it("pages an endpoint's replay jobs", async () => {
    const endpoint = (await api('POST', '/webhooks', { url: 'https://93.184.215.14/hook', events: ['*'], enabled: false })).data.id;
    const inserted = await db('webhook_replays')
      .insert(
        Array.from({ length: 3 }, (_, i) => ({ tenant_id: t.tenantId, endpoint_id: endpoint, scope: 'failed', created_at: new Date(Date.now() - i * 1000) })),
      )
      .returning('id');
    const ids = inserted.map((r: { id: string }) => r.id);
    expect(await walk(`/webhooks/${endpoint}/replays`, (r) => r.id, ids)).toEqual(ids);
    const other = await buildTenant(db);
    expect((await server.request(`/api/v1/webhooks/${endpoint}/replays`, { key: other.adminKey })).status).toBe(404);
  });
});
