/**
 * A counting semaphore for the import chunk loops of one worker. Each loop holds up to two chunks
 * of rows in memory (the one committing and the one read ahead), so the number running at once
 * bounds the worker's heap: under the worker's V8 heap cap (temporal/workerHeap.ts) an unbounded
 * number of concurrent imports could exhaust it. A loop that finds no free slot waits (and keeps
 * heartbeating) in the caller.
 */
export interface ImportSlots {
  /** Takes a slot if one is free; returns the function that gives it back, or undefined. */
  tryAcquire(): (() => void) | undefined;
  /** Slots in use. */
  readonly busy: number;
}

/** Creates the slots: `size` import chunk loops may run at once. */
export function createImportSlots(size: number): ImportSlots {
  let busy = 0;
  return {
    tryAcquire() {
      if (busy >= size) return undefined;
      busy += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        busy -= 1;
      };
    },
    get busy() {
      return busy;
    },
  };
}
