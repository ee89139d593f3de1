import { stringify } from 'csv-stringify';
import type { Knex } from 'knex';
import { pipeline, type Readable } from 'node:stream';
import { AppError, conflict, notFound, unavailable, validationFailed } from '../../lib/errors';
import type { TemporalProvider } from '../../temporal/client';
import { recordAudit } from '../audit/repo';
import { actorLabel, type CommandContext } from '../shared/context';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import type { RowOutcome } from './chunk';
import { runImportPipeline } from './pipeline';
import { unknownMappingTargets } from './columns';
import { startImportWorkflow } from './lifecycle';
import { findImport, toImportJob, type ImportRecord } from './repo';
import { stageUpload } from './staging';
import { beginImport, cleanupImport, failImport, finishImport } from './steps';
import type { ImportFormat, ImportJob, ImportOptions, ImportRowError, ImportStatus } from './types';
import { streamRows } from '../../db/streams';

/** Dependencies of the import service. */
export interface ImportServiceDeps {
  db: Knex;
  temporal: TemporalProvider;
}

/** What a client uploads: the rows (a stream, or parsed JSON objects) and how to read them. */
export interface Upload {
  format: ImportFormat;
  source: Readable | unknown[];
  fileName?: string;
  options: ImportOptions;
}

/** Largest batch the synchronous bulk import (seed 001) takes; bigger ones go through POST /imports. */
export const SYNC_IMPORT_LIMIT = 1000;

/** Result of the synchronous bulk import, in seed 001's shape. */
export interface SyncImportResult {
  importId: string;
  results: { imported: number; updated: number; duplicates: number; failed: number };
  details: { success: RowOutcome[]; duplicates: RowOutcome[]; failed: RowOutcome[] };
}

/**
 * Bulk imports: upload (staged with COPY), the workflow that processes the rows in chunks,
 * progress, errors and cancellation. The synchronous seed-001 endpoint runs the same steps and
 * the same chunk processor in the request instead of in a workflow.
 */
