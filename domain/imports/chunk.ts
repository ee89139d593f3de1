import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import { mapCsvRow, mapJsonRow, planColumns, type ColumnTarget } from './columns';
import type { ImportRecord } from './repo';
import { validateRow, type ValidRow } from './rowValidation';
import type { ImportOptions, ImportRowError } from './types';

/** What became of one row. */
export type RowOutcome =
  | { row: number; outcome: 'imported' | 'updated'; customerId: string }
  | { row: number; outcome: 'duplicate_existing'; customerId: string }
  | { row: number; outcome: 'duplicate_in_file'; firstRow: number }
  | { row: number; outcome: 'failed'; errors: ImportRowError[] };

/** Parses one staged row and validates it; the first error a row can have is a broken record. */
function checkRow(rowNumber: number, data: string, plan: ColumnTarget[] | undefined, options: ImportOptions) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { ok: false as const, errors: [{ row: rowNumber, field: null, message: 'is not valid JSON' }] };
  }
  if (plan) {
    const cells = parsed as unknown[];
    if (cells.length !== plan.length)
      return { ok: false as const, errors: [{ row: rowNumber, field: null, message: `has ${cells.length} fields; the header has ${plan.length}` }] };
    return validateRow(rowNumber, mapCsvRow(cells, plan), options.defaultRegion as CountryCode);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return { ok: false as const, errors: [{ row: rowNumber, field: null, message: 'must be a JSON object' }] };
  return validateRow(
    rowNumber,
    mapJsonRow(parsed as Record<string, unknown>, options.mapping, options.unknownColumnsToCustomFields),
    options.defaultRegion as CountryCode,
  );
}

/**
 * The staged rows of a running import are gone (a Postgres crash empties the UNLOGGED working
 * tables): retrying cannot help, the import fails and must be uploaded again.
 */
export class StagedRowsLost extends Error {
  override name = 'StagedRowsLost';
}

/** A range of rows parsed and validated: pure work that needs no lock and can run ahead. */
export interface PreparedChunk {
  from: number;
  to: number;
  failed: RowOutcome[];
  valid: ValidRow[];
}

/**
 * Reads staged rows (from, to] and validates them. Staged rows never change, so this may run
 * outside the chunk's transaction, while the previous chunk commits.
 */
export async function prepareChunk(db: Knex, job: Pick<ImportRecord, 'id' | 'columns' | 'options'>, from: number, to: number): Promise<PreparedChunk> {
  const options = job.options;
  const staged = await db('import_rows')
    .where('import_id', job.id)
    .andWhere('row_number', '>', from)
    .andWhere('row_number', '<=', to)
    .orderBy('row_number')
    .select('row_number', 'data');
  if (staged.length !== to - from)
    throw new StagedRowsLost(`The uploaded rows ${from + 1} to ${to} are no longer staged (the database restarted?); upload the file again`);
  const plan = job.columns ? planColumns(job.columns, options.mapping, options.unknownColumnsToCustomFields) : undefined;
  const failed: RowOutcome[] = [];
  const valid: ValidRow[] = [];
  for (const s of staged as Array<{ row_number: number; data: string }>) {
    const check = checkRow(s.row_number, s.data, plan, options);
    if (check.ok) valid.push(check.value);
    else failed.push({ row: s.row_number, outcome: 'failed', errors: check.errors });
  }
  return { from, to, failed, valid };
}
