import { type CustomerRow } from '../../rules/catalogue';
import { createRuleEvaluator } from '../../rules/evaluate';
import { parseRules } from '../../rules/parse';

/**
 * The json-rules-engine evaluator on hand-picked cases: every operator, missing values, case
 * rules, date boundaries and custom fields, as semantics.ts defines them. The integration
 * property test holds the SQL compiler to the same answers.
 */

const NOW = new Date('2026-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const base: CustomerRow = {
  id: 'c1',
  first_name: 'Anabel',
  last_name: null,
  full_name: '',
  email: 'ana@example.com',
  phone: '+15550001234',
  status: 'active',
  tier: 'vip',
  segment_label: null,
  source: 'api',
  tags: ['vip', 'new'],
  is_blocked: false,
  address_city: 'ÉLODIE',
  consent_email: true,
  consent_sms: false,
  consent_newsletter: false,
  custom_fields: { plan: 'pro', 'a.b': 'x', score: 5, flag: true, none: null },
  total_orders: 3,
  total_spent: '10.10',
  average_order_value: 0,
  first_order_at: null,
  last_order_at: ago(30 * DAY),
  last_interaction_at: new Date(NOW.getTime() + 1),
  created_at: ago(400 * DAY),
};

type Case = [string, unknown, boolean, CustomerRow?];
const CASES: Case[] = [
  ['equal is exact', { fact: 'firstName', operator: 'equal', value: 'Anabel' }, true],
  ['equal is case-sensitive', { fact: 'firstName', operator: 'equal', value: 'anabel' }, false],
  ['equal on null is false', { fact: 'lastName', operator: 'equal', value: 'x' }, false],
  ['notEqual on null is true', { fact: 'lastName', operator: 'notEqual', value: 'x' }, true],
  ['email values are lower-cased', { fact: 'email', operator: 'equal', value: 'ANA@Example.com' }, true],
  ['in', { fact: 'firstName', operator: 'in', value: ['Bob', 'Anabel'] }, true],
  ['notIn on null is true', { fact: 'lastName', operator: 'notIn', value: ['x'] }, true],
  ['contains folds ASCII case', { fact: 'firstName', operator: 'contains', value: 'NAB' }, true],
  ['contains does not fold non-ASCII', { fact: 'address.city', operator: 'contains', value: 'él' }, false],
  ['contains matches non-ASCII exactly, ASCII folded', { fact: 'address.city', operator: 'contains', value: 'Élo' }, true],
  ['doesNotContain on null is true', { fact: 'lastName', operator: 'doesNotContain', value: 'a' }, true],
  ['startsWith', { fact: 'firstName', operator: 'startsWith', value: 'ana' }, true],
  ['endsWith', { fact: 'phone', operator: 'endsWith', value: '1234' }, true],
  ['exists is false on the empty string', { fact: 'fullName', operator: 'exists', value: null }, false],
  ['isEmpty is true on the empty string', { fact: 'fullName', operator: 'isEmpty', value: null }, true],
  ['isEmpty is true on null', { fact: 'lastName', operator: 'isEmpty', value: null }, true],
  ['enum equal', { fact: 'status', operator: 'equal', value: 'active' }, true],
  ['enum notEqual on null is true', { fact: 'segment', operator: 'notEqual', value: 'vip' }, true],
  ['enum exists on null is false', { fact: 'segment', operator: 'exists', value: null }, false],
  ['enum in', { fact: 'tier', operator: 'in', value: ['premium', 'vip'] }, true],
  ['number equal on a 2-decimal value', { fact: 'totalSpent', operator: 'equal', value: 10.1 }, true],
  ['number equal is exact', { fact: 'totalSpent', operator: 'equal', value: 10.105 }, false],
  ['notEqual', { fact: 'totalOrders', operator: 'notEqual', value: 3 }, false],
  ['lessThan at the boundary', { fact: 'totalOrders', operator: 'lessThan', value: 3 }, false],
  ['lessThanInclusive at the boundary', { fact: 'totalOrders', operator: 'lessThanInclusive', value: 3 }, true],
  ['greaterThan at the boundary', { fact: 'totalOrders', operator: 'greaterThan', value: 3 }, false],
  ['greaterThanInclusive at the boundary', { fact: 'totalOrders', operator: 'greaterThanInclusive', value: 3 }, true],
  ['between includes both ends', { fact: 'totalOrders', operator: 'between', value: [1, 3] }, true],
  [
    'number in / notIn',
    {
      any: [
        { fact: 'totalOrders', operator: 'in', value: [1, 2] },
        { fact: 'averageOrderValue', operator: 'notIn', value: [0] },
      ],
    },
    false,
  ],
  ['number exists', { fact: 'averageOrderValue', operator: 'exists', value: null }, true],
  ['boolean equal', { fact: 'preferences.email', operator: 'equal', value: true }, true],
  ['boolean notEqual', { fact: 'preferences.sms', operator: 'notEqual', value: false }, false],
  ['before is strict', { fact: 'lastOrderAt', operator: 'before', value: ago(30 * DAY).toISOString() }, false],
  ['after', { fact: 'lastOrderAt', operator: 'after', value: ago(30 * DAY + 1).toISOString() }, true],
  ['date between includes both ends', { fact: 'lastOrderAt', operator: 'between', value: [ago(30 * DAY).toISOString(), NOW.toISOString()] }, true],
  ['before on null is false', { fact: 'firstOrderAt', operator: 'before', value: NOW.toISOString() }, false],
  ['withinLastDays includes exactly N days ago', { fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 }, true],
  ['withinLastDays excludes one ms more', { fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 }, false, { ...base, last_order_at: ago(30 * DAY + 1) }],
  ['withinLastDays excludes the future', { fact: 'lastInteractionAt', operator: 'withinLastDays', value: 1 }, false],
  ['notWithinLastDays on null is true', { fact: 'firstOrderAt', operator: 'notWithinLastDays', value: 30 }, true],
  ['date exists', { fact: 'firstOrderAt', operator: 'exists', value: null }, false],
  [
    'dates may come as ISO strings',
    { fact: 'createdAt', operator: 'before', value: ago(399 * DAY).toISOString() },
    true,
    { ...base, created_at: ago(400 * DAY).toISOString() },
  ],
  ['hasAny', { fact: 'tags', operator: 'hasAny', value: ['x', 'new'] }, true],
  ['hasAll', { fact: 'tags', operator: 'hasAll', value: ['vip', 'x'] }, false],
  ['hasNone on no tags is true', { fact: 'tags', operator: 'hasNone', value: ['vip'] }, true, { ...base, tags: [] }],
  ['tags are case-sensitive', { fact: 'tags', operator: 'contains', value: 'VIP' }, false],
  ['tags isEmpty', { fact: 'tags', operator: 'isEmpty', value: null }, false],
  ['custom field string', { fact: 'customFields', path: '$.plan', operator: 'equal', value: 'pro' }, true],
  ['custom field key with a dot', { fact: 'customFields', path: "$['a.b']", operator: 'equal', value: 'x' }, true],
  ['custom field number counts as missing', { fact: 'customFields.score', operator: 'isEmpty', value: null }, true],
  ['custom field boolean counts as missing', { fact: 'customFields.flag', operator: 'equal', value: 'true' }, false],
  ['missing custom field', { fact: 'customFields.nope', operator: 'notEqual', value: 'x' }, true],
  ['not', { not: { fact: 'tier', operator: 'equal', value: 'vip' } }, false],
  [
    'all / any',
    {
      all: [
        { fact: 'tier', operator: 'equal', value: 'vip' },
        {
          any: [
            { fact: 'isBlocked', operator: 'equal', value: true },
            { fact: 'totalOrders', operator: 'equal', value: 3 },
          ],
        },
      ],
    },
    true,
  ],
];

