import type { Knex } from 'knex';
import type { TemporalProvider } from '../../temporal/client';

/** Readiness of each dependency; `ready` only when all are up. */
export interface Readiness {
  ready: boolean;
  checks: { postgres: 'up' | 'down'; temporal: 'up' | 'down' };
}

/** Resolves false if the promise has not settled truthy within the time limit. */
const within = (ms: number, work: Promise<unknown>): Promise<boolean> =>
  Promise.race([
    work.then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref()),
  ]);

/**
 * Checks Postgres and Temporal in parallel, each bounded so /readyz answers within about
 * 1.5 s even when a dependency hangs rather than refuses.
 */
export function createHealthService(deps: { db: Knex; temporal: TemporalProvider; timeoutMs?: number }) {
  const timeoutMs = deps.timeoutMs ?? 1500;
  return {
    async readiness(): Promise<Readiness> {
      const [postgres, temporal] = await Promise.all([within(timeoutMs, deps.db.raw('SELECT 1')), deps.temporal.isReachable(timeoutMs)]);
      return { ready: postgres && temporal, checks: { postgres: postgres ? 'up' : 'down', temporal: temporal ? 'up' : 'down' } };
    },
  };
}

/** The health service's interface. */
export type HealthService = ReturnType<typeof createHealthService>;
