import type { Knex } from 'knex';
import { AppError } from '../../lib/errors';
import { normalisePhone } from '../customers/normalize';
import type { CommandContext } from '../shared/context';
import type { Principal } from '../tenants/types';
import type { ConversationRow } from './rows';
import { appendMessage, openConversation } from './store';
import type { ConversationChannel } from './types';

/** Days after which a customer's message on a resolved thread opens a new one, unless the tenant sets `conversationReopenDays`. */
export const DEFAULT_REOPEN_DAYS = 7;

/** Twilio's inbound webhook parameters Herald reads. */
export interface TwilioInbound {
  MessageSid?: string;
  From?: string;
  To?: string;
  Body?: string;
  NumMedia?: string;
  OptOutType?: string;
  [key: string]: string | undefined;
}

/** What the inbound flow needs from the customers module (its commands write customers). */
export interface InboundCustomers {
  create(ctx: CommandContext, input: { phone: string; source: 'whatsapp' | 'sms' }): Promise<{ id: string }>;
  update(ctx: CommandContext, id: string, input: { preferences: { sms: boolean } }): Promise<unknown>;
}

/** What happened to one inbound message. */
export interface InboundOutcome {
  stored: boolean;
  tenantId?: string;
  conversationId?: string;
  customerId?: string | null;
  consent?: 'withdrawn' | 'given';
}

const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'optout']);
const START_WORDS = new Set(['start', 'unstop', 'yes']);

/** The context of changes made for an inbound message: recorded as the system, not as an agent. */
const inboundContext = (tenantId: string): CommandContext => ({
  principal: { tenantId, role: 'admin', actorType: 'system' as Principal['actorType'], actorId: 'twilio-inbound' },
});

/** STOP/START as Twilio reports it (OptOutType) or as the customer wrote it. */
function optOut(params: TwilioInbound): 'withdrawn' | 'given' | undefined {
  const type = params.OptOutType?.toUpperCase();
  if (type === 'STOP') return 'withdrawn';
  if (type === 'START') return 'given';
  const word = (params.Body ?? '').trim().toLowerCase();
  if (STOP_WORDS.has(word)) return 'withdrawn';
  if (START_WORDS.has(word)) return 'given';
  return undefined;
}

/**
 * Which tenant a Twilio number belongs to: the tenant whose messaging settings list it in
 * `inboundNumbers` (E.164, without `whatsapp:`). None, or more than one: no tenant.
 */
export async function tenantOfNumber(db: Knex, to: string): Promise<string | undefined> {
  const number = to.replace(/^whatsapp:/, '');
  const rows = (await db('tenants')
    .whereRaw(`settings->'messaging'->'inboundNumbers' @> jsonb_build_array(?::text)`, [number])
    .limit(2)
    .select('id')) as Array<{ id: string }>;
  return rows.length === 1 ? rows[0]!.id : undefined;
}

/**
 * Receives one inbound SMS or WhatsApp message for a tenant: finds the customer by E.164 phone
 * (or creates one with source `whatsapp`/`sms`), switches SMS consent on STOP/START, and appends
 * the message to the customer's latest unresolved thread on that channel, reopens a thread resolved
 * within the tenant's `conversationReopenDays`, or opens a new one. A sender that is not a phone
 * number is stored on a thread with no customer. A repeated MessageSid (Twilio retrying) is
 * stored once. Threads of one sender and channel are routed under a transaction-scoped advisory
 * lock, so two messages arriving together land on the same thread.
 */
export async function receiveInbound(db: Knex, customers: InboundCustomers, tenantId: string, params: TwilioInbound): Promise<InboundOutcome> {
  const from = params.From ?? '';
  const channel: ConversationChannel = from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const raw = from.replace(/^whatsapp:/, '');
  // Only a number in international form that libphonenumber accepts is a customer's phone.
  const phone = raw.startsWith('+') ? normalisePhone(raw, 'US') : undefined;
  const ctx = inboundContext(tenantId);
  let customerId: string | null = null;
  let consent: InboundOutcome['consent'];
  if (phone) {
    customerId = await customerOf(db, customers, ctx, phone, channel);
    consent = optOut(params);
    if (consent) await customers.update(ctx, customerId, { preferences: { sms: consent === 'given' } });
  }
  const settings = (await db('tenants').where({ id: tenantId }).first('settings')) as { settings: { messaging?: { conversationReopenDays?: number } } };
  const reopenDays = settings.settings.messaging?.conversationReopenDays ?? DEFAULT_REOPEN_DAYS;
  const message = {
    direction: 'inbound' as const,
    body: (params.Body ?? '').slice(0, 4096),
    providerId: params.MessageSid ?? null,
    media: mediaOf(params),
  };
  const conversationId = await db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`inbound:${tenantId}:${channel}:${from}`]);
    if (message.providerId && (await trx('conversation_messages').where({ provider_id: message.providerId }).first('id'))) return undefined;
    const latest = (await trx('conversations')
      .where({ tenant_id: tenantId, channel, ...(customerId ? { customer_id: customerId } : { address: from }) })
      .modify((q) => (customerId ? q : q.whereNull('customer_id')))
      .orderBy('created_at', 'desc')
      .first()) as ConversationRow | undefined;
    const reusable = latest && (latest.status !== 'resolved' || (latest.resolved_at && Date.now() - latest.resolved_at.getTime() <= reopenDays * 86_400_000));
    if (reusable) return (await appendMessage(trx, tenantId, 'system', latest.id, message)).conversation.id;
    return (await openConversation(trx, tenantId, 'system', { customerId, channel, address: from, message })).conversation.id;
  });
  return { stored: conversationId !== undefined, tenantId, conversationId, customerId, consent };
}

/** The tenant's customer with this phone, created (source whatsapp or sms) when there is none. */
async function customerOf(db: Knex, customers: InboundCustomers, ctx: CommandContext, phone: string, channel: ConversationChannel): Promise<string> {
  const find = async () =>
    ((await db('customers').where({ tenant_id: ctx.principal.tenantId, phone }).whereNull('deleted_at').first('id')) as { id: string } | undefined)?.id;
  const found = await find();
  if (found) return found;
  try {
    return (await customers.create(ctx, { phone, source: channel === 'whatsapp' ? 'whatsapp' : 'sms' })).id;
  } catch (err) {
    // Two first messages at once: the other one created the customer (a duplicate phone is a 409).
    const again = err instanceof AppError && err.status === 409 ? await find() : undefined;
    if (again) return again;
    throw err;
  }
}

/** The media Twilio attached (MediaUrl0…, MediaContentType0…). */
function mediaOf(params: TwilioInbound): Array<{ url: string; contentType: string | null }> {
  const count = Math.min(Number(params.NumMedia ?? 0) || 0, 10);
  return Array.from({ length: count }, (_, i) => ({ url: params[`MediaUrl${i}`] ?? '', contentType: params[`MediaContentType${i}`] ?? null })).filter(
    (m) => m.url,
  );
}
