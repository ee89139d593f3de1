import type { Knex } from 'knex';
import type { Logger } from '../../lib/logger';
import { createWakeup } from '../../lib/wakeup';
import { createRuleEvaluator } from '../../rules/evaluate';
import { createCustomerCommands } from '../customers/service';
import { createSegmentReevaluator, type SegmentReevaluator } from '../segments/reevaluator';
import type { CommandContext } from '../shared/context';
import { createDefaultLanguageCache } from '../tenants/languageCache';
import { applyInbound, tenantsOfNumbers, type InboundCustomers } from './inbound';
import { claimInbound, deleteInbound, failInbound, type QueuedInbound } from './inboundQueue';

/**
 * The worker's inbound processor: applies what the Twilio webhook queued (inboundQueue.ts) in
 * passes. A pass is one transaction: it claims the oldest due rows (FOR UPDATE SKIP LOCKED, one
 * sender's rows in order and by one processor at a time), resolves their tenants from the `To`
 * numbers in one read, applies each row (inbound.ts: customer, consent, thread, message,
 * statistics, events, all in the pass's transaction: the customers module's commands are bound to
 * it) and deletes the rows it applied. Anything that fails rolls the whole pass back, rows
 * included, so they are claimed again: nothing is lost and nothing is applied twice. The changed
 * customers' segment memberships are re-evaluated after the commit, as the API's commands do. The failed pass is then retried one row per transaction, so a row that fails on its own
 * (a poison message) is recorded and retried later, and after MAX_ATTEMPTS kept aside as failed,
 * instead of holding every other sender back.
 */

/** The most rows per pass. */
export const INBOUND_BATCH = 100;
/** Rows in the first pass after a quiet spell (doubling while passes come back full): a lone message waits for no batch. */
export const FIRST_INBOUND_BATCH = 20;
/** Attempts before a row that keeps failing is kept aside (failed_at) for an operator. */
export const MAX_ATTEMPTS = 5;
/**
 * How often an idle processor looks for queued rows (an index probe of the usually empty queue).
 * The webhook does not NOTIFY: Postgres serialises the commits of notifying transactions (see
 * migration 20261123001300), which would cap the route this queue exists to make fast.
 */
const POLL_MS = 100;
/**
 * Passes one processor runs at once while there is a backlog. A pass spends most of its time
 * waiting for round trips (a dozen statements a message), so a single pass at a time left the
 * database and the worker mostly idle; the claim keeps concurrent passes on disjoint rows and
 * senders. The first lane polls; the others join when it comes back with a full pass.
 */
export const LANES = 4;
/** How often an idle extra lane looks by itself (the first lane wakes it sooner on a backlog). */
const IDLE_LANE_MS = 2000;
/** How long one run lasts before handing back to its workflow (which loops). */
const RUN_MS = 5 * 60_000;

/** Seconds a failed row waits before its next attempt: 2, 4, 8, … capped at a minute. */
const retryDelayMs = (attempts: number) => Math.min(60_000, 1000 * 2 ** (attempts + 1));

/** What one pass did. */
export interface InboundPass {
  /** Rows claimed (due, and first of their sender). */
  claimed: number;
  /** Rows applied and deleted (including those for numbers no tenant claims, which store nothing). */
  applied: number;
  /** Rows whose attempt failed (recorded for a later retry, or kept aside). */
  failed: number;
}

/** A customer a pass changed, to re-evaluate once it has committed. */
type Changed = [ctx: CommandContext, customerId: string];

/** What the processor needs: the database, a logger, the customers module's commands and the segment re-evaluator. */
export interface InboundProcessorDeps {
  db: Knex;
  logger: Logger;
  /** The customers module's commands bound to a pass's transaction; each change is reported to `changed`. */
  customersIn(trx: Knex.Transaction, changed: (ctx: CommandContext, customerId: string) => void): InboundCustomers;
  /** Re-evaluates a changed customer's segments (after the pass committed; never rejects). */
  segments: Pick<SegmentReevaluator, 'customerChanged'>;
}

/**
 * Applies claimed rows in the caller's transaction and deletes them; `signal` aborts between rows
 * (the transaction then rolls back). Answers the customers changed.
 */
async function applyRows(trx: Knex.Transaction, deps: InboundProcessorDeps, rows: QueuedInbound[], signal?: AbortSignal): Promise<Changed[]> {
  const changed: Changed[] = [];
  const customers = deps.customersIn(trx, (ctx, customerId) => changed.push([ctx, customerId]));
  const tenants = await tenantsOfNumbers(
    trx,
    rows.map((r) => r.toNumber),
  );
  for (const row of rows) {
    if (signal?.aborted) throw new Error('inbound processing was cancelled');
    const tenant = tenants.get(row.toNumber);
    // A number no tenant (or several) claims: the row is dropped, as the webhook used to answer and store nothing.
    if (tenant) await applyInbound(trx, customers, tenant, row);
  }
  await deleteInbound(
    trx,
    rows.map((r) => r.seq),
  );
  return changed;
}

/** Re-evaluates the segments of the customers a committed pass changed (each once). */
async function reevaluate(deps: InboundProcessorDeps, changed: Changed[]): Promise<void> {
  const seen = new Set<string>();
  for (const [ctx, customerId] of changed) {
    if (seen.has(customerId)) continue;
    seen.add(customerId);
    await deps.segments.customerChanged(ctx, customerId);
  }
}

