import { z } from 'zod';

/** A regular expression that matches `word` in any letter case, spelled without flags (JSON Schema has none). */
const anyCase = (word: string) => word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).replace(/[.+*?^$()|{}\\]/g, '\\$&');

/**
 * A query parameter holding a comma-separated list of enum values in any letter case
 * (`active,Suspended`); empty items are ignored. The document states the same with a pattern, so
 * what it calls valid is exactly what is accepted.
 */
export const enumList = <T extends readonly [string, ...string[]]>(values: T) => {
  const item = `\\s*(${values.map(anyCase).join('|')})?\\s*`;
  return z
    .string()
    .regex(new RegExp(`^${item}(,${item})*$`), `must be a comma-separated list of: ${values.join(', ')}`)
    .meta({ description: `Comma-separated, any letter case: ${values.join(', ')}` })
    .transform(
      (v) =>
        v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean) as Array<T[number]>,
    );
};
