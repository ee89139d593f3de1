import type { Knex } from 'knex';
import { openConversation } from '../../domain/conversations/store';
import { recountConversationStats } from '../support/conversationRecount';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

type Tenant = { tenantId: string; adminKey: string };

/** The conversations API: the inbox, threads, complaints, replies and their rules, statistics kept with each write. */
describe('conversations API', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: Tenant;
  let other: Tenant;

  const call = (method: string, path: string, body?: unknown, key = tenant.adminKey) => server.request(`/api/v1${path}`, { method, key, body });
  const count = async (table: string) => Number((await db(table).where({ tenant_id: tenant.tenantId }).count<{ n: number }[]>({ n: '*' }))[0]!.n);

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    tenant = await buildTenant(db, 'Conversations API');
    other = await buildTenant(db, 'Other conversations tenant');
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('a complaint logged by an agent, replied to as a note, resolved with a score: statistics equal a recount', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const opened = await call('POST', '/conversations', {
      customerId,
      type: 'complaint',
      category: 'Product Quality',
      subject: 'Broken lid',
      message: 'Lid cracked on arrival',
    });
    expect(opened.status).toBe(201);
    expect(opened.body.data).toMatchObject({
      channel: 'note',
      type: 'complaint',
      status: 'open',
      category: 'Product Quality',
      messages: [{ direction: 'internal', state: null }],
    });
    const id = opened.body.data.id as string;

    const note = await call('POST', `/conversations/${id}/messages`, { body: 'Replacement shipped', internal: true });
    expect(note.status).toBe(201);
    expect(note.body.data.message).toMatchObject({ direction: 'internal', author: expect.stringMatching(/^api_key:/) });

    const early = await call('PATCH', `/conversations/${id}`, { satisfaction: 5 });
    expect(early.status).toBe(422);
    const resolved = await call('PATCH', `/conversations/${id}`, { status: 'resolved', satisfaction: 5, assignee: 'alice' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({ status: 'resolved', satisfaction: 5, assignee: 'alice', resolvedAt: expect.any(String) });

    const stats = await db('customer_conversation_stats').where({ customer_id: customerId }).first();
    const { messages_from_rows: _m, ...recount } = await recountConversationStats(db, customerId);
    expect(stats).toMatchObject(recount);
    expect(stats).toMatchObject({
      total_complaints: 1,
      resolved_complaints: 1,
      open_complaints: 0,
      complaints_by_category: { 'Product Quality': 1 },
      satisfaction_total: 5,
    });

    const got = await call('GET', `/conversations/${id}`);
    expect(got.body.data.messages.map((m: { body: string }) => m.body)).toEqual(['Lid cracked on arrival', 'Replacement shipped']);
  });

  it('an SMS reply is stored queued; a body over 1,600 characters is 422 and stores nothing; a reply reopens a resolved thread', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId, { phone: '+14155550101' });
    const { conversation } = await openConversation(db, tenant.tenantId, 'system', {
      customerId,
      channel: 'sms',
      address: '+14155550101',
      message: { direction: 'inbound', body: 'Where is my order?' },
    });
    const before = await count('conversation_messages');
    const long = await call('POST', `/conversations/${conversation.id}/messages`, { body: 'x'.repeat(1601) });
    expect(long.status).toBe(422);
    expect(await count('conversation_messages')).toBe(before);

    await call('PATCH', `/conversations/${conversation.id}`, { status: 'resolved' });
    const reply = await call('POST', `/conversations/${conversation.id}/messages`, { body: 'It ships today' });
    expect(reply.status).toBe(201);
    expect(reply.body.data.message).toMatchObject({ direction: 'outbound', state: 'queued' });
    expect(reply.body.data.conversation).toMatchObject({ status: 'open', resolvedAt: null, messageCount: 2 });
  });

  it('WhatsApp: free-form within 24 h is accepted, after it 409 and nothing stored, a template is accepted', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId, { phone: '+14155550102' });
    const fresh = await openConversation(db, tenant.tenantId, 'system', {
      customerId,
      channel: 'whatsapp',
      address: 'whatsapp:+14155550102',
      message: { direction: 'inbound', body: 'Hi' },
    });
    expect((await call('POST', `/conversations/${fresh.conversation.id}/messages`, { body: 'Hello!' })).status).toBe(201);

    const old = await openConversation(db, tenant.tenantId, 'system', {
      customerId,
      channel: 'whatsapp',
      address: 'whatsapp:+14155550102',
      message: { direction: 'inbound', body: 'Hi again', at: new Date(Date.now() - 25 * 3_600_000) },
    });
    const before = await count('conversation_messages');
    const refused = await call('POST', `/conversations/${old.conversation.id}/messages`, { body: 'Sorry for the wait' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/24 hours/);
    expect(await count('conversation_messages')).toBe(before);
    const template = await call('POST', `/conversations/${old.conversation.id}/messages`, {
      contentSid: 'HX' + 'a'.repeat(32),
      contentVariables: { 1: 'Ada' },
    });
    expect(template.status).toBe(201);
    expect(template.body.data.message).toMatchObject({ state: 'queued', contentSid: 'HX' + 'a'.repeat(32), contentVariables: { 1: 'Ada' } });
    // A template on SMS is refused.
    const sms = await openConversation(db, tenant.tenantId, 'system', {
      customerId,
      channel: 'sms',
      address: '+14155550102',
      message: { direction: 'inbound', body: 'x' },
    });
    expect((await call('POST', `/conversations/${sms.conversation.id}/messages`, { contentSid: 'HX' + 'b'.repeat(32) })).status).toBe(422);
  });

  it('the inbox: filters, last message first, unmatched threads; another tenant’s conversation is 404', async () => {
    const unmatched = await openConversation(db, tenant.tenantId, 'system', {
      customerId: null,
      channel: 'sms',
      address: 'garbage',
      message: { direction: 'inbound', body: '?' },
    });
    const list = await call('GET', '/conversations?limit=100');
    expect(list.status).toBe(200);
    const times = list.body.data.map((c: { lastMessageAt: string }) => c.lastMessageAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await call('GET', '/conversations?unmatched=true')).body.data.map((c: { id: string }) => c.id)).toEqual([unmatched.conversation.id]);
    const complaints = await call('GET', '/conversations?type=complaint&status=resolved&channel=note');
    expect(complaints.body.data).toHaveLength(1);
    expect((await call('GET', '/conversations?status=bogus')).status).toBe(400);

    expect((await call('GET', `/conversations/${unmatched.conversation.id}`, undefined, other.adminKey)).status).toBe(404);
    expect((await call('PATCH', `/conversations/${unmatched.conversation.id}`, { status: 'resolved' }, other.adminKey)).status).toBe(404);
    expect((await call('POST', `/conversations/${unmatched.conversation.id}/messages`, { body: 'x' }, other.adminKey)).status).toBe(404);
    expect((await call('POST', '/conversations', { customerId: await buildCustomer(db, other.tenantId), type: 'complaint', message: 'x' })).status).toBe(404);
  });
});
