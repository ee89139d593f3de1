import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { importCustomersWorkflow, importWorkflowId } from '../../workflows/importCustomers';

/** Starts the workflow of an import; its business id makes a second start a no-op. */
export async function startImportWorkflow(temporal: TemporalProvider, tenantId: string, importId: string): Promise<void> {
  const client = await temporal.client();
  await client.workflow.start(importCustomersWorkflow, {
    workflowId: importWorkflowId(tenantId, importId),
    taskQueue: taskQueues(temporal.settings.taskQueue).main,
    args: [{ tenantId, importId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
