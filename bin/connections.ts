import type { Config } from '../lib/config';
import { localDatabaseUrl } from '../scripts/services/postgres';
import type { TemporalSettings } from '../temporal/client';

/** The database URL: DATABASE_URL, else the local cluster Herald runs. */
export const databaseUrl = (config: Config) => config.DATABASE_URL ?? localDatabaseUrl(config.HERALD_PG_PORT);

/** Temporal address, namespace and queue: TEMPORAL_ADDRESS, else the local dev server. */
export const temporalSettings = (config: Config): TemporalSettings => ({
  address: config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
});

/** Temporal's main database (cluster mode, backups) as a URL: the one given, else the named database on Herald's server. */
export function temporalDatabaseUrl(heraldUrl: string, temporalUrl: string | undefined, database: string): string {
  if (temporalUrl) return temporalUrl;
  const u = new URL(heraldUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** What `herald backup` and `herald restore` take to find the databases: their shared options. */
export interface DatabaseTargetOptions {
  temporalDatabase?: string;
  temporalUrl?: string;
  /** False with `--no-temporal`: Herald's database only. */
  temporal: boolean;
}

/** Herald's database and, unless `--no-temporal`, Temporal's main one: the pair a backup or a restore works on. */
export function databaseTargets(config: Config, options: DatabaseTargetOptions): { herald: string; temporal?: string } {
  const herald = databaseUrl(config);
  const temporal = options.temporal
    ? temporalDatabaseUrl(herald, options.temporalUrl, options.temporalDatabase ?? config.TEMPORAL_CLUSTER_DATABASE)
    : undefined;
  return { herald, temporal };
}
