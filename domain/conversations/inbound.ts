import type { Knex } from 'knex';
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

/** What the inbound flow needs from the customers module (its commands write customers), bound to the processor's transaction. */
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

/** The tenant an inbound number belongs to, with the setting threading needs. */
export interface InboundTenant {
  id: string;
  /** `conversationReopenDays`, or {@link DEFAULT_REOPEN_DAYS}. */
  reopenDays: number;
}

/**
 * Which tenant each Twilio number (E.164, without `whatsapp:`) belongs to: the tenant whose
 * messaging settings list it in `inboundNumbers`. A number none or several tenants list is absent
 * from the answer. One read for a whole batch of messages.
 */
export async function tenantsOfNumbers(db: Knex, numbers: string[]): Promise<Map<string, InboundTenant>> {
  const { rows } = await db.raw<{ rows: Array<{ number: string; id: string; reopen: unknown }> }>(
    `SELECT n.number, t.id, t.settings->'messaging'->'conversationReopenDays' AS reopen
     FROM unnest(?::text[]) AS n(number)
     JOIN tenants t ON t.settings->'messaging'->'inboundNumbers' @> jsonb_build_array(n.number)`,
    [[...new Set(numbers)]],
  );
  const claims = new Map<string, InboundTenant[]>();
  for (const r of rows)
    claims.set(r.number, [...(claims.get(r.number) ?? []), { id: r.id, reopenDays: typeof r.reopen === 'number' ? r.reopen : DEFAULT_REOPEN_DAYS }]);
  return new Map([...claims].filter(([, tenants]) => tenants.length === 1).map(([number, tenants]) => [number, tenants[0]!]));
}

/** One queued inbound message: Twilio's parameters and when the webhook received them. */
export interface InboundMessage {
  params: TwilioInbound;
  receivedAt: Date;
}

/**
 * Applies one inbound SMS or WhatsApp message for a tenant (the worker's inbound processor calls it
 * for each queued row): a MessageSid already stored (Twilio retrying after processing) changes
 * nothing; otherwise the customer is found by E.164 phone (or created with source
 * `whatsapp`/`sms`), STOP/START switch SMS consent, and the message is appended to the customer's
 * latest unresolved thread on that channel, reopens a thread resolved within the tenant's
 * `conversationReopenDays`, or opens a new one. A sender that is not a phone number is stored on a
 * thread with no customer.
 *
 * Everything is written in `trx`, the processor's transaction, which also deletes the queue row:
 * the customer (created through the customers module's commands, bound to that transaction by the
 * processor), its consent, the thread, message, statistics and events are applied once or not at
 * all. The processor applies one sender's messages in order and one at a time, so no lock is
 * taken here.
 */
export async function applyInbound(
  trx: Knex.Transaction,
  customers: InboundCustomers,
  tenant: InboundTenant,
  { params, receivedAt }: InboundMessage,
): Promise<InboundOutcome> {
  const tenantId = tenant.id;
  const providerId = params.MessageSid || null;
  if (providerId && (await trx('conversation_messages').where({ provider_id: providerId }).first('id'))) return { stored: false, tenantId };
  const from = params.From ?? '';
  const channel: ConversationChannel = from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const raw = from.replace(/^whatsapp:/, '');
  // Only a number in international form that libphonenumber accepts is a customer's phone.
  const phone = raw.startsWith('+') ? normalisePhone(raw, 'US') : undefined;
  const ctx = inboundContext(tenantId);
  let customerId: string | null = null;
  let consent: InboundOutcome['consent'];
  if (phone) {
    customerId = await customerOf(trx, customers, ctx, phone, channel);
    consent = optOut(params);
    if (consent) await customers.update(ctx, customerId, { preferences: { sms: consent === 'given' } });
  }
  const message = { direction: 'inbound' as const, body: (params.Body ?? '').slice(0, 4096), providerId, media: mediaOf(params), at: receivedAt };
  const latest = (await trx('conversations')
    .where({ tenant_id: tenantId, channel, ...(customerId ? { customer_id: customerId } : { address: from }) })
    .modify((q) => (customerId ? q : q.whereNull('customer_id')))
    .orderBy('created_at', 'desc')
    .first()) as ConversationRow | undefined;
  const reusable =
    latest && (latest.status !== 'resolved' || (latest.resolved_at && receivedAt.getTime() - latest.resolved_at.getTime() <= tenant.reopenDays * 86_400_000));
  const conversationId = reusable
    ? (await appendMessage(trx, tenantId, 'system', latest.id, message)).conversation.id
    : (await openConversation(trx, tenantId, 'system', { customerId, channel, address: from, message })).conversation.id;
  return { stored: true, tenantId, conversationId, customerId, consent };
}

/**
 * The tenant's customer with this phone, created (source whatsapp or sms) when there is none, in
 * the processor's transaction. A customer with that phone created meanwhile by someone else (an
 * API call, an import) makes the create fail and with it the pass, whose rows are retried one by
 * one: the retry finds that customer.
 */
async function customerOf(trx: Knex, customers: InboundCustomers, ctx: CommandContext, phone: string, channel: ConversationChannel): Promise<string> {
  const found = (await trx('customers').where({ tenant_id: ctx.principal.tenantId, phone }).whereNull('deleted_at').first('id')) as { id: string } | undefined;
  if (found) return found.id;
  return (await customers.create(ctx, { phone, source: channel === 'whatsapp' ? 'whatsapp' : 'sms' })).id;
}

/** The media Twilio attached (MediaUrl0…, MediaContentType0…). */
function mediaOf(params: TwilioInbound): Array<{ url: string; contentType: string | null }> {
  const count = Math.min(Number(params.NumMedia ?? 0) || 0, 10);
  return Array.from({ length: count }, (_, i) => ({ url: params[`MediaUrl${i}`] ?? '', contentType: params[`MediaContentType${i}`] ?? null })).filter(
    (m) => m.url,
  );
}
