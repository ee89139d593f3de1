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
