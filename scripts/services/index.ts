import { ensurePostgres, stopPostgres, type PostgresHandle } from './postgres';
import { ensureTemporal, stopTemporal, type TemporalHandle } from './temporal';

/** Both services Herald needs, as reachable addresses. */
export interface Services {
  postgres: PostgresHandle;
  temporal: TemporalHandle;
}

/**
 * Brings up Postgres and Temporal (each only if not already reachable), in parallel since the
 * first start of either takes seconds. If one fails, the other is stopped again when this call
 * started it, so a failed start leaves nothing behind.
 */
export async function ensureServices(log: (line: string) => void = () => undefined): Promise<Services> {
  const [postgres, temporal] = await Promise.allSettled([ensurePostgres({ log }), ensureTemporal({ log })]);
  if (postgres.status === 'fulfilled' && temporal.status === 'fulfilled') return { postgres: postgres.value, temporal: temporal.value };
  if (postgres.status === 'fulfilled' && postgres.value.startedHere) await stopPostgres(postgres.value.clusterDir);
  if (temporal.status === 'fulfilled' && temporal.value.startedHere) await stopTemporal();
  throw (postgres.status === 'rejected' ? postgres.reason : (temporal as PromiseRejectedResult).reason) as Error;
}

/** Stops whatever Herald-owned services are running; reports what it stopped. */
export async function stopServices(): Promise<{ postgres: boolean; temporal: boolean }> {
  const [temporal, postgres] = await Promise.all([stopTemporal(), stopPostgres()]);
  return { postgres, temporal };
}
