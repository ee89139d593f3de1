import { toTenantSettings } from '../../../domain/tenants/settings';
import { ROLES, type Principal, type Tenant } from '../../../domain/tenants/types';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, principalOf, READERS, tenantOf } from '../../routeContext';
import { TenantResponse, TenantSummaryResponse, UpdateTenant } from './schema';

/** The tenant as GET and PATCH /tenant return it, with the caller's principal. */
const view = (tenant: Tenant, principal: Principal) => ({
  id: tenant.id,
  name: tenant.name,
  slug: tenant.slug,
  createdAt: tenant.createdAt.toISOString(),
  settings: toTenantSettings(tenant.settings),
  principal: { role: principal.role, actorType: principal.actorType, actorId: principal.actorId },
});

/** The caller's own tenant: who am I, its settings, and a summary of what the tenant holds. */
export function tenantRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/tenant',
    summary: 'The tenant of the credential, its settings, and the credential itself',
    tag: 'Tenant',
    auth: ROLES,
    responses: { 200: { description: 'The tenant', schema: TenantResponse } },
    handler: async (ctx) => {
      const principal = principalOf(ctx);
      ctx.body = { data: view(await ctx.domain.tenants.getTenant(principal.tenantId), principal) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/tenant',
    summary: 'Rename the tenant or change its settings (defaultLanguage for new customers, customer event ingestion and retention)',
    tag: 'Tenant',
    auth: ['admin'],
    body: UpdateTenant,
    unexpressed: [{ status: 422, rule: 'defaultLanguage must be a BCP 47 tag that Intl.getCanonicalLocales accepts (stored in its canonical form)' }],
    responses: { 200: { description: 'The tenant as changed', schema: TenantResponse } },
    handler: async (ctx, { body }) => {
      ctx.body = { data: view(await ctx.domain.tenants.updateTenant(commandContext(ctx), body), principalOf(ctx)) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/tenant/summary',
    summary: 'Counts of customers, orders and events (runs a Temporal workflow)',
    tag: 'Tenant',
    auth: READERS,
    responses: { 200: { description: 'The counts', schema: TenantSummaryResponse } },
    handler: async (ctx) => {
      ctx.body = { data: await ctx.domain.tenantSummary(tenantOf(ctx)) };
    },
  });
}
