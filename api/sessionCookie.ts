import type { HeraldContext } from './context';

/** The session cookie's name. */
export const SESSION_COOKIE = 'herald_session';
/** The header a cookie-authenticated write carries its CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** The cookie that carries an OpenID sign-in between its two legs. */
export const OIDC_FLOW_COOKIE = 'herald_oidc';

/** Whether cookies get the Secure flag: in production, or whenever Herald is reached over https. */
export const secureCookies = (ctx: HeraldContext): boolean =>
  ctx.config.NODE_ENV === 'production' || (ctx.config.PUBLIC_URL ?? '').startsWith('https:') || ctx.secure;

/**
 * Sets an httpOnly, SameSite=Lax cookie (Secure per {@link secureCookies}). Behind a TLS proxy
 * Koa may see plain http; the deployment said it is https, so the cookie library is told so.
 */
export function setCookie(ctx: HeraldContext, name: string, value: string, expires: Date, path = '/'): void {
  const secure = secureCookies(ctx);
  if (secure) ctx.cookies.secure = true;
  ctx.cookies.set(name, value, { httpOnly: true, sameSite: 'lax', secure, expires, path, overwrite: true });
}

/** Removes a cookie from the browser. */
export const clearCookie = (ctx: HeraldContext, name: string, path = '/'): void => setCookie(ctx, name, '', new Date(0), path);
