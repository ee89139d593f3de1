import type { Knex } from 'knex';
import { iso } from '../../lib/time';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import type { ConversationRow } from './rows';
import type { ConversationChannel, ConversationStatus, ConversationType } from './types';

/**
 * Read-only views over conversations for other modules (issue 18): the customer detail's
 * conversation statistics and recent threads (seed 001), a customer's conversation list, seed
 * 002's complaint statistics and the tenant's complaint metrics. Every per-customer figure comes
 * from `customer_conversation_stats`, which the conversation writers keep in the same transaction
 * as each change, so nothing here scans a customer's messages.
 */

/** A conversation as the customer detail and the customer's conversation list show it (no messages). */
export interface ConversationSummary {
  id: string;
  customerId: string | null;
  channel: ConversationChannel;
  address: string | null;
  type: ConversationType;
  status: ConversationStatus;
  category: string | null;
  subject: string | null;
  assignee: string | null;
  satisfaction: number | null;
  messageCount: number;
  lastMessageAt: string | null;
  lastInboundAt: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Seed 001's conversation statistics of one customer (zeros and nulls for a customer without conversations). */
export interface ConversationStatistics {
  totalConversations: number;
  openConversations: number;
  resolvedConversations: number;
  totalMessages: number;
  /** Mean milliseconds from a customer's unanswered inbound message to the first agent reply; null before any reply. */
  averageResponseTime: number | null;
  /** Mean satisfaction score (1–5) of rated conversations, two decimals; null when none was rated. */
  satisfactionScore: number | null;
  firstContact: string | null;
  lastInteraction: string | null;
  lastMessageAt: string | null;
}

/** Seed 002's complaint statistics of one customer. */
export interface ComplaintStatistics {
  totalComplaints: number;
  openComplaints: number;
  resolvedComplaints: number;
  lastComplaintDate: string | null;
  complaintsByCategory: Record<string, number>;
}

/** Seed 002's complaint metrics of a tenant. */
export interface ComplaintMetrics {
  totalComplaints: number;
  /** Complaints not resolved (open or pending). */
  openComplaints: number;
  /** Complaints per 100 orders, two decimals (seed 002: 234 complaints over 3,456 orders is 6.77). */
  complaintRate: number;
  /** Complaints per (not deleted) customer, two decimals. */
  averageComplaintsPerCustomer: number;
}

type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v ?? 0);
const round2 = (v: number) => Math.round(v * 100) / 100;

