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
  'equal', 'notEqual',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'between',
  'in', 'notIn',
  'contains', 'doesNotContain', 'startsWith', 'endsWith',
  'exists', 'isEmpty',
  'hasAny', 'hasAll', 'hasNone',
  'before', 'after', 'withinLastDays', 'notWithinLastDays',
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

/** A node of the tree. */
export type RuleNode = ConditionNode | GroupNode | NotNode;
