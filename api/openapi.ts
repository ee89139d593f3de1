import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** The error body every failing request returns. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/**
 * Collects every route's schemas as it is registered, so the OpenAPI document is generated from
 * the same zod schemas that validate requests and can never drift from them.
 */
export function createOpenApiRegistry() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (hk_…) or an HS256 JWT with tenant, role and sub claims',
  });
  return registry;
}

/** Renders the OpenAPI 3.1 document for everything registered. */
export function buildOpenApiDocument(registry: OpenAPIRegistry, serverUrl?: string) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Herald API',
      version: '0.1.0',
      description: 'Customers, orders, segments, campaigns and webhooks. Errors always have the shape `{ error: { code, message, details? } }`.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}

export type { OpenAPIRegistry };
