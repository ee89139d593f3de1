/**
 * Looks up the records journey definitions name (segments, webhook endpoints, the journeys chained
 * entries enter on) in one query per kind for any number of definitions, so a page of journeys
 * shows its problems at the cost of a single journey.
 */
import type { Knex } from 'knex';
import { chainedJourneyOf, type ChainLink } from './chains';
import type { JourneyDefinition } from './types';
import { referencesOf, validateDefinition, type KnownRecords, type Problem } from './validate';

/**
 * The tenant's journeys reachable along chained entries from `ids`: the journeys named, the ones
 * their current versions enter on, and so on (a recursive query; UNION ends it on a ring). A
 * journey's link counts only while it is active or paused (chains.ts says why).
 */
async function chainLinks(db: Knex, tenantId: string, ids: string[]): Promise<Map<string, ChainLink>> {
  if (!ids.length) return new Map();
  const link = `SELECT j.id, j.name, CASE WHEN j.status IN ('active', 'paused') THEN j.entry_journey_id END AS enters_on FROM journeys j`;
  const { rows } = await db.raw<{ rows: Array<{ id: string; name: string; enters_on: string | null }> }>(
    `WITH RECURSIVE chain AS (
       ${link} WHERE j.tenant_id = ? AND j.id = ANY(?::uuid[])
       UNION
       ${link} JOIN chain c ON j.id = c.enters_on WHERE j.tenant_id = ?
     ) SELECT id, name, enters_on FROM chain`,
    [tenantId, ids, tenantId],
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, entersOn: r.enters_on }]));
}

/** Which of the named segments, endpoints and journeys exist in the tenant (journeys with the chains they lead to). */
export async function knownRecords(db: Knex, tenantId: string, defs: JourneyDefinition[]): Promise<KnownRecords> {
  const refs = defs.map(referencesOf);
  const segmentIds = [...new Set(refs.flatMap((r) => r.segmentIds))];
  const endpointIds = [...new Set(refs.flatMap((r) => r.endpointIds))];
  const journeyIds = [...new Set(defs.map(chainedJourneyOf).filter((id) => id !== undefined))];
  const [segments, endpoints, journeys] = await Promise.all([
    segmentIds.length ? db('segments').where('tenant_id', tenantId).whereIn('id', segmentIds).pluck('id') : [],
    endpointIds.length ? db('webhook_endpoints').where('tenant_id', tenantId).whereIn('id', endpointIds).pluck('id') : [],
    chainLinks(db, tenantId, journeyIds),
  ]);
  return { segmentIds: new Set(segments as string[]), endpointIds: new Set(endpoints as string[]), journeys };
}

/** Every problem of each journey's draft, references checked against the tenant's records. */
export async function problemsOf(db: Knex, tenantId: string, journeys: Array<{ id: string; draft: JourneyDefinition }>): Promise<Problem[][]> {
  const known = await knownRecords(
    db,
    tenantId,
    journeys.map((j) => j.draft),
  );
  return journeys.map((j) => validateDefinition(j.draft, known, j.id));
}
