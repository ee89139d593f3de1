import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with Node's built-in scrypt (RFC 7914), so no native module is needed.
 * Parameters: N = 2^15 (cost), r = 8 (block size), p = 1, a 16-byte random salt and a 32-byte
 * key, which costs ~32 MB of memory and ~60–100 ms of one core per hash here. They are written
 * into every stored hash (`scrypt$N$r$p$salt$key`, base64url), so they can be raised later and
 * older hashes still verify.
 */
export const SCRYPT_PARAMETERS = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

/** The shortest password accepted (NIST SP 800-63B asks for at least 8; a console of customer data asks for more). */
export const MIN_PASSWORD_LENGTH = 12;

const scrypt = (password: string, salt: Buffer, keyBytes: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** Room for scrypt's 128·N·r bytes with a margin (Node's default limit is 32 MB, exactly the need). */
const maxmem = (N: number, r: number) => 256 * N * r;

/** Hashes a password into the self-describing stored form. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = SCRYPT_PARAMETERS;
  const salt = randomBytes(saltBytes);
  const key = await scrypt(password, salt, keyBytes, { N, r, p, maxmem: maxmem(N, r) });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether a password matches a stored hash (compared in constant time). A malformed or foreign
 * hash never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length < 16) return false;
  const key = await scrypt(password, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(key, expected);
}

/**
 * A hash of a random password, computed once: unknown emails are verified against it so a
 * sign-in takes as long whether or not the address has an account.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

/** A generated password for `herald users create` and `herald dev`: 24 base64url characters (144 bits). */
export const generatePassword = (): string => randomBytes(18).toString('base64url');
