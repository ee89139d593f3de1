import { apiKeyDisplayPrefix, hashApiKey, newApiKey } from '../../lib/ids';

/** API keys: recognisable prefix, high entropy, stored only as a hash. */
describe('API keys', () => {
  it('start with hk_ and are unique', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newApiKey()));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
  });

  it('hash deterministically to SHA-256 hex, different from the key', () => {
    const key = newApiKey();
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).not.toContain(key.slice(3));
  });

  it('show a short prefix only', () => {
    const key = newApiKey();
    expect(apiKeyDisplayPrefix(key)).toHaveLength(11);
    expect(key.startsWith(apiKeyDisplayPrefix(key))).toBe(true);
  });
});
