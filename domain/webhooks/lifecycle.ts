import type { Client } from '@temporalio/client';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { wakeDispatcherSignal, webhookDispatcherWorkflow, webhookDispatcherWorkflowId } from '../../workflows/webhookDispatcher';
import { webhookRelayWorkflow, webhookRelayWorkflowId } from '../../workflows/webhookRelay';
import { webhookReplayWorkflow, webhookReplayWorkflowId } from '../../workflows/webhookReplay';

/**
 * Starts or wakes an endpoint's dispatcher (signalWithStart: one call whether it runs or not).
 * Takes a client so both the API (through the provider) and activities (through their context)
 * use the same code.
 */
export async function wakeDispatcher(client: Client, taskQueue: string, tenantId: string, endpointId: string): Promise<void> {
  await client.workflow.signalWithStart(webhookDispatcherWorkflow, {
    workflowId: webhookDispatcherWorkflowId(endpointId),
    taskQueue,
    args: [{ tenantId, endpointId }],
    signal: wakeDispatcherSignal,
    signalArgs: [],
  });
}

/** The API's side of {@link wakeDispatcher}. */
export async function wakeDispatcherFromApi(temporal: TemporalProvider, tenantId: string, endpointId: string): Promise<void> {
  await wakeDispatcher(await temporal.client(), taskQueues(temporal.settings.taskQueue).main, tenantId, endpointId);
}

/** Starts the outbox relay unless it already runs (called by every worker at start). */
export async function ensureWebhookRelay(temporal: TemporalProvider): Promise<void> {
  const client = await temporal.client();
  const queue = taskQueues(temporal.settings.taskQueue).main;
  await client.workflow.start(webhookRelayWorkflow, {
    workflowId: webhookRelayWorkflowId(queue),
    taskQueue: queue,
    args: [],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** Starts the replay job's workflow. */
export async function startReplay(temporal: TemporalProvider, tenantId: string, replayId: string): Promise<void> {
  const client = await temporal.client();
  await client.workflow.start(webhookReplayWorkflow, {
    workflowId: webhookReplayWorkflowId(replayId),
    taskQueue: taskQueues(temporal.settings.taskQueue).main,
    args: [{ tenantId, replayId }],
  });
}