export function createImportService(deps: ImportServiceDeps) {
  const { db } = deps;

  /**
   * Creates the import and stages its rows; the import is deleted again if the upload fails.
   * `optionsAt` is where the client sent the options, so a refused mapping names that place.
   */
  async function stage(
    ctx: CommandContext,
    upload: Upload,
    optionsAt: { location: 'query' | 'body'; path: string } = { location: 'query', path: 'mapping' },
  ): Promise<ImportRecord> {
    const unknown = unknownMappingTargets(upload.options.mapping);
    if (unknown.length) throw validationFailed(unknown.map((m) => ({ ...optionsAt, message: `maps to an unknown field: ${m}` })));
    const [created] = await db('imports')
      .insert({
        tenant_id: ctx.principal.tenantId,
        format: upload.format,
        file_name: upload.fileName ?? null,
        options: JSON.stringify(upload.options),
        actor_type: ctx.principal.actorType,
        actor_id: ctx.principal.actorId,
        request_id: ctx.requestId ?? null,
      })
      .returning('*');
    const id = (created as ImportRecord).id;
    try {
      const staged = await stageUpload(db, id, upload.format, upload.source);
      if (staged.rows === 0)
        throw new AppError(422, 'validation_failed', 'The upload holds no rows to import', [{ location: 'body', path: '', message: 'no rows' }]);
      const [queued] = await db('imports')
        .where({ id, status: 'receiving' })
        .update({ status: 'queued', total_rows: staged.rows, columns: staged.columns ?? null, updated_at: db.fn.now() })
        .returning('*');
      if (!queued) throw conflict('The import was cancelled while it was being uploaded');
      await recordAudit(db, ctx.principal, ctx.principal.tenantId, {
        action: 'import.created',
        subjectType: 'import',
        subjectId: id,
        changes: { format: upload.format, rows: staged.rows, options: upload.options },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return queued as ImportRecord;
    } catch (err) {
      await db('import_rows')
        .where('import_id', id)
        .delete()
        .catch(() => undefined);
      await db('imports')
        .where({ id })
        .delete()
        .catch(() => undefined);
      throw err;
    }
  }

  /**
   * Stages an upload and starts its workflow; answers with the queued import. When Temporal is
   * unreachable the import is failed with that reason (nothing was written) and the caller gets 503.
   */
  async function create(ctx: CommandContext, upload: Upload): Promise<ImportJob> {
    const job = await stage(ctx, upload);
    try {
      await startImportWorkflow(deps.temporal, job.tenant_id, job.id);
    } catch (err) {
      await failImport(db, job.id, 'The import could not be started: the workflow service is unavailable');
      await cleanupImport(db, job.id);
      throw unavailable('The import could not be started: the workflow service is unavailable; upload it again later', {
        importId: job.id,
        reason: (err as Error).message,
      });
    }
    return toImportJob(job);
  }

  /** Seed 001's synchronous bulk import: the same staging and chunk processor, run in the request. */
  async function importNow(ctx: CommandContext, rows: unknown[], options: ImportOptions): Promise<SyncImportResult> {
    if (rows.length > SYNC_IMPORT_LIMIT)
      throw new AppError(
        413,
        'payload_too_large',
        `At most ${SYNC_IMPORT_LIMIT} customers per synchronous import; send larger files to POST /api/v1/imports (CSV or NDJSON)`,
      );
    // Seed 001's synchronous import takes its options in the body, as `options`.
    const job = await stage(ctx, { format: 'json', source: rows, options }, { location: 'body', path: 'options.mapping' });
    await beginImport(db, job.id);
    const outcomes: RowOutcome[] = [];
    try {
      // One chunk, one writer: the same checker and writer as a workflow's import, run in the request.
      await runImportPipeline(db, job.id, { writers: 1, chunkRows: SYNC_IMPORT_LIMIT, onWritten: (chunk) => outcomes.push(...chunk) });
      await finishImport(db, job.id);
    } catch (err) {
      await failImport(db, job.id, err instanceof AppError ? err.message : 'The import failed; nothing of its last chunk was written');
      throw err;
    } finally {
      await cleanupImport(db, job.id);
    }
    const of = (...kinds: Array<RowOutcome['outcome']>) => outcomes.filter((o) => kinds.includes(o.outcome));
    const success = of('imported', 'updated');
    const duplicates = of('duplicate_in_file', 'duplicate_existing');
    const failed = of('failed');
    return {
      importId: job.id,
      results: { imported: of('imported').length, updated: of('updated').length, duplicates: duplicates.length, failed: failed.length },
      details: { success, duplicates, failed },
    };
  }

  /** One import with live progress. */
  async function get(tenantId: string, id: string): Promise<ImportJob> {
    const job = await findImport(db, tenantId, id);
    if (!job) throw notFound('Import');
    return toImportJob(job);
  }

  /** The tenant's imports, newest first, optionally by status. */
  async function list(tenantId: string, page: PageRequest, status?: ImportStatus): Promise<Page<ImportJob>> {
    const query = db('imports').where({ tenant_id: tenantId });
    if (status) query.andWhere({ status });
    const result = await fetchPage<Record<string, unknown>>(query, { expression: 'created_at' }, page);
    return { ...result, data: result.data.map((r) => toImportJob(r as unknown as ImportRecord)) };
  }

  /** A page of an import's row errors by row number (file order unless the page asks desc). */
  async function errors(tenantId: string, id: string, page: PageRequest): Promise<Page<ImportRowError>> {
    const job = await findImport(db, tenantId, id);
    if (!job) throw notFound('Import');
    const result = await fetchPage<{ row_number: number; field: string | null; message: string }>(
      db('import_errors').where({ tenant_id: tenantId, import_id: id }),
      { expression: 'row_number' },
      page,
    );
    return {
      data: result.data.map((r) => ({ row: r.row_number, field: r.field, message: r.message })),
      pagination: result.pagination,
    };
  }

  /** Every row error of an import as a CSV stream (row, field, message). */
  async function errorsCsv(tenantId: string, id: string): Promise<Readable> {
    const job = await findImport(db, tenantId, id);
    if (!job) throw notFound('Import');
    const rows = streamRows(
      db,
      db('import_errors')
        .where({ tenant_id: tenantId, import_id: id })
        .orderBy([{ column: 'row_number' }, { column: 'id' }])
        .select('row_number as row', 'field', 'message'),
    );
    const csv = stringify({ header: true, columns: ['row', 'field', 'message'] });
    pipeline(rows, csv, () => undefined);
    return csv;
  }

  /**
   * Cancels an import that has not finished: its workflow stops before the next chunk; rows
   * already committed stay imported (the counters say how many). 409 once it has finished.
   */
  async function cancel(ctx: CommandContext, id: string): Promise<ImportJob> {
    const [row] = await db('imports')
      .where({ tenant_id: ctx.principal.tenantId, id })
      .whereIn('status', ['receiving', 'queued', 'running'])
      .update({ status: 'cancelled', finished_at: db.fn.now(), updated_at: db.fn.now(), error: `cancelled by ${actorLabel(ctx)}` })
      .returning('*');
    if (!row) {
      const job = await findImport(db, ctx.principal.tenantId, id);
      if (!job) throw notFound('Import');
      throw conflict(`The import has already ${job.status === 'completed' ? 'completed' : job.status === 'cancelled' ? 'been cancelled' : 'failed'}`, {
        status: job.status,
      });
    }
    await recordAudit(db, ctx.principal, ctx.principal.tenantId, {
      action: 'import.cancelled',
      subjectType: 'import',
      subjectId: id,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return toImportJob(row as ImportRecord);
  }

  return { create, importNow, get, list, errors, errorsCsv, cancel };
}

/** The import service's interface. */
export type ImportService = ReturnType<typeof createImportService>;
