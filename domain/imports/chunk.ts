import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import { mapCsvRow, mapJsonRow, planColumns, type ColumnTarget } from './columns';
import { customerCreatedEvents, customersHolding, insertCustomers, updateCustomers, type CustomerChange, type NewCustomer } from './customerWrites';
import { contextOf, type ImportRecord } from './repo';
import { keysOf, validateRow, type ValidRow } from './rowValidation';
import { uuidv7 } from './timeOrderedIds';
import type { DedupeKey, ImportOptions, ImportRowError } from './types';

/** What became of one row. */
export type RowOutcome =
  | { row: number; outcome: 'imported' | 'updated'; customerId: string }
  | { row: number; outcome: 'duplicate_existing'; customerId: string }
  | { row: number; outcome: 'duplicate_in_file'; firstRow: number }
  | { row: number; outcome: 'failed'; errors: ImportRowError[] };

/** The result of one chunk: where the cursor stands, and whether the import should go on. */
export interface ChunkResult {
  state: 'processed' | 'done' | 'stopped';
  processed: number;
  total: number;
  outcomes: RowOutcome[];
}

const FIELD_OF_KEY: Record<string, string> = { email: 'email', phone: 'phone', externalId: 'externalId' };
const keyName = (key: string) => key.slice(0, key.indexOf(':'));

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
    if (cells.length !== plan.length) return { ok: false as const, errors: [{ row: rowNumber, field: null, message: `has ${cells.length} fields; the header has ${plan.length}` }] };
    return validateRow(rowNumber, mapCsvRow(cells, plan), options.defaultRegion as CountryCode);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false as const, errors: [{ row: rowNumber, field: null, message: 'must be a JSON object' }] };
  return validateRow(rowNumber, mapJsonRow(parsed as Record<string, unknown>, options.mapping, options.unknownColumnsToCustomFields), options.defaultRegion as CountryCode);
}

/**
 * The staged rows of a running import are gone (a Postgres crash empties the UNLOGGED staging
 * table): retrying cannot help, the import fails and must be uploaded again.
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
  const staged = await db('import_rows').where('import_id', job.id).andWhere('row_number', '>', from).andWhere('row_number', '<=', to).orderBy('row_number').select('row_number', 'data');
  if (staged.length !== to - from) throw new StagedRowsLost(`The uploaded rows ${from + 1} to ${to} are no longer staged (the database restarted?); upload the file again`);
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

/**
 * Processes the next `size` rows of a running import in ONE transaction: validation and
 * normalisation (the customer API's rules), in-file dedupe (first occurrence wins, through the
 * keys earlier rows claimed in import_keys), dedupe against the tenant's customers, one INSERT and
 * one UPDATE for the whole chunk, the rows' errors, and the counters with the cursor. The import
 * row is locked first and the cursor read under the lock, so a chunk retried after a crash either
 * finds its work committed (and moves on) or redoes it from scratch: never twice, never half.
 * A `prepared` range is used only if it starts exactly at the committed cursor.
 */
