import { createHmac } from 'node:crypto';
import * as client from 'openid-client';
import { AppError, notFound, unavailable } from '../../lib/errors';
import type { OidcProviderSettings } from '../../lib/config';
import type { Logger } from '../../lib/logger';
import { sameSecret } from './secrets';

/** How long a person has between leaving for the provider and coming back. */
const FLOW_TTL_MS = 10 * 60_000;

/** What the browser carries between the two legs of a sign-in (in a signed, httpOnly cookie). */
interface Flow {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

/** 400 for a callback that does not complete a sign-in Herald began (forged, replayed, expired, refused at the provider). */
const failed = (provider: string) => new AppError(400, 'oidc_failed', `The sign-in with ${provider} did not complete; start again`);

/**
 * OpenID Connect sign-in for any provider (Google is one), with openid-client: the
 * authorization code flow with PKCE (S256), state and nonce. The flow's secrets travel in a
 * cookie signed with the deployment's key, so nothing is stored between the two legs.
 */
export function createOidcSignIn(deps: { providers: OidcProviderSettings[]; key: string; logger?: Logger }) {
  const configurations = new Map<string, Promise<client.Configuration>>();
  const sign = (payload: string) => createHmac('sha256', `herald-oidc-flow:${deps.key}`).update(payload).digest('base64url');

  function settingsOf(name: string): OidcProviderSettings {
    const settings = deps.providers.find((p) => p.name === name);
    if (!settings) throw notFound('Sign-in provider');
    return settings;
  }

  /** The provider's discovered configuration, fetched once (again after a failure). */
  function configurationOf(settings: OidcProviderSettings): Promise<client.Configuration> {
    let found = configurations.get(settings.name);
    if (!found) {
      const issuer = new URL(settings.issuer);
      // Plain http is accepted only for a provider on this machine (the test suite's local one).
      const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      found = client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
      configurations.set(settings.name, found);
      found.catch(() => configurations.delete(settings.name));
    }
    return found.catch((err) => {
      deps.logger?.warn({ err, provider: settings.name }, 'OpenID provider discovery failed');
      throw unavailable(`The sign-in provider ${settings.name} cannot be reached; try again later`);
    });
  }

  /** Starts a sign-in: the provider's authorization URL and the signed flow cookie's value. */
  async function begin(name: string, redirectUri: string): Promise<{ url: string; flowCookie: string }> {
    const settings = settingsOf(name);
    const configuration = await configurationOf(settings);
    const flow: Flow = {
      provider: name,
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expiresAt: Date.now() + FLOW_TTL_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
    return { url: url.href, flowCookie: `${payload}.${sign(payload)}` };
  }

  /**
   * Completes a sign-in from the provider's redirect: checks the flow cookie, exchanges the code
   * (PKCE verifier, state and nonce checked by openid-client) and answers the verified address.
   * An address the provider does not say it verified is refused.
   */
  async function complete(name: string, callbackUrl: URL, flowCookie: string | undefined): Promise<string> {
    const settings = settingsOf(name);
    const [payload = '', signature = ''] = (flowCookie ?? '').split('.');
    if (!payload || !sameSecret(sign(payload), signature)) throw failed(name);
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Flow;
    if (flow.provider !== name || flow.expiresAt < Date.now()) throw failed(name);
    const configuration = await configurationOf(settings);
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // Providers that keep scope claims out of the ID token (as the spec lets them) tell them at the UserInfo endpoint.
      claims = typeof idToken.email === 'string' ? idToken : await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    } catch (err) {
      deps.logger?.info({ provider: name, reason: (err as Error).name }, 'OpenID sign-in refused');
      throw failed(name);
    }
    const email = typeof claims?.email === 'string' ? claims.email : undefined;
    if (!email || claims?.email_verified !== true)
      throw new AppError(403, 'email_not_verified', `${name} did not share a verified email address; Herald signs people in by their verified address`);
    return email;
  }

  return { begin, complete, providers: () => deps.providers.map((p) => p.name) };
}

/** The OpenID sign-in's interface. */
export type OidcSignIn = ReturnType<typeof createOidcSignIn>;
