import type { TemporalProvider } from '../../temporal/client';
import { journeyRouterWorkflow, journeyRouterWorkflowId } from '../../workflows/journeyRouter';

/** Starts the journey router on `taskQueue` unless it already runs (called by every worker at start). */
export async function ensureJourneyRouter(temporal: TemporalProvider, taskQueue: string): Promise<void> {
  const client = await temporal.client();
  await client.workflow.start(journeyRouterWorkflow, {
    workflowId: journeyRouterWorkflowId(taskQueue),
    taskQueue,
    args: [],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
