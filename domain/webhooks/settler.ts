import type { Knex } from 'knex';
import type { Logger } from '../../lib/logger';
import type { AttemptResult } from './ledger';
import { settleAttempts } from './settle';
import type { WebhookSettings } from './settings';

/** Attempts settled per statement. */
const SETTLE_BATCH = 1000;
/** How long a finished attempt may wait to be settled with others in one statement, under a light load… */
const SETTLE_DELAY_MS = 25;
/**
 * …and once a statement carried BUSY_BATCH attempts or more: a statement per few dozen attempts
 * cost ~30 % more Postgres CPU per attempt than one per few hundred, and under load that is most
 * of what the ledger costs. Back to SETTLE_DELAY_MS when the load falls.
 */
const BUSY_SETTLE_DELAY_MS = 100;
const BUSY_BATCH = 50;

/**
 * The worker's ledger writer, shared by all its dispatchers: finished attempts of every endpoint
 * are settled together, 25 ms after they finish (100 ms under load), one statement at a time, so
 * batches grow with the load instead of statements multiplying per endpoint or per attempt. Only
 * attempts in flight or waiting here when a worker dies are lost: their deliveries stay pending,
 * and once the endpoint's lease expires the next dispatcher sends them again with the same
 * `webhook-id`.
 */
export function createWebhookSettler(deps: { db: Knex; logger: Logger; settings: WebhookSettings }) {
  const waiting: Array<{ result: AttemptResult; settled: () => void }> = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let delay = SETTLE_DELAY_MS;

  /**
   * Settles everything waiting now, in batches, after the statements already queued; never rejects
   * (a failed batch's deliveries stay pending). Attempts that finish meanwhile wait for their own
   * timer rather than following at once, so each statement carries one delay's worth of attempts.
   */
  function drain(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const taken = waiting.splice(0);
    delay = taken.length >= BUSY_BATCH ? BUSY_SETTLE_DELAY_MS : SETTLE_DELAY_MS;
    chain = chain.then(async () => {
      while (taken.length) {
        const batch = taken.splice(0, SETTLE_BATCH);
        try {
          await settleAttempts(
            deps.db,
            deps.settings,
            batch.map((w) => w.result),
          );
        } catch (err) {
          deps.logger.warn({ err, attempts: batch.length }, 'settling webhook attempts failed; they stay pending and go out again');
        }
        for (const w of batch) w.settled();
      }
    });
    return chain;
  }

  return {
    /**
     * Queues one finished attempt; it is settled within a few ms, batched with others. `settled`
     * is called once its statement has run (or failed: the delivery then stays pending).
     */
    add(result: AttemptResult, settled: () => void): void {
      waiting.push({ result, settled });
      timer ??= setTimeout(() => void drain(), delay);
    },
    /** Resolves once every attempt added so far is settled (or its batch failed and was logged). */
    flush: drain,
  };
}

/** The worker's shared ledger writer. */
export type WebhookSettler = ReturnType<typeof createWebhookSettler>;
