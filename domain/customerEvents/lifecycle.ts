import { ScheduleAlreadyRunning } from '@temporalio/client';
import type { TemporalProvider } from '../../temporal/client';
import { taskQueues } from '../../temporal/taskQueues';
import { CUSTOMER_EVENT_PARTITIONS_SCHEDULE_ID, customerEventPartitionsWorkflow } from '../../workflows/customerEventPartitions';

/**
 * Creates the daily Temporal Schedule of customer event partition upkeep (partitions three
 * months ahead, retention), with a first run at once so a fresh deployment has its months;
 * an existing schedule is left as it is. Overlapping runs are skipped.
 */
export async function ensureCustomerEventPartitionSchedule(temporal: TemporalProvider): Promise<void> {
  const client = await temporal.client();
  try {
    await client.schedule.create({
      scheduleId: `${CUSTOMER_EVENT_PARTITIONS_SCHEDULE_ID}-${temporal.settings.taskQueue}`,
      spec: { intervals: [{ every: '1 day' }] },
      action: { type: 'startWorkflow', workflowType: customerEventPartitionsWorkflow, taskQueue: taskQueues(temporal.settings.taskQueue).main, args: [] },
      policies: { overlap: 'SKIP' },
      state: { triggerImmediately: true },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
