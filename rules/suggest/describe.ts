/**
 * Words for a rule: the suggestion's short name ("VIP tier, in New York"), its one-sentence
 * description and its insights ("Matches customers whose total spend is above 500"). All are
 * generated from the tree alone, so the same rule always reads the same.
 */
import type { ConditionNode, RuleNode, RuleValue } from '../ast';
import { describeEvent } from '../events';
import { LANGUAGES } from './languages';
import { PLACES } from './places';

const FIELDS: Readonly<Record<string, string>> = {
  firstName: 'first name',
  lastName: 'last name',
  fullName: 'full name',
  email: 'email',
  phone: 'phone',
  status: 'status',
  tier: 'tier',
  segment: 'segment label',
  source: 'source',
  tags: 'tags',
  isBlocked: 'blocked flag',
  'address.city': 'city',
  'address.state': 'state',
  'address.country': 'country',
  'address.postalCode': 'postal code',
  'preferences.language': 'preferred language',
  'preferences.email': 'email consent',
  'preferences.sms': 'SMS consent',
  'preferences.newsletter': 'newsletter subscription',
  totalOrders: 'order count',
  paidOrders: 'paid order count',
  totalSpent: 'total spend',
  averageOrderValue: 'average order value',
  firstOrderAt: 'first order date',
  lastOrderAt: 'last order date',
  lastInteractionAt: 'last interaction date',
  createdAt: 'sign-up date',
};
const DATE_VERBS: Readonly<Record<string, string>> = {
  createdAt: 'joined',
  lastOrderAt: 'ordered',
  firstOrderAt: 'first ordered',
  lastInteractionAt: 'interacted',
};
const EVENTS: Readonly<Record<string, string>> = { lastOrderAt: 'order', firstOrderAt: 'first order', lastInteractionAt: 'interaction' };
const LANGUAGE_NAMES = new Map([...LANGUAGES].reverse().map(([name, code]) => [code, name[0]!.toUpperCase() + name.slice(1)]));

const one = (v: RuleValue | undefined): string => {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v)) return v.slice(0, 10);
  return String(v);
};
const list = (v: RuleValue | undefined, joiner = ', '): string => (Array.isArray(v) ? v.map(one).join(joiner) : one(v));
const pair = (v: RuleValue | undefined): [string, string] => (Array.isArray(v) ? [one(v[0]), one(v[1])] : [one(v), one(v)]);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "is above 500", "include any of premium, loyal", "is within the last 90 days". */
function predicate(c: ConditionNode): string {
  const v = c.value;
  switch (c.operator) {
    case 'equal':
      return `is ${one(v)}`;
    case 'notEqual':
      return `is not ${one(v)}`;
    case 'greaterThan':
      return `is above ${one(v)}`;
    case 'greaterThanInclusive':
      return `is at least ${one(v)}`;
    case 'lessThan':
      return `is below ${one(v)}`;
    case 'lessThanInclusive':
      return `is at most ${one(v)}`;
    case 'between':
      return `is between ${pair(v).join(' and ')}`;
    case 'in':
      return `is one of ${list(v)}`;
    case 'notIn':
      return `is none of ${list(v)}`;
    case 'contains':
      return `contains "${one(v)}"`;
    case 'doesNotContain':
      return `does not contain "${one(v)}"`;
    case 'startsWith':
      return `starts with "${one(v)}"`;
    case 'endsWith':
      return `ends with "${one(v)}"`;
    case 'exists':
      return 'is set';
    case 'isEmpty':
      return 'is empty';
    case 'hasAny':
      return `include any of ${list(v)}`;
    case 'hasAll':
      return `include all of ${list(v)}`;
    case 'hasNone':
      return `include none of ${list(v)}`;
    case 'before':
      return `is before ${one(v)}`;
    case 'after':
      return `is after ${one(v)}`;
    case 'withinLastDays':
      return `is within the last ${one(v)} days`;
    case 'notWithinLastDays':
      return `is not within the last ${one(v)} days`;
  }
}

