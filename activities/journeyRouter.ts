import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { createJourneyRouter } from '../domain/journeys/router';
import type { Logger } from '../lib/logger';

/**
 * The journey router's activity: one run of the worker's router (domain/journeys/router.ts),
 * heartbeating how many events it routed, with the worker's journey clock. A run cancelled by
 * Temporal ends as cancelled.
 */
export function createJourneyRouterActivities(deps: { db: Knex; logger: Logger; clock?: () => Date }) {
  const router = createJourneyRouter(deps);
  return {
    async routeJourneyEvents(): Promise<{ routed: number }> {
      const ctx = Context.current();
      const result = await router.routeEvents({ signal: ctx.cancellationSignal, heartbeat: (routed) => ctx.heartbeat(routed) });
      if (ctx.cancellationSignal.aborted) await ctx.cancelled;
      return result;
    },
  };
}
