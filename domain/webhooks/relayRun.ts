import type { Knex } from 'knex';
import type { Logger } from '../../lib/logger';
import { createWakeup } from '../../lib/wakeup';
import { relayPendingEvents, stalledEndpoints } from './relay';

/** The most events per fan-out statement. */
export const RELAY_BATCH = 1000;
/**
 * Events in the first statement after a quiet spell. A burst's first deliveries wait for the
 * statement that fans them out (~85 µs per event): 100 events reach their dispatchers in ~10 ms
 * where 1,000 took ~90. While statements come back full the size doubles up to RELAY_BATCH.
 */
export const FIRST_RELAY_BATCH = 100;
/** How long one relay run lasts before handing back to its workflow (which loops). */
const RUN_MS = 5 * 60_000;
/**
 * How often an idle relay looks for new events. Event writers do not NOTIFY (it would serialise
 * their commits; see migration 20261123001300), so this bounds the relay's share of the commit →
 * first attempt latency; the read is an index probe of the (usually empty) relay queue.
 */
const POLL_MS = 100;
/** A dispatcher is woken through Temporal at most this often by the relay (notifications do the rest). */
export const WAKE_EVERY_MS = 2000;
/** How often the relay looks for deliveries no dispatcher took, and how overdue they must be. */
const SWEEP_EVERY_MS = 5000;

/**
 * The next pass's size and whether to wait a poll interval first: a full pass means more is
 * queued (double, up to RELAY_BATCH, at once); a short one means the queue is empty (start small
 * again, after a poll interval).
 */
export function nextRelayBatch(batch: number, relayed: number): { batch: number; pause: boolean } {
  return relayed < batch ? { batch: FIRST_RELAY_BATCH, pause: true } : { batch: Math.min(RELAY_BATCH, batch * 2), pause: false };
}

/** One relay run: the activity's cancellation and heartbeat, and how to wake an endpoint's dispatcher (through Temporal). */
export interface RelayRun {
  signal: AbortSignal;
  heartbeat(relayed: number): void;
  wakeDispatcher(tenantId: string, endpointId: string): Promise<void>;
}

/**
 * The outbox relay of one worker. While a run lasts, every committed event becomes deliveries
 * within about a poll interval (100 ms); the fan-out statement itself notifies running
 * dispatchers, and dispatchers that are not running are started through Temporal
 * (signalWithStart, throttled per endpoint across runs). A sweep wakes any endpoint whose due
 * deliveries sit untaken, so a lost wake-up costs seconds, never a message.
 */
export function createRelay(deps: { db: Knex; logger: Logger }) {
  const lastWoken = new Map<string, number>();

  /** Runs the relay for up to RUN_MS or until cancelled; returns how many events it fanned out. */
  async function relayEvents(run: RelayRun): Promise<{ relayed: number }> {
    const wakeup = createWakeup(run.signal);
    const wake = (targets: Array<{ tenantId: string; endpointId: string }>, force: boolean) => {
      const now = Date.now();
      for (const t of targets) {
        if (!force && now - (lastWoken.get(t.endpointId) ?? 0) < WAKE_EVERY_MS) continue;
        lastWoken.set(t.endpointId, now);
        run.wakeDispatcher(t.tenantId, t.endpointId).catch((err: unknown) => {
          lastWoken.delete(t.endpointId);
          deps.logger.warn({ err, endpointId: t.endpointId }, 'could not wake a webhook dispatcher');
        });
      }
    };
    const started = Date.now();
    let relayed = 0;
    let lastSweep = 0;
    let batch = FIRST_RELAY_BATCH;
    while (Date.now() - started < RUN_MS && !run.signal.aborted) {
      run.heartbeat(relayed);
      const pass = await relayPendingEvents(deps.db, batch);
      relayed += pass.relayed;
      wake(pass.endpoints, false);
      if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        wake(await stalledEndpoints(deps.db, SWEEP_EVERY_MS), true);
      }
      const next = nextRelayBatch(batch, pass.relayed);
      batch = next.batch;
      if (next.pause) await wakeup.wait(POLL_MS);
    }
    return { relayed };
  }

  return { relayEvents };
}
