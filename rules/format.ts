/**
 * Writes the AST back in the two input formats, so clients get rules in the shape they sent
 * (seed 003's `{ id, logic, rules }` or json-rules-engine conditions) and parseRules of either
 * output gives back the same AST.
 */
import type { ConditionNode, EventCount, EventNode, FieldType, Operator, PropertyNode, PropertyType, RuleNode, RuleValue } from './ast';
import { CUSTOM_FIELD_PREFIX, fieldByName } from './catalogue';
import { inferPropertyType } from './events';
import { RuleValidationError } from './validate';

/** A seed 003 condition. Operators use the seed's snake_case names where it has one. */
export interface SeedRule {
  id: string;
  field: string;
  operator: string;
  value?: RuleValue;
  type: FieldType;
}

/** A seed 003 group; `not: true` (Herald's addition) negates the whole group. */
export interface SeedGroup {
  id: string;
  logic: 'AND' | 'OR';
  not?: true;
  rules: Array<SeedGroup | SeedRule | SeedEventRule>;
}

/** A property condition of an event's `where`, in either format (seed trees add an id). */
export interface PropertyLeaf {
  id?: string;
  property: string;
  operator: string;
  value?: RuleValue;
  type?: PropertyType;
}

/** A `where` tree in seed 003's form. */
export interface SeedPropertyGroup {
  id: string;
  logic: 'AND' | 'OR';
  not?: true;
  rules: Array<SeedPropertyGroup | PropertyLeaf>;
}

/** A `where` tree as json-rules-engine style groups. */
export type EnginePropertyNode = { all: EnginePropertyNode[] } | { any: EnginePropertyNode[] } | { not: EnginePropertyNode } | PropertyLeaf;

/** An event condition as clients write it (the json-rules-engine form of issue 16). */
export interface EngineEventLeaf {
  event: string;
  where?: EnginePropertyNode;
  count: EventCount;
  within?: string;
  between?: [string, string];
}

/** An event condition in a seed 003 tree: a rule with `type: 'event'`. */
export interface SeedEventRule {
  id: string;
  type: 'event';
  event: string;
  where?: SeedPropertyGroup;
  count: EventCount;
  within?: string;
  between?: [string, string];
}

/** A json-rules-engine leaf; custom fields use fact `customFields` and a path. */
export interface EngineLeaf {
  fact: string;
  path?: string;
  operator: Operator;
  value: RuleValue;
}

/** json-rules-engine conditions (the top level is always all, any or not). */
export type EngineCondition = { all: EngineNode[] } | { any: EngineNode[] } | { not: EngineNode };

/** Any node of json-rules-engine conditions. */
export type EngineNode = EngineCondition | EngineLeaf | EngineEventLeaf;

/** The parts of an event condition every format writes the same way. */
const eventParts = (n: EventNode) => ({
  event: n.event,
  count: n.count,
  ...(n.within === undefined ? {} : { within: n.within }),
  ...(n.between === undefined ? {} : { between: n.between }),
});

/** A property leaf in the engine form: `type` only when the operator and value would not imply it. */
function engineProperty(n: PropertyNode): EnginePropertyNode {
  if (n.kind === 'group') return n.combinator === 'all' ? { all: n.children.map(engineProperty) } : { any: n.children.map(engineProperty) };
  if (n.kind === 'not') return { not: engineProperty(n.child) };
  const value = n.value === undefined ? null : n.value;
  return { property: n.property, operator: n.operator, value, ...(inferPropertyType(n.operator, value) === n.type ? {} : { type: n.type }) };
}

/** An event condition in the engine form; `where` is always a group at its top. */
function engineEvent(n: EventNode): EngineEventLeaf {
  const where = n.where && engineProperty(n.where);
  return { ...eventParts(n), ...(where ? { where: 'property' in where ? { all: [where] } : where } : {}) };
}

/** An event condition as a seed 003 rule with `type: 'event'`, its `where` as a seed tree. */
function seedEvent(n: EventNode, id: string, nextId: (prefix: string) => string): SeedEventRule {
  const leaf = (p: PropertyNode & { kind: 'property' }): PropertyLeaf => ({
    id: nextId('rule'),
    property: p.property,
    operator: SEED_NAMES[p.operator] ?? p.operator,
    ...(p.value === undefined ? {} : { value: p.value }),
    type: p.type,
  });
  const tree = (p: PropertyNode, groupId: string): SeedPropertyGroup => {
    if (p.kind === 'group')
      return {
        id: groupId,
        logic: p.combinator === 'all' ? 'AND' : 'OR',
        rules: p.children.map((c) => (c.kind === 'property' ? leaf(c) : tree(c, nextId('group')))),
      };
    if (p.kind === 'not' && p.child.kind === 'not') return { id: groupId, logic: 'AND', not: true, rules: [tree(p.child, nextId('group'))] };
    if (p.kind === 'not')
      return { ...tree(p.child.kind === 'property' ? { kind: 'group', combinator: 'all', children: [p.child] } : p.child, groupId), not: true };
    return { id: groupId, logic: 'AND', rules: [leaf(p)] };
  };
  return { id, type: 'event', ...eventParts(n), ...(n.where ? { where: tree(n.where, nextId('group')) } : {}) };
}

