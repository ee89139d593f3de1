import { getHeapStatistics } from 'node:v8';

/**
 * The worker's V8 heap cap. Left at Node's default (about a quarter of the machine's memory,
 * 4 GiB here), V8 grows the heap lazily while an import churns through chunks: the worker
 * reached 490 MB RSS on a 300k-row import although its live data stays under 100 MB. Capped at
 * 192 MB of old space, V8 collects sooner; the same import peaked at 283 MB with no loss of
 * throughput (docs/benchmarks-history.md, imports session 3). A V8 heap limit can only be set when Node starts,
 * so the places that launch the worker pass it: docker-compose.yml (NODE_OPTIONS), `npm run
 * worker`, and the import benchmark. `herald worker` warns when it runs without a cap.
 */
export const WORKER_MAX_OLD_SPACE_MB = 192;

/** The Node flag that applies {@link WORKER_MAX_OLD_SPACE_MB}. */
export const WORKER_HEAP_FLAG = `--max-old-space-size=${WORKER_MAX_OLD_SPACE_MB}`;

/**
 * Workflows kept in the worker's cache. The SDK's default is derived from the heap limit (ten
 * workflows at a 192 MB cap); Herald's workflows carry ids and cursors only, so a few hundred
 * fit easily and long-running ones (campaigns, imports, the webhook relay) are not replayed.
 */
export const WORKER_MAX_CACHED_WORKFLOWS = 200;

/** The V8 heap limit of this process, in MB. */
export const heapLimitMb = (): number => Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);

/** A warning for `herald worker` when the heap is not capped (null when it is). */
export function heapCapAdvice(): string | null {
  const limit = heapLimitMb();
  if (limit <= WORKER_MAX_OLD_SPACE_MB * 4) return null;
  return `The worker's V8 heap limit is ${limit} MB: V8 then grows the heap lazily during imports. Start it with NODE_OPTIONS=${WORKER_HEAP_FLAG} (docker-compose.yml does) to keep its memory near 300 MB.`;
}
