import type { Knex } from 'knex';
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
    async segmentsDueForRefresh(): Promise<Array<{ tenantId: string; segmentId: string }>> {
      const rows = await deps.db('segments').where('time_relative', true).orWhereNull('refreshed_at').select('tenant_id', 'id').orderBy('id');
      return rows.map((r) => ({ tenantId: r.tenant_id, segmentId: r.id }));
    },
  };
}
