/**
 * Row access shared by the journey commands.
 */
import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import type { JourneyRow } from './rows';

/** Finds a journey row of the tenant, locked for the caller's transaction, or 404. */
export async function lockJourney(trx: Knex, tenantId: string, id: string): Promise<JourneyRow> {
  const row = (await trx('journeys').where({ tenant_id: tenantId, id }).forUpdate().first()) as JourneyRow | undefined;
  if (!row) throw notFound('Journey');
  return row;
}
