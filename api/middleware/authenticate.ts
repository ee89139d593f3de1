import type { Middleware } from 'koa';
import { csrfTokenOf, sameSecret } from '../../domain/users/secrets';
import type { HeraldCustom, HeraldState } from '../context';
import { clearCookie, CSRF_HEADER, SESSION_COOKIE, setCookie } from '../sessionCookie';

/** Methods that change nothing: a session cookie authenticates them without a CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller into `ctx.state.principal`: the bearer credential (API key or JWT) when
 * there is one, else the console's session cookie. It never rejects: each route declares the
 * roles it needs and answers 401/403 itself, so public routes stay public and the rate limiter
 * after this can still count anonymous callers by IP.
 *
 * A cookie is sent by the browser whoever made the page, so a cookie-authenticated write must
 * also carry the session's CSRF token in X-CSRF-Token (a page of another site cannot read it);
 * without it the request has no principal and routes answer 403 `csrf_failed`. Bearer requests
 * are not subject to this: a browser never adds an Authorization header by itself.
 */
export function authenticate(): Middleware<HeraldState, HeraldCustom> {
  return async (ctx, next) => {
    const header = ctx.get('Authorization');
    const cookie = header ? undefined : ctx.cookies.get(SESSION_COOKIE);
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) ctx.state.authFailure = 'The Authorization header must be "Bearer <api key or token>"';
      else {
        const principal = await ctx.domain.tenants.authenticate(match[1]!);
        if (principal) ctx.state.principal = principal;
        else ctx.state.authFailure = 'The API key or token is invalid, expired or revoked';
      }
    } else if (cookie) {
      const resolved = cookie.length <= 100 ? await ctx.domain.users.sessions.resolve(cookie) : undefined;
      if (!resolved) {
        ctx.state.authFailure = 'Your session has ended; sign in again';
        clearCookie(ctx, SESSION_COOKIE);
      } else if (!SAFE_METHODS.has(ctx.method) && !sameSecret(ctx.get(CSRF_HEADER), csrfTokenOf(cookie))) {
        ctx.state.csrfFailure = true;
      } else {
        ctx.state.principal = resolved.principal;
        ctx.state.session = { session: resolved.session, token: cookie };
        if (resolved.rolled) setCookie(ctx, SESSION_COOKIE, cookie, resolved.session.expiresAt);
      }
    }
    await next();
  };
}
