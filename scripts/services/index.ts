import { ensurePostgres, stopPostgres, type PostgresHandle } from './postgres';
import { ensureTemporal, stopTemporal, type TemporalHandle } from './temporal';

/** Both services Herald needs, as reachable addresses. */
export interface Services {
  postgres: PostgresHandle;
  temporal: TemporalHandle;
}

/**
 * Brings up Postgres and Temporal (each only if not already reachable), in parallel since the
 * first start of either takes seconds.
 */
export async function ensureServices(log: (line: string) => void = () => undefined): Promise<Services> {
  const [postgres, temporal] = await Promise.all([ensurePostgres({ log }), ensureTemporal({ log })]);
  return { postgres, temporal };
}

/** Stops whatever Herald-owned services are running; reports what it stopped. */
export async function stopServices(): Promise<{ postgres: boolean; temporal: boolean }> {
  const [temporal, postgres] = await Promise.all([stopTemporal(), stopPostgres()]);
  return { postgres, temporal };
}
