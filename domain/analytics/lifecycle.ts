import { ScheduleAlreadyRunning } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { ANALYTICS_ROLLUP_SCHEDULE_ID, analyticsRollupWorkflow, SEGMENT_SIZE_SCHEDULE_ID, segmentSizeSnapshotWorkflow } from '../../workflows/analytics';

/** Creates a schedule unless one with its id exists (an existing schedule is left as it is). */
async function ensureSchedule(
  temporal: TemporalProvider,
  id: string,
  every: Duration,
  workflowType: typeof analyticsRollupWorkflow | typeof segmentSizeSnapshotWorkflow,
): Promise<void> {
  const client = await temporal.client();
  try {
    await client.schedule.create({
      scheduleId: `${id}-${temporal.settings.taskQueue}`,
      spec: { intervals: [{ every }] },
      action: { type: 'startWorkflow', workflowType, taskQueue: taskQueues(temporal.settings.taskQueue).main, args: [] },
      policies: { overlap: 'SKIP' },
      state: { triggerImmediately: true },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}

/**
 * Creates the analytics schedules: rollups every 5 minutes (what changes in already materialised
 * slots reaches the answers within that time; new orders and customers are read live) and segment
 * sizes once a day. Both run once at creation, so a fresh deployment has its rollups at once;
 * overlapping runs are skipped.
 */
export async function ensureAnalyticsSchedules(temporal: TemporalProvider): Promise<void> {
  await ensureSchedule(temporal, ANALYTICS_ROLLUP_SCHEDULE_ID, '5 minutes', analyticsRollupWorkflow);
  await ensureSchedule(temporal, SEGMENT_SIZE_SCHEDULE_ID, '1 day', segmentSizeSnapshotWorkflow);
}
