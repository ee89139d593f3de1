import type { Knex } from 'knex';
import { summarizeTenant as summarize } from '../domain/tenants/repo';
import type { TenantSummary } from '../domain/tenants/types';

/** Activities about tenants, bound to their dependencies. */
export function createTenantActivities(deps: { db: Knex }) {
  return {
    /** Reads a tenant's record counts from Postgres. */
    async summarizeTenant(tenantId: string): Promise<TenantSummary> {
      return summarize(deps.db, tenantId);
    },
  };
}
