import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { sendConversationReply } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

/** The workflow id of one message's reply workflow: one per message, so a second start is refused. */
export const conversationReplyWorkflowId = (messageId: string) => `conversation-reply-${messageId}`;

/** Input of a conversation reply: the queued message to send. */
export interface ConversationReplyInput {
  tenantId: string;
  messageId: string;
}

/** Sends one queued conversation message (an agent's reply) through the worker's SMS/WhatsApp transport; answers its final state. */
export async function conversationReplyWorkflow(input: ConversationReplyInput): Promise<string> {
  return sendConversationReply(input.tenantId, input.messageId);
}
