import type { RuleNode } from '../../rules/ast';
import { eventConditionsOf } from '../../rules/catalogue';
import { compileRuleToSql } from '../../rules/compile';
import { createRuleEvaluator } from '../../rules/evaluate';
import { describeEventCondition, eventConditionKey } from '../../rules/events';
import { toJsonRulesEngine, toSeedFormat } from '../../rules/format';
import { parseRules, RuleValidationError } from '../../rules/parse';
import { isTimeRelative } from '../../domain/segments/types';

/** Event conditions (issue 16) in the rule language: both formats, validation paths, SQL shape, counts. */

const NOW = new Date('2026-03-15T12:00:00.000Z');
const TENANT = '00000000-0000-4000-8000-000000000001';
const VIEWED = { event: 'Viewed Product', where: { all: [{ property: 'price', operator: 'greaterThan', value: 10 }] }, count: { gte: 3 }, within: '30d' };
const AST: RuleNode = {
  kind: 'event',
  event: 'Viewed Product',
  count: { gte: 3 },
  within: '30d',
  where: { kind: 'property', property: 'price', type: 'number', operator: 'greaterThan', value: 10 },
};

const problems = (input: unknown) => {
  try {
    parseRules(input);
  } catch (err) {
    if (err instanceof RuleValidationError) return err.details;
    throw err;
  }
  throw new Error('expected a validation error');
};

describe('event conditions: parsing', () => {
  it("reads the issue's json-rules-engine form and seed 003's type: 'event' rule to one AST", () => {
    expect(parseRules({ all: [VIEWED] })).toEqual(AST);
    const seed = {
      id: 'root',
      logic: 'AND',
      rules: [
        {
          id: 'r1',
          type: 'event',
          event: 'Viewed Product',
          count: { gte: 3 },
          within: '30d',
          where: { id: 'g', logic: 'AND', rules: [{ id: 'p', property: 'price', operator: 'greater_than', value: 10, type: 'number' }] },
        },
      ],
    };
    expect(parseRules(seed)).toEqual(AST);
    expect(parseRules(AST)).toEqual(AST);
  });

  it("refuses an event condition whose type is anything but 'event' (the fuzzer's object in place of the seed's marker)", () => {
    expect(problems({ event: 'Signed Up', type: { nested: true } })).toEqual([expect.objectContaining({ path: 'rules.type' })]);
    expect(problems({ all: [{ event: 'Signed Up', type: 'condition' }] })).toEqual([expect.objectContaining({ path: 'rules.all[0].type' })]);
  });

  it('defaults count to at least once, reads bare numbers as days, and infers property types', () => {
    expect(parseRules({ event: 'Signed Up', within: 7 })).toEqual({ kind: 'event', event: 'Signed Up', count: { gte: 1 }, within: '7d' });
    const where = (w: unknown) => (parseRules({ event: 'x', where: w }) as { where: unknown }).where;
    expect(where({ property: 'paid', operator: 'equal', value: true })).toEqual({
      kind: 'property',
      property: 'paid',
      type: 'boolean',
      operator: 'equal',
      value: true,
    });
    expect(where({ property: 'sku', operator: 'in', value: ['a', 'b'] })).toEqual({
      kind: 'property',
      property: 'sku',
      type: 'string',
      operator: 'in',
      value: ['a', 'b'],
    });
    expect(where({ property: 'qty', operator: 'lessThan', value: '3' })).toEqual({
      kind: 'property',
      property: 'qty',
      type: 'number',
      operator: 'lessThan',
      value: 3,
    });
    expect(where({ property: 'code', operator: 'equal', value: '10', type: 'number' })).toEqual({
      kind: 'property',
      property: 'code',
      type: 'number',
      operator: 'equal',
      value: 10,
    });
    expect(where({ property: 'note', operator: 'is_not_empty' })).toEqual({
      kind: 'not',
      child: { kind: 'property', property: 'note', type: 'string', operator: 'isEmpty' },
    });
  });

  it('writes "has not performed X within D" and between windows back in both formats', () => {
    const rules = [
      {
        any: [
          { event: 'Purchased', count: { eq: 0 }, within: '2w' },
          { fact: 'tier', operator: 'equal', value: 'vip' },
        ],
      },
      { not: { event: 'Viewed Product', count: { lte: 2 }, between: ['2026-01-01', '2026-02-01T00:00:00+01:00'] } },
      {
        event: 'x',
        where: {
          any: [{ property: 'a.b', operator: 'startsWith', value: 'A' }, { not: { not: { property: 'n', operator: 'exists', value: null, type: 'boolean' } } }],
        },
      },
    ];
    for (const input of rules) {
      const ast = parseRules(input);
      expect(parseRules(toJsonRulesEngine(ast))).toEqual(ast);
      expect(parseRules(toSeedFormat(ast))).toEqual(ast);
    }
    expect(parseRules(rules[1])).toMatchObject({ child: { between: ['2026-01-01T00:00:00.000Z', '2026-01-31T23:00:00.000Z'] } });
    expect(toJsonRulesEngine(parseRules(VIEWED))).toEqual({ all: [{ ...VIEWED }] });
  });
});

