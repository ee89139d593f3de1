import type { Middleware } from 'koa';
import type { HeraldCustom, HeraldState } from '../context';

/**
 * Resolves the bearer credential (API key or JWT) into `ctx.state.principal`. It never rejects:
 * each route declares the roles it needs and answers 401/403 itself, so public routes stay
 * public and the rate limiter after this can still count anonymous callers by IP.
 */
export function authenticate(): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) ctx.state.authFailure = 'The Authorization header must be "Bearer <api key or token>"';
      else {
        const principal = await ctx.domain.tenants.authenticate(match[1]!);
        if (principal) ctx.state.principal = principal;
        else ctx.state.authFailure = 'The API key or token is invalid, expired or revoked';
      }
    }
    await next();
  };
}