describe('createRuleEvaluator', () => {
  const evaluator = createRuleEvaluator({ now: () => NOW });

  it.each(CASES)('%s', async (_name, input, expected, row = base) => {
    expect(await evaluator.matches(parseRules(input), row)).toBe(expected);
  });

  it('matchingIds answers many segments at once, in input order, like matches', async () => {
    const plain = CASES.filter(([, , , row]) => row === undefined);
    const rules = plain.map(([name, input]) => ({ id: name, rule: parseRules(input) }));
    expect(await evaluator.matchingIds(rules, base)).toEqual(plain.filter(([, , expected]) => expected).map(([name]) => name));
    expect(await evaluator.matchingIds([], base)).toEqual([]);
  });

  it('recompiles a segment whose rule changed, and rejects duplicate ids', async () => {
    const vip = parseRules({ fact: 'tier', operator: 'equal', value: 'vip' });
    const regular = parseRules({ fact: 'tier', operator: 'equal', value: 'regular' });
    expect(await evaluator.matchingIds([{ id: 's', rule: vip }], base)).toEqual(['s']);
    expect(await evaluator.matchingIds([{ id: 's', rule: regular }], base)).toEqual([]);
    expect(await evaluator.matchingIds([{ id: 's', rule: JSON.parse(JSON.stringify(vip)) }], base)).toEqual(['s']);
    await expect(
      evaluator.matchingIds(
        [
          { id: 's', rule: vip },
          { id: 's', rule: regular },
        ],
        base,
      ),
    ).rejects.toThrow(/unique/);
  });

  it('stays correct under concurrent calls', async () => {
    const rule = parseRules({ fact: 'totalOrders', operator: 'greaterThan', value: 4 });
    const rows = Array.from({ length: 40 }, (_, i) => ({ ...base, total_orders: i % 10 }));
    const [single, many] = await Promise.all([
      Promise.all(rows.map((row) => evaluator.matches(rule, row))),
      Promise.all(
        rows.map((row) =>
          evaluator.matchingIds(
            [
              { id: 'a', rule },
              { id: 'b', rule: parseRules({ not: rule }) },
            ],
            row,
          ),
        ),
      ),
    ]);
    expect(single).toEqual(rows.map((r) => r.total_orders > 4));
    expect(many).toEqual(rows.map((r) => (r.total_orders > 4 ? ['a'] : ['b'])));
  });

  it('reads the clock once per call', async () => {
    let now = NOW;
    const clocked = createRuleEvaluator({ now: () => now });
    const rule = parseRules({ fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 });
    expect(await clocked.matches(rule, base)).toBe(true);
    now = new Date(NOW.getTime() + 1);
    expect(await clocked.matches(rule, base)).toBe(false);
  });
});
