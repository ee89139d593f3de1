import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const VIP = { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] };
const ANYONE_TAGGED = { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip', 'gold'] }] };

/** GET /customers/:id/segments: a customer's current segment memberships, tenant-scoped. */
describe('customer segment memberships', () => {
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

  it('lists the segments a customer is in now, by name, and drops one the customer left', async () => {
    const t = await buildTenant(db);
    const api = (path: string, init: { method?: string; body?: unknown } = {}) => server.request(`/api/v1${path}`, { key: t.adminKey, ...init });
    const vip = await api('/segments', { method: 'POST', body: { name: 'VIPs', rules: VIP } });
    const tagged = await api('/segments', { method: 'POST', body: { name: 'A tagged', rules: ANYONE_TAGGED } });
    expect([vip.status, tagged.status]).toEqual([201, 201]);
    // The real-time re-evaluation after the create enters the customer into both segments.
    const created = await api('/customers', { method: 'POST', body: { name: 'Seg Member', email: 'seg@example.com', tags: ['vip'] } });
    expect(created.status).toBe(201);
    const id: string = created.body.data.id;

    const first = await api(`/customers/${id}/segments`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((m: { name: string }) => m.name)).toEqual(['A tagged', 'VIPs']);
    expect(first.body.data[1]).toMatchObject({ segmentId: vip.body.data.id, description: null, memberCount: 1 });
    expect(Number.isNaN(Date.parse(first.body.data[1].enteredAt))).toBe(false);

    expect((await api(`/customers/${id}/tags`, { method: 'PATCH', body: { tags: ['gold'] } })).status).toBe(200);
    const after = await api(`/customers/${id}/segments`);
    expect(after.body.data.map((m: { segmentId: string }) => m.segmentId)).toEqual([tagged.body.data.id]);
  });

  it('answers 404 for another tenant’s customer and 400 for a malformed id, and a customer in no segment gets []', async () => {
    const a = await buildTenant(db);
    const b = await buildTenant(db);
    const mine = await server.request('/api/v1/customers', { key: a.adminKey, method: 'POST', body: { name: 'Lonely One' } });
    expect((await server.request(`/api/v1/customers/${mine.body.data.id}/segments`, { key: a.adminKey })).body).toEqual({ data: [] });
    const theirs = await server.request(`/api/v1/customers/${mine.body.data.id}/segments`, { key: b.adminKey });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    const bad = await server.request('/api/v1/customers/not-a-uuid/segments', { key: a.adminKey });
    expect([400, 422]).toContain(bad.status);
  });
});
