/** Lifecycle of an import: uploaded rows are staged (receiving), then processed by its workflow. */
export const IMPORT_STATUSES = ['receiving', 'queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Upload formats; multipart uploads carry a CSV file. */
export const IMPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * What happens to a row whose dedupe key matches an existing customer: skip it (counted as a
 * duplicate), update the existing customer (rows matching nobody are reported as failed), or
 * upsert (update when it exists, create otherwise).
 */
export const DUPLICATE_MODES = ['skip', 'update', 'upsert'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];

/** Keys that identify "the same customer", inside the file and against the tenant's customers. */
export const DEDUPE_KEYS = ['email', 'phone', 'externalId'] as const;
export type DedupeKey = (typeof DEDUPE_KEYS)[number];

/** Options of one import, stored with it so every chunk (and every retry) applies the same ones. */
export interface ImportOptions {
  duplicateMode: DuplicateMode;
  dedupeKeys: DedupeKey[];
  /** ISO 3166 region for phone numbers written without a country code. */
  defaultRegion: string;
  /** Validate, dedupe and count only; no customer is written. */
  dryRun: boolean;
  /** Write one customer.created event per created customer (off by default: a million events is a lot). */
  emitCustomerEvents: boolean;
  /** CSV header (or JSON key) → Herald field, overriding the built-in aliases; "ignore" drops a column. */
  mapping: Record<string, string>;
  /** Columns nobody maps go to customFields (true) or are ignored (false). */
  unknownColumnsToCustomFields: boolean;
}

/** Live counters of an import. */
export interface ImportCounters {
  total: number;
  processed: number;
  imported: number;
  updated: number;
  /** In-file duplicates plus rows matching an existing customer in skip mode. */
  duplicates: number;
  duplicatesInFile: number;
  duplicatesExisting: number;
  failed: number;
}

/** An import as the API shows it. */
export interface ImportJob {
  id: string;
  status: ImportStatus;
  format: ImportFormat;
  fileName: string | null;
  options: ImportOptions;
  progress: ImportCounters & { percent: number; rowsPerSecond: number | null; etaSeconds: number | null };
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** One reported row problem. */
export interface ImportRowError {
  row: number;
  field: string | null;
  message: string;
}
