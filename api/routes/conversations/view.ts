import { conversationSummary } from '../../../domain/conversations/queries';
import type { MessageRow } from '../../../domain/conversations/rows';

/** A conversation as the API shows it: the same view the customer's lists use. */
export const conversationView = conversationSummary;

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
