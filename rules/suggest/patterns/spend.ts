/**
 * Money: total spend ("spent more than $500", "lifetime value over 1k", "big spenders") and
 * average order value ("average order above $80"). Spend is only stored for the whole lifetime,
 * so a time window ("in the last 3 months") keeps customers whose last order falls in it and the
 * suggestion says so.
 */
import type { RuleNode } from '../../ast';
import { all, clause, cond, reading, type Clause, type Pattern, type Reading } from '../clauses';
import { readAmount, readComparison, type Comparison } from '../numbers';
import { windowRule } from '../windows';

const SPEND = [
  'spent',
  'spend',
  'spends',
  'spending',
  'total spend',
  'total spent',
  'total spending',
  'lifetime spend',
  'lifetime value',
  'ltv',
  'clv',
  'customer lifetime value',
  'revenue',
  'total revenue',
  'lifetime revenue',
  'worth',
  'total order value',
  'sales',
  'total sales',
  'spent a total of',
];
const AVERAGE = [
  'average order value',
  'average order',
  'avg order value',
  'avg order',
  'aov',
  'average order size',
  'average order amount',
  'average order total',
  'average basket',
  'average basket size',
  'average basket value',
  'avg basket',
  'average spend per order',
  'average ticket',
  'average purchase',
  'average purchase value',
  'average transaction',
  'average transaction value',
];
const SPENT_AFTER = [
  'spent',
  'in spend',
  'in spending',
  'in purchases',
  'in sales',
  'in revenue',
  'in orders',
  'lifetime',
  'total',
  'in total',
  'worth of orders',
  'lifetime value',
  'lifetime spend',
  'ltv',
  'total spend',
  'total spent',
  'in lifetime value',
  'spend',
];
const BIG = [
  'big spenders',
  'high spenders',
  'top spenders',
  'heavy spenders',
  'large spenders',
  'high value',
  'big spending',
  'high spending',
  'whales',
  'best customers',
  'top customers',
  'valuable',
];
const LOW = ['low spenders', 'small spenders', 'light spenders', 'low value', 'low spending'];

const NOTES: Readonly<Record<string, string>> = {
  totalSpent: 'Spend is lifetime spend, filtered to customers whose last order falls in the time window (spend per period is not stored).',
  averageOrderValue: 'Average order value is over the whole lifetime, filtered to customers whose last order falls in the time window.',
};

/** The condition of a comparison on `field`. */
export const compare = (field: string, c: Pick<Comparison, 'operator' | 'value'>): RuleNode => cond(field, c.operator, c.value);

/** A lifetime metric clause: with a window it also requires the last order in the window, and notes it. */
export function lifetime(field: string, readings: Reading[], note?: string): Clause {
  return clause(readings, {
    withWindow: (w) => clause(readings.map((r) => reading(all(r.rule, windowRule('lastOrderAt', w)), r.confidence, [...r.notes, note ?? NOTES[field] ?? '']))),
  });
}

/** "<metric words> <comparison>": a bare amount means "at least". */
const metric =
  (words: readonly string[], field: string): Pattern =>
  (s, i) => {
    const at = s.phrase(i, words);
    const c = at > i ? readComparison(s, at, readAmount) : null;
    if (!c) return null;
    const rule = c.explicit ? compare(field, c) : cond(field, 'greaterThanInclusive', c.value);
    return { end: c.end, item: lifetime(field, [reading(rule, c.explicit ? 1 : 0.75)]) };
  };

/** Spend patterns. */
export const SPEND_PATTERNS: readonly Pattern[] = [
  metric(SPEND, 'totalSpent'),
  metric(AVERAGE, 'averageOrderValue'),
  (s, i) => {
    const c = readComparison(s, i, readAmount);
    const end = c?.explicit ? s.phrase(c.end, SPENT_AFTER) : -1;
    return c && end > 0 ? { end, item: lifetime('totalSpent', [reading(compare('totalSpent', c))]) } : null;
  },
  (s, i) => {
    const end = s.phrase(i, ['spent nothing', 'spent zero', 'zero spend', 'no spend', 'spent 0', 'spent $0']);
    return end > i ? { end, item: clause([reading(cond('totalSpent', 'equal', 0))]) } : null;
  },
  (s, i) => {
    const big = s.phrase(i, BIG);
    if (big > i)
      return {
        end: big,
        item: lifetime('totalSpent', [reading(cond('totalSpent', 'greaterThan', 500), 0.6), reading(cond('totalSpent', 'greaterThan', 1000), 0.5)]),
      };
    const low = s.phrase(i, LOW);
    return low > i
      ? { end: low, item: lifetime('totalSpent', [reading(cond('totalSpent', 'lessThan', 100), 0.6), reading(cond('totalSpent', 'lessThan', 50), 0.5)]) }
      : null;
  },
];
