import type { Knex } from 'knex';

/** One message of a test conversation: who wrote it and how many minutes after the base time. */
export interface TestMessage {
  direction: 'inbound' | 'outbound' | 'internal';
  minute: number;
}

/** A test conversation: its shape, and its messages in time order. */
export interface TestConversation {
  type?: 'conversation' | 'complaint';
  status?: 'open' | 'pending' | 'resolved';
  channel?: 'sms' | 'whatsapp' | 'note';
  category?: string;
  satisfaction?: number;
  /** Minutes after the base time the thread was opened (default: its first message's). */
  openedMinute?: number;
  messages: TestMessage[];
}

/** The base time every test minute counts from. */
export const BASE_TIME = Date.parse('2026-03-01T10:00:00.000Z');

/** The instant `minute` minutes after {@link BASE_TIME}. */
export const at = (minute: number) => new Date(BASE_TIME + minute * 60_000);

/**
 * Inserts a conversation and its messages directly (the read side's tests do not depend on the
 * write side's API), with the conversation's own counters filled in as the writers keep them.
 */
export async function insertConversation(db: Knex, tenantId: string, customerId: string, c: TestConversation): Promise<string> {
  const visible = c.messages.filter((m) => m.direction !== 'internal');
  const inbound = c.messages.filter((m) => m.direction === 'inbound');
  const lastVisible = visible.length ? at(Math.max(...visible.map((m) => m.minute))) : null;
  const opened = at(c.openedMinute ?? Math.min(...c.messages.map((m) => m.minute)));
  const [row] = (await db('conversations')
    .insert({
      tenant_id: tenantId,
      customer_id: customerId,
      channel: c.channel ?? 'whatsapp',
      address: 'whatsapp:+12025550100',
      type: c.type ?? 'conversation',
      status: c.status ?? 'open',
      category: c.category ?? null,
      satisfaction: c.satisfaction ?? null,
      message_count: visible.length,
      last_message_at: lastVisible,
      last_inbound_at: inbound.length ? at(Math.max(...inbound.map((m) => m.minute))) : null,
      resolved_at: c.status === 'resolved' ? lastVisible : null,
      created_at: opened,
      updated_at: lastVisible ?? opened,
    })
    .returning('id')) as Array<{ id: string }>;
  const id = row!.id;
  if (c.messages.length) {
    await db('conversation_messages').insert(
      c.messages.map((m) => ({
        tenant_id: tenantId,
        conversation_id: id,
        direction: m.direction,
        body: `${m.direction} at ${m.minute}`,
        state: m.direction === 'inbound' ? 'received' : m.direction === 'outbound' ? 'delivered' : null,
        created_at: at(m.minute),
      })),
    );
  }
  return id;
}

/**
 * Recounts a customer's `customer_conversation_stats` row from its conversations and messages
 * and writes it (upsert): the figures the write side maintains incrementally, derived here from
 * the rows alone, so a test can set up statistics and check the maintained ones against it.
 *
 * Definitions: open = not resolved (open or pending); messages count inbound and outbound, not
 * internal notes; a response is the first outbound message after one or more unanswered inbound
 * ones (timed from the first of them); satisfaction averages the rated conversations; complaints
 * by category skip uncategorised ones; last interaction is the latest message or resolution.
 */
