import type { Knex } from 'knex';
import type { JourneyStatus } from './types';

/**
 * What the router reads about journeys: the tenant's live journeys, read on every pass (one probe
 * of the `journeys_live` index), so a journey takes entries from the first event after its publish
 * and stops at the first event after its pause or archive. Versions come from versionCache.ts.
 */

/** A journey that is or was published: its status and the version new runs enter. */
export interface LiveJourney {
  id: string;
  tenantId: string;
  name: string;
  status: Exclude<JourneyStatus, 'draft'>;
  currentVersionId: string | null;
}

/** The live journeys (active, paused, archived) of these tenants, by tenant. */
export async function liveJourneysOf(db: Knex, tenantIds: string[]): Promise<Map<string, LiveJourney[]>> {
  const byTenant = new Map<string, LiveJourney[]>();
  if (!tenantIds.length) return byTenant;
  const { rows } = await db.raw<{ rows: LiveJourney[] }>(
    `SELECT id, tenant_id AS "tenantId", name, status, current_version_id AS "currentVersionId" FROM journeys
     WHERE tenant_id = ANY(?::uuid[]) AND status IN ('active', 'paused', 'archived') ORDER BY created_at, id`,
    [tenantIds],
  );
  for (const row of rows) byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row]);
  return byTenant;
}
