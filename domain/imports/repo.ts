import type { Knex } from 'knex';
import type { CommandContext } from '../shared/context';
import type { Principal } from '../tenants/types';
import type { ImportCounters, ImportFormat, ImportJob, ImportOptions, ImportStatus } from './types';
import { iso } from '../../lib/time';

/** An imports row as stored. */
export interface ImportRecord {
  id: string;
  tenant_id: string;
  status: ImportStatus;
  format: ImportFormat;
  file_name: string | null;
  options: ImportOptions;
  columns: string[] | null;
  total_rows: number;
  processed_rows: number;
  imported: number;
  updated: number;
  duplicates_in_file: number;
  duplicates_existing: number;
  failed: number;
  error: string | null;
  actor_type: Principal['actorType'] | 'system';
  actor_id: string | null;
  request_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

/** The command context an import's background work acts under: whoever uploaded it. */
export const contextOf = (job: ImportRecord): CommandContext => ({
  principal: { tenantId: job.tenant_id, role: 'member', actorType: job.actor_type as Principal['actorType'], actorId: job.actor_id ?? 'import' },
  requestId: job.request_id ?? undefined,
});

/** The counters of an import, with duplicates summed as the seeds report them. */
export function countersOf(r: ImportRecord): ImportCounters {
  return {
    total: r.total_rows,
    processed: r.processed_rows,
    imported: r.imported,
    updated: r.updated,
    duplicates: r.duplicates_in_file + r.duplicates_existing,
    duplicatesInFile: r.duplicates_in_file,
    duplicatesExisting: r.duplicates_existing,
    failed: r.failed,
  };
}

/**
 * The API's view of an import, with its live rate and ETA: rows per second since the workflow
 * started, and the remaining rows at that rate (null until there is a rate to go by).
 */
export function toImportJob(r: ImportRecord, now = new Date()): ImportJob {
  const counters = countersOf(r);
  const end = r.finished_at ? new Date(r.finished_at) : now;
  const seconds = r.started_at ? (end.getTime() - new Date(r.started_at).getTime()) / 1000 : 0;
  const rate = seconds > 0 && r.processed_rows > 0 ? r.processed_rows / seconds : null;
  const running = r.status === 'running' || r.status === 'queued';
  return {
    id: r.id,
    status: r.status,
    format: r.format,
    fileName: r.file_name,
    options: r.options,
    progress: {
      ...counters,
      percent: r.total_rows ? Math.floor((r.processed_rows / r.total_rows) * 1000) / 10 : r.status === 'completed' ? 100 : 0,
      rowsPerSecond: rate === null ? null : Math.round(rate),
      etaSeconds: running && rate ? Math.ceil((r.total_rows - r.processed_rows) / rate) : running ? null : 0,
    },
    error: r.error,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

/** One import of a tenant (other tenants' imports do not exist for it). */
export async function findImport(db: Knex, tenantId: string, id: string): Promise<ImportRecord | undefined> {
  return db('imports').where({ tenant_id: tenantId, id }).first();
}

/** One import by id alone: for the workflow's activities, which act for the import's own tenant. */
export async function findImportById(db: Knex, id: string): Promise<ImportRecord | undefined> {
  return db('imports').where({ id }).first();
}

/** Empties an import's working tables (staged rows, claimed keys, checked rows and chunks); its errors stay. */
export async function dropWorkingRows(db: Knex, importId: string): Promise<void> {
  await db('import_rows').where('import_id', importId).delete();
  await db('import_keys').where('import_id', importId).delete();
  await db('import_checked').where('import_id', importId).delete();
  await db('import_chunks').where('import_id', importId).delete();
}
