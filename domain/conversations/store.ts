import type { Knex } from 'knex';
import { notFound, validationFailed } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { appendEventAs, type EventEnvelope } from '../events/outbox';
import type { CommandContext } from '../shared/context';
import { applyStats, type StatsDelta } from './stats';
import type { ConversationChange, ConversationRow, MessageRow, NewConversation, NewMessage } from './rows';
import type { MessageState } from './types';

export type { ConversationChange, ConversationRow, MessageRow, NewConversation, NewMessage };

/**
 * The one writer of conversations, conversation_messages and customer_conversation_stats. Each
 * command runs in one transaction that locks the conversation row, changes it and its messages,
 * applies the matching delta to the customer's statistics row, and appends the outbox event (and,
 * for an agent's action, the audit row): the statistics never drift from the rows they count.
 *
 * Counting rules (a recount from the rows gives the same numbers): open = not resolved (open or
 * pending); messages = inbound and outbound (internal notes are not messages with the customer,
 * though they move last_message_at, the inbox's sort key, so a complaint logged as a note sorts);
 * a response is the first outbound message after an inbound one left the thread awaiting a reply;
 * satisfaction counts resolved conversations that have a score. A message on a resolved thread
 * reopens it and clears its score (a score belongs to a resolution).
 */

/** Who writes: an agent or API client (audited), or the system (the inbound webhook, the sender). */
export type Writer = CommandContext | 'system';

const envelope = (tenantId: string, writer: Writer): EventEnvelope =>
  writer === 'system'
    ? { tenantId, actor: { type: 'system', id: null } }
    : { tenantId, actor: { type: writer.principal.actorType, id: writer.principal.actorId }, requestId: writer.requestId ?? null };

const authorOf = (writer: Writer) => (writer === 'system' ? null : `${writer.principal.actorType}:${writer.principal.actorId}`);

async function audit(trx: Knex, tenantId: string, writer: Writer, action: string, id: string, changes: unknown) {
  if (writer === 'system') return;
  await recordAudit(trx, writer.principal, tenantId, {
    action,
    subjectType: 'conversation',
    subjectId: id,
    changes,
    requestId: writer.requestId,
    ip: writer.ip,
  });
}

/**
 * Runs `work` in `db` when it already is a transaction (the inbound processor's pass, which rolls
 * back whole: a savepoint per message would cost two round trips and undo nothing the pass keeps),
 * else in a new transaction.
 */
function inTransaction<T>(db: Knex, work: (trx: Knex) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction(work);
}

const isComplaint = (c: ConversationRow) => c.type === 'complaint';
const categoryKey = (category: string | null) => category ?? 'Uncategorised';

/** The statistics delta of a conversation moving between resolved and not (±1). */
function resolutionDelta(c: ConversationRow, sign: 1 | -1): StatsDelta {
  const complaint = isComplaint(c) ? sign : 0;
  return { open: -sign, resolved: sign, openComplaints: -complaint, resolvedComplaints: complaint };
}

/** Locks and answers one of the tenant's conversations; 404 when there is none. */
export async function lockConversation(trx: Knex, tenantId: string, id: string): Promise<ConversationRow> {
  const row = (await trx('conversations').where({ tenant_id: tenantId, id }).forUpdate().first()) as ConversationRow | undefined;
  if (!row) throw notFound('Conversation');
  return row;
}

/** Resolved → open (a new message arrived or an agent replied), the score and its statistics undone. */
async function reopen(trx: Knex, c: ConversationRow): Promise<StatsDelta> {
  await trx('conversations').where({ id: c.id }).update({ status: 'open', resolved_at: null, satisfaction: null });
  const delta = resolutionDelta(c, -1);
  if (c.satisfaction !== null) return { ...delta, satisfactionTotal: -c.satisfaction, satisfactionCount: -1 };
  return delta;
}

/**
 * Stores a message on a locked conversation and updates its counters and times: an inbound one
 * starts the wait for a reply, the first outbound one after it ends the wait (a response time).
 * Outbound messages on SMS and WhatsApp are stored `queued` for the sender; on `note` threads
 * nothing is sent (state null).
 */
