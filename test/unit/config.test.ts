import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../lib/config';

/** What `openssl rand -hex 32` and `openssl rand -base64 32` print. */
const hex32 = () => randomBytes(32).toString('hex');
const base64_32 = () => randomBytes(32).toString('base64');

/** Configuration is validated once at start; a bad value must name its variable in one line. */
describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe('development');
    expect(config.RATE_LIMIT_GENERAL_PER_MINUTE).toBe(100);
    expect(config.RATE_LIMIT_IMPORTS_PER_MINUTE).toBe(5);
  });

  it('parses numbers from strings', () => {
    expect(loadConfig({ PORT: '8080', DATABASE_POOL_MAX: '20' })).toMatchObject({ PORT: 8080, DATABASE_POOL_MAX: 20 });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_URL', 'mysql://x'],
    ['TEMPORAL_ADDRESS', 'no-port'],
    ['LOG_LEVEL', 'loud'],
    ['BODY_LIMIT', 'huge'],
    ['JWT_SECRET', 'short'],
    ['RATE_LIMIT_STORE', 'redis'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
  });

  it('never echoes secrets in the error', () => {
    expect(() => loadConfig({ JWT_SECRET: 'tooshort-secret' })).toThrow(/JWT_SECRET.*value hidden/);
  });

  it('requires DATABASE_URL, JWT_SECRET, TRACKING_SECRET, WEBHOOK_SECRETS_KEY and PUBLIC_URL in production, naming each one missing', () => {
    const [jwt, tracking, webhooks] = [hex32(), base64_32(), hex32()];
    const required = ['DATABASE_URL', 'JWT_SECRET', 'TRACKING_SECRET', 'WEBHOOK_SECRETS_KEY', 'PUBLIC_URL'];
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      new RegExp(`^Invalid configuration: ${required.map((name) => `${name} is required when NODE_ENV=production \\(unset\\)`).join('; ')}$`),
    );
    const base = { NODE_ENV: 'production', JWT_SECRET: jwt, DATABASE_URL: 'postgres://h/db', PUBLIC_URL: 'https://herald.example.com' };
    expect(() => loadConfig(base)).toThrow(
      /^Invalid configuration: TRACKING_SECRET is required when NODE_ENV=production \(unset\); WEBHOOK_SECRETS_KEY is required/,
    );
    expect(() => loadConfig({ ...base, TRACKING_SECRET: tracking })).toThrow(
      /^Invalid configuration: WEBHOOK_SECRETS_KEY is required when NODE_ENV=production \(unset\)$/,
    );
    expect(() => loadConfig({ ...base, TRACKING_SECRET: tracking, WEBHOOK_SECRETS_KEY: webhooks, PUBLIC_URL: '' })).toThrow(
      /^Invalid configuration: PUBLIC_URL is required when NODE_ENV=production \(unset\)$/,
    );
    expect(loadConfig({ ...base, TRACKING_SECRET: tracking, WEBHOOK_SECRETS_KEY: webhooks }).TRACKING_SECRET).toBe(tracking);
    expect(loadConfig({}).TRACKING_SECRET).toHaveLength(44);
  });

  describe('production secrets', () => {
    const production = (overrides: Record<string, string>) => ({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://h/db',
      PUBLIC_URL: 'https://herald.example.com',
      JWT_SECRET: hex32(),
      TRACKING_SECRET: hex32(),
      WEBHOOK_SECRETS_KEY: base64_32(),
      ...overrides,
    });
    const compose = readFileSync(path.join(__dirname, '../../docker-compose.yml'), 'utf8');
    const envExample = readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
    const weakMessage = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      return undefined;
    };

    it('accepts what `openssl rand -hex 32` and `openssl rand -base64 32` print, and base64url', () => {
      for (let i = 0; i < 20; i++) {
        expect(() =>
          loadConfig(production({ JWT_SECRET: hex32(), TRACKING_SECRET: base64_32(), WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url') })),
        ).not.toThrow();
      }
      expect(() =>
        loadConfig(production({ JWT_SECRET: randomBytes(40).toString('base64').replace(/[+/=]/g, '').slice(0, 40) + '!#%&()*,.:;<>?@[]^`{|}~' })),
      ).not.toThrow();
    });

    it.each(['JWT_SECRET', 'TRACKING_SECRET', 'WEBHOOK_SECRETS_KEY'])(
      'refuses placeholders, short and repetitive values of %s, naming it and hiding the value',
      (name) => {
        const placeholders = [
          'dev-only-insecure-jwt-secret-change-me-0123456789',
          'dev-only-insecure-tracking-secret-change-me-0123',
          'dev-only-insecure-webhook-secrets-key-change-me',
          'herald-development-tracking-secret-change-me',
          `${hex32()}-CHANGEME`,
          `placeholder-${hex32()}`,
          `your_jwt_secret_${hex32()}`,
          `${hex32()}insecure`,
        ];
        for (const value of placeholders) {
          const message = weakMessage(production({ [name]: value }));
          expect(message).toMatch(
            new RegExp(
              `^Invalid configuration: ${name} (is a default shipped with Herald|looks like a placeholder).*openssl rand -hex 32.*\\(value hidden\\)$`,
            ),
          );
          expect(message).not.toContain(value);
        }
        expect(weakMessage(production({ [name]: randomBytes(16).toString('hex') }))).toMatch(
          new RegExp(`${name} carries about 128 bits of entropy; at least 256`),
        );
        expect(weakMessage(production({ [name]: randomBytes(31).toString('base64') }))).toMatch(/carries about 2\d\d bits/);
        expect(weakMessage(production({ [name]: 'ab'.repeat(40) }))).toMatch(new RegExp(`${name} repeats too few characters`));
        expect(weakMessage(production({ [name]: 'x'.repeat(64) }))).toMatch(/repeats too few characters/);
      },
    );

    it('refuses every secret value docker-compose.yml and .env.example carry, and a placeholder Twilio token', () => {
      // Defaults in `${NAME:-value}` and example values in `NAME=value` lines (commands such as $(openssl …) aside).
      const names = '(?:JWT_SECRET|TRACKING_SECRET|WEBHOOK_SECRETS_KEY)';
      const shipped = [
        ...[...compose.matchAll(new RegExp(`\\$\\{${names}:-([^}]+)\\}`, 'g'))].map((m) => m[1]!),
        ...[...envExample.matchAll(new RegExp(`^#?\\s*${names}=([^\\s$]\\S*)$`, 'gm'))].map((m) => m[1]!),
      ];
      for (const value of shipped) expect(weakMessage(production({ JWT_SECRET: value }))).toMatch(/JWT_SECRET/);
      expect(weakMessage(production({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'your_auth_token', TWILIO_FROM: '+15005550006' }))).toMatch(
        /TWILIO_AUTH_TOKEN looks like a placeholder.*\(value hidden\)/,
      );
      expect(() =>
        loadConfig(production({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'), TWILIO_FROM: '+15005550006' })),
      ).not.toThrow();
    });

    it.each(['JWT_SECRET_PREVIOUS', 'TRACKING_SECRET_PREVIOUS'])('checks every earlier key in %s like the current one', (name) => {
      expect(() => loadConfig(production({ [name]: `${hex32()}, ${base64_32()}` }))).not.toThrow();
      expect(weakMessage(production({ [name]: `${hex32()},short` }))).toMatch(
        new RegExp(`^Invalid configuration: ${name} must be a comma list of secrets of at least 32 characters each \\(value hidden\\)`),
      );
      const placeholder = `${hex32()},dev-only-insecure-jwt-secret-change-me-0123456789`;
      const message = weakMessage(production({ [name]: placeholder }));
      expect(message).toMatch(
        new RegExp(`^Invalid configuration: ${name} holds a secret that (is a default shipped with Herald|looks like a placeholder).*\\(value hidden\\)$`),
      );
      expect(message).not.toContain('change-me');
      expect(() => loadConfig({ [name]: 'dev-only-insecure-jwt-secret-change-me-0123456789' })).not.toThrow();
    });

    it('leaves development and test alone', () => {
      expect(() => loadConfig({ JWT_SECRET: 'dev-only-insecure-jwt-secret-change-me-0123456789' })).not.toThrow();
      expect(() => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) })).not.toThrow();
    });
  });

  describe('WEBHOOK_ALLOWED_HOSTS', () => {
    it('accepts host names, addresses and CIDRs', () => {
      expect(
        loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, localhost,10.0.0.0/8, 127.0.0.1,::1, fd00::/8, my-host.example.com.' }).WEBHOOK_ALLOWED_HOSTS,
      ).toContain('10.0.0.0/8');
    });

    it.each(['localhost:3000', '*.example.com', '10.0.0.0/33', 'a b', 'http://hooks.example.com', '-bad.example.com', 'host_name'])(
      'refuses %s at start, naming the variable',
      (value) => {
        expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: value })).toThrow(
          new RegExp(`^Invalid configuration: WEBHOOK_ALLOWED_HOSTS must be a comma list of host names, IP addresses or CIDRs`),
        );
      },
    );
  });

  describe('TRUST_PROXY', () => {
    it('trusts nothing unless set, and reads hop counts and address lists', () => {
      expect(loadConfig({}).TRUST_PROXY).toEqual({ kind: 'none' });
      expect(
        loadConfig({
          NODE_ENV: 'production',
          DATABASE_URL: 'postgres://h/db',
          PUBLIC_URL: 'https://herald.example.com',
          JWT_SECRET: hex32(),
          TRACKING_SECRET: hex32(),
          WEBHOOK_SECRETS_KEY: hex32(),
        }).TRUST_PROXY,
      ).toEqual({ kind: 'none' });
      expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 1 });
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).TRUST_PROXY).toEqual({ kind: 'addresses', entries: ['10.0.0.0/8', '127.0.0.1'] });
    });

    it.each(['true', 'proxy.internal', '10.0.0.0/40'])('refuses %s naming the variable', (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^Invalid configuration: TRUST_PROXY must/);
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
