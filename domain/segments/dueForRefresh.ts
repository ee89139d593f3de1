import type { Knex } from 'knex';

/**
 * Segments the periodic refresh must re-evaluate: time-relative ones (their membership changes
 * with the clock alone) and any whose rules changed since their last refresh (`refreshed_at` null).
 */
export async function segmentsDueForRefresh(db: Knex): Promise<Array<{ tenantId: string; segmentId: string }>> {
  const rows: Array<{ tenant_id: string; id: string }> = await db('segments')
    .where('time_relative', true)
    .orWhereNull('refreshed_at')
    .select('tenant_id', 'id')
    .orderBy('id');
  return rows.map((r) => ({ tenantId: r.tenant_id, segmentId: r.id }));
}