/** A conversations row as the API shows it: the customer's lists, the detail's recentConversations and the inbox. */
export function conversationSummary(r: ConversationRow): ConversationSummary {
  return {
    id: r.id,
    customerId: r.customer_id,
    channel: r.channel,
    address: r.address,
    type: r.type,
    status: r.status,
    category: r.category,
    subject: r.subject,
    assignee: r.assignee,
    satisfaction: r.satisfaction,
    messageCount: r.message_count,
    lastMessageAt: iso(r.last_message_at),
    lastInboundAt: iso(r.last_inbound_at),
    resolvedAt: iso(r.resolved_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The order a customer's threads are listed in: newest message first (a thread without messages by its creation). */
const NEWEST_MESSAGE = { expression: 'coalesce(last_message_at, created_at)' };

/**
 * The ids of a customer's complaints not yet resolved (at most 100), read in the caller's
 * transaction: the permanent delete's guard (seed 002 refuses it while complaints are open).
 */
export async function openComplaintsOf(conn: Knex, tenantId: string, customerId: string): Promise<string[]> {
  const rows = await conn('conversations')
    .where({ tenant_id: tenantId, customer_id: customerId, type: 'complaint' })
    .whereNot('status', 'resolved')
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .limit(100)
    .select('id');
  return rows.map((r: { id: string }) => r.id);
}

/** Seed 001's conversation figures from a statistics row (empty: a customer without conversations). */
function conversationFigures(s: Row): ConversationStatistics {
  const responses = num(s.response_count);
  const rated = num(s.satisfaction_count);
  return {
    totalConversations: num(s.total_conversations),
    openConversations: num(s.open_conversations),
    resolvedConversations: num(s.resolved_conversations),
    totalMessages: num(s.total_messages),
    averageResponseTime: responses ? Math.round(num(s.response_time_total_ms) / responses) : null,
    satisfactionScore: rated ? round2(num(s.satisfaction_total) / rated) : null,
    firstContact: iso(s.first_contact_at as Date | undefined),
    lastInteraction: iso(s.last_interaction_at as Date | undefined),
    lastMessageAt: iso(s.last_message_at as Date | undefined),
  };
}

/** Seed 002's complaint figures from a statistics row. */
function complaintFigures(s: Row): ComplaintStatistics {
  return {
    totalComplaints: num(s.total_complaints),
    openComplaints: num(s.open_complaints),
    resolvedComplaints: num(s.resolved_complaints),
    lastComplaintDate: iso(s.last_complaint_at as Date | undefined),
    complaintsByCategory: (s.complaints_by_category as Record<string, number> | undefined) ?? {},
  };
}

/** Conversation reads bound to a connection; the customers module receives them as a dependency. */
export function createConversationQueries(deps: { db: Knex }) {
  const { db } = deps;

  const statsRow = async (tenantId: string, customerId: string): Promise<Row | undefined> =>
    db('customer_conversation_stats').where({ tenant_id: tenantId, customer_id: customerId }).first();

  /** Seed 001's conversation statistics of a customer. */
  const conversationStatistics = async (tenantId: string, customerId: string): Promise<ConversationStatistics> =>
    conversationFigures((await statsRow(tenantId, customerId)) ?? {});

  /** Seed 002's complaint statistics of a customer. */
  const complaintStatistics = async (tenantId: string, customerId: string): Promise<ComplaintStatistics> =>
    complaintFigures((await statsRow(tenantId, customerId)) ?? {});

  /** Both of a customer's statistics from one read of its statistics row (the detail view shows both). */
  async function customerStatistics(tenantId: string, customerId: string): Promise<{ conversations: ConversationStatistics; complaints: ComplaintStatistics }> {
    const s = (await statsRow(tenantId, customerId)) ?? {};
    return { conversations: conversationFigures(s), complaints: complaintFigures(s) };
  }

  /** A customer's latest threads, newest message first (the detail view's recentConversations). */
  async function recentConversations(tenantId: string, customerId: string, limit = 5): Promise<ConversationSummary[]> {
    const rows = await db('conversations')
      .where({ tenant_id: tenantId, customer_id: customerId })
      .orderByRaw(`${NEWEST_MESSAGE.expression} DESC, id DESC`)
      .limit(limit);
    return rows.map(conversationSummary);
  }

  /** A page of a customer's threads, newest message first by default (seed 001's GET /customers/:id/conversations). */
  async function conversationsOfCustomer(tenantId: string, customerId: string, page: PageRequest): Promise<Page<ConversationSummary>> {
    const result = await fetchPage<ConversationRow>(db('conversations').where({ tenant_id: tenantId, customer_id: customerId }), NEWEST_MESSAGE, page);
    return { data: result.data.map(conversationSummary), pagination: result.pagination };
  }

  /**
   * Seed 002's complaint metrics: totals summed over the statistics rows of the tenant's (not
   * deleted) customers, the rate per 100 orders and the average per customer.
   */
  async function complaintMetrics(tenantId: string): Promise<ComplaintMetrics> {
    const row = (await db('customers as c')
      .leftJoin('customer_conversation_stats as s', 's.customer_id', 'c.id')
      .where('c.tenant_id', tenantId)
      .whereNull('c.deleted_at')
      .first(
        db.raw('count(*)::int AS customers'),
        db.raw('coalesce(sum(s.total_complaints), 0)::int AS total'),
        db.raw('coalesce(sum(s.open_complaints), 0)::int AS open'),
        db.raw('coalesce(sum(c.total_orders), 0)::int AS orders'),
      )) as Row;
    const total = num(row.total);
    return {
      totalComplaints: total,
      openComplaints: num(row.open),
      complaintRate: num(row.orders) ? round2((total / num(row.orders)) * 100) : 0,
      averageComplaintsPerCustomer: num(row.customers) ? round2(total / num(row.customers)) : 0,
    };
  }

  return { conversationStatistics, complaintStatistics, customerStatistics, recentConversations, conversationsOfCustomer, complaintMetrics, openComplaintsOf };
}

/** The conversation reads' interface, for modules that receive them as a dependency. */
export type ConversationQueries = ReturnType<typeof createConversationQueries>;
