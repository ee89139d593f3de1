import type { Knex } from 'knex';
import type { RuleNode } from '../../rules/ast';
import { eventConditionsOf } from '../../rules/catalogue';
import type { CommandContext } from '../shared/context';
import { type SegmentMatcher, reevaluateCustomer } from './membership';

/** Whether a rule has an event condition on one of `names`. */
export function hasEventConditionOn(rule: RuleNode, names: ReadonlySet<string>): boolean {
  return eventConditionsOf(rule).some((node) => names.has(node.event));
}

/** The rules of the tenant's segments that have any event condition: one read, shared by a whole batch. */
export async function eventConditionRules(db: Knex, tenantId: string): Promise<RuleNode[]> {
  const segments: Array<{ rules: RuleNode }> = await db('segments').where({ tenant_id: tenantId }).select('rules');
  return segments.map((s) => s.rules).filter((rules) => eventConditionsOf(rules).length > 0);
}

/**
 * Real-time membership after events are tracked (issue 16): re-evaluates one customer against
 * only the tenant's segments whose rules have an event condition on one of `eventNames`, entering
 * and exiting them with segment.entered / segment.exited events as any re-evaluation does; the
 * other segments cannot have changed and are left alone. `rules` are the tenant's event-condition
 * rules when the caller has read them for a whole batch ({@link eventConditionRules}); without
 * them they are read here. A customer whose names no rule uses costs nothing more, so a tenant
 * with no such segment costs one read of its segments' rules per batch and no transaction.
 */
export async function reevaluateForEvents(
  db: Knex,
  matcher: SegmentMatcher,
  ctx: CommandContext,
  customerId: string,
  eventNames: Iterable<string>,
  now?: Date,
  rules?: RuleNode[],
): Promise<{ entered: string[]; exited: string[] }> {
  const names = new Set(eventNames);
  if (names.size === 0) return { entered: [], exited: [] };
  const candidates = rules ?? (await eventConditionRules(db, ctx.principal.tenantId));
  if (!candidates.some((rule) => hasEventConditionOn(rule, names))) return { entered: [], exited: [] };
  // The filter is applied again to the rules read under the segment locks, which may be newer.
  return reevaluateCustomer(db, matcher, ctx, customerId, { now, only: (s) => hasEventConditionOn(s.rules, names) });
}
