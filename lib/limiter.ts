/**
 * Counting semaphores for bounded concurrency shared by several callers. The journey runner
 * shares two between the pages it works on: one bounds provider calls in flight
 * (CAMPAIGN_CONCURRENCY), the other the effects made but not yet written, so what a crash can
 * repeat stays bounded however many pages are in flight.
 */

/** A semaphore: `acquire` resolves when one of `max` permits is free (first come, first served); `release` gives one back. */
export interface Semaphore {
  acquire(): Promise<void>;
  release(): void;
}

/** A semaphore of `max` permits. */
export function createSemaphore(max: number): Semaphore {
  let free = max;
  const queue: Array<() => void> = [];
  return {
    acquire() {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => queue.push(resolve));
    },
    // A released permit goes straight to the first waiter, so no newcomer can slip in between.
    release() {
      const next = queue.shift();
      if (next) next();
      else free++;
    },
  };
}

/** Runs `fn` under a permit of a semaphore (at most `max` at once, the rest queued). */
export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>;

/** A limiter allowing `max` calls at once. */
export function createLimiter(max: number): Limiter {
  const permits = createSemaphore(max);
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    await permits.acquire();
    try {
      return await fn();
    } finally {
      permits.release();
    }
  };
}
