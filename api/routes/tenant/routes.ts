import { ROLES } from '../../../domain/tenants/types';
import { addRoute, type RouteTarget } from '../../route';
import { TenantResponse, TenantSummaryResponse } from './schema';

/** The caller's own tenant: who am I, and a summary of what the tenant holds. */
export function tenantRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get', path: '/api/v1/tenant', summary: 'The tenant of the credential, and the credential itself', tag: 'Tenant', auth: ROLES,
    responses: { 200: { description: 'The tenant', schema: TenantResponse } },
    handler: async (ctx) => {
      const principal = ctx.state.principal!;
      const tenant = await ctx.domain.tenants.getTenant(principal.tenantId);
      ctx.body = {
        data: {
          id: tenant.id, name: tenant.name, slug: tenant.slug, createdAt: tenant.createdAt.toISOString(),
          principal: { role: principal.role, actorType: principal.actorType, actorId: principal.actorId },
        },
      };
    },
  });
  addRoute(target, {
    method: 'get', path: '/api/v1/tenant/summary', summary: 'Counts of customers, orders and events (runs a Temporal workflow)', tag: 'Tenant', auth: ['admin', 'member', 'readonly'],
    responses: { 200: { description: 'The counts', schema: TenantSummaryResponse } },
    handler: async (ctx) => {
      ctx.body = { data: await ctx.domain.tenantSummary(ctx.state.principal!.tenantId) };
    },
  });
}
