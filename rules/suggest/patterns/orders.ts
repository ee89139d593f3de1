/**
 * Order counts: "with more than 5 orders", "at least 3 orders", "3+ orders", "ordered twice",
 * "orders > 5", "repeat customers", "one-time buyers". A bare count ("with 3 orders") is read as
 * exactly 3 first and at least 3 second. Counts are lifetime; a window also requires the last
 * order in it, as for spend.
 */
import { cond, reading, type Pattern, type Reading } from '../clauses';
import { readComparison, readCount, type Comparison } from '../numbers';
import { compare, lifetime } from './spend';

const NOUNS = ['orders', 'order', 'purchases', 'purchase', 'transactions', 'transaction'];
const COUNT_FIELD = [
  'order count',
  'number of orders',
  'total orders',
  'orders count',
  'orders',
  'purchase count',
  'number of purchases',
  'total purchases',
  'purchases',
];
const VERBS = ['ordered', 'purchased', 'bought', 'shopped', 'ordered from us', 'bought from us'];
const NOTE = 'The order count is lifetime, filtered to customers whose last order falls in the time window.';

/** Readings of a count comparison: a bare number above 1 is "exactly" first, "at least" second. */
function countReadings(c: Comparison): Reading[] {
  if (c.explicit) return [reading(compare('totalOrders', c))];
  if (typeof c.value === 'number' && c.value <= 1) return [reading(cond('totalOrders', 'equal', c.value))];
  return [reading(cond('totalOrders', 'equal', c.value), 0.75), reading(cond('totalOrders', 'greaterThanInclusive', c.value), 0.55)];
}

const counted = (c: Comparison, end: number) => ({ end, item: lifetime('totalOrders', countReadings(c), NOTE) });

/** Order-count patterns. */
export const ORDER_PATTERNS: readonly Pattern[] = [
  (s, i) => {
    const c = readComparison(s, i, readCount);
    const end = c ? s.phrase(s.skip(c.end, new Set(['total', 'separate', 'different'])), NOUNS) : -1;
    return c && end > 0 ? counted(c, end) : null;
  },
  (s, i) => {
    const at = s.phrase(i, COUNT_FIELD);
    const c = at > i ? readComparison(s, at, readCount) : null;
    return c && (c.explicit || s.word(at - 1) === 'count') ? counted(c, c.end) : null;
  },
  (s, i) => {
    const at = s.phrase(i, VERBS);
    const c = at > i ? readComparison(s, at, readCount) : null;
    if (!c) return null;
    const times = s.phrase(c.end, ['times', 'time', 'x']);
    const adverb = ['once', 'twice', 'thrice'].includes(s.word(c.end - 1));
    return times > 0 || adverb ? counted({ ...c, explicit: c.explicit || adverb }, Math.max(times, c.end)) : null;
  },
  (s, i) => {
    const repeat = s.phrase(i, ['repeat', 'returning', 'repeat buyers', 'repeat customers', 'repeat purchasers']);
    if (repeat > i) return { end: repeat, item: lifetime('totalOrders', [reading(cond('totalOrders', 'greaterThanInclusive', 2))], NOTE) };
    const once = s.phrase(i, ['one time', 'first time', 'single purchase', 'single order', 'one off']);
    return once > i ? { end: once, item: lifetime('totalOrders', [reading(cond('totalOrders', 'equal', 1))], NOTE) } : null;
  },
];
