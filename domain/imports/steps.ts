import type { Knex } from 'knex';
import { appendEvent } from '../events/outbox';
import { markSegmentsPending } from '../segments/repo';
import { contextOf, countersOf, dropWorkingRows, type ImportRecord } from './repo';

/**
 * The steps an import's workflow takes around its chunks. Each is idempotent: a retried step
 * finds the state its first attempt left and does nothing twice.
 */

/** Marks a queued import running (once); returns its status so a cancelled import stops at once. */
export async function beginImport(db: Knex, importId: string): Promise<{ status: string; total: number; processed: number }> {
  const [row] = await db('imports')
    .where({ id: importId, status: 'queued' })
    .update({ status: 'running', started_at: db.fn.now(), updated_at: db.fn.now() })
    .returning('*');
  const job = (row ?? (await db('imports').where({ id: importId }).first())) as ImportRecord | undefined;
  if (!job) return { status: 'missing', total: 0, processed: 0 };
  return { status: job.status, total: job.total_rows, processed: job.processed_rows };
}

/**
 * Completes a running import whose every row is processed, writing import.completed with its
 * counts in the same transaction, and marks the tenant's segments for a refresh when customers
 * were written (they may enter segments). Returns the segments to refresh now.
 */
export async function finishImport(db: Knex, importId: string): Promise<{ status: string; segmentIds: string[]; tenantId: string | null }> {
  return db.transaction(async (trx) => {
    const job = (await trx('imports').where({ id: importId }).forUpdate().first()) as ImportRecord | undefined;
    if (!job) return { status: 'missing', segmentIds: [], tenantId: null };
    if (job.status !== 'running' || job.processed_rows < job.total_rows) return { status: job.status, segmentIds: [], tenantId: job.tenant_id };
    const [done] = await trx('imports')
      .where({ id: importId })
      .update({ status: 'completed', finished_at: trx.fn.now(), updated_at: trx.fn.now() })
      .returning('*');
    await appendEvent(trx, contextOf(job), {
      type: 'import.completed',
      subjectType: 'import',
      subjectId: importId,
      data: { importId, dryRun: job.options.dryRun, counts: countersOf(done as ImportRecord) },
    });
    const wrote = !job.options.dryRun && job.imported + job.updated > 0;
    const segmentIds = wrote ? await markSegmentsPending(trx, job.tenant_id) : [];
    return { status: 'completed', segmentIds, tenantId: job.tenant_id };
  });
}

/** Fails an import that has not finished, with import.failed and its counts so far (idempotent). */
export async function failImport(db: Knex, importId: string, message: string): Promise<void> {
  await db.transaction(async (trx) => {
    const job = (await trx('imports').where({ id: importId }).forUpdate().first()) as ImportRecord | undefined;
    if (!job || ['completed', 'failed', 'cancelled'].includes(job.status)) return;
    await trx('imports')
      .where({ id: importId })
      .update({ status: 'failed', error: message.slice(0, 2000), finished_at: trx.fn.now(), updated_at: trx.fn.now() });
    await appendEvent(trx, contextOf(job), {
      type: 'import.failed',
      subjectType: 'import',
      subjectId: importId,
      data: { importId, error: message.slice(0, 2000), counts: countersOf(job) },
    });
    if (job.imported + job.updated > 0) await markSegmentsPending(trx, job.tenant_id);
  });
}

/** Empties the working tables of a finished import (a separate step: it may take seconds). */
export async function cleanupImport(db: Knex, importId: string): Promise<void> {
  await dropWorkingRows(db, importId);
}
