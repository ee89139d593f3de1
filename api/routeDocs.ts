import { z, type ZodType } from 'zod';
import type { Role } from '../domain/tenants/types';
import { IDEMPOTENCY_KEY } from './middleware/idempotency';
import { ErrorResponse, type OpenAPIRegistry } from './openapi';

/** A status an operation answers, with what it means and (per content type) what its body is. */
export interface ResponseDoc {
  description: string;
  /** JSON body schema (the common case). */
  schema?: ZodType;
  /** Non-JSON or several bodies: content type → schema (a string schema for CSV, HTML, images). */
  content?: Record<string, ZodType>;
  /** Headers the answer always carries, beyond X-Request-Id. */
  headers?: Record<string, { description: string; schema?: ZodType }>;
}

/**
 * A rule the API enforces that OpenAPI 3.1 cannot state (a phone number that libphonenumber
 * rejects, a host that does not resolve, a referenced record that does not exist). Each one is
 * written into the operation's description and into `x-herald-unexpressed`, so a client, the SDK
 * and the fuzzer all know that a request the schema accepts can still be refused, and with what.
 */
export interface UnexpressedRule {
  status: 400 | 404 | 409 | 422 | 423;
  rule: string;
}

/** What the documentation of one route is made from: everything of a route but its handler. */
export interface RouteDocSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa-style path, e.g. `/api/v1/api-keys/:id`. */
  path: string;
  summary: string;
  /** Longer explanation for the docs (the summary is one line). */
  description?: string;
  tag: string;
  /** Roles allowed to call it, or 'public' for no credential. */
  auth: readonly Role[] | 'public';
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** Named example bodies (OpenAPI `examples`): the docs page offers them, the fuzzer sends them. */
  bodyExamples?: Record<string, { summary: string; description?: string; value: unknown }>;
  /** The body may be left out entirely (then it is validated as `{}`); otherwise a missing body is a 400. */
  bodyOptional?: boolean;
  /**
   * A body the handler reads itself (e.g. a streamed upload), documented per content type for
   * OpenAPI only: nothing here parses or validates it.
   */
  streamedBody?: Record<string, ZodType>;
  /** Creating POSTs honour Idempotency-Key: a retried request gets the first response. */
  idempotent?: boolean;
  /** Checks the schema cannot state, documented with the status they answer (see {@link UnexpressedRule}). */
  unexpressed?: readonly UnexpressedRule[];
  /** Documented answers: status → description and body; the pipeline's error answers are added for it. */
  responses: Record<number, ResponseDoc>;
}

/** The bodies of a streamed export, by the format asked for (CSV by default). */
export const EXPORT_CONTENT: Record<string, ZodType> = {
  'text/csv': z.string().meta({ description: 'A header line, then one line per record' }),
  'application/json': z.array(z.record(z.string(), z.unknown())).meta({ description: 'An array of records' }),
  'application/x-ndjson': z.string().meta({ description: 'One JSON record per line' }),
};

/**
 * Paths the rate limiter never counts (api/middleware/rateLimit.ts), so they document no 429.
 * Probes: orchestrators poll them. Twilio's delivery callbacks and inbound messages: signed
 * (checked by the route before anything is read or stored) and arriving from few IPs at campaign
 * and conversation speed, so a per-IP limit would drop receipts and customers' messages (Twilio
 * does not retry an inbound webhook answered 429).
 */
export const UNLIMITED_PATHS = new Set(['/healthz', '/readyz', '/api/v1/messaging/twilio/status', '/api/v1/messaging/twilio/inbound']);

/** Paths that answer without touching PostgreSQL or Temporal: no 503 there. */
const DEPENDENCY_FREE = new Set(['/healthz']);

/** Every answer carries the request id, so a client can always quote it. */
const REQUEST_ID = { 'X-Request-Id': { description: 'The request id (echoed when the request sent a sane one)', schema: { type: 'string' as const } } };

