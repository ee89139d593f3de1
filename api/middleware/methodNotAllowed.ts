import type { Middleware } from 'koa';
import { AppError } from '../../lib/errors';
import type { HeraldCustom, HeraldState } from '../context';

/** What @koa/router leaves on the context: the layers whose path matched, whatever their method. */
interface RoutedContext {
  matched?: Array<{ methods: string[]; paramNames: unknown[] }>;
}

/** HTTP's usual order, so `Allow` reads the same on every path. */
const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The `Allow` value for the methods a path serves (OPTIONS always). */
export const allowHeader = (methods: Iterable<string>) => [...new Set([...methods, 'OPTIONS'])].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).join(', ');

/** The 405 for a method a path does not serve. */
export const methodNotAllowedError = (method: string, allow: string) =>
  new AppError(405, 'method_not_allowed', `${method} is not allowed on this path; it serves ${allow}`, undefined, { Allow: allow });

/**
 * Runs after the router for requests it did not serve. A path that exists answers OPTIONS with
 * 204 and every other method it does not serve (TRACE, PUT on a read-only path…) with 405, both
 * with `Allow` listing what it serves; a path that does not exist falls through to the 404 of the
 * error handler, whatever the method. (@koa/router's own allowedMethods answers 501 for methods
 * outside its list, also on unknown paths.)
 */
export function methodNotAllowed(): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    await next();
    if (ctx.status !== 404 || ctx.body !== undefined) return;
    // A fixed path (`/customers/analytics`) is its own resource: the parameter routes whose pattern
    // its text also fits (`PUT /customers/:id`) are not methods it serves.
    const matched = (ctx as unknown as RoutedContext).matched ?? [];
    const fixed = matched.filter((layer) => layer.paramNames.length === 0);
    const served = new Set((fixed.length ? fixed : matched).flatMap((layer) => layer.methods));
    if (served.size === 0 || served.has(ctx.method)) return;
    const allow = allowHeader(served);
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      ctx.set('Allow', allow);
      return;
    }
    throw methodNotAllowedError(ctx.method, allow);
  };
}
