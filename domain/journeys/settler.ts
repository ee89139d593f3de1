import type { Knex } from 'knex';
import type { Semaphore } from '../../lib/limiter';
import { settleRecipients, type Settlement } from '../campaigns/ledger';

/** Most settlements written in one statement. */
const MAX_BATCH = 500;

/** How long a settlement may wait for others to share its statement. */
const GATHER_MS = 5;

/**
 * The runner's settler: the ledger rows of the messages it sent are settled as they come back,
 * gathered for a few milliseconds into one statement across every page in flight, and each
 * message's effect permit (`unwritten`) is given back once its row is settled — a crash after that
 * finds the row settled and does not send the message again. A failed statement is reported and
 * its permits given back: the group's final write settles any row still `sending`.
 */
export function createSettler(deps: { db: Knex; unwritten: Semaphore; clock: () => Date; onError(err: unknown): void }) {
  let buffer: Settlement[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    writing = writing.then(async () => {
      await settleRecipients(deps.db, batch, deps.clock()).catch((err: unknown) => deps.onError(err));
      for (let i = 0; i < batch.length; i++) deps.unwritten.release();
    });
  };

  return {
    /** Settles a sent message's row soon; its permit goes back when it is written. */
    push(settlement: Settlement) {
      buffer.push(settlement);
      if (buffer.length >= MAX_BATCH) flush();
      else timer ??= setTimeout(flush, GATHER_MS);
    },
    /** Waits until everything pushed so far is written. */
    async drain() {
      if (buffer.length) flush();
      await writing;
    },
  };
}

/** A runner's settler. */
export type Settler = ReturnType<typeof createSettler>;
