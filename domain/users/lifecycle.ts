import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { userEmailWorkflow, userEmailWorkflowId } from '../../workflows/userEmail';

/**
 * Starts the workflow that mails a token's link through the worker (which owns the e-mail
 * transport; the API process holds none). Starting twice for one token is harmless.
 */
export async function startUserEmail(temporal: TemporalProvider, tokenId: string): Promise<void> {
  const client = await temporal.client();
  try {
    await client.workflow.start(userEmailWorkflow, {
      workflowId: userEmailWorkflowId(tokenId),
      taskQueue: taskQueues(temporal.settings.taskQueue).main,
      args: [tokenId],
      workflowExecutionTimeout: '1 hour',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
