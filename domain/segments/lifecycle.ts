import { ScheduleAlreadyRunning } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { refreshDueSegmentsWorkflow, refreshSegmentWorkflow, SEGMENT_REFRESH_SCHEDULE_ID, segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';

/**
 * Starts the membership refresh of a segment whose rules changed. A refresh still running for
 * the previous definition is replaced, so the last definition always wins.
 */
export async function startSegmentRefresh(temporal: TemporalProvider, tenantId: string, segmentId: string): Promise<void> {
  const client = await temporal.client();
  await client.workflow.start(refreshSegmentWorkflow, {
    workflowId: segmentRefreshWorkflowId(tenantId, segmentId),
    taskQueue: taskQueues(temporal.settings.taskQueue).main,
    args: [{ tenantId, segmentId }],
    workflowIdConflictPolicy: 'TERMINATE_EXISTING',
  });
}

/**
 * Creates the Temporal Schedule that re-checks time-relative segments (and any left pending)
 * every `every` (e.g. '5 minutes'); an existing schedule is left as it is. Overlapping runs are
 * skipped: a slow refresh is never stacked on itself.
 */
export async function ensureSegmentRefreshSchedule(temporal: TemporalProvider, every: string): Promise<void> {
  const client = await temporal.client();
  try {
    await client.schedule.create({
      scheduleId: `${SEGMENT_REFRESH_SCHEDULE_ID}-${temporal.settings.taskQueue}`,
      spec: { intervals: [{ every: every as Duration }] },
      action: { type: 'startWorkflow', workflowType: refreshDueSegmentsWorkflow, taskQueue: taskQueues(temporal.settings.taskQueue).main, args: [] },
      policies: { overlap: 'SKIP' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
