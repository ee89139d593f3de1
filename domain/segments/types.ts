import type { RuleNode } from '../../rules/ast';
import { iso } from '../../lib/time';

/** A segment as the API shows it. */
export interface Segment {
  id: string;
  name: string;
  description: string | null;
  /** The normalised rule tree. */
  rules: RuleNode;
  /** True when membership changes with the passage of time (withinLastDays, events within D…), so a schedule re-checks it. */
  timeRelative: boolean;
  memberCount: number;
  refreshedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A stored segments row. */
export interface SegmentRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  rules: RuleNode;
  time_relative: boolean;
  member_count: number;
  refreshed_at: Date | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Maps a row to the API shape. */
export const toSegment = (r: SegmentRow): Segment => ({
  id: r.id,
  name: r.name,
  description: r.description,
  rules: r.rules,
  timeRelative: r.time_relative,
  memberCount: r.member_count,
  refreshedAt: iso(r.refreshed_at),
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Operators whose truth changes as time passes without any write. */
const TIME_OPERATORS = new Set(['withinLastDays', 'notWithinLastDays']);

/**
 * Whether a rule uses a time-relative operator anywhere in its tree, or an event condition
 * counted over the last D (its events leave the window as time passes, without any new event).
 */
export function isTimeRelative(node: RuleNode): boolean {
  if (node.kind === 'condition') return TIME_OPERATORS.has(node.operator);
  if (node.kind === 'event') return node.within !== undefined;
  if (node.kind === 'not') return isTimeRelative(node.child);
  return node.children.some(isTimeRelative);
}
