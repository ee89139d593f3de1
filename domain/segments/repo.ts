import type { Knex } from 'knex';
import type { RuleNode } from '../../rules/ast';
import { eventConditionsOf } from '../../rules/catalogue';
import { isTimeRelative, type SegmentRow } from './types';

/**
 * Writes of the `segments` table (the definitions; memberships and member counts are written by
 * membership.ts beside it). Every other module that needs a segment row changed calls these.
 */

/** What a new segment row holds besides what the database fills in. */
export interface NewSegment {
  tenantId: string;
  name: string;
  description: string | null;
  rules: RuleNode;
  actor: string;
}

/** Changes to a segment's definition; an absent field stays as it is. New rules make the segment pending. */
export interface SegmentChanges {
  name?: string;
  description?: string | null;
  rules?: RuleNode;
  actor: string;
}

/** Inserts a segment (pending: its membership is filled by the refresh its creation starts). */
export async function insertSegment(db: Knex, segment: NewSegment): Promise<SegmentRow> {
  const [row] = await db('segments')
    .insert({
      tenant_id: segment.tenantId,
      name: segment.name,
      description: segment.description,
      rules: JSON.stringify(segment.rules),
      time_relative: isTimeRelative(segment.rules),
      created_by: segment.actor,
      updated_by: segment.actor,
    })
    .returning('*');
  return row as SegmentRow;
}

/** Applies changes to one of the tenant's segments; undefined when it has no such segment. */
export async function updateSegment(db: Knex, tenantId: string, id: string, changes: SegmentChanges): Promise<SegmentRow | undefined> {
  const { rules } = changes;
  const [row] = await db('segments')
    .where({ tenant_id: tenantId, id })
    .update({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...(rules === undefined ? {} : { rules: JSON.stringify(rules), time_relative: isTimeRelative(rules), refreshed_at: null }),
      updated_by: changes.actor,
      updated_at: db.fn.now(),
    })
    .returning('*');
  return row as SegmentRow | undefined;
}

/** Deletes one of the tenant's segments (its memberships cascade); false when there was none. */
export async function deleteSegment(db: Knex, tenantId: string, id: string): Promise<boolean> {
  return (await db('segments').where({ tenant_id: tenantId, id }).delete()) > 0;
}

/**
 * Marks every segment of the tenant pending (`refreshed_at` null), so the scheduled SQL refresh
 * recomputes their membership: after a bulk write of customers, or when a customer's real-time
 * re-evaluation failed. Returns the ids of the segments marked.
 */
export async function markSegmentsPending(db: Knex, tenantId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db('segments').where({ tenant_id: tenantId }).update({ refreshed_at: null }).returning('id');
  return rows.map((r) => r.id);
}

/**
 * Marks pending the segments with event conditions, of the given tenants or of every tenant:
 * retention deleted events they may count ("ever", or a window longer than what is kept), so the
 * scheduled refresh recomputes their membership. Returns the ids marked.
 */
export async function markEventSegmentsPending(db: Knex, tenantIds: string[] | 'all'): Promise<string[]> {
  if (tenantIds !== 'all' && tenantIds.length === 0) return [];
  const query = db('segments').select('id', 'rules');
  if (tenantIds !== 'all') query.whereIn('tenant_id', tenantIds);
  const ids = ((await query) as Array<{ id: string; rules: RuleNode }>).filter((s) => eventConditionsOf(s.rules).length > 0).map((s) => s.id);
  if (ids.length) await db('segments').whereIn('id', ids).update({ refreshed_at: null });
  return ids;
}
