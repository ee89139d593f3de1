import type { Middleware } from 'koa';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../../lib/errors';
import type { HeraldCustom, HeraldState } from '../context';
import { headers, type RateLimiters } from './rateLimit';

/** The paths that take a password or mail a link: guessing and mail-bombing are limited there. */
export const THROTTLED_AUTH_PATHS = new Set(['/api/v1/auth/login', '/api/v1/auth/password-reset']);

/**
 * Limits sign-in and password-reset attempts per client IP and per email address (the address
 * counts whoever sends it, so spreading guesses over many IPs does not help), before the route
 * reads the password. 429 with Retry-After; the answer is the same whether the address has an
 * account or not. The lockout after repeated wrong passwords is the session service's (423).
 */
export function loginThrottle(limiters: Pick<RateLimiters, 'loginIp' | 'loginEmail'>): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || !THROTTLED_AUTH_PATHS.has(ctx.path)) return next();
    const email = (ctx.request as { body?: { email?: unknown } }).body?.email;
    const checks: Array<[typeof limiters.loginIp, string]> = [[limiters.loginIp, ctx.ip]];
    if (typeof email === 'string' && email.length <= 320) checks.push([limiters.loginEmail, email.trim().toLowerCase()]);
    for (const [limiter, key] of checks) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) {
          ctx.state.log.warn({ err }, 'login rate limiter store failed; letting the attempt through');
          continue;
        }
        throw tooManyRequests(Math.max(1, Math.ceil(err.msBeforeNext / 1000)), headers(limiter.points, err));
      }
    }
    await next();
  };
}
