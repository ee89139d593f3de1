import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { replayDeliveries } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Input of {@link webhookReplayWorkflow}: ids only; the job row holds the range and the progress. */
export interface ReplayInput {
  tenantId: string;
  replayId: string;
}

/** Business id of a replay job. */
export const webhookReplayWorkflowId = (replayId: string) => `webhook-replay-${replayId}`;

/**
 * Re-queues an endpoint's deliveries in a time range (all, or failed only), in keyset pages
 * whose cursor the activity heartbeats, so any number of deliveries is replayed and a retried
 * activity resumes where it stopped. Progress is on the job row.
 */
export async function webhookReplayWorkflow(input: ReplayInput): Promise<number> {
  return replayDeliveries(input.tenantId, input.replayId);
}
