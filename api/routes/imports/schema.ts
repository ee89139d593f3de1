import { z } from 'zod';
import { ImportOptionsInput } from '../../../domain/imports/options';
import { IMPORT_FORMATS, IMPORT_STATUSES } from '../../../domain/imports/types';
import { PageQuery, PaginationView } from '../../pagination';
import { text } from '../../text';

/** Path parameter naming one import. */
export const ImportParams = z.object({ id: z.uuid('must be an import id (UUID)') });

/** Options in the query string (every form) — see {@link ImportOptionsInput}. */
export const ImportQuery = ImportOptionsInput.extend({ fileName: text({ max: 255, trim: false }).optional() });

/** Query of the import list. */
export const ImportListQuery = z.object({ ...PageQuery, status: z.enum(IMPORT_STATUSES).optional() });

/**
 * Query of the error list: a page of JSON (paged like every list, in file order by default, up to
 * 1,000 errors a page), or every error as CSV (the paging parameters do not apply).
 */
export const ImportErrorsQuery = z.object({
  ...PageQuery,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  sortOrder: z.enum(['asc', 'desc']).default('asc'),
  format: z.enum(['json', 'csv']).default('json'),
});

const Counters = {
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
  duplicatesInFile: z.number().int(),
  duplicatesExisting: z.number().int(),
  failed: z.number().int(),
};

/** An import with live progress. */
export const ImportView = z
  .object({
    id: z.uuid(),
    status: z.enum(IMPORT_STATUSES),
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string().nullable(),
    options: z.record(z.string(), z.unknown()),
    progress: z.object({ ...Counters, percent: z.number(), rowsPerSecond: z.number().nullable(), etaSeconds: z.number().nullable() }),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Import' });

/** One row error. */
export const ImportErrorView = z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() }).meta({ id: 'ImportError' });

/** A page of row errors. */
export const ImportErrorListResponse = z.object({ data: z.array(ImportErrorView), pagination: PaginationView }).meta({ id: 'ImportErrorList' });

/** Seed 001's bulk import body: `{ customers: [...] }` (at most 1,000), with optional options. */
export const BulkImportBody = z
  .object({ customers: z.array(z.unknown()).min(1, 'send at least one customer'), options: ImportOptionsInput.optional() })
  .strict()
  .meta({ id: 'BulkImportBody' });

/** One row of a JSON upload: a customer object; any other value fails that row alone. */
const ImportRow = z.unknown().meta({ description: 'A customer object (any other value fails its row, not the import)' });

/** The upload forms of POST /imports, per content type (documentation: the handler streams them). */
export const ImportUploadBodies = {
  'text/csv': z.string().meta({
    description:
      'CSV with a header row; headers are matched by alias (email, phone/phoneNumber/contactNumber, first_name/firstName, name/fullName, tags as "a;b" or "a,b", …)',
  }),
  'multipart/form-data': z.object({ file: z.string().meta({ format: 'binary', description: 'The CSV file' }) }),
  'application/x-ndjson': z.string().meta({ description: 'One customer object per line, streamed (no size limit)' }),
  'application/json': z
    .union([z.array(ImportRow), z.object({ customers: z.array(ImportRow) })])
    .meta({ description: 'An array of customers or { customers: [...] }, within the JSON body limit (413 above it: use CSV or NDJSON)' }),
};

/** Seed 001's bulk import answer. */
export const BulkImportResponse = z.object({
  importId: z.uuid(),
  results: z.object({ imported: z.number().int(), updated: z.number().int(), duplicates: z.number().int(), failed: z.number().int() }),
  details: z.object({
    success: z.array(z.record(z.string(), z.unknown())),
    duplicates: z.array(z.record(z.string(), z.unknown())),
    failed: z.array(z.record(z.string(), z.unknown())),
  }),
});

/** A list of imports. */
export const ImportListResponse = z.object({ data: z.array(ImportView), pagination: PaginationView });
