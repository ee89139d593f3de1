import type { RuleNode } from '../../rules/ast';
import { suggestSegments, SuggestionError, type Suggestion } from '../../rules/suggest';

/**
 * The natural-language segment parser (issue 4): exact rule trees for each phrase family, the
 * order and confidence of ambiguous readings, stable ids, and errors naming unknown words.
 * `now` is a fixed Wednesday so calendar phrases ("this month", "last week") have known bounds.
 */
const now = new Date('2025-06-18T15:30:00.000Z');
const suggest = (query: string): Suggestion[] => suggestSegments(query, { now });
const first = (query: string): RuleNode => suggest(query)[0]!.rule;

const c = (field: string, operator: string, value?: unknown): RuleNode =>
  (value === undefined ? { kind: 'condition', field, operator } : { kind: 'condition', field, operator, value }) as RuleNode;
const all = (...children: RuleNode[]): RuleNode => ({ kind: 'group', combinator: 'all', children });
const any = (...children: RuleNode[]): RuleNode => ({ kind: 'group', combinator: 'any', children });
const not = (child: RuleNode): RuleNode => ({ kind: 'not', child });

const MEXICO = c('address.country', 'in', ['Mexico', 'México', 'MX']);
const CANADA = c('address.country', 'in', ['Canada', 'CA']);
const NO_ORDER_IN = (days: number) => c('lastOrderAt', 'notWithinLastDays', days);

function errorOf(query: string): SuggestionError {
  try {
    suggest(query);
  } catch (e) {
    if (e instanceof SuggestionError) return e;
    throw e;
  }
  throw new Error(`"${query}" did not throw`);
}

