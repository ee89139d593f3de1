import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import type { MessagingDeps } from '../domain/campaigns/pageSender';
import { createJourneyRunner, type RunnerProgress } from '../domain/journeys/runner';
import type { WebhookSettings } from '../domain/webhooks/settings';
import type { Logger } from '../lib/logger';

/**
 * The journey runner's activity: one call of the worker's runner (domain/journeys/runner.ts),
 * heartbeating its counts, with the campaigns' messaging deps for its sends and the webhook
 * settings for its webhook steps. A worker without messaging transports cannot run journeys.
 */
export function createJourneyRunnerActivities(deps: { db: Knex; logger: Logger; messaging?: MessagingDeps; webhooks: WebhookSettings; clock?: () => Date }) {
  const runner = deps.messaging
    ? createJourneyRunner({ db: deps.db, logger: deps.logger, messaging: deps.messaging, webhooks: deps.webhooks, clock: deps.clock })
    : undefined;
  return {
    /** Executes due journey runs for a few minutes (or until cancelled); returns what it did. */
    async runJourneys(): Promise<RunnerProgress> {
      if (!runner) throw new Error('This worker has no messaging transports configured');
      const ctx = Context.current();
      const result = await runner.runJourneys({ signal: ctx.cancellationSignal, heartbeat: (p) => ctx.heartbeat(p) });
      if (ctx.cancellationSignal.aborted) await ctx.cancelled;
      return result;
    },
  };
}
