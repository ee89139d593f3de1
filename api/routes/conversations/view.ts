import type { ConversationRow, MessageRow } from '../../../domain/conversations/rows';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A conversation as the API shows it (camelCase, ISO times). */
export const conversationView = (c: ConversationRow) => ({
  id: c.id,
  customerId: c.customer_id,
  channel: c.channel,
  address: c.address,
  type: c.type,
  status: c.status,
  category: c.category,
  subject: c.subject,
  assignee: c.assignee,
  satisfaction: c.satisfaction,
  messageCount: c.message_count,
  lastMessageAt: iso(c.last_message_at),
  lastInboundAt: iso(c.last_inbound_at),
  resolvedAt: iso(c.resolved_at),
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});

/** A message as the API shows it. */
export const messageView = (m: MessageRow) => ({
  id: m.id,
  direction: m.direction,
  body: m.body,
  author: m.author,
  contentSid: m.content_sid,
  contentVariables: m.content_variables,
  state: m.state,
  error: m.error,
  createdAt: m.created_at.toISOString(),
  updatedAt: m.updated_at.toISOString(),
});