/** The predicate with "not" put in: "is not", "do not include", "does not start with". */
const negate = (p: string): string =>
  p
    .replace(/^is /, 'is not ')
    .replace(/^include /, 'do not include ')
    .replace(/^contains/, 'does not contain')
    .replace(/^does not contain/, 'contains')
    .replace(/^starts/, 'does not start')
    .replace(/^ends/, 'does not end');

/** "whose tags include…", "whose tags are empty", "whose preferred language is es (Spanish)". */
function conditionText(c: ConditionNode, negated: boolean): string {
  let p = predicate(c);
  if (c.field === 'preferences.language' && c.operator === 'equal' && LANGUAGE_NAMES.has(one(c.value))) p += ` (${LANGUAGE_NAMES.get(one(c.value))})`;
  if (negated) p = negate(p);
  if (c.field === 'tags') p = p.replace(/^is /, 'are ');
  return `whose ${FIELDS[c.field] ?? c.field} ${p}`;
}

/** "whose total spend is above 500", nested groups in parentheses. */
function clauseText(node: RuleNode, nested = false): string {
  if (node.kind === 'condition') return conditionText(node, false);
  if (node.kind === 'event') return `who ${describeEvent(node)}`;
  if (node.kind === 'not') return node.child.kind === 'condition' ? conditionText(node.child, true) : `excluding those ${clauseText(node.child, true)}`;
  const text = node.children.map((c) => clauseText(c, true)).join(node.combinator === 'all' ? ' and ' : ' or ');
  return nested ? `(${text})` : text;
}

/** Place values by known place, without the other spellings: ["Mexico", "México", "MX"] → "Mexico". */
function placeNames(field: string, v: RuleValue | undefined): string {
  const values = (Array.isArray(v) ? v : [v]).map(one);
  const canonical = values.map((x) => {
    const place = [...PLACES.values()].flat().find((p) => p.field === field && p.values.includes(x));
    return place?.values[0] ?? x;
  });
  return [...new Set(canonical)].join(' or ');
}

const SHORT_OPS: Readonly<Record<string, string>> = {
  greaterThan: 'over',
  greaterThanInclusive: 'at least',
  lessThan: 'under',
  lessThanInclusive: 'at most',
  equal: 'exactly',
};

const CHANNELS: Readonly<Record<string, string>> = { 'preferences.email': 'email', 'preferences.sms': 'SMS', 'preferences.newsletter': 'newsletter' };
const PLACE_FIELDS = ['address.city', 'address.state', 'address.country'];
const enumName = (v: string): string => (v === 'vip' ? 'VIP' : v.replace('_', ' '));
const DAY_MS = 86_400_000;

/** A few words for one condition. */
function label(c: ConditionNode): string {
  const v = c.value;
  const amount = c.operator === 'between' ? pair(v).join('–') : `${SHORT_OPS[c.operator] ?? c.operator} ${one(v)}`;
  const verb = DATE_VERBS[c.field];
  const channel = CHANNELS[c.field];
  if (PLACE_FIELDS.includes(c.field) && (c.operator === 'equal' || c.operator === 'in')) return `in ${placeNames(c.field, v)}`;
  if (['tier', 'segment', 'status', 'source'].includes(c.field) && (c.operator === 'equal' || c.operator === 'in')) {
    const names = (Array.isArray(v) ? v : [v]).map((x) => enumName(one(x))).join(' or ');
    return c.field === 'source' ? `from ${names}` : `${names} ${c.field}`;
  }
  if (c.field === 'tags' && (c.operator === 'hasAny' || c.operator === 'hasAll')) return `tagged ${list(v, c.operator === 'hasAny' ? ' or ' : ' and ')}`;
  if (c.field === 'tags' && c.operator === 'isEmpty') return 'untagged';
  if (c.operator === 'exists') return verb ? `has ${verb}` : `has ${FIELDS[c.field] ?? c.field}`;
  if (channel && c.operator === 'equal') return `${channel} ${v === true ? 'opted in' : 'opted out'}`;
  if (c.field === 'isBlocked' && c.operator === 'equal') return v === true ? 'blocked flag' : 'not blocked';
  if (c.field === 'totalSpent') return `spent ${amount}`;
  if (c.field === 'averageOrderValue') return `average order ${amount}`;
  if (c.field === 'totalOrders' && c.operator === 'equal' && v === 0) return 'no orders';
  if (c.field === 'totalOrders' && c.operator === 'greaterThan' && v === 0) return 'has ordered';
  if (c.field === 'totalOrders') return `${amount} ${v === 1 ? 'order' : 'orders'}`;
  if (c.field === 'preferences.language' && (c.operator === 'equal' || c.operator === 'in')) {
    return `${(Array.isArray(v) ? v : [v]).map((x) => LANGUAGE_NAMES.get(one(x)) ?? one(x)).join(' or ')} speakers`;
  }
  if (verb && c.operator === 'withinLastDays') return `${verb} in the last ${one(v)} days`;
  if (verb && c.operator === 'notWithinLastDays')
    return EVENTS[c.field] ? `no ${EVENTS[c.field]} in the last ${one(v)} days` : `${verb} over ${one(v)} days ago`;
  if (verb && (c.operator === 'after' || c.operator === 'before')) return `${verb} ${c.operator === 'after' ? 'since' : 'before'} ${one(v)}`;
  return `${FIELDS[c.field] ?? c.field} ${predicate(c)}`;
}

