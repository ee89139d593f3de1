import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities';

const { processConversationInbound } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

/** Business id of the inbound processor: one per task queue (deployment). */
export const conversationInboundWorkflowId = (taskQueue: string) => `conversation-inbound-${taskQueue}`;

/**
 * The inbound processor: runs forever as a chain of long activities, each applying the messages
 * Twilio's webhook queued (domain/conversations/inboundProcessor.ts). Continues as new when the
 * history grows, so it never ends and never bloats.
 */
export async function conversationInboundWorkflow(): Promise<void> {
  for (;;) {
    await processConversationInbound();
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof conversationInboundWorkflow>();
  }
}
