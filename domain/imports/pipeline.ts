import type { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import { importRows } from '../../lib/metrics';
import { checkChunk, checkedUpTo } from './checkChunk';
import { prepareChunk, type PreparedChunk, type RowOutcome } from './chunk';
import { findImportById } from './repo';
import { writeNextChunk, type WriteResult } from './writeChunk';

/**
 * The chunk pipeline of one running import: ONE checker reads the staged rows in file order,
 * validates and normalises them (JavaScript) and settles in-file duplicates, chunk by chunk;
 * `writers` writers meanwhile take the checked chunks in any order and write them, each in its
 * own transaction on its own connection, so the customers table's index maintenance (the cost
 * of an import) runs on several Postgres backends at once while Node validates the next rows.
 * Everything is resumable: the checker continues after its last checked chunk, the writers take
 * the chunks not yet written.
 */

/** How the pipeline runs. */
export interface PipelineOptions {
  /** Concurrent chunk writers (connections). */
  writers: number;
  /** Rows per chunk. */
  chunkRows: number;
  /** Stop taking new chunks after this long (the caller calls again). */
  budgetMs?: number;
  /** Polled between chunks: true stops taking new chunks (e.g. the worker is shutting down). */
  shouldStop?: () => boolean;
  /** Called after every committed chunk, checked or written (e.g. to heartbeat): rows checked, or rows processed so far. */
  onProgress?: (progress: { checked: number } | { processed: number }) => void;
  /** Called with the outcomes of every written chunk. */
  onWritten?: (outcomes: RowOutcome[]) => void;
}

/** Where the pipeline stopped: more to do, all done, or stopped (cancelled or gone). */
export type PipelineResult = { state: 'processed' | 'done' | 'stopped'; processed: number };

/** Postgres' deadlock error: two writers updating the same existing customers in different orders. */
const DEADLOCK = '40P01';
/** A unique value written meanwhile by someone else (the API, another import): the chunk is redone carefully. */
const UNIQUE_VIOLATION = '23505';
const WRITE_ATTEMPTS = 5;

/** Runs the pipeline until the import is done, stopped, out of budget or told to stop. */
export async function runImportPipeline(db: Knex, importId: string, options: PipelineOptions): Promise<PipelineResult> {
  const job = await findImportById(db, importId);
  if (!job) return { state: 'stopped', processed: 0 };
  if (job.status !== 'running') return { state: 'stopped', processed: job.processed_rows };
  const started = Date.now();
  let halted = false;
  let checkerDone = false;
  let wake: () => void = () => undefined;
  let checked = new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    const resolve = wake;
    checked = new Promise<void>((r) => (wake = r));
    resolve();
  };
  const stopTaking = () => halted || options.shouldStop?.() === true || (options.budgetMs !== undefined && Date.now() - started > options.budgetMs);
  const halting = (err: unknown) => {
    halted = true;
    notify();
    throw err;
  };

  async function checker(): Promise<void> {
    try {
      const from = await checkedUpTo(db, importId, job!.processed_rows);
      // The next range is read and validated while the current one commits (JS overlaps SQL).
      const ahead = (at: number): Promise<PreparedChunk> | undefined => {
        if (at >= job!.total_rows) return undefined;
        const p = prepareChunk(db, job!, at, Math.min(job!.total_rows, at + options.chunkRows));
        p.catch(() => undefined);
        return p;
      };
      let next = ahead(from);
      while (next && !stopTaking()) {
        const prepared = await next;
        next = ahead(prepared.to);
        if ((await checkChunk(db, importId, job!.options.dedupeKeys, prepared)) === 'stopped') {
          halted = true;
          break;
        }
        options.onProgress?.({ checked: prepared.to });
        notify();
      }
    } finally {
      checkerDone = true;
      notify();
    }
  }

  async function writeWithRetry(): Promise<WriteResult> {
    let careful = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeNextChunk(db, job!, careful);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if ((code !== DEADLOCK && code !== UNIQUE_VIOLATION) || attempt >= WRITE_ATTEMPTS) throw err;
        if (code === UNIQUE_VIOLATION) careful = true;
      }
    }
  }

  async function writer(): Promise<void> {
    while (!stopTaking()) {
      // Both read before looking for a chunk, so a chunk checked meanwhile is never missed.
      const wakeUp = checked;
      const checkerFinished = checkerDone;
      const result = await writeWithRetry();
      if (result.state === 'stopped') {
        halted = true;
        notify();
        return;
      }
      if (result.state === 'written') {
        for (const o of result.outcomes) importRows.inc({ outcome: o.outcome });
        options.onWritten?.(result.outcomes);
        options.onProgress?.({ processed: result.processed });
        continue;
      }
      if (checkerFinished) return;
      await Promise.race([wakeUp, sleep(1000)]);
    }
  }

  const tasks = [checker(), ...Array.from({ length: Math.max(1, options.writers) }, () => writer())].map((t) => t.catch(halting));
  const settled = await Promise.allSettled(tasks);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  const after = await findImportById(db, importId);
  if (!after || after.status !== 'running') return { state: 'stopped', processed: after?.processed_rows ?? 0 };
  return { state: after.processed_rows >= after.total_rows ? 'done' : 'processed', processed: after.processed_rows };
}
