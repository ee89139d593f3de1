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

type Operation = { operationId?: string; responses?: Record<string, { links?: Record<string, unknown> }> };

/**
 * OpenAPI links from each creating operation to the operations on what it created: the answer's
 * `data.id` fills the `{id}` of every path under the collection (`POST /customers` →
 * `GET /customers/{id}`, `PATCH /customers/{id}/tags`…). Clients and stateful fuzzers follow them.
 */
function addCreationLinks(paths: Record<string, Record<string, Operation>>): void {
  for (const [collection, ops] of Object.entries(paths)) {
    const created = ops.post?.responses && (ops.post.responses['201'] ?? ops.post.responses['202']);
    if (!created) continue;
    const links: Record<string, unknown> = {};
    for (const [itemPath, itemOps] of Object.entries(paths)) {
      if (!itemPath.startsWith(`${collection}/{id}`)) continue;
      for (const op of Object.values(itemOps)) {
        if (op.operationId) links[op.operationId] = { operationId: op.operationId, parameters: { id: '$response.body#/data/id' } };
      }
    }
    if (Object.keys(links).length) created.links = links;
  }
}

/** The body parser refuses a `__proto__` key anywhere (400): no free-form object may name one. */
const NOT_PROTO = { not: { const: '__proto__' } };

/**
 * States the `__proto__` refusal on every JSON object whose keys are free (records, catch-alls),
 * in one walk over request and response schemas alike.
 */
function forbidProtoKeys(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(forbidProtoKeys);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if ('additionalProperties' in schema && schema.additionalProperties !== false) {
    schema.propertyNames = schema.propertyNames ? { allOf: [schema.propertyNames, NOT_PROTO] } : NOT_PROTO;
  }
  for (const [key, value] of Object.entries(schema)) {
    // Only JSON goes through the parser that refuses the key; forms and CSV are read as sent.
    if (key === 'content' && value && typeof value === 'object') {
      Object.entries(value).forEach(([type, media]) => type.includes('json') && forbidProtoKeys(media));
    } else forbidProtoKeys(value);
  }
}

/** Renders the OpenAPI 3.1 document for everything registered. */
export function buildOpenApiDocument(registry: OpenAPIRegistry, serverUrl?: string) {
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Herald API',
      version: '0.1.0',
      description: [
        'Customers, orders, segments, campaigns and webhooks. Errors always have the shape `{ error: { code, message, details? } }`,',
        'and every answer carries `X-Request-Id`. A method a path does not serve answers 405 with `Allow` (OPTIONS: 204 with `Allow`);',
        'an unknown path 404. No string anywhere (path, query, header, body, object key) may hold U+0000 or a lone surrogate, and no number may be',
        "non-finite: such input is refused with 400 (422 in a body) naming the field. Checks a schema cannot state are listed in each operation's description and in `x-herald-unexpressed`.",
        'A typed TypeScript client, `@herald/sdk`, is generated from this document.',
      ].join(' '),
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
  addCreationLinks((document.paths ?? {}) as Record<string, Record<string, Operation>>);
  forbidProtoKeys(document.paths);
  forbidProtoKeys(document.components);
  return document;
}

export type { OpenAPIRegistry };
