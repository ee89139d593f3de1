/**
 * Numbers and comparisons: "$1,500", "1.5k", "2k", "five", "more than", "at least", "3+",
 * "500 or more", "between 100 and 500", "100-500". Shared by spend, order-count and
 * average-order patterns so they all accept the same phrasings.
 */
import { CURRENCY_WORDS, NUMBER_WORDS, TIMES_WORDS } from './lexicon';
import type { Scanner } from './scanner';

/** A number read from the query; `plus` is set for "3+" / "$500+". */
export interface NumberRead {
  value: number;
  end: number;
  plus: boolean;
}

/** Reads one number starting at `i`. */
export type NumberReader = (s: Scanner, i: number) => NumberRead | null;

/** Parses "$1,500", "1.5k", "2k", "3+" as written in one number token. */
export function parseNumberToken(text: string): { value: number; plus: boolean } | null {
  const m = /^[$€£]?(\d+(?:,\d{3})*(?:\.\d+)?)(k)?(\+)?$/i.exec(text);
  if (!m?.[1]) return null;
  const value = Number(m[1].replace(/,/g, '')) * (m[2] ? 1000 : 1);
  return Number.isFinite(value) ? { value: Math.round(value * 100) / 100, plus: m[3] !== undefined } : null;
}

/** A money amount; currency symbols and words are accepted and ignored. */
export const readAmount: NumberReader = (s, i) => {
  const t = s.tok(i);
  if (t?.kind !== 'number') return null;
  const n = parseNumberToken(t.text);
  if (!n) return null;
  const end = CURRENCY_WORDS.has(s.word(i + 1)) ? i + 2 : i + 1;
  return { ...n, end };
};

/** A whole count: digits, a number word ("five"), "a couple of", or "once"/"twice". */
export const readCount: NumberReader = (s, i) => {
  const t = s.tok(i);
  if (t?.kind === 'number') {
    const n = parseNumberToken(t.text);
    return n && Number.isInteger(n.value) ? { ...n, end: i + 1 } : null;
  }
  const w = s.word(i);
  if (w === 'a' || w === 'an') return s.word(i + 1) === 'single' ? { value: 1, end: i + 2, plus: false } : null;
  if (w === 'couple') return { value: 2, end: s.word(i + 1) === 'of' ? i + 2 : i + 1, plus: false };
  const n = NUMBER_WORDS.get(w) ?? TIMES_WORDS.get(w);
  return n === undefined ? null : { value: n, end: i + 1, plus: false };
};

/** Operators a numeric comparison can produce. */
export type NumericOperator = 'equal' | 'greaterThan' | 'greaterThanInclusive' | 'lessThan' | 'lessThanInclusive' | 'between';

/** A comparison read from the query; `explicit` is false for a bare number ("spent $500"). */
export interface Comparison {
  operator: NumericOperator;
  value: number | [number, number];
  end: number;
  explicit: boolean;
}

const PREFIX: ReadonlyArray<[NumericOperator, readonly string[]]> = [
  [
    'greaterThan',
    [
      'more than',
      'greater than',
      'over',
      'above',
      'exceeding',
      'exceeds',
      'exceed',
      'higher than',
      'bigger than',
      'larger than',
      '>',
      'in excess of',
      'upwards of',
      'beyond',
    ],
  ],
  ['greaterThanInclusive', ['at least', 'no less than', 'not less than', 'no fewer than', 'not fewer than', 'minimum of', 'minimum', 'min', '>=', '≥']],
  ['lessThan', ['less than', 'fewer than', 'under', 'below', 'lower than', 'smaller than', '<', 'beneath']],
  ['lessThanInclusive', ['at most', 'no more than', 'not more than', 'no greater than', 'up to', 'maximum of', 'maximum', 'max', '<=', '≤']],
  ['equal', ['exactly', 'equal to', 'equals', 'equal', '=', 'precisely', 'only', 'just']],
  ['between', ['between', 'from']],
];

const POSTFIX: ReadonlyArray<[NumericOperator, readonly string[]]> = [
  ['greaterThanInclusive', ['or more', 'or above', 'and above', 'and up', 'or higher', 'and over', 'or over', 'plus', 'or greater']],
  ['lessThanInclusive', ['or less', 'or fewer', 'or below', 'and below', 'or under', 'and under', 'or lower']],
];

const SKIP: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'of',
  'a',
  'an',
  'total',
  'totaling',
  'totalling',
  'totaled',
  'totalled',
  'amount',
  'worth',
  'value',
]);

function prefix(s: Scanner, i: number): { operator: NumericOperator; end: number } | null {
  let best: { operator: NumericOperator; end: number } | null = null;
  for (const [operator, phrases] of PREFIX) {
    const end = s.phrase(i, phrases);
    if (end > i && (!best || end > best.end)) best = { operator, end };
  }
  return best;
}

function upper(s: Scanner, i: number, read: NumberReader): NumberRead | null {
  const t = s.tok(i);
  if (t?.kind === 'number' && t.glued) return read(s, i);
  const w = s.word(i);
  if (w === 'and' || w === 'to' || w === '-') return read(s, i + 1);
  return null;
}

/**
 * Reads a comparison with a number at `i` ("more than $500", "3+", "between 2 and 5", "500 or
 * more", "100-500", "$500"). Returns null when no number follows.
 */
export function readComparison(s: Scanner, i: number, read: NumberReader): Comparison | null {
  const start = s.skip(i, SKIP);
  const op = prefix(s, start);
  const at = op ? s.skip(op.end, SKIP) : start;
  const n = read(s, at);
  if (!n) return null;
  if (op?.operator === 'between') {
    const hi = upper(s, n.end, read);
    return hi ? { operator: 'between', value: [Math.min(n.value, hi.value), Math.max(n.value, hi.value)], end: hi.end, explicit: true } : null;
  }
  if (op) return { operator: op.operator, value: n.value, end: n.end, explicit: true };
  if (n.plus) return { operator: 'greaterThanInclusive', value: n.value, end: n.end, explicit: true };
  for (const [operator, phrases] of POSTFIX) {
    const end = s.phrase(n.end, phrases);
    if (end > 0) return { operator, value: n.value, end, explicit: true };
  }
  const hi = upper(s, n.end, read);
  if (hi && s.word(n.end) !== 'and')
    return { operator: 'between', value: [Math.min(n.value, hi.value), Math.max(n.value, hi.value)], end: hi.end, explicit: true };
  return { operator: 'equal', value: n.value, end: n.end, explicit: false };
}
