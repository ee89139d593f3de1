import type { Knex } from 'knex';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { at, insertConversation, recountConversationStats, type TestConversation } from '../support/conversationsStats';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The read side of conversations (issue 18): seed 001's customer detail statistics, recent
 * conversations and conversation list; seed 002's complaint statistics, complaint metrics and
 * delete guard; the cascade of a permanent delete. Rows are inserted directly and every figure is
 * checked against numbers worked out by hand from them.
 */
describe('conversation statistics', () => {
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

  /** How many rows a query matches. */
  const rows = async (query: Knex.QueryBuilder) => Number(((await query.count({ n: '*' })) as Array<{ n: number }>)[0]!.n);

  async function tenant() {
    const t = await buildTenant(db);
    const api = (path: string, method = 'GET') => server.request(`/api/v1${path}`, { key: t.adminKey, method });
    return { ...t, api };
  }

  // Seven threads: response times 5 + 2 + 10 + 1 minutes, ratings 4 and 2, two complaints (one open).
  const THREADS: TestConversation[] = [
    {
      status: 'resolved',
      satisfaction: 4,
      messages: [
        { direction: 'inbound', minute: 0 },
        { direction: 'inbound', minute: 2 },
        { direction: 'outbound', minute: 5 },
        { direction: 'inbound', minute: 10 },
        { direction: 'outbound', minute: 12 },
        { direction: 'internal', minute: 13 },
      ],
    },
    {
      type: 'complaint',
      category: 'Product Quality',
      status: 'resolved',
      satisfaction: 2,
      messages: [
        { direction: 'inbound', minute: 20 },
        { direction: 'outbound', minute: 30 },
      ],
    },
    { type: 'complaint', category: 'Delivery Issue', status: 'open', messages: [{ direction: 'inbound', minute: 40 }] },
    {
      status: 'pending',
      messages: [
        { direction: 'inbound', minute: 50 },
        { direction: 'outbound', minute: 51 },
      ],
    },
    { messages: [{ direction: 'inbound', minute: 60 }] },
    { messages: [{ direction: 'inbound', minute: 70 }] },
    { messages: [{ direction: 'inbound', minute: 80 }] },
  ];

  /** A customer with THREADS and recounted statistics; the thread ids in THREADS order. */
  async function customerWithThreads(tenantId: string, overrides: Record<string, unknown> = {}) {
    const customerId = await buildCustomer(db, tenantId, overrides);
    const ids: string[] = [];
    for (const thread of THREADS) ids.push(await insertConversation(db, tenantId, customerId, thread));
    await recountConversationStats(db, tenantId, customerId);
    return { customerId, ids };
  }

  it('the detail carries the conversation statistics, complaint statistics and the 5 latest conversations', async () => {
    const t = await tenant();
    const { customerId, ids } = await customerWithThreads(t.tenantId);
    const res = await t.api(`/customers/${customerId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.statistics).toMatchObject({
      totalOrders: 0,
      totalConversations: 7,
      openConversations: 5,
      resolvedConversations: 2,
      totalMessages: 13,
      averageResponseTime: (18 * 60_000) / 4,
      satisfactionScore: 3,
      firstContact: at(0).toISOString(),
      lastInteraction: at(80).toISOString(),
      lastMessageAt: at(80).toISOString(),
      totalComplaints: 2,
      openComplaints: 1,
    });
    expect(res.body.data.complaintStatistics).toEqual({
      totalComplaints: 2,
      openComplaints: 1,
      resolvedComplaints: 1,
      lastComplaintDate: at(40).toISOString(),
      complaintsByCategory: { 'Product Quality': 1, 'Delivery Issue': 1 },
    });
    const recent = res.body.data.recentConversations as Array<Record<string, unknown>>;
    expect(recent.map((c) => c.id)).toEqual([ids[6], ids[5], ids[4], ids[3], ids[2]]);
    expect(recent[1]).toMatchObject({
      customerId,
      channel: 'whatsapp',
      type: 'conversation',
      status: 'open',
      messageCount: 1,
      lastMessageAt: at(70).toISOString(),
    });
    expect(recent[4]).toMatchObject({ type: 'complaint', category: 'Delivery Issue', status: 'open' });

    // The recount from the rows is what the statistics row holds, column for column.
    const stored = await db('customer_conversation_stats').where({ customer_id: customerId }).first();
    const recounted = await recountConversationStats(db, t.tenantId, customerId);
    expect(Number(stored.response_time_total_ms)).toBe(recounted.response_time_total_ms);
    expect(stored.total_messages).toBe(recounted.total_messages);
  });

  it('a customer without conversations has zeros and nulls, and an empty list', async () => {
    const t = await tenant();
    const customerId = await buildCustomer(db, t.tenantId);
    const res = await t.api(`/customers/${customerId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.statistics).toMatchObject({
      totalConversations: 0,
      openConversations: 0,
      totalMessages: 0,
      averageResponseTime: null,
      satisfactionScore: null,
      firstContact: null,
      lastMessageAt: null,
      totalComplaints: 0,
    });
    expect(res.body.data.recentConversations).toEqual([]);
    const list = await t.api(`/customers/${customerId}/conversations`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ data: [], pagination: { total: 0 } });
  });

  it('GET /customers/:id/conversations pages newest message first; 404 for unknown and other tenants', async () => {
    const t = await tenant();
    const { customerId, ids } = await customerWithThreads(t.tenantId);
    const first = await t.api(`/customers/${customerId}/conversations?page=1&limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(first.body.pagination).toMatchObject({ page: 1, limit: 3, total: 7, totalPages: 3, hasNext: true });
    const last = await t.api(`/customers/${customerId}/conversations?page=3&limit=3`);
    expect(last.body.data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(last.body.pagination.hasNext).toBe(false);

    const other = await tenant();
    expect((await other.api(`/customers/${customerId}/conversations`)).status).toBe(404);
    expect((await other.api(`/customers/${customerId}`)).status).toBe(404);
    expect((await t.api('/customers/00000000-0000-4000-8000-000000000000/conversations')).status).toBe(404);
    const bad = await t.api(`/customers/${customerId}/conversations?limit=500`);
    expect(bad.status).toBe(400);
  });

  it('/customers/:id/stats carries complaintStatistics; analytics carries complaintMetrics', async () => {
    const t = await tenant();
    const { customerId } = await customerWithThreads(t.tenantId, { total_orders: 3 });
    const second = await buildCustomer(db, t.tenantId, { total_orders: 1 });
    await insertConversation(db, t.tenantId, second, { type: 'complaint', category: 'Delivery Issue', messages: [{ direction: 'inbound', minute: 90 }] });
    await recountConversationStats(db, t.tenantId, second);

    const stats = await t.api(`/customers/${customerId}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.data).toMatchObject({
      totalComplaints: 2,
      openComplaints: 1,
      complaintStatistics: { totalComplaints: 2, openComplaints: 1, resolvedComplaints: 1, lastComplaintDate: at(40).toISOString() },
    });
    const analytics = await t.api('/customers/analytics');
    expect(analytics.status).toBe(200);
    // 3 complaints over 4 orders and 2 customers; 2 of them open.
    expect(analytics.body.data.complaintMetrics).toEqual({ totalComplaints: 3, openComplaints: 2, complaintRate: 75, averageComplaintsPerCustomer: 1.5 });
  });

  it('a permanent delete is refused while a complaint is open, and removes conversations and messages once none is', async () => {
    const t = await tenant();
    const { customerId, ids } = await customerWithThreads(t.tenantId);
    const refused = await t.api(`/customers/${customerId}?permanent=true`, 'DELETE');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', details: { activeOrders: 0, openComplaints: 1, openComplaintIds: [ids[2]] } });
    expect(await rows(db('conversations').where({ customer_id: customerId }))).toBe(7);

    await db('conversations').where({ id: ids[2] }).update({ status: 'resolved' });
    const removed = await t.api(`/customers/${customerId}?permanent=true`, 'DELETE');
    expect(removed.status).toBe(204);
    expect(await rows(db('conversations').whereIn('id', ids))).toBe(0);
    expect(await rows(db('conversation_messages').whereIn('conversation_id', ids))).toBe(0);
    expect(await db('customer_conversation_stats').where({ customer_id: customerId }).first()).toBeUndefined();
  });

  it('a soft delete keeps the conversations and messages', async () => {
    const t = await tenant();
    const { customerId, ids } = await customerWithThreads(t.tenantId);
    expect((await t.api(`/customers/${customerId}`, 'DELETE')).status).toBe(204);
    expect(await rows(db('conversations').whereIn('id', ids))).toBe(7);
    expect(await rows(db('conversation_messages').whereIn('conversation_id', ids))).toBe(14);
    expect((await t.api(`/customers/${customerId}/conversations`)).status).toBe(404);
  });

  it('rule fields read the statistics in both evaluators: SQL preview and the membership a customer write re-evaluates', async () => {
    const t = await tenant();
    const { customerId: busy } = await customerWithThreads(t.tenantId);
    const quiet = await buildCustomer(db, t.tenantId);
    const chatty = await buildCustomer(db, t.tenantId);
    await insertConversation(db, t.tenantId, chatty, { messages: [{ direction: 'inbound', minute: 5 }] });
    await recountConversationStats(db, t.tenantId, chatty);
    const post = (path: string, body: unknown) => server.request(`/api/v1${path}`, { key: t.adminKey, method: 'POST', body });
    const rules = {
      all: [
        { fact: 'openConversations', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'totalComplaints', operator: 'greaterThanInclusive', value: 1 },
      ],
    };
    const preview = async (r: unknown) => {
      const res = await post('/segments/preview', { rules: r });
      expect(res.status).toBe(200);
      return (res.body.data.sampleCustomers as Array<{ id: string }>).map((c) => c.id).sort();
    };
    expect(await preview(rules)).toEqual([busy]);
    expect(await preview({ fact: 'openConversations', operator: 'equal', value: 0 })).toEqual([quiet]);
    expect(await preview({ fact: 'lastInboundMessageAt', operator: 'after', value: at(10).toISOString() })).toEqual([busy]);
    expect(await preview({ fact: 'lastInboundMessageAt', operator: 'exists', value: null })).toEqual([busy, chatty].sort());
    // "Complained in the last N days": the last complaint's date against the clock.
    const daysSinceComplaint = Math.ceil((Date.now() - at(40).getTime()) / 86_400_000);
    expect(await preview({ fact: 'lastComplaintAt', operator: 'withinLastDays', value: daysSinceComplaint })).toEqual([busy]);
    expect(await preview({ fact: 'lastComplaintAt', operator: 'withinLastDays', value: Math.max(1, daysSinceComplaint - 2) })).toEqual([]);

    // json-rules-engine: a write to each customer re-evaluates its memberships with the statistics attached.
    const segment = await post('/segments', { name: 'Open complaints', rules });
    expect(segment.status).toBe(201);
    for (const id of [busy, quiet, chatty]) {
      const res = await server.request(`/api/v1/customers/${id}`, { key: t.adminKey, method: 'PATCH', body: { notes: 'touched' } });
      expect(res.status).toBe(200);
    }
    const members = await db('segment_memberships').where({ segment_id: segment.body.data.id }).whereNull('exited_at').select('customer_id');
    expect(members.map((m: { customer_id: string }) => m.customer_id)).toEqual([busy]);
  });
});