const RATE_HEADERS = {
  'Retry-After': { description: 'Seconds until the budget refills', required: true, schema: { type: 'integer' as const, minimum: 1 } },
  'X-RateLimit-Limit': { description: 'Requests allowed per minute in this budget', schema: { type: 'integer' as const } },
  'X-RateLimit-Remaining': { description: 'Requests left in this minute', schema: { type: 'integer' as const } },
  'X-RateLimit-Reset': { description: 'Unix time (seconds) when the budget refills', schema: { type: 'integer' as const } },
};

const ERROR_CONTENT = { 'application/json': { schema: ErrorResponse } };
const error = (description: string, headers: Record<string, unknown> = {}) => ({ description, headers: { ...REQUEST_ID, ...headers }, content: ERROR_CONTENT });

/** The error answers of one route, derived from what its pipeline can refuse. */
function errorResponses(spec: RouteDocSpec): Record<number, ReturnType<typeof error>> {
  const hasBody = Boolean(spec.body || spec.streamedBody);
  const rules = (status: number) => (spec.unexpressed ?? []).filter((r) => r.status === status).map((r) => r.rule);
  const withRules = (base: string, status: number) => [base, ...rules(status)].join('; ');
  const out: Record<number, ReturnType<typeof error>> = {
    400: error(
      withRules(
        'Malformed request: unparsable or forbidden JSON (a __proto__ key, nesting beyond 64 levels), a NUL character, or a path, query or header value outside its schema; details name the field',
        400,
      ),
    ),
  };
  if (spec.auth !== 'public') {
    out[401] = error('Missing, invalid, expired or revoked credential', { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } });
    out[403] = error(`The credential's role may not do this (allowed: ${spec.auth.join(', ')})`);
  }
  if (spec.path.includes(':') || rules(404).length) out[404] = error(withRules('No such record in this tenant', 404));
  if (rules(409).length) out[409] = error(withRules('Conflicts with the current state', 409));
  // Any request may carry a body: a JSON one is read (and limited) before routing, another type is refused.
  out[413] = error('The body exceeds the size limit (BODY_LIMIT, 1 MB by default)');
  out[415] = error(
    hasBody
      ? `The body's Content-Type is not one this operation takes (${Object.keys(spec.streamedBody ?? { 'application/json': 0 }).join(', ')})`
      : 'This operation takes no body: send none, or application/json (ignored)',
  );
  if (hasBody || rules(422).length) out[422] = error(withRules('The body does not pass validation; details list each failing field with its path', 422));
  if (!UNLIMITED_PATHS.has(spec.path)) out[429] = error('Rate limited: wait as Retry-After says', RATE_HEADERS);
  if (!DEPENDENCY_FREE.has(spec.path)) out[503] = error('PostgreSQL or Temporal is unavailable; nothing changed, retry later');
  // A route's own words for an error status win over the generic ones, and add statuses the pipeline cannot guess.
  for (const [status, r] of Object.entries(spec.responses)) {
    if (Number(status) >= 400 && status !== '400' && status !== '422')
      out[Number(status)] = error(withRules(r.description, Number(status)), Number(status) === 429 ? RATE_HEADERS : {});
  }
  return out;
}

/** A success answer as OpenAPI wants it: JSON schema or explicit content types, plus headers. */
function successResponse(r: ResponseDoc) {
  const content = r.content
    ? Object.fromEntries(Object.entries(r.content).map(([type, schema]) => [type, { schema }]))
    : r.schema
      ? { 'application/json': { schema: r.schema } }
      : undefined;
  const headers = {
    ...REQUEST_ID,
    ...Object.fromEntries(
      Object.entries(r.headers ?? {}).map(([name, h]) => [name, { description: h.description, required: true, schema: h.schema ?? z.string() }]),
    ),
  };
  return { description: r.description, headers, ...(content ? { content } : {}) };
}

