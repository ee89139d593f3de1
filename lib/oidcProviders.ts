import { ConfigError } from './config';

/** One OpenID Connect provider people may sign in with (`OIDC_<NAME>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`). */
export interface OidcProviderSettings {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The settings of each provider OIDC_PROVIDERS names, read from its own three variables (their
 * names depend on the list, so the schema in config.ts cannot hold them).
 */
export function oidcProvidersFrom(names: string | undefined, env: Record<string, string | undefined>): OidcProviderSettings[] {
  if (!names) return [];
  return names.split(',').map((raw) => {
    const name = raw.trim();
    // GET /api/v1/auth/providers lists the providers: a provider of that name could never be reached.
    if (name === 'providers')
      throw new ConfigError('Invalid configuration: OIDC_PROVIDERS cannot name a provider "providers" (GET /api/v1/auth/providers lists them)');
    const prefix = `OIDC_${name.toUpperCase().replace(/-/g, '_')}_`;
    const read = (suffix: string) => {
      const value = env[prefix + suffix]?.trim();
      if (!value) throw new ConfigError(`Invalid configuration: ${prefix}${suffix} is required because OIDC_PROVIDERS names ${name} (unset)`);
      return value;
    };
    const issuer = read('ISSUER');
    if (!URL.canParse(issuer))
      throw new ConfigError(`Invalid configuration: ${prefix}ISSUER must be a URL such as https://accounts.google.com (got "${issuer}")`);
    return { name, issuer, clientId: read('CLIENT_ID'), clientSecret: read('CLIENT_SECRET') };
  });
}