describe('segment suggestions: phrase families', () => {
  it.each<[string, RuleNode]>([
    // spend, with the window applied to the last order
    ['customers who spent more than $500 in the last 3 months', all(c('totalSpent', 'greaterThan', 500), c('lastOrderAt', 'withinLastDays', 90))],
    ['spent more than $1,500', c('totalSpent', 'greaterThan', 1500)],
    ['spent over 1.5k', c('totalSpent', 'greaterThan', 1500)],
    ['customers with 2k+ lifetime value', c('totalSpent', 'greaterThanInclusive', 2000)],
    ['spent between 100 and 500', c('totalSpent', 'between', [100, 500])],
    ['spent 100-500', c('totalSpent', 'between', [100, 500])],
    ['spent less than 50 dollars', c('totalSpent', 'lessThan', 50)],
    ['average order above $80', c('averageOrderValue', 'greaterThan', 80)],
    ['people with an average order value of at least 50', c('averageOrderValue', 'greaterThanInclusive', 50)],
    // order counts
    ['with more than 5 orders', c('totalOrders', 'greaterThan', 5)],
    ['at least 3 orders', c('totalOrders', 'greaterThanInclusive', 3)],
    ['customers with 3+ orders', c('totalOrders', 'greaterThanInclusive', 3)],
    ['ordered more than twice', c('totalOrders', 'greaterThan', 2)],
    ['with fewer than two orders', c('totalOrders', 'lessThan', 2)],
    ['never ordered', c('totalOrders', 'equal', 0)],
    ['customers without orders', c('totalOrders', 'equal', 0)],
    ['repeat customers', c('totalOrders', 'greaterThanInclusive', 2)],
    ['at least 3 orders in the last 6 months', all(c('totalOrders', 'greaterThanInclusive', 3), c('lastOrderAt', 'withinLastDays', 180))],
    // order dates
    ['no orders in 60 days', NO_ORDER_IN(60)],
    ["customers who haven't ordered in 3 months", NO_ORDER_IN(90)],
    ['last ordered more than 90 days ago', all(c('lastOrderAt', 'exists'), c('lastOrderAt', 'notWithinLastDays', 90))],
    ['lapsed customers', all(c('lastOrderAt', 'exists'), c('lastOrderAt', 'notWithinLastDays', 90))],
    ['inactive for 60 days', NO_ORDER_IN(60)],
    ['ordered in the last 2 weeks', c('lastOrderAt', 'withinLastDays', 14)],
    ['placed an order in the past week', c('lastOrderAt', 'withinLastDays', 7)],
    ['customers who made their first purchase in the last 30 days', c('firstOrderAt', 'withinLastDays', 30)],
    ['no orders this month', any(not(c('lastOrderAt', 'exists')), c('lastOrderAt', 'before', '2025-06-01T00:00:00.000Z'))],
    // sign-up dates (UTC calendar from `now`)
    ['signed up this month', c('createdAt', 'after', '2025-06-01T00:00:00.000Z')],
    ['joined in the last 30 days', c('createdAt', 'withinLastDays', 30)],
    ['registered within the past two weeks', c('createdAt', 'withinLastDays', 14)],
    ['customers who joined more than a year ago', c('createdAt', 'notWithinLastDays', 365)],
    ['new customers this year', c('createdAt', 'after', '2025-01-01T00:00:00.000Z')],
    ['signed up in March', all(c('createdAt', 'after', '2025-03-01T00:00:00.000Z'), c('createdAt', 'before', '2025-04-01T00:00:00.000Z'))],
    [
      'registered between 2024-01-01 and 2024-06-30',
      all(c('createdAt', 'after', '2024-01-01T00:00:00.000Z'), c('createdAt', 'before', '2024-07-01T00:00:00.000Z')),
    ],
    ['created since 2024-02-01', c('createdAt', 'after', '2024-02-01T00:00:00.000Z')],
    ['interacted in the last 7 days', c('lastInteractionAt', 'withinLastDays', 7)],
    // places
    ['customers from Mexico', MEXICO],
    ['in Canada', CANADA],
    ['customers in New York or Boston', c('address.city', 'in', ['New York', 'Boston'])],
    ['customers in California', c('address.state', 'in', ['California', 'CA'])],
    ['customers from mexico or canada', c('address.country', 'in', ['Mexico', 'México', 'MX', 'Canada', 'CA'])],
    ['customers living in springfield', c('address.city', 'equal', 'Springfield')],
    ['zip code 10001', c('address.postalCode', 'equal', '10001')],
    // tags
    ['tagged premium or loyal', c('tags', 'hasAny', ['premium', 'loyal'])],
    ['tagged premium and loyal', c('tags', 'hasAll', ['premium', 'loyal'])],
    ['tagged loyal or premium', c('tags', 'hasAny', ['loyal', 'premium'])],
    ['tagged loyal or premium tier', any(c('tags', 'hasAny', ['loyal']), c('tier', 'equal', 'premium'))],
    ['customers with the tag high-value', c('tags', 'hasAny', ['high-value'])],
    ['untagged customers', c('tags', 'isEmpty')],
    // status, tier, source
    ['suspended', c('status', 'equal', 'suspended')],
    ['blocked customers', any(c('status', 'equal', 'blocked'), c('isBlocked', 'equal', true))],
    ['active customers', all(c('status', 'equal', 'active'), c('isBlocked', 'equal', false))],
    ['premium tier', c('tier', 'equal', 'premium')],
    ['customers in the vip segment', c('segment', 'equal', 'vip')],
    ['from whatsapp', c('source', 'equal', 'whatsapp')],
    ['came from referral', c('source', 'equal', 'referral')],
    ['customers from social media', c('source', 'equal', 'social_media')],
    // contact data and preferences
    ['who speak Spanish', c('preferences.language', 'equal', 'es')],
    ['language es', c('preferences.language', 'equal', 'es')],
    ['spanish-speaking customers', c('preferences.language', 'equal', 'es')],
    ['customers who speak english or french', c('preferences.language', 'in', ['en', 'fr'])],
    ['subscribed to the newsletter', c('preferences.newsletter', 'equal', true)],
    ['customers who are not subscribed to the newsletter', c('preferences.newsletter', 'equal', false)],
    ['opted out of sms', c('preferences.sms', 'equal', false)],
    ['email opt-in customers', c('preferences.email', 'equal', true)],
    ['email starts with admin', c('email', 'startsWith', 'admin')],
    ['gmail users', c('email', 'endsWith', '@gmail.com')],
    ['email domain Acme.com', c('email', 'endsWith', '@acme.com')],
    ['email at gmail', c('email', 'endsWith', '@gmail.com')],
    ['phone starts with +52', c('phone', 'startsWith', '+52')],
    ['customers without email', not(c('email', 'exists'))],
    ['last name Smith', c('lastName', 'equal', 'Smith')],
    // combinations
    ['vip customers in Canada but not tagged churned', all(c('tier', 'equal', 'vip'), CANADA, not(c('tags', 'hasAny', ['churned'])))],
    ['vip or premium customers in Canada', all(c('tier', 'in', ['vip', 'premium']), CANADA)],
    [
      'premium customers who speak spanish and have more than 5 orders',
      all(c('tier', 'equal', 'premium'), c('preferences.language', 'equal', 'es'), c('totalOrders', 'greaterThan', 5)),
    ],
    ['show me all customers who joined this year and have not ordered', all(c('createdAt', 'after', '2025-01-01T00:00:00.000Z'), c('totalOrders', 'equal', 0))],
    [
      'premium customers who are not blocked or suspended',
      all(c('tier', 'equal', 'premium'), not(any(c('status', 'in', ['blocked', 'suspended']), c('isBlocked', 'equal', true)))),
    ],
    ['non-premium customers from whatsapp', all(not(c('tier', 'equal', 'premium')), c('source', 'equal', 'whatsapp'))],
    ['premium customers or customers who spent over 1000', any(c('tier', 'equal', 'premium'), c('totalSpent', 'greaterThan', 1000))],
  ])('%s', (query, rule) => {
    expect(first(query)).toEqual(rule);
  });

  it('ignores case and filler words', () => {
    expect(first('SHOW ME ALL THE VIP CUSTOMERS IN NEW YORK')).toEqual(first('vip customers in new york'));
    expect(first('vip customers in new york')).toEqual(all(c('tier', 'equal', 'vip'), c('address.city', 'equal', 'New York')));
  });

  it('computes calendar periods from options.now in UTC', () => {
    const rule = suggestSegments('signed up this month', { now: new Date('2024-03-01T00:30:00+02:00') })[0]!.rule;
    expect(rule).toEqual(c('createdAt', 'after', '2024-02-01T00:00:00.000Z'));
  });
});

