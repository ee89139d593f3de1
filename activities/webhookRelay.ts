import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { wakeDispatcher } from '../domain/webhooks/lifecycle';
import { createRelay } from '../domain/webhooks/relayRun';
import type { Logger } from '../lib/logger';

/**
 * The outbox relay's activity: one run of the worker's relay (domain/webhooks/relayRun.ts),
 * heartbeating its count and waking dispatchers through the activity's Temporal client. A run
 * cancelled by Temporal ends as cancelled.
 */
export function createWebhookRelayActivities(deps: { db: Knex; logger: Logger }) {
  const relay = createRelay(deps);
  return {
    async relayEvents(): Promise<{ relayed: number }> {
      const ctx = Context.current();
      const result = await relay.relayEvents({
        signal: ctx.cancellationSignal,
        heartbeat: (relayed) => ctx.heartbeat(relayed),
        wakeDispatcher: (tenantId, endpointId) => wakeDispatcher(ctx.client, ctx.info.taskQueue, tenantId, endpointId),
      });
      if (ctx.cancellationSignal.aborted) await ctx.cancelled;
      return result;
    },
  };
}
