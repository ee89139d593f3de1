import type { Knex } from 'knex';
import type { CommandContext } from '../shared/context';
import { eventConditionRules, reevaluateForEvents } from './eventMembership';
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
   * After tracked events committed (or an anonymous history merged into a customer): re-evaluates
   * each customer against only the segments with event conditions on the names it tracked. The
   * tenant's segment rules are read once for all of them (a batch's customers share one read).
   * Never rejects, as customerChanged.
   */
  eventsTracked(ctx: CommandContext, accepted: Array<{ customerId: string; names: string[] }>): Promise<void>;
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
    eventsTracked: async (ctx, accepted) => {
      if (!accepted.length) return;
      let rules: Awaited<ReturnType<typeof eventConditionRules>> | undefined;
      await guarded(ctx, accepted[0]!.customerId, async () => {
        rules = await eventConditionRules(deps.db, ctx.principal.tenantId);
      });
      if (!rules?.length) return;
      for (const { customerId, names } of accepted)
        await guarded(ctx, customerId, () => reevaluateForEvents(deps.db, deps.matcher, ctx, customerId, names, undefined, rules));
    },
  };
}
