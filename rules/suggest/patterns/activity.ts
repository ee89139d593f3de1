/**
 * Dated activity: signing up (createdAt), ordering (lastOrderAt / firstOrderAt), interacting
 * (lastInteractionAt), plus "new", "active", "inactive", "lapsed" and the time windows
 * themselves. An anchor ("ordered", "joined") takes its window from the clause next to it, and
 * knows its own negation: "no orders in 60 days" keeps customers who never ordered.
 *
 * Missing dates follow rules/semantics.ts: positive operators (withinLastDays, before, after)
 * are false on a missing date and notWithinLastDays, the complement of withinLastDays, is true.
 * So "no orders in 60 days" is notWithinLastDays alone, while "last ordered more than 90 days
 * ago", which says they did order, adds `exists`.
 */
import type { RuleNode } from '../../ast';
import { all, any, clause, cond, not, reading, type Clause, type Pattern, type Reading } from '../clauses';
import { SuggestionError } from '../types';
import { outsideWindowRule, readWindow, windowRule, type WindowSpec } from '../windows';

const NEEDS_TIME = 'needs a time, e.g. "in the last 30 days"';
/** Dates that may be missing, and what a negated window then includes. */
const NEVER_NOTE: Readonly<Record<string, string>> = {
  lastOrderAt: 'Customers who never ordered are included.',
  firstOrderAt: 'Customers who never ordered are included.',
  lastInteractionAt: 'Customers with no recorded interaction are included.',
};
/** Dates that keep only the latest of many events. */
const LATEST_NOTE: Readonly<Record<string, string>> = {
  lastOrderAt: 'Only the latest order date is stored: customers who also ordered after the period are not matched.',
  lastInteractionAt: 'Only the latest interaction date is stored: customers who also interacted after the period are not matched.',
};

/** "not in the window": outside it or, for dates that can be missing, never set. */
function outside(field: string, w: WindowSpec): Reading[] {
  const rule = outsideWindowRule(field, w, !LATEST_NOTE[field]);
  if (!rule)
    throw new SuggestionError([], `Could not understand "not" with a past period for ${field}: only the latest date is stored, use e.g. "in the last 30 days"`);
  const never = NEVER_NOTE[field];
  if (!never || (rule.kind === 'condition' && rule.operator === 'withinLastDays')) return [reading(rule)];
  const complement = rule.kind === 'condition' && rule.operator === 'notWithinLastDays';
  return [reading(complement ? rule : any(not(cond(field, 'exists')), rule), 1, [never])];
}

/** "in the window"; "more than N days ago" on a date that can be missing also requires the date. */
function inside(field: string, w: WindowSpec): Reading[] {
  const note = w.kind === 'range' && w.to ? LATEST_NOTE[field] : undefined;
  const rule = windowRule(field, w);
  return [reading(w.kind === 'olderThan' && NEVER_NOTE[field] ? all(cond(field, 'exists'), rule) : rule, 1, note ? [note] : [])];
}

/** A clause on a date field that needs a window, with optional readings on its own and for its negation. */
function dated(field: string, alone?: RuleNode, aloneNegated?: RuleNode): Clause {
  return clause(alone ? [reading(alone)] : [], {
    needs: alone ? undefined : NEEDS_TIME,
    negated: aloneNegated ? () => [reading(aloneNegated)] : undefined,
    withWindow: (w) => clause(inside(field, w), { negated: () => outside(field, w) }),
  });
}

const anchor =
  (phrases: readonly string[], make: () => Clause): Pattern =>
  (s, i) => {
    const end = s.phrase(i, phrases);
    return end > i ? { end, item: make() } : null;
  };

