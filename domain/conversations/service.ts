import type { Knex } from 'knex';
import { conflict, notFound, validationFailed } from '../../lib/errors';
import type { CommandContext } from '../shared/context';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import type { ConversationChange, ConversationRow, MessageRow } from './rows';
import { applyConversationMessageStatus } from './deliveryStatus';
import type { TwilioInbound } from './inbound';
import { enqueueInbound } from './inboundQueue';
import { appendMessage, openConversation, updateConversation } from './store';
import { BODY_LIMITS, WHATSAPP_WINDOW_MS, type ConversationChannel, type ConversationStatus, type ConversationType } from './types';

/** The inbox filters of GET /conversations (all optional, combined with AND). */
export interface ConversationFilters {
  status?: ConversationStatus[];
  type?: ConversationType;
  category?: string;
  assignee?: string;
  channel?: ConversationChannel[];
  customerId?: string;
  updatedSince?: string;
  /** Only inbound threads Herald could not match to a customer (an unparseable phone). */
  unmatched?: boolean;
}

/** A conversation opened by an agent (a complaint taken by phone, or a first message to a customer). */
export interface AgentConversation {
  customerId: string;
  channel: ConversationChannel;
  type: ConversationType;
  category?: string;
  subject?: string;
  message: string;
}

/** An agent's message on a thread: free text (sent, or `internal` kept as a note) or a WhatsApp template. */
export interface AgentReply {
  body?: string;
  internal?: boolean;
  contentSid?: string;
  contentVariables?: Record<string, string>;
}

/** The inbox sort: last activity, never null (every conversation is opened with a message). */
const BY_LAST_MESSAGE = { expression: 'last_message_at' };

/** 422 for a body over the channel's limit. */
function checkBody(channel: ConversationChannel, body: string) {
  if (body.length > BODY_LIMITS[channel])
    throw validationFailed(
      [{ path: ['body'], message: `must be at most ${BODY_LIMITS[channel]} characters on ${channel}` }],
      'The message is too long for its channel',
    );
}

/** 409 for free-form WhatsApp text outside the 24-hour customer-care window (templates only then). */
function checkWindow(c: Pick<ConversationRow, 'channel' | 'last_inbound_at'>, freeForm: boolean, now = Date.now()) {
  if (c.channel !== 'whatsapp' || !freeForm) return;
  if (c.last_inbound_at && now - c.last_inbound_at.getTime() <= WHATSAPP_WINDOW_MS) return;
  throw conflict(
    "WhatsApp allows free-form messages only within 24 hours of the customer's last message; send an approved template (contentSid, contentVariables) instead",
    { lastInboundAt: c.last_inbound_at?.toISOString() ?? null },
  );
}

/**
 * Conversations for the API: the inbox, one thread with its messages, and agents' commands (open,
 * reply, note, change). Every write goes through store.ts; `onQueued` is told of each outbound
 * message once its transaction has committed (the API starts the sender workflow there).
 */
