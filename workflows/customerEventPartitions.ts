import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { maintainCustomerEventPartitions } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes' },
});

/** Id of the Temporal Schedule that keeps customer event partitions ahead and applies retention. */
export const CUSTOMER_EVENT_PARTITIONS_SCHEDULE_ID = 'herald-customer-event-partitions';

/** Run daily by the schedule: one upkeep pass of customer_events' partitions (domain/customerEvents/partitions.ts). */
export async function customerEventPartitionsWorkflow() {
  return maintainCustomerEventPartitions();
}
