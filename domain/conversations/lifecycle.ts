import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { conversationReplyWorkflow } from '../../workflows/conversationReply';

/**
 * Starts the workflow that sends one queued conversation message through the worker's transports
 * (the API process never loads them). One workflow per message id: starting twice is harmless.
 */
export async function startConversationReply(temporal: TemporalProvider, tenantId: string, messageId: string): Promise<void> {
  const client = await temporal.client();
  try {
    await client.workflow.start(conversationReplyWorkflow, {
      workflowId: `conversation-reply-${messageId}`,
      taskQueue: taskQueues(temporal.settings.taskQueue).main,
      args: [{ tenantId, messageId }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
