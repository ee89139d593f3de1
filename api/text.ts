import { z } from 'zod';

/**
 * What JavaScript's `trim()` removes (ECMAScript WhiteSpace and LineTerminator), spelled as an
 * explicit class: JSON Schema readers in other languages (Python's `\s` differs) then agree.
 */
const SPACE = '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';
const NON_SPACE = SPACE.replace('[', '[^');

/** A pattern that holds when the text, trimmed, has at least `min` characters. */
const trimmedAtLeast = (min: number) => (min <= 1 ? `^${SPACE}*${NON_SPACE}` : `^${SPACE}*${NON_SPACE}[\\s\\S]{${min - 2},}${NON_SPACE}${SPACE}*$`);

/** Characters as JSON Schema counts them: code points, not UTF-16 units (an emoji is one). */
const length = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Options of {@link text}. */
export interface TextOptions {
  min?: number;
  max: number;
  /** Trim surrounding white space (default true); `min` counts what is left. */
  trim?: boolean;
  /** The message of a length failure (default: "must be M to N characters"). */
  message?: string;
}

/**
 * A text field whose length rules mean the same in the API and in its OpenAPI document:
 * `max` bounds the text as sent and `min` the text once trimmed, both in code points, as JSON
 * Schema's `maxLength` and a pattern state them. zod's own `.min()`/`.max()` count UTF-16 units,
 * so "𝐓𝐡𝐞" would be six characters to zod and three to every client reading the document.
 */
export function text({ min, max, trim = true, message }: TextOptions) {
  const rule = message ?? (min ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`);
  const checked = z.string().check((ctx) => {
    const value = ctx.value;
    const tooLong = length(value) > max;
    const tooShort = min !== undefined && length(trim ? value.trim() : value) < min;
    if (tooLong || tooShort) ctx.issues.push({ code: 'custom', message: rule, input: value });
  });
  const documented = checked.meta({ maxLength: max, ...(min ? (trim ? { pattern: trimmedAtLeast(min) } : { minLength: min }) : {}) } as never);
  return trim ? documented.transform((v) => v.trim()) : documented;
}
