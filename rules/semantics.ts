/**
 * What a rule means: the one definition both evaluators implement. json-rules-engine runs the
 * functions below (registered as its operators, see evaluate.ts) for one customer; compile.ts
 * writes the same predicates in SQL for a whole audience; the property test
 * (test/integration/rulesAgreement.property.test.ts) checks that they agree.
 *
 * Facts (one per catalogue field, read from a customers row by the catalogue):
 * - string / enum / customFields.<key>: a string or null. A custom field is the key's value when
 *   it is a JSON string; any other JSON value (number, boolean, object, array, null) or a missing
 *   key counts as no value, so both evaluators read exactly the same text.
 * - number: a JS number (numeric(14,2) columns read exactly at two decimals; bound values are
 *   compared exactly, so `equal 10.1` matches 10.10 and `equal 10.105` matches nothing).
 * - boolean: true or false.
 * - date: an instant at millisecond precision (Postgres keeps microseconds; both evaluators
 *   compare the value truncated to the millisecond, as the pg driver reads it) or null.
 * - tags: an array of strings, never null (no tags is the empty array).
 *
 * Missing values. Every positive comparison with a missing value (null, or for exists/isEmpty
 * the empty string) is false. The negative operators are exact complements of their positive
 * twins — notEqual = not equal, notIn = not in, doesNotContain = not contains, hasNone = not
 * hasAny, notWithinLastDays = not withinLastDays — so they are TRUE on a missing value: "city is
 * not Paris" includes customers without a city, "no order in the last 30 days" includes those
 * who never ordered. `{ not: x }` is the same complement, so not(equal) ≡ notEqual. In SQL every
 * condition is written so that it is never NULL (three-valued logic never leaks).
 *
 * Strings. equal / notEqual / in / notIn are exact and case-sensitive (email values are
 * lower-cased when a rule is parsed, because emails are stored lower-case). contains,
 * doesNotContain, startsWith and endsWith ignore case for the ASCII letters A–Z only; other
 * letters compare exactly. This is deliberate: Postgres' lower() depends on the database's
 * locale (Herald's own cluster runs with the C locale, where lower('É') = 'É'), JavaScript's
 * does not, so only an ASCII fold means the same thing everywhere. exists means "has a
 * non-empty value"; isEmpty means null or the empty string (so exists ≡ not isEmpty).
 *
 * Dates are compared as instants (no time zones, no calendar days). before t: value < t;
 * after t: value > t; between [a, b]: a ≤ value ≤ b; withinLastDays N: now − N×24 h ≤ value ≤
 * now, where now is the evaluator's injected clock (never the database's now()); days are
 * 24-hour periods. Future values are not within the last N days.
 *
 * Numbers: lessThan, lessThanInclusive, greaterThan, greaterThanInclusive as in arithmetic;
 * between [lo, hi] is inclusive at both ends.
 *
 * Tags (exact, case-sensitive; tag values are trimmed when parsed, as stored tags are):
 * hasAny: at least one listed tag; hasAll: every listed tag; hasNone: none of them;
 * contains t: has tag t; isEmpty: no tags.
 *
 * Event conditions (issue 16) count the customer's events (customer_events rows with that
 * customer_id; anonymous events never count) with the condition's name (exact, case-sensitive),
 * whose properties satisfy `where`, inside the window: `within D` is now − D ≤ occurred_at ≤ now
 * (future events are not yet within), `between [a, b]` is a ≤ occurred_at ≤ b, both compared at
 * the millisecond like dates, and no window means every event. A property is read as the
 * condition's type (a JSON value of another type, or a missing key, counts as no value) and
 * compared as a customer field of that type. The count then satisfies gte / lte / eq N
 * ({@link countMatches}): "has not performed X within D" is eq 0 (or lte 0) and includes
 * customers with no events at all.
 */
import type { EventCount, Operator, RuleValue } from './ast';

/** Milliseconds in a day: withinLastDays counts 24-hour periods back from now. */
export const DAY_MS = 86_400_000;

/** Largest N for withinLastDays / notWithinLastDays (a hundred years). */
export const MAX_DAYS = 36_500;

/** Deepest nesting of groups and negations a rule may have. */
export const MAX_DEPTH = 10;

/** Most conditions (leaves) one rule may have. */
export const MAX_CONDITIONS = 200;

/** Most values in one list (in, notIn, hasAny, hasAll, hasNone). */
export const MAX_LIST = 1000;

/** Longest string value a condition may compare with. */
export const MAX_STRING = 1000;