async function insertMessage(trx: Knex, c: ConversationRow, writer: Writer, m: NewMessage): Promise<{ message: MessageRow; delta: StatsDelta }> {
  const at = m.at ?? new Date();
  const state: MessageState | null = m.direction === 'inbound' ? 'received' : m.direction === 'outbound' && c.channel !== 'note' ? 'queued' : null;
  const [message] = (await trx('conversation_messages')
    .insert({
      tenant_id: c.tenant_id,
      conversation_id: c.id,
      direction: m.direction,
      body: m.body,
      author: m.direction === 'inbound' ? null : authorOf(writer),
      content_sid: m.contentSid ?? null,
      content_variables: m.contentVariables ? JSON.stringify(m.contentVariables) : null,
      state,
      provider_id: m.providerId ?? null,
      media: JSON.stringify(m.media ?? []),
      created_at: at,
      updated_at: at,
    })
    .returning('*')) as MessageRow[];
  const delta: StatsDelta = { interactionAt: at };
  if (m.direction === 'internal') {
    await trx('conversations').where({ id: c.id }).update({ last_message_at: at, updated_at: at });
    return { message: message!, delta: { ...delta, messageAt: at } };
  }
  const update: Record<string, unknown> = { message_count: c.message_count + 1, last_message_at: at, updated_at: at };
  Object.assign(delta, { messages: 1, messageAt: at });
  if (m.direction === 'inbound') {
    update.last_inbound_at = at;
    update.awaiting_reply_since = c.awaiting_reply_since ?? at;
    delta.inboundAt = at;
  } else if (c.awaiting_reply_since) {
    update.awaiting_reply_since = null;
    Object.assign(delta, { responses: 1, responseMs: Math.max(0, at.getTime() - c.awaiting_reply_since.getTime()) });
  }
  await trx('conversations').where({ id: c.id }).update(update);
  return { message: message!, delta };
}

/** Sums deltas (counters add, categories add per key, the last time given wins). */
function merge(...deltas: StatsDelta[]): StatsDelta {
  const out: StatsDelta = {};
  for (const d of deltas)
    for (const [k, v] of Object.entries(d) as [keyof StatsDelta, unknown][]) {
      if (typeof v === 'number') (out as Record<string, number>)[k] = ((out as Record<string, number>)[k] ?? 0) + v;
      else if (k === 'categories') {
        const into = (out.categories ??= {});
        for (const [cat, n] of Object.entries(v as Record<string, number>)) into[cat] = (into[cat] ?? 0) + n;
      } else (out as Record<string, unknown>)[k] = v;
    }
  return out;
}

const reread = async (trx: Knex, id: string) => (await trx('conversations').where({ id }).first()) as ConversationRow;

/** conversation.opened, and message.received for an inbound message, in the caller's transaction. */
async function emitMessage(trx: Knex, env: EventEnvelope, c: ConversationRow, message: MessageRow) {
  if (message.direction !== 'inbound') return;
  await appendEventAs(trx, env, {
    type: 'message.received',
    subjectType: 'conversation',
    subjectId: c.id,
    data: {
      conversationId: c.id,
      messageId: message.id,
      customerId: c.customer_id,
      channel: c.channel,
      body: message.body,
      receivedAt: message.created_at.toISOString(),
    },
  });
}

/** Opens a conversation with its first message, in one transaction with its statistics and events. */
export async function openConversation(
  db: Knex,
  tenantId: string,
  writer: Writer,
  input: NewConversation,
): Promise<{ conversation: ConversationRow; message: MessageRow }> {
  return inTransaction(db, async (trx) => {
    const at = input.message.at ?? new Date();
    const type = input.type ?? 'conversation';
    const [created] = (await trx('conversations')
      .insert({
        tenant_id: tenantId,
        customer_id: input.customerId,
        channel: input.channel,
        address: input.address ?? null,
        type,
        category: input.category ?? null,
        subject: input.subject ?? null,
        assignee: input.assignee ?? null,
        created_at: at,
        updated_at: at,
      })
      .returning('*')) as ConversationRow[];
    const { message, delta } = await insertMessage(trx, created!, writer, { ...input.message, at });
    const complaint = type === 'complaint' ? 1 : 0;
    const opened: StatsDelta = { conversations: 1, open: 1, contactAt: at, complaints: complaint, openComplaints: complaint };
    if (complaint) Object.assign(opened, { complaintAt: at, categories: { [categoryKey(created!.category)]: 1 } });
    await applyStats(trx, tenantId, created!.customer_id, merge(opened, delta));
    const conversation = await reread(trx, created!.id);
    const env = envelope(tenantId, writer);
    await appendEventAs(trx, env, {
      type: 'conversation.opened',
      subjectType: 'conversation',
      subjectId: conversation.id,
      data: {
        conversationId: conversation.id,
        customerId: conversation.customer_id,
        channel: conversation.channel,
        type,
        category: conversation.category,
        subject: conversation.subject,
      },
    });
    await emitMessage(trx, env, conversation, message);
    await audit(trx, tenantId, writer, 'conversation.opened', conversation.id, { type, channel: conversation.channel, category: conversation.category });
    return { conversation, message };
  });
}

