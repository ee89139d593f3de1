import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { wakeDispatcher } from '../domain/webhooks/lifecycle';
import { relayPendingEvents, stalledEndpoints } from '../domain/webhooks/relay';
import type { Logger } from '../lib/logger';
import { createWakeup } from '../lib/wakeup';

/** The most events per fan-out statement. */
const BATCH = 1000;
/**
 * Events in the first statement after a quiet spell. A burst's first deliveries wait for the
 * statement that fans them out (~85 µs per event): 100 events reach their dispatchers in ~10 ms
 * where 1,000 took ~90. While statements come back full the size doubles up to BATCH.
 */
const FIRST_BATCH = 100;
/** How long one relay activity runs before handing back to its workflow (which loops). */
const RUN_MS = 5 * 60_000;
/**
 * How often an idle relay looks for new events. Event writers do not NOTIFY (it would serialise
 * their commits; see migration 20261123001300), so this bounds the relay's share of the commit →
 * first attempt latency; the read is an index probe of the (usually empty) relay queue.
 */
const POLL_MS = 100;
/** A dispatcher is woken through Temporal at most this often by the relay (notifications do the rest). */
const WAKE_EVERY_MS = 2000;
/** How often the relay looks for deliveries no dispatcher took, and how overdue they must be. */
const SWEEP_EVERY_MS = 5000;

/**
 * The outbox relay's activity. While it runs, every committed event becomes deliveries within
 * about a poll interval (100 ms); the
 * fan-out statement itself notifies running dispatchers, and dispatchers that are not running
 * are started through Temporal (signalWithStart, throttled per endpoint). A sweep wakes any
 * endpoint whose due deliveries sit untaken, so a lost wake-up costs seconds, never a message.
 */
export function createWebhookRelayActivities(deps: { db: Knex; logger: Logger }) {
  const lastWoken = new Map<string, number>();

  return {
    async relayEvents(): Promise<{ relayed: number }> {
      const ctx = Context.current();
      const client = ctx.client;
      const taskQueue = ctx.info.taskQueue;
      const wakeup = createWakeup(ctx.cancellationSignal);
      const wake = (targets: Array<{ tenantId: string; endpointId: string }>, force: boolean) => {
        const now = Date.now();
        for (const t of targets) {
          if (!force && now - (lastWoken.get(t.endpointId) ?? 0) < WAKE_EVERY_MS) continue;
          lastWoken.set(t.endpointId, now);
          wakeDispatcher(client, taskQueue, t.tenantId, t.endpointId).catch((err: unknown) => {
            lastWoken.delete(t.endpointId);
            deps.logger.warn({ err, endpointId: t.endpointId }, 'could not wake a webhook dispatcher');
          });
        }
      };
      const started = Date.now();
      let relayed = 0;
      let lastSweep = 0;
      let batch = FIRST_BATCH;
      while (Date.now() - started < RUN_MS && !ctx.cancellationSignal.aborted) {
        ctx.heartbeat(relayed);
        const pass = await relayPendingEvents(deps.db, batch);
        relayed += pass.relayed;
        wake(pass.endpoints, false);
        if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
          lastSweep = Date.now();
          wake(await stalledEndpoints(deps.db, SWEEP_EVERY_MS), true);
        }
        if (pass.relayed < batch) {
          batch = FIRST_BATCH;
          await wakeup.wait(POLL_MS);
        } else {
          batch = Math.min(BATCH, batch * 2);
        }
      }
      if (ctx.cancellationSignal.aborted) await ctx.cancelled;
      return { relayed };
    },
  };
}