/** The case fold of contains / startsWith / endsWith: ASCII A–Z to a–z, nothing else. */
export function foldCase(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/* The same fold in SQL is lower(expr COLLATE "C"): ASCII-only under the C collation (rules/compile.ts). */

/** A date fact: the instant in ms (null when unset) and the evaluation's clock, for withinLastDays. */
export interface DateFact {
  at: number | null;
  now: number;
}

/** Any fact value an operator receives. */
export type FactValue = string | number | boolean | string[] | DateFact | null | undefined;

/** The negative operators and the positive operator each one complements. */
export const NEGATIONS = {
  notEqual: 'equal',
  notIn: 'in',
  doesNotContain: 'contains',
  hasNone: 'hasAny',
  notWithinLastDays: 'withinLastDays',
} as const satisfies Partial<Record<Operator, Operator>>;

/** Operators that are not complements of another. */
export type PositiveOperator = Exclude<Operator, keyof typeof NEGATIONS>;

/** True when `op` is one of the complement operators. */
export const isNegation = (op: Operator): op is keyof typeof NEGATIONS => op in NEGATIONS;

/** Epoch milliseconds of a rule's ISO date value (rules keep dates as ISO strings). */
export const instant = (iso: RuleValue | undefined): number => Date.parse(String(iso));

const isDate = (f: FactValue): f is DateFact => typeof f === 'object' && f !== null && !Array.isArray(f);
const text = (f: FactValue): f is string => typeof f === 'string';
const num = (f: FactValue): f is number => typeof f === 'number';
const pair = (v: RuleValue | undefined) => (Array.isArray(v) ? v : []) as [string | number, string | number];
const list = (v: RuleValue | undefined) => (Array.isArray(v) ? v : []) as Array<string | number>;
const at = (f: FactValue): number | null => (isDate(f) ? f.at : null);

/** The positive operators in JavaScript; a missing value never satisfies one. */
const POSITIVE: Record<PositiveOperator, (fact: FactValue, value: RuleValue | undefined) => boolean> = {
  equal: (f, v) => (text(f) || num(f) || typeof f === 'boolean') && f === v,
  in: (f, v) => (text(f) || num(f)) && list(v).includes(f),
  lessThan: (f, v) => num(f) && f < Number(v),
  lessThanInclusive: (f, v) => num(f) && f <= Number(v),
  greaterThan: (f, v) => num(f) && f > Number(v),
  greaterThanInclusive: (f, v) => num(f) && f >= Number(v),
  between: (f, v) => {
    const [lo, hi] = pair(v);
    if (num(f)) return f >= Number(lo) && f <= Number(hi);
    const t = at(f);
    return t !== null && t >= instant(lo) && t <= instant(hi);
  },
  contains: (f, v) => (Array.isArray(f) ? f.includes(String(v)) : text(f) && foldCase(f).includes(foldCase(String(v)))),
  startsWith: (f, v) => text(f) && foldCase(f).startsWith(foldCase(String(v))),
  endsWith: (f, v) => text(f) && foldCase(f).endsWith(foldCase(String(v))),
  exists: (f) => (isDate(f) ? f.at !== null : text(f) ? f !== '' : f !== null && f !== undefined),
  isEmpty: (f) => (Array.isArray(f) ? f.length === 0 : f === null || f === undefined || f === ''),
  hasAny: (f, v) => Array.isArray(f) && list(v).some((t) => f.includes(String(t))),
  hasAll: (f, v) => Array.isArray(f) && list(v).every((t) => f.includes(String(t))),
  before: (f, v) => {
    const t = at(f);
    return t !== null && t < instant(v);
  },
  after: (f, v) => {
    const t = at(f);
    return t !== null && t > instant(v);
  },
  withinLastDays: (f, v) => isDate(f) && f.at !== null && f.at >= f.now - Number(v) * DAY_MS && f.at <= f.now,
};

/**
 * Decides one condition in JavaScript: the reference meaning of every operator. The negative
 * operators are the complements of their positive twins, as described above.
 */
export function applyOperator(op: Operator, fact: FactValue, value: RuleValue | undefined): boolean {
  if (isNegation(op)) return !POSITIVE[NEGATIONS[op]](fact, value);
  return POSITIVE[op](fact, value);
}

/** Whether a number of events satisfies an event condition's count (gte / lte / eq). */
export function countMatches(count: number, want: EventCount): boolean {
  if ('gte' in want) return count >= want.gte;
  if ('lte' in want) return count <= want.lte;
  return count === want.eq;
}