export async function recountConversationStats(db: Knex, tenantId: string, customerId: string): Promise<Record<string, unknown>> {
  const conversations = (await db('conversations').where({ tenant_id: tenantId, customer_id: customerId })) as Array<Record<string, any>>;
  const messages = (await db('conversation_messages')
    .whereIn(
      'conversation_id',
      conversations.map((c) => c.id as string),
    )
    .orderBy([{ column: 'created_at' }, { column: 'id' }])) as Array<Record<string, any>>;
  const time = (v: unknown) => new Date(v as string).getTime();
  let responseTotal = 0;
  let responses = 0;
  for (const c of conversations) {
    let awaiting: number | null = null;
    for (const m of messages.filter((x) => x.conversation_id === c.id)) {
      if (m.direction === 'inbound' && awaiting === null) awaiting = time(m.created_at);
      if (m.direction === 'outbound' && awaiting !== null) {
        responseTotal += time(m.created_at) - awaiting;
        responses += 1;
        awaiting = null;
      }
    }
  }
  const visible = messages.filter((m) => m.direction !== 'internal');
  const maxTime = (vs: unknown[]) => (vs.length ? new Date(Math.max(...vs.map(time))) : null);
  const complaints = conversations.filter((c) => c.type === 'complaint');
  const rated = conversations.filter((c) => c.satisfaction != null);
  const byCategory: Record<string, number> = {};
  for (const c of complaints) if (c.category) byCategory[c.category] = (byCategory[c.category] ?? 0) + 1;
  const row = {
    customer_id: customerId,
    tenant_id: tenantId,
    total_conversations: conversations.length,
    open_conversations: conversations.filter((c) => c.status !== 'resolved').length,
    resolved_conversations: conversations.filter((c) => c.status === 'resolved').length,
    total_messages: visible.length,
    response_time_total_ms: responseTotal,
    response_count: responses,
    satisfaction_total: rated.reduce((s, c) => s + Number(c.satisfaction), 0),
    satisfaction_count: rated.length,
    total_complaints: complaints.length,
    open_complaints: complaints.filter((c) => c.status !== 'resolved').length,
    resolved_complaints: complaints.filter((c) => c.status === 'resolved').length,
    complaints_by_category: JSON.stringify(byCategory),
    last_complaint_at: maxTime(complaints.map((c) => c.created_at)),
    first_contact_at: conversations.length ? new Date(Math.min(...conversations.map((c) => time(c.created_at)))) : null,
    last_interaction_at: maxTime([...visible.map((m) => m.created_at), ...conversations.filter((c) => c.resolved_at).map((c) => c.resolved_at)]),
    last_message_at: maxTime(visible.map((m) => m.created_at)),
    last_inbound_at: maxTime(messages.filter((m) => m.direction === 'inbound').map((m) => m.created_at)),
  };
  await db('customer_conversation_stats').insert(row).onConflict('customer_id').merge();
  return row;
}

/**
 * What GET /customers/:id answers for a customer without conversations, orders or complaints,
 * given the customer as the create returned it: the conversation figures in `statistics`, empty
 * complaint statistics, no recent orders or conversations.
 */
export function detailWithoutConversations(customer: Record<string, unknown>): Record<string, unknown> {
  return {
    ...customer,
    statistics: {
      ...(customer.statistics as object),
      totalConversations: 0,
      openConversations: 0,
      resolvedConversations: 0,
      totalMessages: 0,
      averageResponseTime: null,
      satisfactionScore: null,
      firstContact: null,
      lastInteraction: null,
      lastMessageAt: null,
      totalComplaints: 0,
      openComplaints: 0,
    },
    complaintStatistics: { totalComplaints: 0, openComplaints: 0, resolvedComplaints: 0, lastComplaintDate: null, complaintsByCategory: {} },
    recentOrders: [],
    recentConversations: [],
  };
}

/** The detail-only statistics keys GET /customers/:id adds to a customer's `statistics`. */
const DETAIL_STATISTICS = Object.keys((detailWithoutConversations({ statistics: {} }) as { statistics: object }).statistics);

/** A customer detail (GET /customers/:id) back to the customer every other endpoint returns: the detail-only parts removed. */
export function customerOfDetail(detail: Record<string, any>): Record<string, unknown> {
  const { recentOrders: _orders, recentConversations: _conversations, complaintStatistics: _complaints, statistics, ...customer } = detail;
  return { ...customer, statistics: Object.fromEntries(Object.entries(statistics as object).filter(([k]) => !DETAIL_STATISTICS.includes(k))) };
}
