import { randomInt } from 'node:crypto';

/**
 * The seed of a property test's randomness: HERALD_PROPERTY_SEED when set (to replay a failure),
 * else a fresh one. Every run explores new cases; the test puts the seed in its title, so a failure
 * names the seed that replays it.
 */
export function propertySeed(): number {
  const given = process.env.HERALD_PROPERTY_SEED;
  return given === undefined ? randomInt(2 ** 31) : Number(given);
}
