import fc from 'fast-check';
import type { RuleNode, RuleValue } from '../../rules/ast';
import { FIELDS, type FieldDefinition, fieldByName } from '../../rules/catalogue';
import { toJsonRulesEngine, toSeedFormat } from '../../rules/format';
import { parseRules } from '../../rules/parse';

/** The AST written back in either client format parses to the same AST. */

const cond = (field: string, operator: string, value?: unknown): RuleNode =>
  (value === undefined ? { kind: 'condition', field, operator } : { kind: 'condition', field, operator, value }) as RuleNode;

/** A valid value for a field and operator (canonical: what parseRules would produce). */
function valueFor(field: FieldDefinition, op: string): fc.Arbitrary<RuleValue | undefined> {
  if (op === 'exists' || op === 'isEmpty') return fc.constant(undefined);
  const list = (a: fc.Arbitrary<string | number>) => fc.uniqueArray(a, { minLength: 1, maxLength: 3 });
  switch (field.type) {
    case 'number':
      return op === 'between'
        ? fc.constant([1, 2.5])
        : op.endsWith('In') || op === 'in'
          ? list(fc.integer({ min: 0, max: 9 }))
          : fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => n + 0);
    case 'date': {
      const iso = fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms).toISOString());
      if (op === 'between') return fc.tuple(iso, iso).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
      return op.includes('Days') ? fc.integer({ min: 1, max: 36500 }) : iso;
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return op === 'in' || op === 'notIn' ? list(fc.constantFrom(...field.values!)) : fc.constantFrom(...field.values!);
    case 'tags':
      return op === 'contains' ? fc.constantFrom('vip', 'a b') : list(fc.constantFrom('vip', 'new', 'x-y'));
    case 'string': {
      const s = fc
        .string({ minLength: 1, maxLength: 8 })
        .map((v) => (field.lowerCaseValues ? v.toLowerCase() : v))
        .filter((v) => v !== '');
      return op === 'in' || op === 'notIn' ? list(s) : s;
    }
  }
}

const size = (n: RuleNode): number =>
  n.kind === 'condition' || n.kind === 'event' ? 1 : n.kind === 'not' ? size(n.child) : n.children.reduce((a, c) => a + size(c), 0);
const depth = (n: RuleNode): number =>
  n.kind === 'condition' || n.kind === 'event' ? 0 : 1 + (n.kind === 'not' ? depth(n.child) : Math.max(...n.children.map(depth)));
const fields = [...FIELDS, fieldByName('customFields.plan')!, fieldByName('customFields.a.b-c')!];
const conditionArb = fc.constantFrom(...fields).chain((f) => fc.constantFrom(...f.operators).chain((op) => valueFor(f, op).map((v) => cond(f.name, op, v))));
const ruleArb: fc.Arbitrary<RuleNode> = fc
  .letrec<{ node: RuleNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      conditionArb,
      fc.record({
        kind: fc.constant('group' as const),
        combinator: fc.constantFrom('all' as const, 'any' as const),
        children: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('not' as const), child: tie('node') }),
    ),
  }))
  .node.filter((rule) => size(rule) <= 200 && depth(rule) <= 10);

describe('toSeedFormat / toJsonRulesEngine', () => {
  it("writes seed 003's shape with its operator names", () => {
    const rule = parseRules({
      all: [{ fact: 'totalSpent', operator: 'greaterThan', value: 500 }, { not: { fact: 'address.city', operator: 'isEmpty', value: null } }],
    });
    expect(toSeedFormat(rule)).toEqual({
      id: 'root',
      logic: 'AND',
      rules: [
        { id: 'rule1', field: 'totalSpent', operator: 'greater_than', value: 500, type: 'number' },
        { id: 'rule2', field: 'address.city', operator: 'is_not_empty', type: 'string' },
      ],
    });
    expect(toSeedFormat(cond('tier', 'equal', 'vip'))).toEqual({
      id: 'root',
      logic: 'AND',
      rules: [{ id: 'rule1', field: 'tier', operator: 'equals', value: 'vip', type: 'enum' }],
    });
  });

  it('writes negations the seed cannot express as groups with not: true', () => {
    const rule: RuleNode = {
      kind: 'not',
      child: { kind: 'group', combinator: 'any', children: [cond('tier', 'equal', 'vip'), cond('lastOrderAt', 'exists')] },
    };
    expect(toSeedFormat(rule)).toEqual({
      id: 'root',
      logic: 'OR',
      not: true,
      rules: [
        { id: 'rule1', field: 'tier', operator: 'equals', value: 'vip', type: 'enum' },
        { id: 'rule2', field: 'lastOrderAt', operator: 'is_not_empty', type: 'date' },
      ],
    });
    expect(toSeedFormat({ kind: 'not', child: cond('lastOrderAt', 'exists') }).rules).toEqual([
      { id: 'rule1', field: 'lastOrderAt', operator: 'is_empty', type: 'date' },
    ]);
  });

  it('writes json-rules-engine conditions with paths for custom fields', () => {
    const rule: RuleNode = {
      kind: 'group',
      combinator: 'any',
      children: [cond('customFields.plan', 'equal', 'pro'), cond('customFields.a.b', 'exists'), cond('address.city', 'in', ['Paris'])],
    };
    expect(toJsonRulesEngine(rule)).toEqual({
      any: [
        { fact: 'customFields', path: '$.plan', operator: 'equal', value: 'pro' },
        { fact: 'customFields', path: "$['a.b']", operator: 'exists', value: null },
        { fact: 'address.city', operator: 'in', value: ['Paris'] },
      ],
    });
    expect(toJsonRulesEngine(cond('tier', 'equal', 'vip'))).toEqual({ all: [{ fact: 'tier', operator: 'equal', value: 'vip' }] });
  });

  it('round-trips random rules through both formats', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        expect(parseRules(rule)).toEqual(rule);
        expect(parseRules(toSeedFormat(rule))).toEqual(rule);
        expect(parseRules(toJsonRulesEngine(rule))).toEqual(rule);
        expect(parseRules(JSON.parse(JSON.stringify(toSeedFormat(rule))))).toEqual(rule);
      }),
      { numRuns: 500 },
    );
  });
});
