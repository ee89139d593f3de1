import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { journeyRouterWorkflow, journeyRouterWorkflowId } from '../../workflows/journeyRouter';
import { journeyRunnerWorkflow, journeyRunnerWorkflowId } from '../../workflows/journeyRunner';

/** Starts one of the journeys' long-running loops on `taskQueue` unless it already runs. */
async function ensureLoop(
  temporal: TemporalProvider,
  workflow: typeof journeyRunnerWorkflow | typeof journeyRouterWorkflow,
  workflowId: string,
  taskQueue: string,
) {
  const client = await temporal.client();
  await client.workflow.start(workflow, { workflowId, taskQueue, args: [], workflowIdConflictPolicy: 'USE_EXISTING' });
}

/**
 * Starts the journey runner on `taskQueue` (the deployment's main queue by default) unless it
 * already runs: every worker calls it at start, and tests call it beside the relay's.
 */
export async function ensureJourneyRunner(temporal: TemporalProvider, taskQueue = taskQueues(temporal.settings.taskQueue).main): Promise<void> {
  await ensureLoop(temporal, journeyRunnerWorkflow, journeyRunnerWorkflowId(taskQueue), taskQueue);
}

/** Starts the journey router on `taskQueue` (the deployment's main queue by default) unless it already runs (called by every worker at start). */
export async function ensureJourneyRouter(temporal: TemporalProvider, taskQueue = taskQueues(temporal.settings.taskQueue).main): Promise<void> {
  await ensureLoop(temporal, journeyRouterWorkflow, journeyRouterWorkflowId(taskQueue), taskQueue);
}
