import { ScheduleNotFoundError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import {
  campaignProgressQuery,
  campaignSendWorkflow,
  campaignWorkflowId,
  cancelCampaignSignal,
  pauseCampaignSignal,
  resumeCampaignSignal,
  type CampaignProgress,
} from '../../workflows/campaignSend';
import { campaignOccurrenceWorkflow, campaignScheduleId } from '../../workflows/campaignOccurrence';
import { campaignTestSendWorkflow, type TestSendResult } from '../../workflows/campaignTestSend';

/**
 * Starts a campaign's send workflow, optionally after a delay (a campaign scheduled for later
 * is a workflow whose first task waits on Temporal's server, not a poller in Herald). Starting
 * twice is harmless: the business id admits one run.
 */
export async function startCampaignSend(temporal: TemporalProvider, tenantId: string, campaignId: string, startDelayMs = 0): Promise<void> {
  const client = await temporal.client();
  try {
    await client.workflow.start(campaignSendWorkflow, {
      workflowId: campaignWorkflowId(tenantId, campaignId),
      taskQueue: taskQueues(temporal.settings.taskQueue).main,
      args: [{ tenantId, campaignId }],
      ...(startDelayMs > 0 ? { startDelay: startDelayMs } : {}),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

const SIGNALS = { pause: pauseCampaignSignal, resume: resumeCampaignSignal, cancel: cancelCampaignSignal };

/** Sends pause, resume or cancel to a campaign's workflow; false when no run exists (never started, or finished). */
export async function signalCampaign(temporal: TemporalProvider, tenantId: string, campaignId: string, signal: keyof typeof SIGNALS): Promise<boolean> {
  const client = await temporal.client();
  try {
    await client.workflow.getHandle(campaignWorkflowId(tenantId, campaignId)).signal(SIGNALS[signal]);
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/** The workflow's live progress, or null when it is not running or does not answer within a second. */
export async function queryCampaignProgress(temporal: TemporalProvider, tenantId: string, campaignId: string): Promise<CampaignProgress | null> {
  try {
    const client = await temporal.client();
    const handle = client.workflow.getHandle(campaignWorkflowId(tenantId, campaignId));
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000).unref());
    // The query goes on after a timeout wins the race; its late failure (the client closing at
    // shutdown: "Channel has been shut down") must not become an unhandled rejection.
    const query = handle.query(campaignProgressQuery).catch(() => null);
    return await Promise.race([query, timeout]);
  } catch {
    return null;
  }
}

/**
 * Creates the Temporal Schedule of a recurring campaign: each occurrence copies the campaign
 * and sends the copy (its own ledger, so recipients get every occurrence once). Overlaps are
 * skipped: an occurrence still sending is never stacked on.
 */
export async function createRecurringSchedule(temporal: TemporalProvider, tenantId: string, campaignId: string, cron: string, timezone: string): Promise<void> {
  const client = await temporal.client();
  await client.schedule.create({
    scheduleId: campaignScheduleId(tenantId, campaignId),
    spec: { cronExpressions: [cron], timezone },
    action: {
      type: 'startWorkflow',
      workflowType: campaignOccurrenceWorkflow,
      taskQueue: taskQueues(temporal.settings.taskQueue).main,
      args: [{ tenantId, campaignId }],
    },
    policies: { overlap: 'SKIP' },
  });
}

/** Pauses, resumes or deletes a recurring campaign's schedule (missing schedules are ignored). */
export async function controlRecurringSchedule(
  temporal: TemporalProvider,
  tenantId: string,
  campaignId: string,
  action: 'pause' | 'resume' | 'delete',
): Promise<void> {
  const client = await temporal.client();
  const handle = client.schedule.getHandle(campaignScheduleId(tenantId, campaignId));
  try {
    if (action === 'pause') await handle.pause('paused through the API');
    else if (action === 'resume') await handle.unpause('resumed through the API');
    else await handle.delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
}

/** Stops a campaign workflow that has not begun (a scheduled send being cancelled before its time). */
export async function terminateCampaignSend(temporal: TemporalProvider, tenantId: string, campaignId: string, reason: string): Promise<void> {
  const client = await temporal.client();
  try {
    await client.workflow.getHandle(campaignWorkflowId(tenantId, campaignId)).terminate(reason);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}

/** Sends a campaign's message to test addresses through the worker's transports and waits for the outcome. */
export async function runTestSend(
  temporal: TemporalProvider,
  tenantId: string,
  campaignId: string,
  addresses: string[],
  customerId: string | null,
): Promise<TestSendResult[]> {
  const client = await temporal.client();
  return client.workflow.execute(campaignTestSendWorkflow, {
    workflowId: `campaign-test-${tenantId}-${campaignId}-${Date.now().toString(36)}`,
    taskQueue: taskQueues(temporal.settings.taskQueue).main,
    args: [{ tenantId, campaignId, addresses, customerId }],
    workflowExecutionTimeout: '1 minute',
  });
}