export function createConversationService(deps: { db: Knex; onQueued?: (tenantId: string, messageId: string) => Promise<void> }) {
  const { db } = deps;
  const queued = async (tenantId: string, message: MessageRow) => {
    if (message.state === 'queued') await deps.onQueued?.(tenantId, message.id);
  };

  /** The tenant's conversations, filtered, paged, by last message. */
  async function listConversations(tenantId: string, f: ConversationFilters, page: PageRequest): Promise<Page<ConversationRow>> {
    const q = db('conversations').where({ tenant_id: tenantId });
    if (f.status?.length) q.whereIn('status', f.status);
    if (f.channel?.length) q.whereIn('channel', f.channel);
    if (f.type) q.where({ type: f.type });
    if (f.category) q.where({ category: f.category });
    if (f.assignee) q.where({ assignee: f.assignee });
    if (f.customerId) q.where({ customer_id: f.customerId });
    if (f.updatedSince) q.where('updated_at', '>=', f.updatedSince);
    if (f.unmatched) q.whereNull('customer_id');
    return fetchPage<ConversationRow>(q, BY_LAST_MESSAGE, page);
  }

  /** One of the tenant's conversations with its messages, oldest first; 404 otherwise. */
  async function getConversation(tenantId: string, id: string): Promise<{ conversation: ConversationRow; messages: MessageRow[] }> {
    const conversation = (await db('conversations').where({ tenant_id: tenantId, id }).first()) as ConversationRow | undefined;
    if (!conversation) throw notFound('Conversation');
    const messages = (await db('conversation_messages')
      .where({ conversation_id: id })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])) as MessageRow[];
    return { conversation, messages };
  }

  /**
   * Opens a conversation for one of the tenant's customers. On `note` the message is an internal
   * note; on SMS or WhatsApp it is sent to the customer's phone (422 without one; on WhatsApp a
   * first free-form message is outside the window: 409).
   */
  async function open(ctx: CommandContext, input: AgentConversation) {
    const tenantId = ctx.principal.tenantId;
    checkBody(input.channel, input.message);
    const customer = (await db('customers').where({ tenant_id: tenantId, id: input.customerId }).whereNull('deleted_at').first('id', 'phone')) as
      { id: string; phone: string | null } | undefined;
    if (!customer) throw notFound('Customer');
    if (input.channel !== 'note' && !customer.phone)
      throw validationFailed([{ path: ['customerId'], message: 'the customer has no phone number' }], 'The customer has no phone number');
    checkWindow({ channel: input.channel, last_inbound_at: null }, true);
    const address = input.channel === 'note' ? null : input.channel === 'whatsapp' ? `whatsapp:${customer.phone}` : customer.phone;
    const opened = await openConversation(db, tenantId, ctx, {
      customerId: customer.id,
      channel: input.channel,
      address,
      type: input.type,
      category: input.category ?? null,
      subject: input.subject ?? null,
      message: { direction: input.channel === 'note' ? 'internal' : 'outbound', body: input.message },
    });
    await queued(tenantId, opened.message);
    return opened;
  }

  /** An agent's reply or note on a thread (see the rules in store.ts and the checks above). */
  async function reply(ctx: CommandContext, id: string, r: AgentReply) {
    const tenantId = ctx.principal.tenantId;
    const internal = r.internal === true;
    const result = await appendMessage(
      db,
      tenantId,
      ctx,
      id,
      { direction: internal ? 'internal' : 'outbound', body: r.body ?? '', contentSid: r.contentSid ?? null, contentVariables: r.contentVariables ?? null },
      (c) => {
        checkBody(c.channel, r.body ?? '');
        if (r.contentSid && c.channel !== 'whatsapp') throw validationFailed([{ path: ['contentSid'], message: 'templates are sent on WhatsApp only' }]);
        if (!internal) checkWindow(c, !r.contentSid);
      },
    );
    await queued(tenantId, result.message);
    return result;
  }

  return {
    listConversations,
    getConversation,
    open,
    reply,
    /**
     * Twilio's inbound webhook (signature already checked): stores the message in the inbound queue
     * (one statement; a MessageSid already queued is dropped) for the worker's inbound processor,
     * which routes it to its tenant and thread shortly after. Answers whether a row was added.
     */
    acceptInbound: (params: TwilioInbound): Promise<boolean> => enqueueInbound(db, params),
    /** Twilio's status callback for a conversation message (see sender.ts). */
    applyMessageStatus: (messageId: string, status: string, errorCode?: string) => applyConversationMessageStatus(db, messageId, status, errorCode),
    /** PATCH /conversations/:id (see updateConversation). */
    update: (ctx: CommandContext, id: string, change: ConversationChange) => updateConversation(db, ctx.principal.tenantId, ctx, id, change),
  };
}

/** The conversation service's interface. */
export type ConversationService = ReturnType<typeof createConversationService>;