describe('event conditions: validation', () => {
  it('points at the offending part of the input', () => {
    expect(
      problems({
        all: [
          { fact: 'tier', operator: 'equal', value: 'vip' },
          { fact: 'tier', operator: 'equal', value: 'vip' },
          { event: 'Viewed', count: { gte: -1 } },
        ],
      }),
    ).toEqual([{ path: 'rules.all[2].count.gte', message: 'must be a whole number from 0 to 1000000' }]);
    expect(problems({ all: [{ event: '', count: { more: 3 }, within: '30 years' }] }).map((p) => p.path)).toEqual([
      'rules.all[0].event',
      'rules.all[0].count',
      'rules.all[0].within',
    ]);
    expect(problems({ event: 'x', within: '1d', between: ['2026-01-01', '2026-01-02'] })).toEqual([
      { path: 'rules', message: 'an event condition has at most one of within and between' },
    ]);
    expect(problems({ event: 'x', between: ['2026-02-01', '2026-01-01'] })).toEqual([
      { path: 'rules.between', message: 'the first date must not be after the second' },
    ]);
    expect(problems({ event: 'x', between: ['2026-02-30', 'soon'] }).map((p) => p.path)).toEqual(['rules.between[0]', 'rules.between[1]']);
    expect(problems({ event: 'x'.repeat(201) })[0]!.path).toBe('rules.event');
  });

  it('checks property conditions like field conditions, at their paths', () => {
    const details = problems({
      event: 'x',
      where: {
        all: [
          { property: 'a b', operator: 'equal', value: 1 },
          { property: 'price', operator: 'contains', value: 1 },
          { property: 'ok', operator: 'greaterThan', value: 1, type: 'boolean' },
          { fact: 'tier' },
        ],
      },
    });
    expect(details.map((p) => p.path)).toEqual([
      'rules.where.all[0].property',
      'rules.where.all[1].operator',
      'rules.where.all[2].operator',
      'rules.where.all[3]',
    ]);
    expect(details[1]!.message).toMatch(/not allowed for number property price/);
  });
});

describe('event conditions: evaluators', () => {
  it('compiles to EXISTS over customer_events: a semi-join for at least one, GROUP BY for more, anti-joins for at most', () => {
    const compile = (input: unknown) => compileRuleToSql(parseRules(input), { now: NOW, alias: 'c', tenantId: TENANT });
    const atLeast3 = compile(VIEWED);
    expect(atLeast3.sql).toContain('GROUP BY e.customer_id HAVING count(*) >= CAST(? AS bigint)');
    expect(atLeast3.bindings).toEqual(
      expect.arrayContaining([TENANT, 'Viewed Product', '2026-02-13T12:00:00.000Z', '2026-03-15T12:00:00.001Z', 'price', 10, 3]),
    );
    expect(compile({ event: 'x' }).sql).not.toContain('GROUP BY');
    expect(compile({ event: 'x', count: { eq: 0 } }).sql).toMatch(/^\(\(NOT EXISTS/);
    expect(compile({ event: 'x', count: { lte: 2 } }).sql).toMatch(/^\(\(NOT EXISTS .*count\(\*\) >= CAST/);
    expect(compile({ event: 'x', count: { eq: 2 } }).sql).toContain('HAVING count(*) = CAST(? AS bigint)');
    expect(compile({ event: 'x', count: { gte: 0 } }).sql).toBe('(TRUE)');
    expect(() => compileRuleToSql(parseRules(VIEWED), { now: NOW })).toThrow(/tenantId/);
  });

  it('compares loaded counts in json-rules-engine, and refuses a rule whose counts were not loaded', async () => {
    const evaluator = createRuleEvaluator({ now: () => NOW });
    const rule = parseRules({ all: [{ fact: 'tier', operator: 'equal', value: 'vip' }, VIEWED, { not: { event: 'Refunded', count: { eq: 0 } } }] });
    const [viewed, refunded] = eventConditionsOf(rule);
    const counts = (v: number, r: number) => ({
      eventCounts: new Map([
        [eventConditionKey(viewed!), v],
        [eventConditionKey(refunded!), r],
      ]),
    });
    expect(await evaluator.matches(rule, { tier: 'vip' }, counts(3, 1))).toBe(true);
    expect(await evaluator.matches(rule, { tier: 'vip' }, counts(2, 1))).toBe(false);
    expect(await evaluator.matches(rule, { tier: 'vip' }, counts(3, 0))).toBe(false);
    expect(
      await evaluator.matchingIds(
        [
          { id: 'a', rule },
          { id: 'b', rule: parseRules({ not: rule }) },
        ],
        { tier: 'vip' },
        counts(4, 2),
      ),
    ).toEqual(['a']);
    await expect(evaluator.matches(rule, { tier: 'vip' })).rejects.toThrow(/Undefined fact/);
  });

  it('keys counts by name, filter and window so a rule read back from jsonb finds them', () => {
    const node = eventConditionsOf(parseRules(VIEWED))[0]!;
    const reordered = JSON.parse(
      JSON.stringify({
        within: node.within,
        count: { gte: 9 },
        where: { value: 10, operator: 'greaterThan', type: 'number', property: 'price', kind: 'property' },
        event: node.event,
        kind: 'event',
      }),
    );
    expect(eventConditionKey(reordered)).toBe(eventConditionKey(node));
    expect(eventConditionKey({ ...node, within: '7d' })).not.toBe(eventConditionKey(node));
  });

  it('makes segments with windows time-relative and lists the condition in the catalogue', () => {
    expect(isTimeRelative(parseRules(VIEWED))).toBe(true);
    expect(isTimeRelative(parseRules({ not: { event: 'x', count: { eq: 0 }, within: '7d' } }))).toBe(true);
    expect(isTimeRelative(parseRules({ event: 'x', between: ['2026-01-01', '2026-02-01'] }))).toBe(false);
    expect(describeEventCondition()).toMatchObject({
      name: 'event',
      type: 'event',
      counts: ['gte', 'lte', 'eq'],
      propertyOperators: { boolean: ['equal', 'notEqual', 'exists'] },
    });
  });
});
