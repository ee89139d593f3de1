import type { Knex } from 'knex';
import { segmentsDueForRefresh } from '../domain/segments/dueForRefresh';
import { refreshSegmentMembership, type RefreshResult } from '../domain/segments/membership';

/** Activities that keep segment memberships in line with their rules. */
export function createSegmentActivities(deps: { db: Knex; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /** Diffs one segment's members against a fresh SQL evaluation (idempotent: safe to retry). */
    async refreshSegment(tenantId: string, segmentId: string): Promise<RefreshResult | null> {
      return (await refreshSegmentMembership(deps.db, tenantId, segmentId, now())) ?? null;
    },
    /** Segments to refresh on the schedule: time-relative ones, and any not refreshed since their rules changed. */
    segmentsDueForRefresh: () => segmentsDueForRefresh(deps.db),
  };
}
