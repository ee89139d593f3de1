import type { Middleware } from 'koa';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from '../../lib/errors';
import type { HeraldCustom, HeraldState } from '../context';
import { UNLIMITED_PATHS } from '../routeDocs';

/** The limiters by route group; each counts per key (or per IP for the `ip` limiter). */
export interface RateLimiters {
  ip: RateLimiterAbstract;
  general: RateLimiterAbstract;
  /**
   * The general budget of a person signed in to the console (a session): larger than a key's,
   * since the console's live views poll once a second and a page load makes several calls.
   */
  session: RateLimiterAbstract;
  imports: RateLimiterAbstract;
  /** Seed 003's AI endpoints: 20 requests per minute per user by default. */
  ai: RateLimiterAbstract;
  /** Sign-in and password-reset attempts per client IP (api/middleware/loginThrottle.ts). */
  loginIp: RateLimiterAbstract;
  /** Sign-in and password-reset attempts per email address, whoever sends them. */
  loginEmail: RateLimiterAbstract;
}

/**
 * Picks the group whose per-key budget a request spends. The AI group is every `/api/v1/ai/` path
 * and the segment suggester's other address, so the alias is no way around the AI budget.
 */
function groupOf(method: string, path: string): 'general' | 'imports' | 'ai' {
  if (path.startsWith('/api/v1/ai/') || (method === 'POST' && path === '/api/v1/segments/suggestions')) return 'ai';
  return method === 'POST' && (path.startsWith('/api/v1/imports') || path === '/api/v1/customers/bulk/import' || path === '/api/v1/customers/import')
    ? 'imports'
    : 'general';
}

/** The X-RateLimit-* headers of a limiter's answer. */
export function headers(limit: number, res: RateLimiterRes): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(Math.max(0, res.remainingPoints)),
    'X-RateLimit-Reset': String(Math.ceil((Date.now() + res.msBeforeNext) / 1000)),
  };
}

/**
 * Spends one point per request from the caller's IP budget and, when authenticated, from the
 * key's budget for the route group. Exhausted budgets answer 429 with Retry-After. When the
 * store itself fails (e.g. Postgres down) requests pass: availability over strictness.
 */
export function rateLimit(limiters: RateLimiters): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    if (UNLIMITED_PATHS.has(ctx.path)) return next();
    const principal = ctx.state.principal;
    const group = groupOf(ctx.method, ctx.path);
    const checks: Array<[RateLimiterAbstract, string]> = [[limiters.ip, ctx.ip]];
    // A cookie session (the console), not a JWT: JWTs are machines' credentials like keys.
    const limiter = group === 'general' && ctx.state.session ? limiters.session : limiters[group];
    if (principal) checks.push([limiter, `${principal.tenantId}:${principal.actorId}`]);
    for (const [budget, key] of checks) {
      try {
        const res = await budget.consume(key);
        ctx.set(headers(budget.points, res));
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) {
          ctx.state.log.warn({ err }, 'rate limiter store failed; letting the request through');
          continue;
        }
        throw tooManyRequests(Math.max(1, Math.ceil(err.msBeforeNext / 1000)), headers(budget.points, err));
      }
    }
    await next();
  };
}
