import type { Knex } from 'knex';
import type { JourneyDefinition, JourneyStatus } from './types';

/**
 * What the router reads about journeys: the tenant's live journeys (read on every pass: one probe
 * of the `journeys_live` index, so a journey takes entries from the first event after its publish
 * and stops at the first event after its pause or archive) and published versions, which are
 * immutable and so cached by id for the worker's life.
 */

/** A journey that is or was published: its status and the version new runs enter. */
export interface LiveJourney {
  id: string;
  tenantId: string;
  name: string;
  status: Exclude<JourneyStatus, 'draft'>;
  currentVersionId: string | null;
}

/** A published version as the router needs it. */
export interface RoutedVersion {
  id: string;
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
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

/** Versions kept in memory by one router (the oldest read are dropped first). */
const VERSION_CACHE_SIZE = 2000;

/** A cache of published versions by id; they never change once published. */
export function createVersionCache(size = VERSION_CACHE_SIZE) {
  const cache = new Map<string, RoutedVersion>();
  return {
    /** The versions with these ids (reading those not cached yet in one query); unknown ids are absent. */
    async load(db: Knex, ids: Iterable<string>): Promise<Map<string, RoutedVersion>> {
      const wanted = [...new Set(ids)];
      const missing = wanted.filter((id) => !cache.has(id));
      if (missing.length) {
        const { rows } = await db.raw<{ rows: RoutedVersion[] }>(
          `SELECT id, journey_id AS "journeyId", version, definition FROM journey_versions WHERE id = ANY(?::uuid[])`,
          [missing],
        );
        for (const row of rows) {
          if (cache.size >= size) cache.delete(cache.keys().next().value as string);
          cache.set(row.id, row);
        }
      }
      const found = new Map<string, RoutedVersion>();
      for (const id of wanted) {
        const v = cache.get(id);
        if (v) found.set(id, v);
      }
      return found;
    },
  };
}

/** A router's version cache. */
export type VersionCache = ReturnType<typeof createVersionCache>;
