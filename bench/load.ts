import { performance } from 'node:perf_hooks';

/** Bounds of a closed-loop load: whichever of the count or the time limit comes first ends it. */
export interface LoadLimits {
  /** Most operations to run in total. */
  count: number;
  /** Operations in flight at once; each worker starts its next one when the last finishes. */
  concurrency: number;
  /** Wall-clock cap in seconds, so a slow machine still finishes in bounded time. */
  maxSeconds: number;
}

/** What a load produced: enough to print a rate and tail latencies. */
export interface LoadResult {
  operations: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Runs `operation(i)` under a closed-loop load and measures each call. Benchmarks that are
 * not HTTP servers (database queries, webhook senders) share it so their rates and
 * percentiles are computed the same way; the first error aborts the run, because a
 * benchmark that measures failures measures nothing.
 */
export async function runLoad(limits: LoadLimits, operation: (index: number) => Promise<void>): Promise<LoadResult> {
  const latencies = new Float64Array(limits.count);
  const start = performance.now();
  const deadline = start + limits.maxSeconds * 1000;
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < limits.count && performance.now() < deadline) {
      const index = next++;
      const began = performance.now();
      await operation(index);
      latencies[index] = performance.now() - began;
    }
  };
  await Promise.all(Array.from({ length: limits.concurrency }, worker));

  const seconds = (performance.now() - start) / 1000;
  const done = latencies.subarray(0, next).sort();
  return {
    operations: next,
    seconds,
    perSecond: next / seconds,
    p50Ms: percentile(done, 0.5),
    p99Ms: percentile(done, 0.99),
    maxMs: done.length > 0 ? done[done.length - 1]! : 0,
  };
}

/** Nearest-rank percentile of an ascending array; 0 for an empty one. */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, rank)]!;
}
