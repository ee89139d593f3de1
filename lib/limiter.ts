/**
 * A concurrency limit shared by several callers: `limit(fn)` runs `fn` when fewer than `max`
 * calls are running, else queues it (first in, first out). The journey runner shares one between
 * the pages it works on, so its provider calls stay within CAMPAIGN_CONCURRENCY however many
 * pages are in flight.
 */
export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>;

/** A limiter allowing `max` calls at once. */
export function createLimiter(max: number): Limiter {
  let running = 0;
  const queue: Array<() => void> = [];
  // A finishing call hands its slot straight to the first waiter, so no newcomer can slip in between.
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => queue.push(resolve));
    else running++;
    try {
      return await fn();
    } finally {
      release();
    }
  };
}