const SEED_NAMES: Partial<Record<Operator, string>> = {
  equal: 'equals',
  notEqual: 'not_equals',
  lessThan: 'less_than',
  lessThanInclusive: 'less_than_or_equal',
  greaterThan: 'greater_than',
  greaterThanInclusive: 'greater_than_or_equal',
  between: 'between',
  in: 'in',
  notIn: 'not_in',
  contains: 'contains',
  doesNotContain: 'not_contains',
  startsWith: 'starts_with',
  endsWith: 'ends_with',
  isEmpty: 'is_empty',
  before: 'before',
  after: 'after',
  withinLastDays: 'in_last_days',
  notWithinLastDays: 'not_in_last_days',
};

/** The type of a field named in a stored rule (which must still exist in the catalogue). */
function typeOf(name: string): FieldType {
  const field = fieldByName(name);
  if (!field) throw new RuleValidationError([{ path: 'rules', message: `unknown field "${name}"` }]);
  return field.type;
}

/**
 * The AST as a seed 003 tree. Ids are generated (`root`, `group1`, `rule1`, …) since the AST
 * keeps none. Negations become the seed's negative operators where they are the exact inverse
 * (is_not_empty, is_empty on fields without isEmpty), otherwise a group with `not: true`.
 */
export function toSeedFormat(node: RuleNode): SeedGroup {
  let groups = 0;
  let rules = 0;
  const nextId = (prefix: string) => (prefix === 'group' ? `group${++groups}` : `rule${++rules}`);
  const seedRule = (c: ConditionNode, operator?: string): SeedRule => {
    const type = typeOf(c.field);
    const name = operator ?? (c.operator === 'exists' ? (type === 'string' ? 'exists' : 'is_not_empty') : (SEED_NAMES[c.operator] ?? c.operator));
    return { id: `rule${++rules}`, field: c.field, operator: name, ...(c.value === undefined ? {} : { value: c.value }), type };
  };
  // The seed's own negative operator for not(condition), when there is an exact one.
  const negativeName = (n: RuleNode): string | undefined => {
    if (n.kind !== 'not' || n.child.kind !== 'condition') return undefined;
    if (n.child.operator === 'isEmpty') return 'is_not_empty';
    if (n.child.operator === 'exists' && typeOf(n.child.field) !== 'string') return 'is_empty';
    return undefined;
  };
  const asGroup = (n: RuleNode, id: string): SeedGroup => {
    if (n.kind === 'group') return { id, logic: n.combinator === 'all' ? 'AND' : 'OR', rules: n.children.map(item) };
    if (n.kind === 'not' && !negativeName(n)) {
      const inner = n.child.kind === 'group' ? asGroup(n.child, id) : { id, logic: 'AND' as const, rules: [item(n.child)] };
      return { id, logic: inner.logic, not: true, rules: inner.rules };
    }
    return { id, logic: 'AND', rules: [item(n)] };
  };
  const item = (n: RuleNode): SeedGroup | SeedRule | SeedEventRule => {
    const negative = negativeName(n);
    if (negative && n.kind === 'not' && n.child.kind === 'condition') return seedRule(n.child, negative);
    if (n.kind === 'condition') return seedRule(n);
    if (n.kind === 'event') return seedEvent(n, nextId('rule'), nextId);
    return asGroup(n, `group${++groups}`);
  };
  return asGroup(node, 'root');
}

/** `$.key` when the key is a plain word, `$['key']` when it has dots or dashes. */
const jsonPath = (key: string) => (/^\w+$/.test(key) ? `$.${key}` : `$['${key}']`);

/** One AST node as a json-rules-engine node (a leaf stays a leaf; the top level may not be one). */
export function toEngineNode(n: RuleNode): EngineNode {
  if (n.kind === 'group') return n.combinator === 'all' ? { all: n.children.map(toEngineNode) } : { any: n.children.map(toEngineNode) };
  if (n.kind === 'not') return { not: toEngineNode(n.child) };
  if (n.kind === 'event') return engineEvent(n);
  typeOf(n.field);
  const fact = n.field.startsWith(CUSTOM_FIELD_PREFIX)
    ? { fact: 'customFields', path: jsonPath(n.field.slice(CUSTOM_FIELD_PREFIX.length)) }
    : { fact: n.field };
  return { ...fact, operator: n.operator, value: n.value === undefined ? null : n.value };
}

/**
 * The AST as json-rules-engine conditions with Herald's operator names (the evaluator registers
 * them). Value-less operators carry `value: null`, since json-rules-engine requires a value; a
 * lone condition is wrapped in `all`, since the top level must be a group.
 */
export function toJsonRulesEngine(node: RuleNode): EngineCondition {
  const top = toEngineNode(node);
  return 'fact' in top || 'event' in top ? { all: [top] } : top;
}
