import type Router from '@koa/router';
import { type z, type ZodType } from 'zod';
import type { Role } from '../domain/tenants/types';
import { AppError, forbidden, unauthorized } from '../lib/errors';
import type { HeraldContext, HeraldCustom, HeraldState } from './context';
import { assertSafeInput } from './inputSafety';
import { allowHeader, methodNotAllowedError } from './middleware/methodNotAllowed';
import { withIdempotency } from './middleware/idempotency';
import type { OpenAPIRegistry } from './openapi';
import { documentRoute, type RouteDocSpec } from './routeDocs';

/** What a handler receives besides the context: validated, typed input. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/**
 * One route: its contract (the documented fields of {@link RouteDocSpec}, with typed schemas)
 * and its handler, which receives what those schemas parsed.
 */
export interface RouteSpec<P extends ZodType, Q extends ZodType, B extends ZodType> extends Omit<RouteDocSpec, 'params' | 'query' | 'body'> {
  params?: P;
  query?: Q;
  body?: B;
  handler: (ctx: HeraldContext, input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<void> | void;
  /**
   * Write array positions of body errors in brackets (`nodes[3].duration`) instead of dots, for
   * bodies whose deeper checks (the rule language, journey graphs) report paths that way, so one
   * body's errors read alike whichever check found them.
   */
  bracketPaths?: boolean;
}

/** The router and registry every route module adds itself to. */
export interface RouteTarget {
  router: Router<HeraldState, HeraldCustom>;
  registry: OpenAPIRegistry;
}

/** How a field path is written: `items.0.name` (dots), or `items[0].name` (brackets, as the rule language writes them). */
type PathStyle = 'dots' | 'brackets';

const pathText = (path: PropertyKey[], style: PathStyle) =>
  style === 'dots'
    ? path.join('.')
    : path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/** Turns zod issues into `details` entries that name the failing field. */
const issuesOf = (error: z.ZodError, location: string, style: PathStyle) =>
  error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ location, path: pathText([...i.path, key], style), message: 'is not a known field' }))
      : [{ location, path: pathText(i.path, style), message: i.message }],
  );

function parsePart<T extends ZodType>(schema: T | undefined, value: unknown, location: 'params' | 'query' | 'body', style: PathStyle = 'dots'): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = issuesOf(result.error, location, style);
  if (location === 'body') throw new AppError(422, 'validation_failed', 'The request body did not pass validation', details);
  throw new AppError(400, 'bad_request', `Invalid ${location === 'params' ? 'path parameter' : 'query parameter'}`, details);
}

/**
 * Methods of each fixed path (no parameters), per router. `/customers/analytics` is its own
 * resource even though `PUT /customers/:id` matches its text: a method the fixed path does not
 * serve answers 405 there, as the document says, not the parameter route's 400.
 */
const fixedPaths = new WeakMap<object, Map<string, Set<string>>>();

/** Whether the request carries a body at all (a length above zero, or a chunked one). */
const hasBody = (ctx: HeraldContext) => ctx.req.headers['transfer-encoding'] !== undefined || Number(ctx.req.headers['content-length'] ?? 0) > 0;

/** Checks the caller may use the route: 401 without a valid credential, 403 for a role not listed or a cookie write without its CSRF token. */
function authorize(ctx: HeraldContext, auth: readonly Role[] | 'public'): void {
  if (auth === 'public') return;
  if (ctx.state.csrfFailure)
    throw new AppError(403, 'csrf_failed', 'A signed-in write needs the X-CSRF-Token header with the token GET /api/v1/auth/me answers');
  const principal = ctx.state.principal;
  if (!principal) throw unauthorized(ctx.state.authFailure);
  if (!auth.includes(principal.role)) throw forbidden(`This action needs one of the roles: ${auth.join(', ')}`);
}

/**
 * Registers a route with the router and its contract with the OpenAPI registry. The handler
 * runs after authorization and validation, so it only sees typed, checked input — the pipeline
 * reads like `auth → validate → handler` for every route.
 */
export function addRoute<P extends ZodType, Q extends ZodType, B extends ZodType>(target: RouteTarget, spec: RouteSpec<P, Q, B>): void {
  documentRoute(target.registry, spec);
  const fixed = fixedPaths.get(target.router) ?? new Map<string, Set<string>>();
  fixedPaths.set(target.router, fixed);
  if (!spec.path.includes(':')) {
    const methods = fixed.get(spec.path) ?? new Set<string>();
    methods.add(spec.method.toUpperCase());
    if (spec.method === 'get') methods.add('HEAD');
    fixed.set(spec.path, methods);
  }
  target.router[spec.method](spec.path, async (ctx) => {
    const hctx = ctx as unknown as HeraldContext;
    const sibling = spec.path.includes(':') ? fixed.get(ctx.path) : undefined;
    if (sibling) throw methodNotAllowedError(ctx.method, allowHeader(sibling));
    authorize(hctx, spec.auth);
    // A body of another type is refused on every route that does not read the request itself,
    // also on routes that take no body: nothing may ignore a form or XML body and act anyway.
    const sent = hasBody(hctx);
    if (sent && !spec.streamedBody && !hctx.is('application/json')) {
      throw new AppError(
        415,
        'unsupported_media_type',
        spec.body ? 'Send the body as application/json' : 'This operation takes no body; send none or application/json',
      );
    }
    if (spec.body && !sent && !spec.bodyOptional) {
      throw new AppError(400, 'body_required', 'This operation needs a JSON body', [{ location: 'body', path: '', message: 'is required' }]);
    }
    // Validation runs inside the idempotent section, so a retried invalid request replays its 422.
    const run = async () => {
      assertSafeInput(hctx, ctx.params, Boolean(spec.body || spec.streamedBody));
      const params = parsePart(spec.params, ctx.params, 'params');
      const query = parsePart(spec.query, hctx.query, 'query');
      const body = parsePart(spec.body, (hctx.request as { body?: unknown }).body, 'body', spec.bracketPaths ? 'brackets' : 'dots');
      await spec.handler(hctx, { params, query, body });
    };
    await (spec.idempotent ? withIdempotency(hctx, run) : run());
  });
}
export type { UnexpressedRule } from './routeDocs';
