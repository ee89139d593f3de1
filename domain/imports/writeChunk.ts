import type { Knex } from 'knex';
import { StagedRowsLost, type RowOutcome } from './chunk';
import { customerCreatedEvents, customersHolding, insertCustomers, updateCustomers } from '../customers/bulkWrites';
import { planAgainstExisting, type CandidateKeys } from './existingMatch';
import { contextOf, type ImportRecord } from './repo';
import { uuidv7 } from './timeOrderedIds';

/**
 * The writer's half of an import chunk. Writers take checked chunks in any order, several at
 * once on their own connections (the checker already settled in-file duplicates, so their
 * candidates never share a unique value), and commit everything a chunk changes together:
 * customers, row errors, the import's counters and the chunk's `written` mark. A writer killed
 * mid-chunk leaves no trace; the chunk stays unwritten and is taken again on resume.
 */

/** What one writer call did: wrote a chunk, found none ready, or found the import no longer running. */
export type WriteResult = { state: 'written'; processed: number; total: number; outcomes: RowOutcome[] } | { state: 'none' } | { state: 'stopped' };

/** Thrown inside the chunk's transaction when the import stopped running meanwhile: undoes the chunk. */
class ImportStopped extends Error {}

/** A checked chunk as stored. */
interface ChunkRow {
  from_row: number;
  to_row: number;
  candidates: number;
  settled: RowOutcome[] | string;
}

/**
 * Takes the first unwritten checked chunk no other writer holds (FOR UPDATE SKIP LOCKED) and
 * writes it in ONE transaction: looks up existing customers holding its rows' unique values,
 * inserts and updates in two statements fed from import_checked, records the row errors, adds
 * the chunk's counts to the import (only while it is still running: a cancelled import undoes
 * the chunk) and marks the chunk written. `careful` writes rows that meet a unique value someone
 * else wrote meanwhile as failed instead of failing the chunk (see insertCustomers).
 */
export async function writeNextChunk(db: Knex, job: ImportRecord, careful = false): Promise<WriteResult> {
  const importId = job.id;
  const options = job.options;
  try {
    return await db.transaction(async (trx): Promise<WriteResult> => {
      // A chunk's customers and its mark commit together, so a commit lost in a database crash
      // loses both and the chunk is redone: the flush to disk need not be waited for.
      await trx.raw('SET LOCAL synchronous_commit = off');
      const chunk = (await trx('import_chunks').where({ import_id: importId, written: false }).orderBy('from_row').forUpdate().skipLocked().first()) as
        ChunkRow | undefined;
      if (!chunk) return { state: 'none' };
      const checked = (await trx('import_checked')
        .where('import_id', importId)
        .andWhere('row_number', '>', chunk.from_row)
        .andWhere('row_number', '<=', chunk.to_row)
        .orderBy('row_number')
        .select('row_number', 'email', 'phone', 'external_id')) as Array<{
        row_number: number;
        email: string | null;
        phone: string | null;
        external_id: string | null;
      }>;
      if (checked.length !== chunk.candidates)
        throw new StagedRowsLost(
          `The checked rows ${chunk.from_row + 1} to ${chunk.to_row} are no longer stored (the database restarted?); upload the file again`,
        );
      const candidates: CandidateKeys[] = checked.map((c) => ({ row: c.row_number, email: c.email, phone: c.phone, externalId: c.external_id }));
      const holders = await customersHolding(
        trx,
        job.tenant_id,
        candidates.map((c) => c.email).filter((x): x is string => Boolean(x)),
        candidates.map((c) => c.phone).filter((x): x is string => Boolean(x)),
        candidates.map((c) => c.externalId).filter((x): x is string => Boolean(x)),
      );
      const plan = planAgainstExisting(candidates, holders, options, uuidv7);
      const settled = typeof chunk.settled === 'string' ? (JSON.parse(chunk.settled) as RowOutcome[]) : chunk.settled;
      const outcomes: RowOutcome[] = [...settled, ...plan.settled];
      const ctx = contextOf(job);
      const actor = `${ctx.principal.actorType}:${ctx.principal.actorId}`;
      if (options.dryRun) {
        for (const i of plan.inserts) outcomes.push({ row: i.row, outcome: 'imported', customerId: i.id });
        for (const u of plan.updates) outcomes.push({ row: u.row, outcome: 'updated', customerId: u.id });
      } else {
        const inserted = await insertCustomers(trx, job.tenant_id, actor, importId, plan.inserts, { wholeRows: options.emitCustomerEvents, careful });
        const insertedIds = new Set(inserted.map((r) => r.id as string));
        for (const i of plan.inserts) {
          if (insertedIds.has(i.id)) outcomes.push({ row: i.row, outcome: 'imported', customerId: i.id });
          else
            outcomes.push({
              row: i.row,
              outcome: 'failed',
              errors: [{ row: i.row, field: null, message: 'conflicts with a customer written at the same time; import it again' }],
            });
        }
        const updatedIds = new Set(await updateCustomers(trx, job.tenant_id, actor, importId, plan.updates));
        for (const u of plan.updates) {
          if (updatedIds.has(u.id)) outcomes.push({ row: u.row, outcome: 'updated', customerId: u.id });
          else outcomes.push({ row: u.row, outcome: 'failed', errors: [{ row: u.row, field: null, message: 'the matching customer was deleted meanwhile' }] });
        }
        if (options.emitCustomerEvents && inserted.length) await customerCreatedEvents(trx, ctx, inserted, importId);
      }
      const errors = outcomes.flatMap((o) => (o.outcome === 'failed' ? o.errors : []));
      for (let i = 0; i < errors.length; i += 2000) {
        await trx('import_errors').insert(
          errors.slice(i, i + 2000).map((e) => ({ tenant_id: job.tenant_id, import_id: importId, row_number: e.row, field: e.field, message: e.message })),
        );
      }
      await trx('import_chunks').where({ import_id: importId, from_row: chunk.from_row }).update({ written: true });
      const count = (what: RowOutcome['outcome']) => outcomes.filter((o) => o.outcome === what).length;
      // Last, so the import row stays locked only for the commit; a cancelled import undoes the chunk.
      const [counted] = (await trx('imports')
        .where({ id: importId, status: 'running' })
        .update({
          processed_rows: trx.raw('processed_rows + ?', [chunk.to_row - chunk.from_row]),
          imported: trx.raw('imported + ?', [count('imported')]),
          updated: trx.raw('updated + ?', [count('updated')]),
          duplicates_in_file: trx.raw('duplicates_in_file + ?', [count('duplicate_in_file')]),
          duplicates_existing: trx.raw('duplicates_existing + ?', [count('duplicate_existing')]),
          failed: trx.raw('failed + ?', [count('failed')]),
          updated_at: trx.fn.now(),
        })
        .returning(['processed_rows', 'total_rows'])) as Array<{ processed_rows: number; total_rows: number }>;
      if (!counted) throw new ImportStopped();
      outcomes.sort((a, b) => a.row - b.row);
      return { state: 'written', processed: counted.processed_rows, total: counted.total_rows, outcomes };
    });
  } catch (err) {
    if (err instanceof ImportStopped) return { state: 'stopped' };
    throw err;
  }
}
