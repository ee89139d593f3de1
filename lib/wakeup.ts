/**
 * A resettable wake-up: `wait(ms)` resolves at the first `wake()` or after `ms`, or when the
 * abort signal fires. A wake with nobody waiting is remembered for the next wait.
 */
export function createWakeup(signal?: AbortSignal) {
  let pending = false;
  let resolveWait: (() => void) | undefined;
  const wake = () => {
    pending = true;
    resolveWait?.();
  };
  signal?.addEventListener('abort', wake, { once: true });
  return {
    wake,
    wait(ms: number): Promise<void> {
      if (pending || signal?.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, ms));
        function done() {
          clearTimeout(timer);
          resolveWait = undefined;
          pending = false;
          resolve();
        }
        resolveWait = done;
      });
    },
  };
}
