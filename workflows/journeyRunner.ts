import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities';

const { runJourneys } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

/** Business id of the journey runner: one per task queue (deployment). */
export const journeyRunnerWorkflowId = (taskQueue: string) => `journey-runner-${taskQueue}`;

/**
 * The journey runner: runs forever as a chain of long activities, each executing due journey
 * runs (claimed from their table, not held as workflows) and heartbeating its counts. Continues
 * as new when the history grows, so it never ends and never bloats.
 */
export async function journeyRunnerWorkflow(): Promise<void> {
  for (;;) {
    await runJourneys();
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof journeyRunnerWorkflow>();
  }
}