/**
 * One pass over up to `limit` rows in one transaction (see the module comment). Throws when any
 * row fails or `signal` aborts: then nothing of the pass is kept and its rows stay queued.
 */
export async function applyInboundBatch(deps: InboundProcessorDeps, limit: number, signal?: AbortSignal): Promise<InboundPass> {
  const { claimed, changed } = await deps.db.transaction(async (trx) => {
    const rows = await claimInbound(trx, limit);
    return { claimed: rows.length, changed: rows.length ? await applyRows(trx, deps, rows, signal) : [] };
  });
  await reevaluate(deps, changed);
  return { claimed, applied: claimed, failed: 0 };
}

/**
 * Up to `limit` rows one per transaction, after a pass failed: a row that fails alone has its
 * attempt recorded (its sender's later rows wait for it) and the others go on. Each transaction
 * claims a window of `limit` rows and applies only the first it may, so a row held back behind a
 * failed one does not stop the rest.
 */
export async function applyInboundIsolated(deps: InboundProcessorDeps, limit: number, signal?: AbortSignal): Promise<InboundPass> {
  const pass: InboundPass = { claimed: 0, applied: 0, failed: 0 };
  while (pass.claimed < limit && !signal?.aborted) {
    let row: QueuedInbound | undefined;
    try {
      const changed = await deps.db.transaction(async (trx) => {
        [row] = await claimInbound(trx, limit);
        return row ? applyRows(trx, deps, [row], signal) : [];
      });
      if (!row) break;
      await reevaluate(deps, changed);
      pass.claimed += 1;
      pass.applied += 1;
    } catch (err) {
      if (!row || signal?.aborted) throw err;
      const failed = row;
      pass.claimed += 1;
      pass.failed += 1;
      const last = failed.attempts + 1 >= MAX_ATTEMPTS;
      deps.logger.error({ err, seq: failed.seq, attempts: failed.attempts + 1, keptAside: last }, 'an inbound message could not be applied');
      await deps.db.transaction((trx) => failInbound(trx, failed, err instanceof Error ? err.message : String(err), retryDelayMs(failed.attempts), last));
    }
  }
  return pass;
}

/** One processor run: the activity's cancellation and heartbeat. */
export interface InboundRun {
  signal: AbortSignal;
  heartbeat(applied: number): void;
}

/**
 * The inbound processor of one worker, with the customers module's commands it creates customers
 * and switches consent through (the segment re-evaluation after a customer change included, as
 * the API's commands do). While a run lasts, a queued message is applied within about a poll
 * interval; passes grow from FIRST_INBOUND_BATCH to INBOUND_BATCH while they come back full, and
 * up to LANES passes run at once while there is a backlog.
 */
export function createInboundProcessor(deps: { db: Knex; logger: Logger }) {
  const { db, logger } = deps;
  const defaultLanguages = createDefaultLanguageCache({ db });
  const processor: InboundProcessorDeps = {
    db,
    logger,
    customersIn: (trx, changed) =>
      createCustomerCommands({
        db: trx,
        defaultPhoneRegion: 'US',
        orders: { eraseOrdersOfCustomer: () => Promise.reject(new Error('inbound messages never delete customers')) },
        // Recorded, and re-evaluated once the pass has committed (inside it, the re-evaluation would read on another connection).
        segments: {
          customerChanged: async (ctx, customerId) => {
            changed(ctx, customerId);
          },
          eventsTracked: async () => undefined,
        },
        defaultLanguages,
      }),
    segments: createSegmentReevaluator({
      db,
      matcher: createRuleEvaluator({ now: () => new Date() }),
      report: (err, customerId) => logger.warn({ err, customerId }, 'segment re-evaluation failed after an inbound message changed a customer'),
    }),
  };

  /** Applies queued rows for up to RUN_MS or until cancelled, in LANES concurrent passes; answers how many it applied. */
  async function processInbound(run: InboundRun): Promise<{ applied: number }> {
    const wakeups = Array.from({ length: LANES }, () => createWakeup(run.signal));
    const started = Date.now();
    let applied = 0;
    const lane = async (index: number) => {
      let batch = FIRST_INBOUND_BATCH;
      while (Date.now() - started < RUN_MS && !run.signal.aborted) {
        run.heartbeat(applied);
        let pass: InboundPass;
        try {
          pass = await applyInboundBatch(processor, batch, run.signal);
        } catch (err) {
          if (run.signal.aborted) break;
          logger.warn({ err }, 'an inbound pass failed; its rows are applied one at a time');
          pass = await applyInboundIsolated(processor, batch, run.signal);
        }
        applied += pass.applied;
        if (pass.claimed < batch) {
          batch = FIRST_INBOUND_BATCH;
          await wakeups[index]!.wait(index === 0 ? POLL_MS : IDLE_LANE_MS);
        } else {
          batch = Math.min(INBOUND_BATCH, batch * 2);
          // A full pass means a backlog: the idle lanes join in.
          if (index === 0) for (const w of wakeups.slice(1)) w.wake();
        }
      }
    };
    await Promise.all(wakeups.map((_, index) => lane(index)));
    return { applied };
  }

  return { processInbound, deps: processor };
}