const ORDERED = ['ordered', 'order', 'orders', 'purchased', 'purchase', 'purchases', 'bought', 'buy', 'shopped', 'made a purchase'];
const LAST_ORDER = [
  'last ordered',
  'last order',
  'last purchase',
  'last purchased',
  'last bought',
  'last shopped',
  'most recent order',
  'most recent purchase',
  'latest order',
  'latest purchase',
  'last order date',
];
const FIRST_ORDER = ['first ordered', 'first order', 'first purchase', 'first purchased', 'first bought', 'first order date'];
const SIGNED_UP = [
  'signed up',
  'sign up',
  'signup',
  'signups',
  'sign ups',
  'joined',
  'join',
  'registered',
  'register',
  'registration',
  'registrations',
  'created',
  'added',
  'became a customer',
  'became customers',
  'onboarded',
  'customer since',
  'customers since',
  'new signups',
  'new sign ups',
  'new registrations',
];
const INTERACTED = [
  'interacted',
  'last interaction',
  'last interacted',
  'last seen',
  'seen',
  'last active',
  'last contact',
  'engaged',
  'last engaged',
  'contacted us',
  'reached out',
];

const active = all(cond('status', 'equal', 'active'), cond('isBlocked', 'equal', false));

/** "active": status active and not blocked; with a window, recent interaction or order. */
const activeClause = (): Clause =>
  clause([reading(active)], {
    withWindow: (w) => clause([reading(windowRule('lastInteractionAt', w), 0.75), reading(windowRule('lastOrderAt', w), 0.6)]),
  });

/** "inactive": the status or the segment label; with a window ("inactive for 60 days"), no order or interaction in it. */
const inactiveClause = (): Clause =>
  clause([reading(cond('status', 'equal', 'inactive'), 0.85), reading(cond('segment', 'equal', 'inactive'), 0.6)], {
    withWindow: (w) =>
      clause([
        ...outside('lastOrderAt', w).map((r) => ({ ...r, confidence: 0.75 })),
        ...outside('lastInteractionAt', w).map((r) => ({ ...r, confidence: 0.6 })),
      ]),
  });

/** "new": joined in the last 30 days, or the "new" segment label; with a window, joined in it. */
const newClause = (): Clause =>
  clause([reading(cond('createdAt', 'withinLastDays', 30), 0.7), reading(cond('segment', 'equal', 'new'), 0.6)], {
    withWindow: (w) => dated('createdAt').withWindow!(w),
  });

/** "lapsed": ordered before, but not in the last 90 (or 180) days. */
const lapsed = (rule: RuleNode): RuleNode => all(cond('lastOrderAt', 'exists'), rule);
const lapsedClause = (): Clause =>
  clause([reading(lapsed(cond('lastOrderAt', 'notWithinLastDays', 90)), 0.6), reading(lapsed(cond('lastOrderAt', 'notWithinLastDays', 180)), 0.5)], {
    withWindow: (w) => clause([reading(lapsed(outsideWindowRule('lastOrderAt', w, false) ?? windowRule('lastOrderAt', w)))]),
  });

/** Activity patterns, including the bare time window. */
export const ACTIVITY_PATTERNS: readonly Pattern[] = [
  anchor(ORDERED, () => dated('lastOrderAt', cond('totalOrders', 'greaterThan', 0), cond('totalOrders', 'equal', 0))),
  anchor(LAST_ORDER, () => dated('lastOrderAt')),
  anchor(FIRST_ORDER, () => dated('firstOrderAt')),
  anchor(SIGNED_UP, () => dated('createdAt')),
  anchor(INTERACTED, () => dated('lastInteractionAt')),
  anchor(['active', 'recently active'], activeClause),
  anchor(['inactive', 'not active'], inactiveClause),
  anchor(['new', 'newly joined', 'newcomers'], newClause),
  anchor(['lapsed', 'dormant'], lapsedClause),
  anchor(['recent buyers', 'recent purchasers', 'recent shoppers', 'recent orders'], () => clause([reading(cond('lastOrderAt', 'withinLastDays', 30), 0.8)])),
  (s, i) => {
    const found = readWindow(s, i);
    return found ? { end: found.end, item: { type: 'window', options: found.options } } : null;
  },
];

/**
 * A window with no clause to attach to ("vip customers in the last 30 days"): most likely about
 * ordering, then interacting, then signing up.
 */
export function danglingWindow(spec: WindowSpec): Clause {
  const fields: Array<[string, number]> = [
    ['lastOrderAt', 0.6],
    ['lastInteractionAt', 0.5],
    ['createdAt', 0.4],
  ];
  return clause(fields.map(([field, confidence]) => reading(windowRule(field, spec), confidence)));
}
