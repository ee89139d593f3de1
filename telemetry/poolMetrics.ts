import type { Knex } from 'knex';
import { Gauge } from 'prom-client';
import { metricsRegistry } from '../lib/metrics';

/** The tarn pool inside a knex instance (knex's typings do not expose it). */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

const pools = new Map<string, Knex>();

new Gauge({
  name: 'herald_db_pool_connections',
  help: 'Postgres pool connections by pool and state: used (lent out), free (idle), pending (acquires waiting for a connection)',
  labelNames: ['pool', 'state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [name, db] of pools) {
      const pool = (db.client as { pool?: TarnPool }).pool;
      this.set({ pool: name, state: 'used' }, pool?.numUsed() ?? 0);
      this.set({ pool: name, state: 'free' }, pool?.numFree() ?? 0);
      this.set({ pool: name, state: 'pending' }, (pool?.numPendingAcquires() ?? 0) + (pool?.numPendingCreates() ?? 0));
    }
  },
});

/**
 * Reports a knex pool as `herald_db_pool_connections{pool=name}` (used, free, pending). Knex
 * creates its pool on first use, so a pool not used yet reads zero.
 */
export function observePool(name: string, db: Knex): void {
  pools.set(name, db);
}
