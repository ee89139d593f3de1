import type { Knex } from 'knex';
import type { CommandContext } from '../shared/context';
import { reevaluateForEvents } from './eventMembership';
import { reevaluateCustomer, type SegmentMatcher } from './membership';
import { markSegmentsPending } from './repo';

/**
 * What a command that changed a customer calls once its transaction has committed, so the
 * customer's segment memberships (and their segment.entered / segment.exited events) follow
 * the change at once. Customers, orders and unsubscribes receive it as a dependency.
 */
export interface SegmentReevaluator {
  /**
   * Re-evaluates the customer against every segment of the tenant. Never rejects: the change
   * that called it has committed and stands. On failure the tenant's segments are marked pending
   * (the scheduled SQL refresh repairs their membership) and the error is reported.
   */
  customerChanged(ctx: CommandContext, customerId: string): Promise<void>;
  /**
   * After tracked events committed (or an anonymous history merged into the customer): re-evaluates
   * only the segments with event conditions on those names. Never rejects, as customerChanged.
   */
  eventsTracked(ctx: CommandContext, customerId: string, names: string[]): Promise<void>;
}

/** Builds the re-evaluator over the database, the rule matcher (json-rules-engine) and where failures are reported. */
export function createSegmentReevaluator(deps: { db: Knex; matcher: SegmentMatcher; report: (err: unknown, customerId: string) => void }): SegmentReevaluator {
  const guarded = async (ctx: CommandContext, customerId: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (err) {
      await markSegmentsPending(deps.db, ctx.principal.tenantId).catch(() => undefined);
      deps.report(err, customerId);
    }
  };
  return {
    customerChanged: (ctx, customerId) => guarded(ctx, customerId, () => reevaluateCustomer(deps.db, deps.matcher, ctx, customerId)),
    eventsTracked: (ctx, customerId, names) => guarded(ctx, customerId, () => reevaluateForEvents(deps.db, deps.matcher, ctx, customerId, names)),
  };
}
