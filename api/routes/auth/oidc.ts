import { addRoute, type RouteTarget } from '../../route';
import { clearCookie, OIDC_FLOW_COOKIE, setCookie } from '../../sessionCookie';
import type { HeraldContext } from '../../context';
import { CallbackQuery, ProviderParams } from './schema';
import { answerSignedIn, clientOf } from './session';

const TAG = 'Sign-in';
/** The flow cookie is sent back only to the callback routes. */
const FLOW_PATH = '/api/v1/auth';

/** Herald's address as the browser reaches it: PUBLIC_URL when set, else the request's origin. */
const baseUrl = (ctx: HeraldContext) => (ctx.config.PUBLIC_URL ?? `${ctx.protocol}://${ctx.host}`).replace(/\/$/, '');
const callbackOf = (ctx: HeraldContext, provider: string) => `${baseUrl(ctx)}/api/v1/auth/${provider}/callback`;

/**
 * OpenID Connect sign-in (seed 003's `GET /auth/google` and its callback), for every provider
 * OIDC_PROVIDERS names. Nobody signs up here: the verified address must have an account with a
 * membership, or an open invitation.
 */
export function oidcRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'get',
    path: '/api/v1/auth/:provider',
    summary: 'Start signing in with an OpenID Connect provider (e.g. google): redirects to it',
    description: 'The provider must be one OIDC_PROVIDERS names (404 otherwise). Sets a short-lived signed cookie with the state, nonce and PKCE verifier.',
    tag: TAG,
    auth: 'public',
    params: ProviderParams,
    responses: { 302: { description: "To the provider's sign-in page", headers: { Location: { description: "The provider's authorization URL" } } } },
    handler: async (ctx, { params }) => {
      const { url, flowCookie } = await ctx.domain.users.oidc.begin(params.provider, callbackOf(ctx, params.provider));
      setCookie(ctx, OIDC_FLOW_COOKIE, flowCookie, new Date(Date.now() + 10 * 60_000), FLOW_PATH);
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(url);
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/auth/:provider/callback',
    summary: 'Where the provider sends the person back: signs them in and redirects to the console',
    tag: TAG,
    auth: 'public',
    params: ProviderParams,
    query: CallbackQuery,
    unexpressed: [{ status: 400, rule: 'the request must complete a sign-in this browser began within 10 minutes (400 oidc_failed)' }],
    responses: {
      302: {
        description: 'Signed in: to the console',
        headers: { Location: { description: 'The console' }, 'Set-Cookie': { description: 'The session cookie' } },
      },
      403: { description: 'The verified address has no account and no open invitation, or the provider did not verify it' },
    },
    handler: async (ctx, { params }) => {
      const flow = ctx.cookies.get(OIDC_FLOW_COOKIE);
      clearCookie(ctx, OIDC_FLOW_COOKIE, FLOW_PATH);
      const email = await ctx.domain.users.oidc.complete(params.provider, new URL(callbackOf(ctx, params.provider) + ctx.search), flow);
      answerSignedIn(ctx, await ctx.domain.users.accounts.signInWithVerifiedEmail(email, clientOf(ctx)));
      ctx.redirect(`${baseUrl(ctx)}/console`);
    },
  });
}
