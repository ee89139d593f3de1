import type { Knex } from 'knex';
import { materialiseTenant, tenantIds } from '../domain/analytics/rollups';
import { snapshotSegmentSizes } from '../domain/analytics/snapshots';

/** Activities of analytics over time: rollup materialisation and segment-size snapshots, decided in domain/analytics. */
export function createAnalyticsActivities(deps: { db: Knex; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /** Every tenant's id, for the rollup run to materialise one by one. */
    analyticsTenants: () => tenantIds(deps.db),
    /** Materialises one tenant's rollups up to the current 15-minute slot (idempotent: safe to retry). */
    async materialiseAnalytics(tenantId: string): Promise<string> {
      const done = await materialiseTenant(deps.db, tenantId);
      return done.materialisedUntil.toISOString();
    },
    /** Records today's member count of every segment (idempotent within a day). */
    snapshotSegmentSizes: () => snapshotSegmentSizes(deps.db, now()),
  };
}
