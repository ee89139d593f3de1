import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import { prepareChunk, processChunk, StagedRowsLost } from '../domain/imports/chunk';
import { findImportById } from '../domain/imports/repo';
import { beginImport, cleanupImport, failImport, finishImport } from '../domain/imports/steps';
import type { Logger } from '../lib/logger';
import { createImportSlots } from './importSlots';

/** Rows per chunk transaction: big enough for set-based SQL, small enough to retry cheaply. */
export const IMPORT_CHUNK_ROWS = 5000;
/** How long one activity keeps taking chunks before handing back to the workflow. */
const CHUNK_BUDGET_MS = 5 * 60_000;
/** Import chunk loops one worker runs at once; the others wait their turn, heartbeating. */
export const IMPORT_LOOPS_PER_WORKER = 2;

/** Where the chunk loop stopped: more to do, all done, or stopped (cancelled). */
type LoopResult = { state: 'processed' | 'done' | 'stopped'; processed: number };

/** Activities of the bulk import workflow. */
export function createImportActivities(deps: { db: Knex; logger: Logger; importChunkRows?: number }) {
  const size = deps.importChunkRows ?? IMPORT_CHUNK_ROWS;
  const slots = createImportSlots(IMPORT_LOOPS_PER_WORKER);

  /** The chunk loop of processImportChunks (see there). */
  async function processChunks(importId: string): Promise<LoopResult> {
    const ctx = Context.current();
    const resumed = ctx.info.heartbeatDetails as { processed?: number } | undefined;
    if (resumed?.processed !== undefined) deps.logger.info({ importId, processed: resumed.processed, attempt: ctx.info.attempt }, 'import resumes after its last heartbeat');
    // Only IMPORT_LOOPS_PER_WORKER loops hold rows at once; the others wait here, heartbeating, and
    // hand back untouched (the workflow calls again) if the worker shuts down meanwhile.
    let release = slots.tryAcquire();
    while (!release) {
      if (ctx.cancellationSignal.aborted) {
        const job = await findImportById(deps.db, importId);
        return job ? { state: 'processed', processed: job.processed_rows } : { state: 'stopped', processed: 0 };
      }
      ctx.heartbeat(resumed ?? {});
      await sleep(1000);
      release = slots.tryAcquire();
    }
    try {
      return await chunkLoop(ctx, importId);
    } finally {
      release();
    }
  }

  /** Takes chunks until done, stopped, out of budget or cancelled (inside a slot). */
  async function chunkLoop(ctx: Context, importId: string): Promise<LoopResult> {
    const job = await findImportById(deps.db, importId);
    if (!job) return { state: 'stopped', processed: 0 };
    const started = Date.now();
    // The next range is read and validated while the current one commits (JS overlaps SQL).
    const ahead = (from: number) => {
      if (from >= job.total_rows) return undefined;
      const p = prepareChunk(deps.db, job, from, Math.min(job.total_rows, from + size));
      p.catch(() => undefined);
      return p;
    };
    let next = ahead(job.processed_rows);
    for (;;) {
      const prepared = await next;
      const commit = processChunk(deps.db, importId, size, prepared);
      next = prepared ? ahead(prepared.to) : undefined;
      const chunk = await commit;
      ctx.heartbeat({ processed: chunk.processed });
      // A worker shutting down cancels its activities: hand back after this committed chunk, as when the budget is spent.
      if (chunk.state !== 'processed' || Date.now() - started > CHUNK_BUDGET_MS || ctx.cancellationSignal.aborted) return { state: chunk.state, processed: chunk.processed };
      if (!prepared || chunk.processed !== prepared.to) next = ahead(chunk.processed);
    }
  }

  return {
    /** Marks the import running; returns its status (a cancelled import stops here). */
    beginImportStep: (importId: string) => beginImport(deps.db, importId),

    /**
     * Processes chunks until the import is done, stopped (cancelled) or the time budget is spent,
     * heartbeating the cursor after every committed chunk. On a retry (the previous worker died)
     * it resumes from the cursor: the heartbeat says where the last attempt got to, and the
     * import row, read under lock in each chunk's transaction, is the truth it continues from.
     * Lost staged rows are not retried: the import fails with the reason.
     */
    async processImportChunks(importId: string): Promise<LoopResult> {
      try {
        return await processChunks(importId);
      } catch (err) {
        if (err instanceof StagedRowsLost) throw ApplicationFailure.nonRetryable(err.message, 'StagedRowsLost');
        throw err;
      }
    },

    /** Completes the import (event, segments marked for refresh); returns the segments to refresh. */
    finishImportStep: (importId: string) => finishImport(deps.db, importId),

    /** Fails the import with a reason (event import.failed). */
    failImportStep: (importId: string, message: string) => failImport(deps.db, importId, message),

    /** Empties the import's staged rows and claimed keys. */
    cleanupImportStep: (importId: string) => cleanupImport(deps.db, importId),
  };
}
