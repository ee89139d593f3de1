import type { Knex } from 'knex';
import type { OidcProviderSettings } from '../../lib/config';
import type { Logger } from '../../lib/logger';
import type { TemporalProvider } from '../../temporal/client';
import { createAccountService } from './accounts';
import { createOidcSignIn } from './oidc';
import { createSessionService } from './service';
import type { SignInPolicy } from './types';

/** The settings of sign-in, made from the configuration by the caller. */
export interface SignInSettings {
  policy: SignInPolicy;
  /** The deployment's key mailed tokens and OpenID flow cookies are derived from (TRACKING_SECRET). */
  key: string;
  oidcProviders: OidcProviderSettings[];
}

/** The sign-in settings of a configuration (docs/console.md lists the variables). */
export const signInSettings = (config: {
  SESSION_IDLE_MINUTES: number;
  SESSION_MAX_DAYS: number;
  LOGIN_LOCKOUT_FAILURES: number;
  LOGIN_LOCKOUT_MINUTES: number;
  TRACKING_SECRET: string;
  oidcProviders: OidcProviderSettings[];
}): SignInSettings => ({
  policy: {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    maxMs: config.SESSION_MAX_DAYS * 24 * 3600_000,
    lockoutFailures: config.LOGIN_LOCKOUT_FAILURES,
    lockoutMs: config.LOGIN_LOCKOUT_MINUTES * 60_000,
  },
  key: config.TRACKING_SECRET,
  oidcProviders: config.oidcProviders,
});

/** People and sign-in: sessions, accounts (invitations, resets, members) and OpenID sign-in. */
export function createUserModule(deps: { db: Knex; temporal: TemporalProvider; settings: SignInSettings; logger?: Logger }) {
  const sessions = createSessionService({ db: deps.db, policy: deps.settings.policy });
  return {
    sessions,
    accounts: createAccountService({ db: deps.db, temporal: deps.temporal, tokenKey: deps.settings.key, sessions, logger: deps.logger }),
    oidc: createOidcSignIn({ providers: deps.settings.oidcProviders, key: deps.settings.key, logger: deps.logger }),
  };
}

/** The user module's interface. */
export type UserModule = ReturnType<typeof createUserModule>;
