import type { Knex } from 'knex';
import type { TemporalProvider } from '../temporal/client';
import { createHealthService } from './health/service';
import { createIdempotencyService } from './idempotency/service';
import { createOrderService } from './orders/service';
import { runTenantSummary } from './tenants/lifecycle';
import { createTenantService } from './tenants/service';

/** What the domain layer needs from the process. */
export interface DomainDeps {
  db: Knex;
  temporal: TemporalProvider;
  jwtSecret?: string;
}

/**
 * Builds every domain service bound to its dependencies. The API receives this object and
 * never sees knex or the Temporal client directly.
 */
export function createDomain(deps: DomainDeps) {
  return {
    tenants: createTenantService(deps),
    health: createHealthService(deps),
    idempotency: createIdempotencyService(deps),
    orders: createOrderService(deps),
    /** Runs the tenant summary through Temporal (worker + activity + Postgres). */
    tenantSummary: (tenantId: string) => runTenantSummary(deps.temporal, tenantId),
  };
}

/** The domain layer as the API sees it. */
export type Domain = ReturnType<typeof createDomain>;
