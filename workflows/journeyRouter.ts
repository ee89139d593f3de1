import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities';

const { routeJourneyEvents } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

/** Business id of the journey router: one per task queue (deployment). */
export const journeyRouterWorkflowId = (taskQueue: string) => `journey-router-${taskQueue}`;

/**
 * The journey router: runs forever as a chain of long activities, each routing queued events to
 * journeys (entries, wake-ups, conversions, exits; domain/journeys/router.ts). Continues as new
 * when the history grows, so it never ends and never bloats.
 */
export async function journeyRouterWorkflow(): Promise<void> {
  for (;;) {
    await routeJourneyEvents();
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof journeyRouterWorkflow>();
  }
}
