import type { RuleNode } from '../../rules/ast';
import { parseRules } from '../../rules/parse';

/**
 * Both client formats (json-rules-engine conditions and seed 003's { logic, rules } trees) and
 * the AST itself parse to one canonical AST, with aliases resolved and values coerced.
 */

const cond = (field: string, operator: string, value?: unknown): RuleNode =>
  (value === undefined ? { kind: 'condition', field, operator } : { kind: 'condition', field, operator, value }) as RuleNode;

describe('parseRules: seed 003 and json-rules-engine formats give the same AST', () => {
  it("reads seed 003's documented example", () => {
    const seed = { id: 'root', logic: 'AND', rules: [{ id: 'rule1', field: 'totalSpent', operator: 'greater_than', value: 500, type: 'number' }] };
    const engine = { all: [{ fact: 'totalSpent', operator: 'greaterThan', value: 500 }] };
    expect(parseRules(seed)).toEqual(cond('totalSpent', 'greaterThan', 500));
    expect(parseRules(engine)).toEqual(parseRules(seed));
  });

  it('reads nested groups, negations, paths and aliases identically', () => {
    const seed = {
      id: 'root',
      logic: 'OR',
      rules: [
        { id: 'a', field: 'orderCount', operator: 'greater_than_or_equal', value: '3', type: 'number' },
        {
          id: 'g1',
          logic: 'AND',
          rules: [
            { id: 'b', field: 'location.city', operator: 'starts_with', value: 'New', type: 'string' },
            { id: 'c', field: 'lastOrderDate', operator: 'in_last_days', value: 30, type: 'date' },
            { id: 'd', field: 'customFields.birthday', operator: 'is_not_empty', type: 'string' },
          ],
        },
        { id: 'g2', logic: 'AND', not: true, rules: [{ id: 'e', field: 'tags', operator: 'hasAny', value: ['vip', 'gold'], type: 'tags' }] },
      ],
    };
    const engine = {
      any: [
        { fact: 'totalOrders', operator: 'greaterThanInclusive', value: 3 },
        {
          all: [
            { fact: 'address', path: '$.city', operator: 'startsWith', value: 'New' },
            { fact: 'lastOrderAt', operator: 'withinLastDays', value: '30' },
            { not: { fact: 'customFields', path: '$.birthday', operator: 'isEmpty', value: null } },
          ],
        },
        { not: { fact: 'tags', operator: 'hasAny', value: ['vip', 'gold'] } },
      ],
    };
    const expected: RuleNode = {
      kind: 'group',
      combinator: 'any',
      children: [
        cond('totalOrders', 'greaterThanInclusive', 3),
        {
          kind: 'group',
          combinator: 'all',
          children: [
            cond('address.city', 'startsWith', 'New'),
            cond('lastOrderAt', 'withinLastDays', 30),
            { kind: 'not', child: cond('customFields.birthday', 'isEmpty') },
          ],
        },
        { kind: 'not', child: cond('tags', 'hasAny', ['vip', 'gold']) },
      ],
    };
    expect(parseRules(seed)).toEqual(expected);
    expect(parseRules(engine)).toEqual(expected);
    expect(parseRules(expected)).toEqual(expected);
  });

  it('flattens groups of one child and keeps everything else', () => {
    expect(parseRules({ all: [{ any: [{ not: { fact: 'email', operator: 'exists', value: null } }] }] })).toEqual({
      kind: 'not',
      child: cond('email', 'exists'),
    });
    expect(parseRules({ not: { not: { fact: 'isBlocked', operator: 'equal', value: true } } })).toEqual({
      kind: 'not',
      child: { kind: 'not', child: cond('isBlocked', 'equal', true) },
    });
  });

  it('resolves field aliases of the seeds and of the API shape', () => {
    const field = (name: string) => (parseRules({ field: name, operator: 'exists' }) as { field: string }).field;
    expect(field('lastOrderDate')).toBe('lastOrderAt');
    expect(field('statistics.totalSpent')).toBe('totalSpent');
    expect(field('location.zipCode')).toBe('address.postalCode');
    expect(field('phoneNumber')).toBe('phone');
    expect(field('segmentLabel')).toBe('segment');
    expect(field('customFields.a.b-c')).toBe('customFields.a.b-c');
    expect(parseRules({ fact: 'customFields', path: "$['a.b']", operator: 'equal', value: 'x' })).toEqual(cond('customFields.a.b', 'equal', 'x'));
    expect(parseRules({ fact: 'preferences', path: '$.emailNotifications', operator: 'equal', value: 'true' })).toEqual(
      cond('preferences.email', 'equal', true),
    );
  });

  it('maps operators by field type: seed names, camelCase forms, dates and tags', () => {
    const op = (field: string, operator: string, value?: unknown) => parseRules({ field, operator, value });
    expect(op('lastOrderAt', 'greater_than', '2026-01-01')).toEqual(cond('lastOrderAt', 'after', '2026-01-01T00:00:00.000Z'));
    expect(op('createdAt', 'lessThan', '2026-01-01T10:00:00+02:00')).toEqual(cond('createdAt', 'before', '2026-01-01T08:00:00.000Z'));
    expect(op('tags', 'equals', ' vip ')).toEqual(cond('tags', 'contains', 'vip'));
    expect(op('tags', 'not_contains', 'vip')).toEqual(cond('tags', 'hasNone', ['vip']));
    expect(op('tags', 'in', ['a', 'b'])).toEqual(cond('tags', 'hasAny', ['a', 'b']));
    expect(op('tags', 'is_not_empty')).toEqual({ kind: 'not', child: cond('tags', 'isEmpty') });
    expect(op('lastOrderAt', 'is_empty')).toEqual({ kind: 'not', child: cond('lastOrderAt', 'exists') });
    expect(op('segment', 'isNotEmpty')).toEqual(cond('segment', 'exists'));
    expect(op('firstName', 'notContains', 'x')).toEqual(cond('firstName', 'doesNotContain', 'x'));
    expect(op('lastInteractionAt', 'notInLastDays', 7)).toEqual(cond('lastInteractionAt', 'notWithinLastDays', 7));
  });

  it('coerces values by field type', () => {
    const value = (field: string, operator: string, v: unknown) => (parseRules({ field, operator, value: v }) as { value: unknown }).value;
    expect(value('totalSpent', 'between', ['10.5', 20])).toEqual([10.5, 20]);
    expect(value('email', 'equal', 'Ana@Example.COM')).toBe('ana@example.com');
    expect(value('status', 'in', ['Active', 'BLOCKED'])).toEqual(['active', 'blocked']);
    expect(value('address.postalCode', 'equal', 10001)).toBe('10001');
    expect(value('createdAt', 'between', ['2026-01-01', '2026-01-31T23:59:59.999999Z'])).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z']);
    expect(value('preferences.sms', 'notEqual', 'false')).toBe(false);
    expect(value('firstName', 'contains', 'ANA')).toBe('ANA');
  });

  it('ignores values of value-less operators and informational keys', () => {
    expect(parseRules({ id: 'r', field: 'email', operator: 'exists', value: 'whatever', type: 'string' })).toEqual(cond('email', 'exists'));
    expect(parseRules({ all: [{ fact: 'tier', operator: 'equal', value: 'vip', name: 'n', priority: 3 }], name: 'x' })).toEqual(cond('tier', 'equal', 'vip'));
  });
});