export async function processChunk(db: Knex, importId: string, size: number, prepared?: PreparedChunk): Promise<ChunkResult> {
  return db.transaction(async (trx) => {
    // A chunk's customers and its cursor commit together, so a commit lost in a database crash
    // loses both and the chunk is redone: the flush to disk need not be waited for.
    await trx.raw('SET LOCAL synchronous_commit = off');
    const job = (await trx('imports').where({ id: importId }).forUpdate().first()) as ImportRecord | undefined;
    if (!job) return { state: 'stopped', processed: 0, total: 0, outcomes: [] };
    const base = { processed: job.processed_rows, total: job.total_rows, outcomes: [] as RowOutcome[] };
    if (job.status !== 'running') return { ...base, state: 'stopped' };
    if (job.processed_rows >= job.total_rows) return { ...base, state: 'done' };
    const options = job.options;
    const from = job.processed_rows;
    const to = Math.min(job.total_rows, from + size);
    const rows = prepared && prepared.from === from && prepared.to === to ? prepared : await prepareChunk(trx, job, from, to);
    const outcomes: RowOutcome[] = [...rows.failed];
    const valid = rows.valid;

    // In-file duplicates: keys claimed by earlier rows (earlier chunks, then this chunk in order).
    const dedupe: readonly DedupeKey[] = options.dedupeKeys;
    const allKeys = valid.flatMap((v) => keysOf(v));
    const claimed = new Map<string, number>();
    if (allKeys.length) {
      const earlier = await trx.raw('SELECT key, row_number FROM import_keys WHERE import_id = ? AND key = ANY(?::text[])', [importId, allKeys]);
      for (const e of earlier.rows as Array<{ key: string; row_number: number }>) claimed.set(e.key, e.row_number);
    }
    const candidates: Array<{ v: ValidRow; keys: string[]; unique: string[] }> = [];
    const newClaims: Array<{ key: string; row: number }> = [];
    for (const v of valid) {
      const keys = keysOf(v, dedupe);
      const unique = keysOf(v);
      const dupOf = keys.find((k) => claimed.has(k));
      if (dupOf) {
        outcomes.push({ row: v.row, outcome: 'duplicate_in_file', firstRow: claimed.get(dupOf)! });
        continue;
      }
      const clash = unique.find((k) => claimed.has(k));
      if (clash) {
        outcomes.push({ row: v.row, outcome: 'failed', errors: [{ row: v.row, field: FIELD_OF_KEY[keyName(clash)]!, message: `has the same value as row ${claimed.get(clash)}` }] });
        continue;
      }
      for (const k of unique) {
        claimed.set(k, v.row);
        newClaims.push({ key: k, row: v.row });
      }
      candidates.push({ v, keys, unique });
    }

    // Against the tenant's customers: who holds each unique value now.
    const holders = await customersHolding(
      trx, job.tenant_id,
      candidates.map((c) => c.v.email).filter((x): x is string => Boolean(x)),
      candidates.map((c) => c.v.phone).filter((x): x is string => Boolean(x)),
      candidates.map((c) => c.v.externalId).filter((x): x is string => Boolean(x)),
    );
    const holderOf = new Map<string, string>();
    for (const h of holders) {
      if (h.email) holderOf.set(`email:${h.email}`, h.id);
      if (h.phone) holderOf.set(`phone:${h.phone}`, h.id);
      if (h.external_id) holderOf.set(`externalId:${h.external_id}`, h.id);
    }
    const inserts: Array<NewCustomer & { row: number }> = [];
    const updates: Array<CustomerChange & { row: number }> = [];
    for (const { v, keys, unique } of candidates) {
      const matches = [...new Set(keys.map((k) => holderOf.get(k)).filter((x): x is string => Boolean(x)))];
      const fail = (field: string | null, message: string) => outcomes.push({ row: v.row, outcome: 'failed', errors: [{ row: v.row, field, message }] });
      if (matches.length > 1) {
        fail(null, `matches ${matches.length} different existing customers by ${keys.filter((k) => holderOf.has(k)).map(keyName).join(' and ')}`);
        continue;
      }
      const target = matches[0];
      const taken = unique.find((k) => holderOf.has(k) && holderOf.get(k) !== target);
      if (target && options.duplicateMode === 'skip') {
        outcomes.push({ row: v.row, outcome: 'duplicate_existing', customerId: target });
      } else if (taken) {
        fail(FIELD_OF_KEY[keyName(taken)]!, 'is already used by another customer');
      } else if (target) {
        const { source: _source, ...columns } = v.columns;
        void _source;
        updates.push({ row: v.row, id: target, columns, fullNameGiven: v.fullNameGiven });
      } else if (options.duplicateMode === 'update') {
        fail(keys.length ? FIELD_OF_KEY[keyName(keys[0]!)]! : null, `matches no existing customer by ${dedupe.join(', ')} (duplicateMode update never creates)`);
      } else {
        inserts.push({ row: v.row, id: uuidv7(), columns: v.columns });
      }
    }

    const ctx = contextOf(job);
    const actor = `${ctx.principal.actorType}:${ctx.principal.actorId}`;
    if (options.dryRun) {
      for (const i of inserts) outcomes.push({ row: i.row, outcome: 'imported', customerId: i.id });
      for (const u of updates) outcomes.push({ row: u.row, outcome: 'updated', customerId: u.id });
    } else {
      const inserted = await insertCustomers(trx, job.tenant_id, actor, inserts, options.emitCustomerEvents);
      const insertedIds = new Set(inserted.map((r) => r.id as string));
      for (const i of inserts) {
        if (insertedIds.has(i.id)) outcomes.push({ row: i.row, outcome: 'imported', customerId: i.id });
        else outcomes.push({ row: i.row, outcome: 'failed', errors: [{ row: i.row, field: null, message: 'conflicts with a customer written at the same time; import it again' }] });
      }
      const updatedIds = new Set(await updateCustomers(trx, job.tenant_id, actor, updates));
      for (const u of updates) {
        if (updatedIds.has(u.id)) outcomes.push({ row: u.row, outcome: 'updated', customerId: u.id });
        else outcomes.push({ row: u.row, outcome: 'failed', errors: [{ row: u.row, field: null, message: 'the matching customer was deleted meanwhile' }] });
      }
      if (options.emitCustomerEvents && inserted.length) await customerCreatedEvents(trx, ctx, inserted, importId);
    }

    if (newClaims.length) {
      await trx.raw('INSERT INTO import_keys (import_id, key, row_number) SELECT ?::uuid, unnest(?::text[]), unnest(?::int[])', [importId, newClaims.map((c) => c.key), newClaims.map((c) => c.row)]);
    }
    const errors = outcomes.flatMap((o) => (o.outcome === 'failed' ? o.errors : []));
    for (let i = 0; i < errors.length; i += 2000) {
      await trx('import_errors').insert(errors.slice(i, i + 2000).map((e) => ({ tenant_id: job.tenant_id, import_id: importId, row_number: e.row, field: e.field, message: e.message })));
    }
    const count = (what: RowOutcome['outcome']) => outcomes.filter((o) => o.outcome === what).length;
    await trx('imports').where({ id: importId }).update({
      processed_rows: to,
      imported: trx.raw('imported + ?', [count('imported')]),
      updated: trx.raw('updated + ?', [count('updated')]),
      duplicates_in_file: trx.raw('duplicates_in_file + ?', [count('duplicate_in_file')]),
      duplicates_existing: trx.raw('duplicates_existing + ?', [count('duplicate_existing')]),
      failed: trx.raw('failed + ?', [count('failed')]),
      updated_at: trx.fn.now(),
    });
    outcomes.sort((a, b) => a.row - b.row);
    return { state: to >= job.total_rows ? 'done' : 'processed', processed: to, total: job.total_rows, outcomes };
  });
}
