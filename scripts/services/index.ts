import path from 'node:path';
import { dataDir } from '../../lib/paths';
import { clusterPid, ensurePostgres, stopPostgres, type PostgresHandle } from './postgres';
import { ensureTemporal, stopTemporal, temporalAnswers, temporalDevServerPid, type TemporalHandle } from './temporal';
import { ensureTemporalCluster, stopTemporalCluster } from './temporalCluster';

/** Both services Herald needs, as reachable addresses. */
export interface Services {
  postgres: PostgresHandle;
  temporal: TemporalHandle;
}

/** How to bring the services up. */
export interface EnsureServicesOptions {
  /**
   * Run the real Temporal server on Herald's PostgreSQL (scripts/services/temporalCluster.ts)
   * instead of the dev server. TEMPORAL_ADDRESS still wins when set.
   */
  cluster?: boolean;
}

/** Postgres first, then the real Temporal server on it: the cluster needs the database to start. */
async function ensureClusterServices(log: (line: string) => void): Promise<Services> {
  const postgres = await ensurePostgres({ log });
  const external = process.env.TEMPORAL_ADDRESS;
  try {
    if (external) {
      if (!(await temporalAnswers(external, 5000))) throw new Error(`TEMPORAL_ADDRESS is set to ${external} but no Temporal server answers there`);
      return { postgres, temporal: { address: external, startedHere: false } };
    }
    return { postgres, temporal: await ensureTemporalCluster({ postgresUrl: postgres.url, log }) };
  } catch (err) {
    if (postgres.startedHere) await stopPostgres(postgres.clusterDir);
    throw err;
  }
}

/**
 * Brings up Postgres and Temporal (each only if not already reachable), in parallel since the
 * first start of either takes seconds. If one fails, the other is stopped again when this call
 * started it, so a failed start leaves nothing behind.
 */
export async function ensureServices(log: (line: string) => void = () => undefined, options: EnsureServicesOptions = {}): Promise<Services> {
  if (options.cluster) return ensureClusterServices(log);
  const [postgres, temporal] = await Promise.allSettled([ensurePostgres({ log }), ensureTemporal({ log })]);
  if (postgres.status === 'fulfilled' && temporal.status === 'fulfilled') return { postgres: postgres.value, temporal: temporal.value };
  if (postgres.status === 'fulfilled' && postgres.value.startedHere) await stopPostgres(postgres.value.clusterDir);
  if (temporal.status === 'fulfilled' && temporal.value.startedHere) await stopTemporal();
  throw (postgres.status === 'rejected' ? postgres.reason : (temporal as PromiseRejectedResult).reason) as Error;
}

/** Stops whatever Herald-owned services are running (the cluster's server before its database); reports what it stopped. */
export async function stopServices(): Promise<{ postgres: boolean; temporal: boolean }> {
  const [devServer, cluster] = await Promise.all([stopTemporal(), stopTemporalCluster()]);
  const postgres = await stopPostgres();
  return { postgres, temporal: devServer || cluster };
}

/** The services Herald can run itself. */
export type ServiceName = 'postgres' | 'temporal';

/** Which of Herald's own services run now (its cluster under .data/postgres, its Temporal dev server), by their pids. */
export function runningOwnServices(): Record<ServiceName, boolean> {
  return { postgres: clusterPid(path.join(dataDir(), 'postgres')) !== undefined, temporal: temporalDevServerPid() !== undefined };
}

/**
 * The services a run started: running now and not when it began. A service that was already
 * running (another `herald dev`, `herald services up`) belongs to whoever started it, and an
 * external DATABASE_URL or TEMPORAL_ADDRESS is never Herald's to stop.
 */
export function servicesStartedSince(before: Record<ServiceName, boolean>, now: Record<ServiceName, boolean>): ServiceName[] {
  return (['postgres', 'temporal'] as const).filter((name) => now[name] && !before[name]);
}

/**
 * Stops the services started since `before` was taken, and only those. Comparing pids rather than
 * trusting a finished start also covers a start that failed or was interrupted halfway (a cluster
 * up but its database not created, a dev server spawned but not yet answering).
 */
export async function stopServicesStartedSince(before: Record<ServiceName, boolean>): Promise<ServiceName[]> {
  const started = servicesStartedSince(before, runningOwnServices());
  await Promise.all(started.map((name) => (name === 'postgres' ? stopPostgres() : stopTemporal())));
  return started;
}
