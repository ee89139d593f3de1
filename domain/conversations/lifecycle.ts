import { ScheduleAlreadyRunning, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { conversationInboundWorkflow, conversationInboundWorkflowId } from '../../workflows/conversationInbound';
import { conversationReplyWorkflow, conversationReplyWorkflowId } from '../../workflows/conversationReply';
import { CONVERSATION_REPLY_SWEEP_SCHEDULE_ID, conversationReplySweepWorkflow } from '../../workflows/conversationReplySweep';

/**
 * Starts the workflow that sends one queued conversation message through the worker's transports
 * (the API process never loads them). One workflow per message id: starting twice is harmless.
 */
export async function startConversationReply(temporal: TemporalProvider, tenantId: string, messageId: string): Promise<void> {
  const client = await temporal.client();
  try {
    await client.workflow.start(conversationReplyWorkflow, {
      workflowId: conversationReplyWorkflowId(messageId),
      taskQueue: taskQueues(temporal.settings.taskQueue).main,
      args: [{ tenantId, messageId }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * Creates the Temporal Schedule that sweeps, every minute, for replies left `queued` because the
 * API could not start their workflow (Temporal unreachable at that moment): nothing an agent sent
 * is lost, it leaves at most about a minute late. An existing schedule is left as it is;
 * overlapping runs are skipped.
 */
export async function ensureConversationReplySweep(temporal: TemporalProvider): Promise<void> {
  const client = await temporal.client();
  try {
    await client.schedule.create({
      scheduleId: `${CONVERSATION_REPLY_SWEEP_SCHEDULE_ID}-${temporal.settings.taskQueue}`,
      spec: { intervals: [{ every: '1 minute' }] },
      action: { type: 'startWorkflow', workflowType: conversationReplySweepWorkflow, taskQueue: taskQueues(temporal.settings.taskQueue).main, args: [] },
      policies: { overlap: 'SKIP' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}

/**
 * Starts the inbound processor (the workflow that applies what Twilio's webhook queued) on
 * `taskQueue`, the deployment's main queue by default, unless it already runs: every worker calls
 * it at start, and tests call it on their own queue.
 */
export async function ensureConversationInbound(temporal: TemporalProvider, taskQueue = taskQueues(temporal.settings.taskQueue).main): Promise<void> {
  const client = await temporal.client();
  await client.workflow.start(conversationInboundWorkflow, {
    workflowId: conversationInboundWorkflowId(taskQueue),
    taskQueue,
    args: [],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
