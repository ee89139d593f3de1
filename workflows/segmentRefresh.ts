import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { refreshSegment, segmentsDueForRefresh } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '15 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/** Input of {@link refreshSegmentWorkflow}: ids only. */
export interface RefreshSegmentInput {
  tenantId: string;
  segmentId: string;
}

/** Business id of a segment's refresh: a new definition replaces a refresh still running. */
export const segmentRefreshWorkflowId = (tenantId: string, segmentId: string) => `segment-refresh-${tenantId}-${segmentId}`;

/** Id of the Temporal Schedule that re-checks time-relative and pending segments. */
export const SEGMENT_REFRESH_SCHEDULE_ID = 'herald-segment-refresh';

/** Recomputes one segment's membership through the SQL path (after its rules change). */
export async function refreshSegmentWorkflow(input: RefreshSegmentInput) {
  return refreshSegment(input.tenantId, input.segmentId);
}

/**
 * Run by the schedule: refreshes every segment whose truth moves with time (withinLastDays…)
 * and every segment never refreshed since its rules changed (e.g. created while Temporal was
 * down), one activity per segment so a failure retries only that segment.
 */
export async function refreshDueSegmentsWorkflow(): Promise<number> {
  const due = await segmentsDueForRefresh();
  for (const s of due) await refreshSegment(s.tenantId, s.segmentId);
  return due.length;
}