describe('segment suggestions: ambiguity and confidence', () => {
  const confidences = (s: Suggestion[]) => s.map((x) => x.confidence);
  const descending = (s: Suggestion[]) => expect(confidences(s)).toEqual([...confidences(s)].sort((a, b) => b - a));

  it('gives one certain suggestion for an unambiguous phrase', () => {
    const s = suggest('customers who spent more than $500 in the last 3 months');
    expect(s).toHaveLength(1);
    expect(s[0]!.confidence).toBe(0.95);
  });

  it('reads "big spenders" as spend above 500, then above 1000, both less confident', () => {
    const s = suggest('big spenders');
    expect(s.map((x) => x.rule)).toEqual([c('totalSpent', 'greaterThan', 500), c('totalSpent', 'greaterThan', 1000)]);
    descending(s);
    expect(s[0]!.confidence).toBeLessThan(suggest('spent more than 500')[0]!.confidence);
  });

  it('reads "vip" as the tier first and the segment label second', () => {
    const s = suggest('vip customers in New York');
    expect(s.length).toBeGreaterThan(1);
    expect(s.length).toBeLessThanOrEqual(3);
    expect(s.map((x) => x.rule)).toContainEqual(all(c('segment', 'equal', 'vip'), c('address.city', 'equal', 'New York')));
    expect(s.map((x) => x.rule)).toContainEqual(all(c('tier', 'equal', 'vip'), c('address.state', 'in', ['New York', 'NY'])));
    descending(s);
    expect(s[0]!.confidence).toBeGreaterThan(s[1]!.confidence);
  });

  it('reads "last week" as the previous calendar week first, the last 7 days second', () => {
    const s = suggest('signed up last week');
    expect(s.map((x) => x.rule)).toEqual([
      all(c('createdAt', 'after', '2025-06-09T00:00:00.000Z'), c('createdAt', 'before', '2025-06-16T00:00:00.000Z')),
      c('createdAt', 'withinLastDays', 7),
    ]);
    descending(s);
  });

  it('reads a bare count as exactly, then at least', () => {
    expect(suggest('customers with 3 orders').map((x) => x.rule)).toEqual([c('totalOrders', 'equal', 3), c('totalOrders', 'greaterThanInclusive', 3)]);
  });

  it('offers both groupings when "or" joins different fields next to an "and"', () => {
    const s = suggest('premium customers in canada or tagged gold');
    expect(s.map((x) => x.rule)).toEqual([
      all(c('tier', 'equal', 'premium'), any(CANADA, c('tags', 'hasAny', ['gold']))),
      any(all(c('tier', 'equal', 'premium'), CANADA), c('tags', 'hasAny', ['gold'])),
    ]);
    descending(s);
  });

  it('never returns more than three suggestions', () => {
    expect(suggest('vip regular customers in new york').length).toBe(3);
  });

  it('keeps confidences between 0 and 1', () => {
    for (const q of ['big spenders', 'vip customers in New York', 'customers in the last 30 days', 'inactive customers']) {
      for (const s of suggest(q)) {
        expect(s.confidence).toBeGreaterThan(0);
        expect(s.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('segment suggestions: ids, names and insights', () => {
  it('gives the same id for the same rule, however phrased', () => {
    const a = suggest('joined in the last 30 days')[0]!;
    expect(suggest('joined in the last 30 days')[0]!.id).toBe(a.id);
    expect(suggest('customers who signed up within the past 30 days')[0]!.id).toBe(a.id);
    expect(suggest('tagged loyal or premium')[0]!.id).toBe(suggest('tagged premium or loyal')[0]!.id);
    expect(a.id).toMatch(/^sug_[0-9a-f]{16}$/);
  });

  it('keeps ids stable across releases', () => {
    expect(suggest('tagged premium or loyal')[0]!.id).toBe('sug_1a966f54e88acbc2');
  });

  it('gives different rules different ids', () => {
    const ids = ['spent more than 500', 'spent more than 1000', 'spent at least 500', 'vip tier', 'vip segment'].map((q) => suggest(q)[0]!.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes spend in a window as lifetime spend filtered by the last order', () => {
    const [s] = suggest('customers who spent more than $500 in the last 3 months');
    expect(s!.name).toBe('Spent over 500, ordered in the last 90 days');
    expect(s!.description).toContain('lifetime spend');
    expect(s!.description).toContain('last order');
    expect(s!.insights).toContain('Matches customers whose total spend is above 500');
    expect(s!.insights).toContain('Matches customers whose last order date is within the last 90 days');
  });

  it('says that customers who never ordered are included in "no orders in N days"', () => {
    const [s] = suggest('no orders in 60 days');
    expect(s!.name).toBe('No order in the last 60 days');
    expect(s!.description).toContain('never ordered are included');
  });

  it('names exclusions as such', () => {
    const [s] = suggest('vip customers in Canada but not tagged churned');
    expect(s!.name).toBe('VIP tier, in Canada, not tagged churned');
    expect(s!.insights).toContain('Excludes customers whose tags include any of churned');
  });
});

describe('segment suggestions: errors', () => {
  it('names exactly the words it did not understand', () => {
    const e = errorOf('customers who love pineapples');
    expect(e.unknownWords).toEqual(['love', 'pineapples']);
    expect(e.message).toBe('Could not understand: "love", "pineapples"');
  });

  it('reports unknown words even next to understood ones, once each', () => {
    expect(errorOf('vip customers who frobnicate and zorp and frobnicate').unknownWords).toEqual(['frobnicate', 'zorp']);
  });

  it('rejects a query without any condition', () => {
    expect(errorOf('show me all customers').unknownWords).toEqual([]);
    expect(errorOf('').unknownWords).toEqual([]);
  });

  it('rejects a negation with nothing to negate', () => {
    expect(errorOf('vip customers who are not').unknownWords).toEqual(['not']);
  });

  it('drops a time verb without a time when other conditions remain, and says so', () => {
    const [s] = suggest('vip customers who signed up via whatsapp');
    expect(s!.rule).toEqual(all(c('tier', 'equal', 'vip'), c('source', 'equal', 'whatsapp')));
    expect(s!.description).toContain('Ignored "signed up"');
    expect(s!.confidence).toBeLessThan(suggest('vip customers from whatsapp')[0]!.confidence);
  });

  it('rejects a time verb without a time', () => {
    const e = errorOf('customers who signed up');
    expect(e.unknownWords).toEqual(['signed', 'up']);
    expect(e.message).toContain('needs a time');
  });

  it('rejects "no orders" in a closed past period, which the latest order date cannot answer', () => {
    expect(errorOf('no orders in March 2024').message).toContain('only the latest date is stored');
    expect(suggest('no orders last month').map((s) => s.rule)).toEqual([NO_ORDER_IN(30)]);
  });
});
