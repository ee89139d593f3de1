import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { wakeDispatcher } from '../domain/webhooks/lifecycle';
import { runReplay, type ReplayCursor } from '../domain/webhooks/replays';

/**
 * The replay job's activity: runs the job (domain/webhooks/replays.ts) from the cursor of the last
 * heartbeat, heartbeating the cursor after every page so a retry resumes there, then wakes the
 * endpoint's dispatcher, which sends the re-queued deliveries.
 */
export function createWebhookReplayActivities(deps: { db: Knex }) {
  return {
    async replayDeliveries(tenantId: string, replayId: string): Promise<number> {
      const ctx = Context.current();
      const resumeAfter = (ctx.info.heartbeatDetails as ReplayCursor | undefined) ?? null;
      const outcome = await runReplay(deps.db, tenantId, replayId, resumeAfter, (cursor) => ctx.heartbeat(cursor));
      if (outcome.ran) await wakeDispatcher(ctx.client, ctx.info.taskQueue, tenantId, outcome.endpointId);
      return outcome.processed;
    },
  };
}
