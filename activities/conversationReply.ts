import type { Knex } from 'knex';
import type { MessagingDeps } from '../domain/campaigns/pageSender';
import { sendConversationMessage, staleQueuedReplies } from '../domain/conversations/sender';

/** The activities that send agents' replies on conversations (domain/conversations/sender.ts). */
export function createConversationReplyActivities(deps: { db: Knex; messaging?: MessagingDeps }) {
  return {
    /** Sends one queued conversation message; answers the state it ended in. */
    async sendConversationReply(tenantId: string, messageId: string): Promise<string> {
      if (!deps.messaging) throw new Error('This worker has no messaging transports configured');
      return sendConversationMessage({ db: deps.db, sms: deps.messaging.channels.sms, publicUrl: deps.messaging.publicUrl }, tenantId, messageId);
    },
    /** Replies left queued past the sweep's delay (their workflow never started), for the sweep to start. */
    async staleConversationReplies(): Promise<Array<{ tenantId: string; messageId: string }>> {
      return staleQueuedReplies(deps.db);
    },
  };
}
