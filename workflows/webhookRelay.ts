import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities';

const { relayEvents } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

/** Business id of the outbox relay: one per task queue (deployment). */
export const webhookRelayWorkflowId = (taskQueue: string) => `webhook-relay-${taskQueue}`;

/**
 * The outbox relay: runs forever as a chain of long activities, each turning committed events
 * into deliveries as they arrive (LISTEN/NOTIFY with a polling fallback) and waking dispatchers.
 * Continues as new when the history grows, so it never ends and never bloats.
 */
export async function webhookRelayWorkflow(): Promise<void> {
  for (;;) {
    await relayEvents();
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof webhookRelayWorkflow>();
  }
}