/**
 * Names of two-condition date groups: "joined 2025-06-09 to 2025-06-15" for a closed range (the
 * `before` bound is exclusive), "last ordered over 90 days ago" for exists + notWithinLastDays.
 */
function dateRange(node: RuleNode): string | null {
  if (node.kind !== 'group' || node.combinator !== 'all' || node.children.length !== 2) return null;
  const [a, b] = node.children;
  if (a?.kind === 'condition' && b?.kind === 'condition' && a.field === b.field && a.operator === 'exists' && b.operator === 'notWithinLastDays') {
    return `last ${DATE_VERBS[a.field] ?? FIELDS[a.field]} over ${one(b.value)} days ago`;
  }
  const verb = a?.kind === 'condition' ? DATE_VERBS[a.field] : undefined;
  if (!verb || a?.kind !== 'condition' || b?.kind !== 'condition' || a.field !== b.field || a.operator !== 'after' || b.operator !== 'before') return null;
  const first = String(a.value).slice(0, 10);
  const last = new Date(Date.parse(String(b.value)) - DAY_MS).toISOString().slice(0, 10);
  return first === last ? `${verb} on ${first}` : `${verb} ${first} to ${last}`;
}

function nameOf(node: RuleNode, nested: boolean): string {
  if (node.kind === 'condition') return label(node);
  if (node.kind === 'event') return describeEvent(node);
  if (node.kind === 'not') {
    const c = node.child;
    if (c.kind === 'condition' && c.operator === 'exists') return DATE_VERBS[c.field] ? `never ${DATE_VERBS[c.field]}` : `no ${FIELDS[c.field] ?? c.field}`;
    if (c.kind === 'condition' && c.operator === 'isEmpty') return `has ${FIELDS[c.field] ?? c.field}`;
    return `not ${nameOf(c, true)}`;
  }
  const range = dateRange(node);
  if (range) return range;
  const text = node.children.map((c) => nameOf(c, true)).join(node.combinator === 'all' ? (nested ? ' and ' : ', ') : ' or ');
  return nested && node.children.length > 1 ? `(${text})` : text;
}

/** The short title of a rule. */
export const nameRule = (rule: RuleNode): string => cap(nameOf(rule, false));

/** One sentence for the whole rule, followed by the caveats. */
export const describeRule = (rule: RuleNode, notes: readonly string[]): string => [`Customers ${clauseText(rule)}.`, ...notes].join(' ');

/** One statement per top-level condition, then the caveats. */
export function insightsOf(rule: RuleNode, notes: readonly string[]): string[] {
  const parts = rule.kind === 'group' && rule.combinator === 'all' ? rule.children : [rule];
  return [...parts.map((p) => (p.kind === 'not' ? `Excludes customers ${clauseText(p.child)}` : `Matches customers ${clauseText(p)}`)), ...notes];
}
