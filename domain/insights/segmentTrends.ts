import { percent, poissonCountZ, relativeChange, round, Z_CRITICAL } from './statistics';
import type { InsightFinding, InsightProducer, InsightQuery } from './types';

/** A segment needs this many members at the start of the window for its change to mean anything. */
export const SEGMENT_MIN_START_SIZE = 20;
/** The smallest relative change of size reported (10 %). */
export const SEGMENT_MIN_CHANGE = 0.1;

/** One segment's flows over the current window. */
interface SegmentFlow {
  id: string;
  name: string;
  size: number;
  entered: number;
  exited: number;
}

/**
 * Each segment defined before the window and unchanged since (created_at and updated_at before
 * its start, so a redefinition's refill is not mistaken for growth): its current members, and
 * how many stays began or ended since the window's start. Membership rows keep history
 * (entered_at, exited_at), read through segment_memberships_current and the two indexes of
 * migration 20261208000400 (segment_id, entered_at) and (segment_id, exited_at).
 */
async function segmentFlows(q: InsightQuery): Promise<SegmentFlow[]> {
  const { rows } = await q.db.raw<{ rows: SegmentFlow[] }>(
    `SELECT s.id, s.name,
            (SELECT count(*) FROM segment_memberships m WHERE m.segment_id = s.id AND m.exited_at IS NULL)::int AS size,
            (SELECT count(*) FROM segment_memberships m WHERE m.segment_id = s.id AND m.entered_at >= ?)::int AS entered,
            (SELECT count(*) FROM segment_memberships m WHERE m.segment_id = s.id AND m.exited_at >= ?)::int AS exited
       FROM segments s
      WHERE s.tenant_id = ? AND s.created_at < ? AND s.updated_at < ?
      ORDER BY s.id`,
    [q.window.from, q.window.from, q.tenantId, q.window.from, q.window.from],
  );
  return rows;
}

/**
 * A finding when the segment's size moved by ≥ 10 % from ≥ 20 members and the entries and exits
 * differ beyond chance: under a stable size both are Poisson with the same rate, so
 * z = (entered − exited) / √(entered + exited).
 */
function findingFor(q: InsightQuery, s: SegmentFlow): InsightFinding | null {
  const start = s.size - s.entered + s.exited;
  if (start < SEGMENT_MIN_START_SIZE) return null;
  const change = relativeChange(s.size, start);
  const z = poissonCountZ(s.entered, s.exited);
  if (change === null || Math.abs(change) < SEGMENT_MIN_CHANGE || Math.abs(z) < Z_CRITICAL) return null;
  const grew = change > 0;
  return {
    type: 'segment_trend',
    subject: { kind: 'segment', id: s.id, name: s.name },
    title: `Segment "${s.name}" ${grew ? 'grew' : 'shrank'} ${percent(change)}`,
    description:
      `"${s.name}" went from ${start} to ${s.size} members over the last ${q.periodDays} days ` + `(${s.entered} entered, ${s.exited} left; z = ${round(z)}).`,
    recommendation: grew
      ? `"${s.name}" is growing: make sure a campaign or journey reaches its new members.`
      : `"${s.name}" is shrinking: look at why members leave and consider a campaign to bring them back.`,
    affectedCustomers: Math.abs(s.size - start),
    effect: change,
    metric: { name: 'members', current: s.size, previous: start, change },
    evidence: {
      window: q.window,
      previousWindow: null,
      counts: { membersNow: s.size, membersAtStart: start, entered: s.entered, exited: s.exited },
    },
  };
}

/** Segments growing or shrinking beyond chance over the period. */
export const segmentTrends: InsightProducer = {
  type: 'segment_trend',
  async produce(q) {
    return (await segmentFlows(q)).flatMap((s) => findingFor(q, s) ?? []);
  },
};
