/**
 * Conversations (issue 18): the shapes shared by the inbound webhook, the agent API, the worker
 * that sends replies, and the statistics. A conversation is one thread with one customer on one
 * channel; its messages are inbound (from the customer), outbound (an agent's reply, sent through
 * Twilio and tracked like a ledger row) or internal (a note never sent).
 */

/** Channels a conversation runs on: Twilio SMS, Twilio WhatsApp, or `note` (logged by an agent, nothing is sent). */
export const CONVERSATION_CHANNELS = ['sms', 'whatsapp', 'note'] as const;

/** One of {@link CONVERSATION_CHANNELS}. */
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

/** Where a thread stands: `open` (needs the team), `pending` (waiting on the customer), `resolved`. */
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved'] as const;

/** One of {@link CONVERSATION_STATUSES}. */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** A plain conversation, or a complaint (seed 002: counted per category in the complaint statistics). */
export const CONVERSATION_TYPES = ['conversation', 'complaint'] as const;

/** One of {@link CONVERSATION_TYPES}. */
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

/** Who wrote a message: the customer, an agent's reply that is sent, or an agent's internal note. */
export type MessageDirection = 'inbound' | 'outbound' | 'internal';

/**
 * An outbound message's delivery state, as a ledger row's: `queued` (stored, not yet handed to the
 * worker's sender), `sending` (claimed), `sent` (Twilio accepted it), then `delivered` or
 * `undelivered` from the status callback, or `failed`. Inbound messages are `received`; notes have none.
 */
export type MessageState = 'received' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';

/** Longest message body per channel (SMS: Twilio's 1,600 characters; WhatsApp: 4,096). */
export const BODY_LIMITS: Record<ConversationChannel, number> = { sms: 1600, whatsapp: 4096, note: 4096 };

/** WhatsApp's customer-care window: free-form messages only this long after the customer's last inbound message. */
export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;
