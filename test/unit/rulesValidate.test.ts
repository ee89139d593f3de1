import { parseRules } from '../../rules/parse';
import { MAX_CONDITIONS, MAX_DEPTH } from '../../rules/semantics';
import { type RuleIssue, RuleValidationError } from '../../rules/validate';

/** Invalid rules fail with every problem listed, each at the path of the bad part of the input. */

const problems = (input: unknown, path?: string): RuleIssue[] => {
  try {
    parseRules(input, path === undefined ? {} : { path });
  } catch (err) {
    expect(err).toBeInstanceOf(RuleValidationError);
    const e = err as RuleValidationError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    return e.details;
  }
  throw new Error('expected a RuleValidationError');
};
const paths = (input: unknown) => problems(input).map((p) => p.path);

describe('parseRules: validation', () => {
  it('reports every problem of a seed tree at its input path', () => {
    const input = {
      id: 'root',
      logic: 'AND',
      rules: [
        { id: '1', field: 'totalSpent', operator: 'greater_than', value: 'lots' },
        { id: '2', field: 'status', operator: 'contains', value: 'act' },
        { id: '3', field: 'nope', operator: 'equals', value: 1 },
        { id: '4', logic: 'XOR', rules: [{ id: '5', field: 'tags', operator: 'hasAll', value: [] }] },
        { id: '6', field: 'createdAt', operator: 'between', value: ['2026-02-01', '2026-01-01'] },
        { id: '7', field: 'status', operator: 'in', value: ['active', 'gone'] },
      ],
    };
    expect(problems(input)).toEqual([
      { path: 'rules.rules[0].value', message: 'must be a number' },
      { path: 'rules.rules[1].operator', message: 'operator "contains" is not allowed for enum field status; allowed: equal, notEqual, in, notIn' },
      { path: 'rules.rules[2].field', message: 'unknown field "nope"' },
      { path: 'rules.rules[3].logic', message: 'must be AND or OR' },
      { path: 'rules.rules[3].rules[0].value', message: 'must be a non-empty array' },
      { path: 'rules.rules[4].value', message: 'the low bound must not exceed the high bound' },
      { path: 'rules.rules[5].value[1]', message: 'must be one of active, inactive, blocked, suspended' },
    ]);
  });

  it('reports json-rules-engine problems at their paths', () => {
    const input = {
      all: [
        {
          any: [
            { fact: 'email', operator: 'equal', value: 'a@b.c' },
            { fact: 'email', operator: 'matches', value: 'x' },
            { fact: 'lastOrderAt', operator: 'withinLastDays', value: 0 },
          ],
        },
        { not: [{ fact: 'tier', operator: 'equal', value: 'vip' }] },
        { fact: 'customFields', path: '$[0]', operator: 'equal', value: 'x' },
        { fact: 'customFields', path: '$.bad key', operator: 'equal', value: 'x' },
        { condition: 'shared' },
        { any: [] },
        'oops',
      ],
    };
    expect(paths(input)).toEqual([
      'rules.all[0].any[1].operator',
      'rules.all[0].any[2].value',
      'rules.all[1].not',
      'rules.all[2].path',
      'rules.all[3].path',
      'rules.all[4].condition',
      'rules.all[5].any',
      'rules.all[6]',
    ]);
  });

  it('checks value types and arity per operator', () => {
    const messages = (field: string, operator: string, value?: unknown) => problems({ field, operator, value }).map((p) => p.message);
    expect(messages('totalOrders', 'between', [1])).toEqual(['must be a two-element array [low, high]']);
    expect(messages('totalOrders', 'in', [])).toEqual(['must be a non-empty array']);
    expect(messages('totalOrders', 'in', 3)).toEqual(['must be a non-empty array']);
    expect(messages('lastOrderAt', 'withinLastDays', 36501)).toEqual(['must be a whole number of days from 1 to 36500']);
    expect(messages('lastOrderAt', 'withinLastDays', 1.5)).toEqual(['must be a whole number of days from 1 to 36500']);
    expect(messages('lastOrderAt', 'before', '2026-02-30')).toHaveLength(1);
    expect(messages('lastOrderAt', 'before', '2026-01-01T10:00:00')).toHaveLength(1);
    expect(messages('isBlocked', 'equal', 'yes')).toEqual(['must be true or false']);
    expect(messages('firstName', 'contains', '')).toEqual(['must be a non-empty string']);
    expect(messages('firstName', 'equal', { a: 1 })).toEqual(['must be a string']);
    expect(messages('tags', 'contains', '  ')).toEqual(['must be a non-empty tag']);
    expect(messages('lastOrderAt', 'greater_than_or_equal', '2026-01-01')[0]).toMatch(/not allowed for date field lastOrderAt/);
    expect(messages('isBlocked', 'is_empty')[0]).toMatch(/not allowed for boolean field isBlocked/);
    expect(messages('customFields.' + 'k'.repeat(101), 'exists')).toEqual(['custom field keys must match ^[\\w.-]{1,100}$']);
    expect(messages('firstName', 'like', 'a')).toEqual(['unknown operator "like"']);
  });

  it('rejects empty groups, deep nesting and too many conditions', () => {
    expect(paths({ all: [] })).toEqual(['rules.all']);
    const leaf = { fact: 'tier', operator: 'equal', value: 'vip' };
    let deep: unknown = leaf;
    for (let i = 0; i < MAX_DEPTH; i++) deep = { all: [deep, leaf] };
    expect(() => parseRules(deep)).not.toThrow();
    expect(paths({ not: deep })).toEqual([`rules.not${'.all[0]'.repeat(MAX_DEPTH - 1)}`]);
    const many = { any: Array.from({ length: MAX_CONDITIONS + 1 }, () => ({ fact: 'tier', operator: 'equal', value: 'vip' })) };
    expect(problems(many)).toEqual([{ path: 'rules', message: `a rule may have at most ${MAX_CONDITIONS} conditions; this one has ${MAX_CONDITIONS + 1}` }]);
  });

  it('rejects inputs that are not rules, with a caller-chosen root path', () => {
    expect(problems(null, 'segmentRules')).toEqual([{ path: 'segmentRules', message: expect.stringMatching(/^must be a condition/) }]);
    expect(paths({ all: [{ fact: 'tier' }], any: [] })).toEqual(['rules']);
    expect(paths({ kind: 'group', combinator: 'xor', children: [{ kind: 'condition', field: 'tier', operator: 'equal', value: 'x' }] })).toEqual([
      'rules.combinator',
      'rules.children[0].value',
    ]);
  });
});
