import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { journeyRunnerWorkflow, journeyRunnerWorkflowId } from '../../workflows/journeyRunner';

/**
 * Starts the journey runner on `taskQueue` (the deployment's main queue by default) unless it
 * already runs: every worker calls it at start, and tests call it beside the relay's.
 */
export async function ensureJourneyRunner(temporal: TemporalProvider, taskQueue = taskQueues(temporal.settings.taskQueue).main): Promise<void> {
  const client = await temporal.client();
  await client.workflow.start(journeyRunnerWorkflow, {
    workflowId: journeyRunnerWorkflowId(taskQueue),
    taskQueue,
    args: [],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
