import { z } from 'zod';
import { AppError } from '../../../lib/errors';
import { addRoute, type RouteTarget } from '../../route';
import { READERS } from '../../routeContext';
import { clearCookie, SESSION_COOKIE } from '../../sessionCookie';
import {
  AcceptInvitationBody,
  CsrfResponse,
  EMAIL_RULE,
  LoginBody,
  MeResponse,
  PasswordResetBody,
  PasswordResetConfirmBody,
  ProvidersResponse,
  SwitchTenantBody,
} from './schema';
import { answerSignedIn, clientOf, meView, sessionOf } from './session';

const TAG = 'Sign-in';

/**
 * People signing in to the console (seed 003's `/auth/*`, under Herald's `/api/v1`): email and
 * password, the session cookie, the tenant a session acts in, password resets and accepting
 * invitations. docs/console.md describes the cookie, CSRF, lockout and rate limits.
 */
export function authRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    description:
      'Answers what GET /api/v1/auth/me answers and sets the httpOnly `herald_session` cookie. A wrong email and a wrong password get the same 401; repeated failures lock the address (423).',
    tag: TAG,
    auth: 'public',
    body: LoginBody,
    unexpressed: [EMAIL_RULE, { status: 423, rule: 'an address is locked for LOGIN_LOCKOUT_MINUTES after LOGIN_LOCKOUT_FAILURES consecutive wrong passwords' }],
    responses: {
      200: { description: 'Signed in', schema: MeResponse, headers: { 'Set-Cookie': { description: 'The session cookie (httpOnly, SameSite=Lax)' } } },
      401: { description: 'The email or password is wrong (the same answer for both)' },
      403: { description: 'The password is right but the account is not a member of the tenant asked for, or of any tenant' },
      423: { description: 'Locked after repeated wrong passwords: wait as Retry-After says' },
    },
    handler: async (ctx, { body }) => {
      answerSignedIn(ctx, await ctx.domain.users.sessions.login(body, clientOf(ctx)));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/auth/providers',
    summary: 'The OpenID Connect providers people may sign in with (names only), for the sign-in page',
    description:
      'Public: the names OIDC_PROVIDERS configures, in its order. Sign in with one at GET /api/v1/auth/{name}. An empty list when none is configured.',
    tag: TAG,
    auth: 'public',
    responses: { 200: { description: 'The providers', schema: ProvidersResponse } },
    handler: async (ctx) => {
      ctx.body = { data: ctx.domain.users.oidc.providers().map((name) => ({ name })) };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: ends the session and clears its cookie (204 also without a session)',
    tag: TAG,
    auth: 'public',
    responses: { 204: { description: 'Signed out' }, 403: { description: 'A session cookie came without its X-CSRF-Token' } },
    handler: async (ctx) => {
      if (ctx.state.csrfFailure) throw new AppError(403, 'csrf_failed', 'Signing out needs the X-CSRF-Token header with the token GET /api/v1/auth/me answers');
      if (ctx.state.session) await ctx.domain.users.sessions.logout(ctx.state.session.token);
      if (ctx.cookies.get(SESSION_COOKIE)) clearCookie(ctx, SESSION_COOKIE);
      ctx.status = 204;
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'The signed-in person: account, memberships, current tenant and role, CSRF token',
    description: 'Only for a session (403 for API keys and tokens, which belong to no person: GET /api/v1/tenant answers them).',
    tag: TAG,
    auth: READERS,
    responses: { 200: { description: 'The session', schema: MeResponse } },
    handler: async (ctx) => {
      const { session, token } = sessionOf(ctx);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = meView(await ctx.domain.users.sessions.me(session, token));
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/auth/csrf',
    summary: "The session's CSRF token, to send as X-CSRF-Token on writes",
    tag: TAG,
    auth: READERS,
    responses: { 200: { description: 'The token', schema: CsrfResponse } },
    handler: async (ctx) => {
      const { token, session } = sessionOf(ctx);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { csrfToken: (await ctx.domain.users.sessions.me(session, token)).csrfToken } };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/auth/switch-tenant',
    summary: 'Move the session to another tenant the person is a member of',
    tag: TAG,
    auth: READERS,
    body: SwitchTenantBody,
    unexpressed: [{ status: 404, rule: 'tenantId must name a tenant the signed-in person is a member of' }],
    responses: { 200: { description: 'The session, now in that tenant', schema: MeResponse } },
    handler: async (ctx, { body }) => {
      const { session, token } = sessionOf(ctx);
      ctx.body = meView(await ctx.domain.users.sessions.switchTenant(session, token, body.tenantId));
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/auth/password-reset',
    summary: 'Mail a password-reset link (always 202: it never says whether the address has an account)',
    tag: TAG,
    auth: 'public',
    body: PasswordResetBody,
    unexpressed: [EMAIL_RULE],
    responses: {
      202: {
        description: 'If the address has an account, a link is on its way (valid 1 hour, once)',
        schema: z.object({ data: z.object({ accepted: z.literal(true) }) }),
      },
    },
    handler: async (ctx, { body }) => {
      await ctx.domain.users.accounts.requestPasswordReset(body.email);
      ctx.status = 202;
      ctx.body = { data: { accepted: true } };
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/auth/password-reset/confirm',
    summary: "Set a new password with a reset link's token; ends the account's sessions",
    tag: TAG,
    auth: 'public',
    body: PasswordResetConfirmBody,
    unexpressed: [{ status: 400, rule: 'the token must come from an unused, unexpired reset e-mail (400 invalid_token)' }],
    responses: { 204: { description: 'The password is set; sign in with it' } },
    handler: async (ctx, { body }) => {
      await ctx.domain.users.accounts.confirmPasswordReset(body);
      ctx.status = 204;
    },
  });
  addRoute(target, {
    method: 'post',
    path: '/api/v1/auth/invitations/accept',
    summary: "Accept an invitation with its e-mail's token; signs in to the inviting tenant",
    tag: TAG,
    auth: 'public',
    body: AcceptInvitationBody,
    unexpressed: [
      { status: 400, rule: 'the token must come from an unused, unexpired invitation e-mail (400 invalid_token)' },
      { status: 422, rule: 'password is required when the invited address has no account yet' },
    ],
    responses: { 200: { description: 'Joined and signed in', schema: MeResponse, headers: { 'Set-Cookie': { description: 'The session cookie' } } } },
    handler: async (ctx, { body }) => {
      answerSignedIn(ctx, await ctx.domain.users.accounts.acceptInvitation(body, clientOf(ctx)));
    },
  });
}
