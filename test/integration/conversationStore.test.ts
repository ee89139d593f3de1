import type { Knex } from 'knex';
import { appendMessage, openConversation, updateConversation } from '../../domain/conversations/store';
import type { CommandContext } from '../../domain/shared/context';
import { recountConversationStats } from '../support/conversationRecount';
import { buildCustomer, buildTenant, testDb } from '../support/factories';

/**
 * The conversations writer: every command keeps the customer's customer_conversation_stats row
 * equal to a recount from the rows, in the same transaction, with its events and audit rows.
 */
describe('conversation store', () => {
  let db: Knex;
  let tenantId: string;
  let agent: CommandContext;

  const stats = (customerId: string) => db('customer_conversation_stats').where({ customer_id: customerId }).first();
  const events = (type: string) => db('events').where({ tenant_id: tenantId, type }).orderBy('seq').pluck('payload');
  const expectRecount = async (customerId: string) => {
    const row = await stats(customerId);
    const recount = await recountConversationStats(db, customerId);
    expect(recount.total_messages).toBe(recount.messages_from_rows);
    const { messages_from_rows: _ignored, ...expected } = recount;
    expect(row).toMatchObject(expected);
    return row;
  };

  beforeAll(async () => {
    db = testDb();
    ({ tenantId } = await buildTenant(db, 'Conversation store'));
    agent = { principal: { tenantId, role: 'admin', actorType: 'api_key', actorId: 'agent-key' }, requestId: 'req-1' };
  });
  afterAll(() => db.destroy());

  it('a complaint opened, replied to, resolved with a score, reopened by the customer: statistics equal a recount at every step', async () => {
    const customerId = await buildCustomer(db, tenantId);
    const t0 = new Date('2026-12-01T10:00:00Z');
    const { conversation } = await openConversation(db, tenantId, agent, {
      customerId,
      channel: 'note',
      type: 'complaint',
      category: 'Delivery Issue',
      subject: 'Late parcel',
      message: { direction: 'internal', body: 'Customer phoned: parcel two weeks late', at: t0 },
    });
    let row = await expectRecount(customerId);
    expect(row).toMatchObject({ total_complaints: 1, open_complaints: 1, complaints_by_category: { 'Delivery Issue': 1 }, total_messages: 0 });

    // A WhatsApp thread: inbound at t1, agent reply 90 s later (a response), a second reply (not one).
    const t1 = new Date('2026-12-01T11:00:00Z');
    const wa = await openConversation(db, tenantId, 'system', {
      customerId,
      channel: 'whatsapp',
      address: 'whatsapp:+33612345678',
      message: { direction: 'inbound', body: 'Hi', at: t1 },
    });
    expect(wa.message.state).toBe('received');
    const reply = await appendMessage(db, tenantId, agent, wa.conversation.id, { direction: 'outbound', body: 'Hello!', at: new Date(t1.getTime() + 90_000) });
    expect(reply.message).toMatchObject({ state: 'queued', author: 'api_key:agent-key' });
    await appendMessage(db, tenantId, agent, wa.conversation.id, { direction: 'outbound', body: 'Anything else?', at: new Date(t1.getTime() + 120_000) });
    row = await expectRecount(customerId);
    expect(row).toMatchObject({ total_conversations: 2, open_conversations: 2, total_messages: 3, response_count: 1, response_time_total_ms: 90000 });

    // A score on an open conversation is refused and changes nothing.
    await expect(updateConversation(db, tenantId, agent, conversation.id, { satisfaction: 4 })).rejects.toMatchObject({ status: 422 });
    await updateConversation(db, tenantId, agent, conversation.id, { category: 'Product Quality', assignee: 'alice' });
    await updateConversation(db, tenantId, agent, conversation.id, { status: 'resolved', satisfaction: 4 });
    row = await expectRecount(customerId);
    expect(row).toMatchObject({
      resolved_complaints: 1,
      open_complaints: 0,
      complaints_by_category: { 'Product Quality': 1 },
      satisfaction_total: 4,
      satisfaction_count: 1,
    });

    await updateConversation(db, tenantId, agent, wa.conversation.id, { status: 'resolved', satisfaction: 2 });
    await expectRecount(customerId);
    // The customer writes again: the thread reopens, its score is withdrawn.
    const again = await appendMessage(db, tenantId, 'system', wa.conversation.id, { direction: 'inbound', body: 'Still broken' });
    expect(again.conversation).toMatchObject({ status: 'open', satisfaction: null, resolved_at: null });
    row = await expectRecount(customerId);
    expect(row).toMatchObject({ open_conversations: 1, resolved_conversations: 1, satisfaction_total: 4, satisfaction_count: 1 });

    expect((await events('conversation.opened')).map((p) => [p.data.type, p.data.channel, p.actor.type])).toEqual([
      ['complaint', 'note', 'api_key'],
      ['conversation', 'whatsapp', 'system'],
    ]);
    expect((await events('message.received')).map((p) => p.data.body)).toEqual(['Hi', 'Still broken']);
    expect((await events('conversation.resolved')).map((p) => [p.data.conversationId, p.data.satisfaction])).toEqual([
      [conversation.id, 4],
      [wa.conversation.id, 2],
    ]);
    const audits = await db('audit_log').where({ tenant_id: tenantId, subject_type: 'conversation' }).orderBy('created_at').pluck('action');
    expect(audits.sort()).toEqual(
      ['conversation.opened', 'conversation.replied', 'conversation.replied', 'conversation.updated', 'conversation.updated', 'conversation.updated'].sort(),
    );
  });

  it('another tenant’s conversation is not found and nothing changes', async () => {
    const other = await buildTenant(db, 'Other store tenant');
    const customerId = await buildCustomer(db, other.tenantId);
    const { conversation } = await openConversation(db, other.tenantId, 'system', { customerId, channel: 'sms', message: { direction: 'inbound', body: 'x' } });
    await expect(appendMessage(db, tenantId, agent, conversation.id, { direction: 'outbound', body: 'y' })).rejects.toMatchObject({ status: 404 });
    await expect(updateConversation(db, tenantId, agent, conversation.id, { status: 'resolved' })).rejects.toMatchObject({ status: 404 });
    expect(await db('conversation_messages').where({ conversation_id: conversation.id }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('concurrent inbound messages on one thread all count', async () => {
    const customerId = await buildCustomer(db, tenantId);
    const { conversation } = await openConversation(db, tenantId, 'system', { customerId, channel: 'sms', message: { direction: 'inbound', body: '0' } });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => appendMessage(db, tenantId, 'system', conversation.id, { direction: 'inbound', body: String(i + 1) })),
    );
    const row = await expectRecount(customerId);
    expect(row.total_messages).toBe(9);
  });
});
