import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { StagedRowsLost } from '../domain/imports/chunk';
import { runImportPipeline } from '../domain/imports/pipeline';
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
/** Chunk writers per import when none is configured: one per core, at most 4 (each is a Postgres backend). */
export const defaultImportWriters = () => Math.max(1, Math.min(4, availableParallelism()));

/** Where the chunk loop stopped: more to do, all done, or stopped (cancelled). */
type LoopResult = { state: 'processed' | 'done' | 'stopped'; processed: number };

/** Activities of the bulk import workflow. */
export function createImportActivities(deps: { db: Knex; logger: Logger; importChunkRows?: number; importWriters?: number }) {
  const size = deps.importChunkRows ?? IMPORT_CHUNK_ROWS;
  const writers = deps.importWriters ?? defaultImportWriters();
  const slots = createImportSlots(IMPORT_LOOPS_PER_WORKER);

  /** The chunk loop of processImportChunks (see there). */
  async function processChunks(importId: string): Promise<LoopResult> {
    const ctx = Context.current();
    const resumed = ctx.info.heartbeatDetails as { processed?: number; checked?: number } | undefined;
    if (resumed && ctx.info.attempt > 1) deps.logger.info({ importId, ...resumed, attempt: ctx.info.attempt }, 'import resumes after its last heartbeat');
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

  /** Runs the import's chunk pipeline (inside a slot), heartbeating after every committed chunk. */
  function chunkLoop(ctx: Context, importId: string): Promise<LoopResult> {
    return runImportPipeline(deps.db, importId, {
      writers,
      chunkRows: size,
      budgetMs: CHUNK_BUDGET_MS,
      // A worker shutting down cancels its activities: hand back after the chunks in flight commit, as when the budget is spent.
      shouldStop: () => ctx.cancellationSignal.aborted,
      onProgress: (progress) => ctx.heartbeat(progress),
    });
  }

  return {
    /** Marks the import running; returns its status (a cancelled import stops here). */
    beginImportStep: (importId: string) => beginImport(deps.db, importId),

    /**
     * Runs the import's chunk pipeline (one checker, `importWriters` writers: see
     * domain/imports/pipeline.ts) until the import is done, stopped (cancelled) or the time budget
     * is spent, heartbeating after every committed chunk. On a retry (the previous worker died) it
     * resumes from what committed: the checker after its last checked chunk, the writers with the
     * chunks not marked written. Lost staged rows are not retried: the import fails with the reason.
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