/** A stable operation id from method and path: `get /api/v1/customers/{id}/notes` → `getCustomersIdNotes`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1/, '')
    .split(/[/_-]/)
    .filter(Boolean)
    .map((w) => w.replace(/^:/, ''));
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The operation description: the summary's detail plus every rule the schema cannot state. */
function descriptionOf(spec: RouteDocSpec): string | undefined {
  const rules = spec.unexpressed ?? [];
  const parts = [spec.description, rules.length ? `Checked beyond this schema:\n${rules.map((r) => `- ${r.status}: ${r.rule}`).join('\n')}` : undefined].filter(
    Boolean,
  );
  return parts.length ? parts.join('\n\n') : undefined;
}

/** Keyset cursors are opaque: only a value this list handed out is valid, which no schema can say. */
const CURSOR_RULE: UnexpressedRule = { status: 400, rule: '`cursor` must be a `nextCursor` this list returned, used with the same sort' };

/** An Idempotency-Key binds one request: reusing it differently, or while the first runs, is refused. */
const IDEMPOTENCY_RULES: readonly UnexpressedRule[] = [
  { status: 422, rule: 'an Idempotency-Key used in the last 24 h with a different body is refused (idempotency_key_reused)' },
  { status: 409, rule: 'an Idempotency-Key whose first request is still running is refused; retry shortly' },
];

/**
 * Every rule a route's schemas cannot state: its own, those its kind implies (a cursor-paged list,
 * an idempotent create), and any 400 or 422 it declares itself, whatever that is called.
 */
function rulesOf(spec: RouteDocSpec): UnexpressedRule[] {
  const pagedByCursor = spec.query instanceof z.ZodObject && 'cursor' in spec.query.shape;
  const declared = Object.entries(spec.responses)
    .filter(([status]) => status === '400' || status === '422')
    .map(([status, r]) => ({ status: Number(status) as 400 | 422, rule: r.description }));
  return [...(spec.unexpressed ?? []), ...(pagedByCursor ? [CURSOR_RULE] : []), ...(spec.idempotent ? IDEMPOTENCY_RULES : []), ...declared];
}

/** Adds one route's operation to the OpenAPI registry: input schemas, every answer, and its rules. */
export function documentRoute(registry: OpenAPIRegistry, given: RouteDocSpec): void {
  const spec = { ...given, unexpressed: rulesOf(given) };
  const successes = Object.entries(spec.responses).filter(([status]) => Number(status) < 400);
  const description = descriptionOf(spec);
  registry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    operationId: operationIdOf(spec.method, spec.path),
    summary: spec.summary,
    ...(description ? { description } : {}),
    tags: [spec.tag],
    security: spec.auth === 'public' ? [] : [{ bearer: [] }],
    ...(spec.unexpressed?.length ? { 'x-herald-unexpressed': spec.unexpressed } : {}),
    request: {
      ...(spec.idempotent
        ? {
            headers: z.object({
              'Idempotency-Key': z
                .string()
                .regex(IDEMPOTENCY_KEY)
                .optional()
                .meta({ description: 'Retries with the same key within 24 h return the first response' }),
            }) as never,
          }
        : {}),
      ...(spec.params ? { params: spec.params as never } : {}),
      ...(spec.query ? { query: spec.query as never } : {}),
      ...(spec.body
        ? {
            body: {
              required: !spec.bodyOptional,
              content: { 'application/json': { schema: spec.body, ...(spec.bodyExamples ? { examples: spec.bodyExamples } : {}) } },
            },
          }
        : {}),
      ...(spec.streamedBody
        ? { body: { required: !spec.bodyOptional, content: Object.fromEntries(Object.entries(spec.streamedBody).map(([type, schema]) => [type, { schema }])) } }
        : {}),
    },
    responses: {
      ...errorResponses(spec),
      ...Object.fromEntries(successes.map(([status, r]) => [status, successResponse(r)])),
    },
  });
}
