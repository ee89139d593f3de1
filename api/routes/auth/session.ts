import type { SignedIn } from '../../../domain/users/types';
import { AppError } from '../../../lib/errors';
import { iso } from '../../../lib/time';
import type { HeraldContext } from '../../context';
import { SESSION_COOKIE, setCookie } from '../../sessionCookie';

/** The JSON of `GET /auth/me`. */
export const meView = (me: SignedIn['me']) => ({
  data: {
    user: { id: me.user.id, email: me.user.email, createdAt: me.user.createdAt.toISOString(), lastLoginAt: iso(me.user.lastLoginAt) },
    memberships: me.memberships.map((m) => ({ tenantId: m.tenantId, tenantName: m.tenantName, role: m.role, createdAt: m.createdAt.toISOString() })),
    tenantId: me.tenantId,
    role: me.role,
    csrfToken: me.csrfToken,
    expiresAt: me.expiresAt.toISOString(),
  },
});

/** Answers a fresh sign-in: the session cookie, and what `GET /auth/me` would say. */
export function answerSignedIn(ctx: HeraldContext, signedIn: SignedIn): void {
  setCookie(ctx, SESSION_COOKIE, signedIn.token, signedIn.me.expiresAt);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = meView(signedIn.me);
}

/** The caller's session, or 403 for a caller authenticated otherwise (API keys and tokens have no user). */
export function sessionOf(ctx: HeraldContext) {
  const session = ctx.state.session;
  if (!session) throw new AppError(403, 'not_a_session', 'This needs a signed-in session; API keys and tokens belong to no user');
  return session;
}

/** Where a request comes from, kept on the session it opens. */
export const clientOf = (ctx: HeraldContext) => ({ userAgent: ctx.get('User-Agent') || undefined, ip: ctx.ip });
