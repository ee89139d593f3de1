import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, WorkflowIdReusePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type * as activities from '../activities';
import { conversationReplyWorkflow, conversationReplyWorkflowId } from './conversationReply';

const { staleConversationReplies } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});

/** Id of the Temporal Schedule that runs the sweep every minute. */
export const CONVERSATION_REPLY_SWEEP_SCHEDULE_ID = 'herald-conversation-reply-sweep';

/**
 * Starts the reply workflow of every message left `queued` (the API's start after its commit
 * failed), as an abandoned child under the message's own workflow id. A message whose workflow
 * exists, running or finished, is refused by that id (REJECT_DUPLICATE) and skipped: the sweep
 * only ever starts a reply that never had a workflow. Answers how many it started.
 */
export async function conversationReplySweepWorkflow(): Promise<number> {
  let started = 0;
  for (const { tenantId, messageId } of await staleConversationReplies()) {
    try {
      await startChild(conversationReplyWorkflow, {
        workflowId: conversationReplyWorkflowId(messageId),
        args: [{ tenantId, messageId }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      started += 1;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  return started;
}
