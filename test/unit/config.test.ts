import { ConfigError, loadConfig } from '../../lib/config';

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

  it('requires JWT_SECRET, DATABASE_URL, TRACKING_SECRET and WEBHOOK_SECRETS_KEY in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET|DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://h/db' })).toThrow(/TRACKING_SECRET is required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://h/db', TRACKING_SECRET: 't'.repeat(32) })).toThrow(/WEBHOOK_SECRETS_KEY is required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://h/db', TRACKING_SECRET: 't'.repeat(32), WEBHOOK_SECRETS_KEY: 'w'.repeat(32) }).TRACKING_SECRET).toBe('t'.repeat(32));
    expect(loadConfig({}).TRACKING_SECRET).toHaveLength(44);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
