import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { analyticsTenants, materialiseAnalytics, snapshotSegmentSizes } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes' },
});

/** Id of the Temporal Schedule that materialises the analytics rollups. */
export const ANALYTICS_ROLLUP_SCHEDULE_ID = 'herald-analytics-rollups';
/** Id of the Temporal Schedule that records segment sizes once a day. */
export const SEGMENT_SIZE_SCHEDULE_ID = 'herald-segment-size-snapshots';

/**
 * Run by the rollup schedule: materialises each tenant's rollups, one activity per tenant so a
 * failure retries only that tenant. Returns how many tenants were materialised.
 */
export async function analyticsRollupWorkflow(): Promise<number> {
  const tenants = await analyticsTenants();
  for (const tenantId of tenants) await materialiseAnalytics(tenantId);
  return tenants.length;
}

/** Run daily by the segment-size schedule: one snapshot row per segment for the day. */
export async function segmentSizeSnapshotWorkflow(): Promise<number> {
  return snapshotSegmentSizes();
}
