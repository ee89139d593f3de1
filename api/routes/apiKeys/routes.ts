import type { ApiKey } from '../../../domain/tenants/types';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, tenantOf } from '../../routeContext';
import { pageRequestOf } from '../../pagination';
import { ApiKeyListQuery, ApiKeyListResponse, ApiKeyParams, ApiKeyResponse, CreateApiKey, CreatedApiKeyResponse } from './schema';
import { iso } from '../../../lib/time';

/** The public view of a key (no hash, no secret). */
const view = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  customerId: k.customerId,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: iso(k.lastUsedAt),
  expiresAt: iso(k.expiresAt),
  revokedAt: iso(k.revokedAt),
});

/** API key management for tenant admins: list, create (secret shown once), revoke. */
export function apiKeyRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/api-keys',
    summary: "List the tenant's API keys, newest first, page or cursor pagination",
    tag: 'API keys',
    auth: ['admin'],
    query: ApiKeyListQuery,
    responses: { 200: { description: 'A page of keys', schema: ApiKeyListResponse } },
    handler: async (ctx, { query }) => {
      const page = await ctx.domain.tenants.listApiKeys(tenantOf(ctx), pageRequestOf(query));
      ctx.body = { data: page.data.map(view), pagination: page.pagination };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/api-keys',
    summary: 'Create an API key; the key is in this response only',
    tag: 'API keys',
    auth: ['admin'],
    body: CreateApiKey,
    unexpressed: [{ status: 422, rule: 'customerId must name a customer of this tenant; expiresAt must lie in the future' }],
    responses: { 201: { description: 'Created', schema: CreatedApiKeyResponse } },
    handler: async (ctx, { body }) => {
      const created = await ctx.domain.tenants.createApiKey(commandContext(ctx), {
        name: body.name,
        role: body.role,
        customerId: body.customerId,
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
      });
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { ...view(created.apiKey), key: created.key } };
    },
  });
  addRoute(target, {
    method: 'delete',
    path: '/api/v1/api-keys/:id',
    summary: 'Revoke an API key (refused at once by this process, by the others within their 10 s key cache)',
    tag: 'API keys',
    auth: ['admin'],
    params: ApiKeyParams,
    responses: { 200: { description: 'Revoked', schema: ApiKeyResponse }, 404: { description: 'No such key in this tenant' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: view(await ctx.domain.tenants.revokeApiKey(commandContext(ctx), params.id)) };
    },
  });
}
