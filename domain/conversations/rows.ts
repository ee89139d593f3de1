import type { ConversationChannel, ConversationStatus, ConversationType, MessageDirection, MessageState } from './types';

/** The rows the conversations writer (store.ts) stores and answers, and what its commands take. */

/** A conversations row. */
export interface ConversationRow {
  id: string;
  tenant_id: string;
  customer_id: string | null;
  channel: ConversationChannel;
  address: string | null;
  type: ConversationType;
  status: ConversationStatus;
  category: string | null;
  subject: string | null;
  assignee: string | null;
  satisfaction: number | null;
  message_count: number;
  last_message_at: Date | null;
  last_inbound_at: Date | null;
  awaiting_reply_since: Date | null;
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A conversation_messages row. */
export interface MessageRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  direction: MessageDirection;
  body: string;
  author: string | null;
  content_sid: string | null;
  content_variables: Record<string, string> | null;
  state: MessageState | null;
  provider_id: string | null;
  error: string | null;
  media: unknown[];
  created_at: Date;
  updated_at: Date;
}

/** A message to store: an inbound one (with Twilio's id), an agent's reply, or an internal note. */
export interface NewMessage {
  direction: MessageDirection;
  body: string;
  contentSid?: string | null;
  contentVariables?: Record<string, string> | null;
  providerId?: string | null;
  media?: unknown[];
  /** When it happened; now by default (tests and replays give it). */
  at?: Date;
}

/** A conversation to open, with its first message. */
export interface NewConversation {
  customerId: string | null;
  channel: ConversationChannel;
  address?: string | null;
  type?: ConversationType;
  category?: string | null;
  subject?: string | null;
  assignee?: string | null;
  message: NewMessage;
}

/** What PATCH /conversations/:id may change. */
export interface ConversationChange {
  status?: ConversationStatus;
  assignee?: string | null;
  category?: string | null;
  satisfaction?: number | null;
}
