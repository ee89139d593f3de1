import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { tenantSummaryWorkflow, tenantSummaryWorkflowId } from '../../workflows/tenantSummary';
import type { TenantSummary } from './types';

/**
 * Runs the tenant summary workflow and waits for its result. Concurrent callers for the same
 * tenant join the run already in flight (USE_EXISTING) rather than starting another.
 */
export async function runTenantSummary(temporal: TemporalProvider, tenantId: string): Promise<TenantSummary> {
  const client = await temporal.client();
  return client.workflow.execute(tenantSummaryWorkflow, {
    workflowId: tenantSummaryWorkflowId(tenantId),
    taskQueue: taskQueues(temporal.settings.taskQueue).main,
    args: [{ tenantId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowExecutionTimeout: '1 minute',
  });
}
