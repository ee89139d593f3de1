import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import type { TemporalProvider } from '../temporal/client';
import { createCustomerService } from './customers';
import type { OrderReader } from './customers/queries';
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
  /** Region assumed for phone numbers written without a country code. */
  defaultPhoneRegion?: CountryCode;
}

/**
 * Builds every domain service bound to its dependencies. The API receives this object and
 * never sees knex or the Temporal client directly.
 */
export function createDomain(deps: DomainDeps) {
  const orders = createOrderService(deps);
  return {
    customers: createCustomerService({ db: deps.db, defaultPhoneRegion: deps.defaultPhoneRegion ?? 'US', orders: orders as unknown as OrderReader }),
    tenants: createTenantService(deps),
    health: createHealthService(deps),
    idempotency: createIdempotencyService(deps),
    orders,
    /** Runs the tenant summary through Temporal (worker + activity + Postgres). */
    tenantSummary: (tenantId: string) => runTenantSummary(deps.temporal, tenantId),
  };
}

/** The domain layer as the API sees it. */
export type Domain = ReturnType<typeof createDomain>;
