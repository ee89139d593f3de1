import type { Knex } from 'knex';
import type { RuleNode } from '../../rules/ast';
import { eventConditionsOf } from '../../rules/catalogue';
import type { CommandContext } from '../shared/context';
import { type SegmentMatcher, reevaluateCustomer } from './membership';

/** Whether a rule has an event condition on one of `names`. */
export function hasEventConditionOn(rule: RuleNode, names: ReadonlySet<string>): boolean {
  return eventConditionsOf(rule).some((node) => names.has(node.event));
}

/**
 * Real-time membership after events are tracked (issue 16): re-evaluates one customer against
 * only the tenant's segments whose rules have an event condition on one of `eventNames`, entering
 * and exiting them with segment.entered / segment.exited events as any re-evaluation does; the
 * other segments cannot have changed and are left alone. For the ingestion path to call after its
 * transaction commits, once per customer of a batch with the names that customer tracked.
 * A tenant with no such segment costs one read of its segments' rules and no transaction.
 */
export async function reevaluateForEvents(
  db: Knex,
  matcher: SegmentMatcher,
  ctx: CommandContext,
  customerId: string,
  eventNames: Iterable<string>,
  now?: Date,
): Promise<{ entered: string[]; exited: string[] }> {
  const names = new Set(eventNames);
  if (names.size === 0) return { entered: [], exited: [] };
  const segments: Array<{ rules: RuleNode }> = await db('segments').where({ tenant_id: ctx.principal.tenantId }).select('rules');
  if (!segments.some((s) => hasEventConditionOn(s.rules, names))) return { entered: [], exited: [] };
  // The filter is applied again to the rules read under the segment locks, which may be newer.
  return reevaluateCustomer(db, matcher, ctx, customerId, { now, only: (s) => hasEventConditionOn(s.rules, names) });
}
