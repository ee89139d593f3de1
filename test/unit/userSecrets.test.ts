import { randomUUID } from 'node:crypto';
import { hashPassword, SCRYPT_PARAMETERS, verifyPassword } from '../../domain/users/passwords';
import { csrfTokenOf, newSessionToken, tokenIdOf, userTokenFor } from '../../domain/users/secrets';

/** The secrets of sign-in: scrypt hashes, mailed tokens and CSRF tokens. */
describe('password hashes', () => {
  it('stores scrypt with its parameters and a fresh salt, verifies the password and nothing else', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMETERS.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(await hashPassword('correct horse battery staple')).not.toBe(stored);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    // Unicode is compared after NFKC: the composed and decomposed é are one password.
    expect(await verifyPassword('caf\u00e9 au lait, sans sucre', await hashPassword('cafe\u0301 au lait, sans sucre'))).toBe(true);
  });

  it('never matches a malformed or foreign hash, nor one asking for absurd parameters', async () => {
    for (const stored of ['', 'plain', '$2b$10$abcdefghijklmnopqrstuv', 'scrypt$1048577$8$1$c2FsdA$a2V5a2V5a2V5a2V5a2V5', 'scrypt$16384$8$1$c2FsdA$c2hvcnQ'])
      expect(await verifyPassword('anything at all', stored)).toBe(false);
  });
});

describe('mailed and CSRF tokens', () => {
  it('rebuilds a mailed token from its id with the key, and refuses tampered ones', () => {
    const id = randomUUID();
    const token = userTokenFor(id, 'key-one-that-is-long-enough-0123456789');
    expect(tokenIdOf(token, 'key-one-that-is-long-enough-0123456789')).toBe(id);
    expect(tokenIdOf(token, 'another-key-that-is-long-enough-012345')).toBeUndefined();
    expect(tokenIdOf(`${randomUUID()}.${token.split('.')[1]}`, 'key-one-that-is-long-enough-0123456789')).toBeUndefined();
    expect(tokenIdOf(`${token}x`, 'key-one-that-is-long-enough-0123456789')).toBeUndefined();
    expect(tokenIdOf('not a token', 'key-one-that-is-long-enough-0123456789')).toBeUndefined();
  });

  it('derives a stable CSRF token per session that differs between sessions', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(csrfTokenOf(a)).toBe(csrfTokenOf(a));
    expect(csrfTokenOf(a)).not.toBe(csrfTokenOf(b));
    expect(csrfTokenOf(a)).not.toContain(a);
  });
});
