/**
 * Looks up the records journey definitions name (segments, webhook endpoints) in one query per
 * table for any number of definitions, so a page of journeys shows its problems at the cost of a
 * single journey.
 */
import type { Knex } from 'knex';
import type { JourneyDefinition } from './types';
import { referencesOf, validateDefinition, type KnownRecords, type Problem } from './validate';

/** Which of the named segments and endpoints exist in the tenant. */
export async function knownRecords(db: Knex, tenantId: string, defs: JourneyDefinition[]): Promise<KnownRecords> {
  const refs = defs.map(referencesOf);
  const segmentIds = [...new Set(refs.flatMap((r) => r.segmentIds))];
  const endpointIds = [...new Set(refs.flatMap((r) => r.endpointIds))];
  const [segments, endpoints] = await Promise.all([
    segmentIds.length ? db('segments').where('tenant_id', tenantId).whereIn('id', segmentIds).pluck('id') : [],
    endpointIds.length ? db('webhook_endpoints').where('tenant_id', tenantId).whereIn('id', endpointIds).pluck('id') : [],
  ]);
  return { segmentIds: new Set(segments as string[]), endpointIds: new Set(endpoints as string[]) };
}

/** Every problem of each definition, references checked against the tenant's records. */
export async function problemsOf(db: Knex, tenantId: string, defs: JourneyDefinition[]): Promise<Problem[][]> {
  const known = await knownRecords(db, tenantId, defs);
  return defs.map((def) => validateDefinition(def, known));
}