/**
 * Appends a message to one of the tenant's conversations (404 otherwise). An inbound or outbound
 * message on a resolved conversation reopens it; an internal note does not. `guard` sees the locked
 * row first and may refuse (throw), so a check on the thread (WhatsApp's window) cannot race.
 */
export async function appendMessage(
  db: Knex,
  tenantId: string,
  writer: Writer,
  id: string,
  m: NewMessage,
  guard?: (locked: ConversationRow) => void,
): Promise<{ conversation: ConversationRow; message: MessageRow }> {
  return inTransaction(db, async (trx) => {
    const current = await lockConversation(trx, tenantId, id);
    guard?.(current);
    const reopened = current.status === 'resolved' && m.direction !== 'internal' ? await reopen(trx, current) : {};
    const { message, delta } = await insertMessage(trx, current, writer, m);
    await applyStats(trx, tenantId, current.customer_id, merge(reopened, delta));
    const conversation = await reread(trx, id);
    await emitMessage(trx, envelope(tenantId, writer), conversation, message);
    const action = m.direction === 'internal' ? 'conversation.note_added' : 'conversation.replied';
    await audit(trx, tenantId, writer, action, id, { messageId: message.id, reopened: current.status === 'resolved' && m.direction !== 'internal' });
    return { conversation, message };
  });
}

/**
 * Changes a conversation's status, assignee, category or satisfaction (a score only on a
 * conversation that is, or becomes, resolved: 422 otherwise, nothing changed). Resolving emits
 * conversation.resolved.
 */
export async function updateConversation(db: Knex, tenantId: string, writer: Writer, id: string, change: ConversationChange): Promise<ConversationRow> {
  return db.transaction(async (trx) => {
    const c = await lockConversation(trx, tenantId, id);
    const status = change.status ?? c.status;
    if (change.satisfaction != null && status !== 'resolved')
      throw validationFailed([{ path: ['satisfaction'], message: 'A satisfaction score is given only to a resolved conversation' }]);
    const now = new Date();
    const update: Record<string, unknown> = { updated_at: now };
    const deltas: StatsDelta[] = [{ interactionAt: now }];
    let satisfaction = c.satisfaction;
    if (status !== c.status) {
      update.status = status;
      if (status === 'resolved') {
        update.resolved_at = now;
        deltas.push(resolutionDelta(c, 1));
      } else if (c.status === 'resolved') {
        update.resolved_at = null;
        deltas.push(resolutionDelta(c, -1));
        satisfaction = null;
      }
    }
    if (change.satisfaction !== undefined) satisfaction = change.satisfaction;
    if (satisfaction !== c.satisfaction) {
      update.satisfaction = satisfaction;
      deltas.push({
        satisfactionTotal: (satisfaction ?? 0) - (c.satisfaction ?? 0),
        satisfactionCount: (satisfaction === null ? 0 : 1) - (c.satisfaction === null ? 0 : 1),
      });
    }
    if (change.assignee !== undefined) update.assignee = change.assignee;
    if (change.category !== undefined && change.category !== c.category) {
      update.category = change.category;
      if (isComplaint(c)) deltas.push({ categories: { [categoryKey(c.category)]: -1, [categoryKey(change.category)]: 1 } });
    }
    await trx('conversations').where({ id }).update(update);
    await applyStats(trx, tenantId, c.customer_id, merge(...deltas));
    const row = await reread(trx, id);
    if (row.status === 'resolved' && c.status !== 'resolved')
      await appendEventAs(trx, envelope(tenantId, writer), {
        type: 'conversation.resolved',
        subjectType: 'conversation',
        subjectId: id,
        data: {
          conversationId: id,
          customerId: row.customer_id,
          channel: row.channel,
          type: row.type,
          category: row.category,
          satisfaction: row.satisfaction,
          resolvedAt: row.resolved_at!.toISOString(),
        },
      });
    await audit(trx, tenantId, writer, 'conversation.updated', id, change);
    return row;
  });
}
