/**
 * The normalised rule language. Both accepted input formats (json-rules-engine conditions and
 * seed 003's `{ logic, rules }` trees) parse to this one tree; it is what a segment stores, what
 * the API returns, and what both evaluators (json-rules-engine for one customer, SQL for many)
 * read. Plain data: JSON-serialisable, no classes.
 */

/** Types of catalogue fields; each allows its own operators. */
export type FieldType = 'string' | 'enum' | 'number' | 'boolean' | 'date' | 'tags';

/** Every operator of the language. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'between',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'startsWith',
  'endsWith',
  'exists',
  'isEmpty',
  'hasAny',
  'hasAll',
  'hasNone',
  'before',
  'after',
  'withinLastDays',
  'notWithinLastDays',
] as const;

/** One operator. */
export type Operator = (typeof OPERATORS)[number];

/** A value a condition compares with; its shape depends on the operator and field type. */
export type RuleValue = string | number | boolean | null | Array<string | number>;

/** A leaf: `field operator value`. `value` is absent for exists / isEmpty. */
export interface ConditionNode {
  kind: 'condition';
  field: string;
  operator: Operator;
  value?: RuleValue;
}

/** All (AND) or any (OR) of the children. An empty group is invalid. */
export interface GroupNode {
  kind: 'group';
  combinator: 'all' | 'any';
  children: RuleNode[];
}

/** Negation of one child. */
export interface NotNode {
  kind: 'not';
  child: RuleNode;
}

/** Types an event property can be compared as (event properties are free JSON). */
export type PropertyType = 'string' | 'number' | 'boolean';

/**
 * A condition on one event property: `properties[property]` read as `type` (a JSON value of
 * another type counts as missing), then `operator value` with the meaning of a customer field of
 * that type. The key is one top-level property, taken literally (dots included), as for custom fields.
 */
export interface PropertyConditionNode {
  kind: 'property';
  property: string;
  type: PropertyType;
  operator: Operator;
  value?: RuleValue;
}

/** All (AND) or any (OR) of property conditions. */
export interface PropertyGroupNode {
  kind: 'group';
  combinator: 'all' | 'any';
  children: PropertyNode[];
}

/** Negation of a property condition or group. */
export interface PropertyNotNode {
  kind: 'not';
  child: PropertyNode;
}

/** A node of an event condition's `where` tree. */
export type PropertyNode = PropertyConditionNode | PropertyGroupNode | PropertyNotNode;

/** How many matching events a customer must have: at least, at most or exactly `n` (one key). */
export type EventCount = { gte: number } | { lte: number } | { eq: number };

/**
 * "Performed `event` [where …] at least / at most / exactly N times [within the last D | between
 * two dates]". Counts the customer's events with that name whose properties satisfy `where`,
 * inside the window (none: all of them). `within` is a duration (`30d`, `12h`, `2w`) counted back
 * from the evaluation's clock; `between` two ISO instants, both inclusive. At most one of the two.
 */
export interface EventNode {
  kind: 'event';
  event: string;
  where?: PropertyNode;
  count: EventCount;
  within?: string;
  between?: [string, string];
}

/** A node of the tree. */
export type RuleNode = ConditionNode | EventNode | GroupNode | NotNode;
