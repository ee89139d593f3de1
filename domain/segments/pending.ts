import type { Knex } from 'knex';

/**
 * Marks every segment of a tenant for a refresh (its membership may be stale: a bulk write
 * changed many customers, or a per-customer re-evaluation failed) and answers their ids. The
 * scheduled refresh picks up segments without `refreshed_at`.
 */
export async function markSegmentsPending(db: Knex, tenantId: string): Promise<string[]> {
  const rows = await db('segments').where({ tenant_id: tenantId }).update({ refreshed_at: null }).returning('id');
  return rows.map((r: { id: string }) => r.id);
}
