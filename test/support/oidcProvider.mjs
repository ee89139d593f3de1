// A local OpenID Connect provider (the oidc-provider package) for the sign-in tests: no external
// provider is reachable from the suite. It runs in a child process because oidc-provider is an ES
// module only, which jest's module system does not load. Any login id is accepted at its
// development login form; the account's email is the login id, verified unless it starts with
// "unverified". Prints "ready <issuer>" once it listens.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: !id.startsWith('unverified') }),
  }),
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['herald-test-provider-cookie-key'] },
});
provider.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
