/**
 * Reads a rule in any accepted format into the normalised AST, or throws a RuleValidationError
 * listing every problem. Formats, recognised node by node:
 * - json-rules-engine conditions: `{ all: [...] }`, `{ any: [...] }`, `{ not: {...} }` and leaves
 *   `{ fact, operator, value, path? }` (`fact: 'address', path: '$.city'` is `address.city`;
 *   `fact: 'customFields', path: '$.birthday'` or `"$['a.b']"` is a custom field);
 * - seed 003's trees: `{ id, logic: 'AND' | 'OR', rules: [...] }` with leaves
 *   `{ id, field, operator, value, type }`, plus Herald's `not: true` on a group (its negation);
 * - event conditions `{ event, where?, count?, within? | between? }` (issue 16) in both formats
 *   (seed trees add `type: 'event'`), whose `where` is a tree of the same groups over property
 *   conditions `{ property, operator, value, type? }`;
 * - the AST itself (`{ kind: ... }`), so stored rules can be re-validated.
 * Canonical form: groups of one child are replaced by the child (all/any of one thing is that
 * thing), so both input formats of the same rule give equal ASTs.
 */
import type { PropertyNode, RuleNode } from './ast';
import { buildPropertyCondition, parseEventCondition } from './events';
import { Issues, RuleValidationError, buildCondition } from './validate';
import { MAX_CONDITIONS, MAX_DEPTH } from './semantics';

/** Re-exported so callers of parseRules can catch its error from the same module. */
export { RuleValidationError };

/** Options of {@link parseRules}. */
export interface ParseOptions {
  /** Input path of the rule itself, the prefix of every error path (default `rules`). */
  path?: string;
}

interface Context {
  issues: Issues;
  conditions: number;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Obj, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * What a tree's leaves are: rule conditions (customer fields and events) at the top, property
 * conditions inside an event's `where`. Groups, negations and their limits are the same for both.
 */
interface Grammar<N> {
  /** Parses an object that is not a group (engine or seed leaf, or an AST leaf of `kind`). */
  leaf(input: Obj, path: string, depth: number, ctx: Context): N | undefined;
  /** The AST kinds of leaves. */
  leafKinds: readonly string[];
  /** The message for input of no recognisable shape. */
  shape: string;
}

/**
 * Parses and validates a rule (json-rules-engine conditions, seed 003 tree, or AST) into the
 * canonical AST. Throws RuleValidationError with all problems and their input paths.
 */
export function parseRules(input: unknown, options: ParseOptions = {}): RuleNode {
  const root = options.path ?? 'rules';
  const ctx: Context = { issues: new Issues(), conditions: 0 };
  const node = parseNode(input, root, 1, ctx, RULES);
  if (ctx.conditions > MAX_CONDITIONS) ctx.issues.add(root, `a rule may have at most ${MAX_CONDITIONS} conditions; this one has ${ctx.conditions}`);
  if (ctx.issues.list.length > 0 || !node) throw new RuleValidationError(ctx.issues.list);
  return node;
}

/**
 * Parses and validates property conditions alone (an event condition's `where` tree: groups over
 * `{ property, operator, value, type? }`, either input format or the AST) into the canonical
 * {@link PropertyNode}, as journeys use them on one event (entry, waits, branches, goals, exits).
 * Throws RuleValidationError with all problems, each path under `options.path` (default `where`).
 */
export function parsePropertyConditions(input: unknown, options: ParseOptions = {}): PropertyNode {
  const root = options.path ?? 'where';
  const ctx: Context = { issues: new Issues(), conditions: 0 };
  const node = parseNode(input, root, 1, ctx, PROPERTIES);
  if (ctx.conditions > MAX_CONDITIONS) ctx.issues.add(root, `conditions may number at most ${MAX_CONDITIONS}; these have ${ctx.conditions}`);
  if (ctx.issues.list.length > 0 || !node) throw new RuleValidationError(ctx.issues.list);
  return node;
}

const RULES: Grammar<RuleNode> = {
  leafKinds: ['condition', 'event'],
  shape:
    'must be a condition ({ fact, operator, value } or { field, operator, value }), an event condition ({ event, count, within }) or a group ({ all: [...] }, { any: [...] }, { not: {...} } or { logic, rules: [...] })',
  leaf(input, path, depth, ctx) {
    if (input.kind === 'event' || (input.kind === undefined && (has(input, 'event') || input.type === 'event'))) {
      ctx.conditions += 1;
      return parseEventCondition(input, path, ctx.issues, (where, wherePath) => parseNode(where, wherePath, depth + 1, ctx, PROPERTIES));
    }
    if (input.kind === 'condition') return leaf(input.field, input, path, `${path}.field`, ctx);
    if (has(input, 'fact')) return parseEngineLeaf(input, path, ctx);
    if (has(input, 'field')) return leaf(input.field, input, path, `${path}.field`, ctx);
    if (has(input, 'condition')) return ctx.issues.add(`${path}.condition`, 'condition references are not supported; write the conditions inline');
    return ctx.issues.add(path, RULES.shape);
  },
};

const PROPERTIES: Grammar<PropertyNode> = {
  leafKinds: ['property'],
  shape: 'must be a property condition ({ property, operator, value }) or a group ({ all: [...] }, { any: [...] }, { not: {...} } or { logic, rules: [...] })',
  leaf(input, path, _depth, ctx) {
    if (!has(input, 'property')) return ctx.issues.add(path, PROPERTIES.shape);
    ctx.conditions += 1;
    return buildPropertyCondition(input, path, ctx.issues);
  },
};

function parseNode<N>(input: unknown, path: string, depth: number, ctx: Context, g: Grammar<N>): N | undefined {
  if (!isObject(input)) return ctx.issues.add(path, g.shape);
  if (has(input, 'kind')) return parseAstNode(input, path, depth, ctx, g);
  if (has(input, 'rules')) return parseSeedGroup(input, path, depth, ctx, g);
  const engineKeys = ['all', 'any', 'not'].filter((k) => has(input, k));
  if (engineKeys.length > 1) return ctx.issues.add(path, `a group has exactly one of all, any and not; found ${engineKeys.join(', ')}`);
  const [key] = engineKeys;
  if (key === 'not') return negation(input.not, `${path}.not`, path, depth, ctx, g);
  if (key === 'all' || key === 'any') return group(key, input[key], `${path}.${key}`, path, depth, ctx, g);
  return g.leaf(input, path, depth, ctx);
}

/** A leaf whose field is already known (seed `field`, AST `field`, or engine fact + path). */
function leaf(field: unknown, input: Obj, path: string, fieldPath: string, ctx: Context): RuleNode | undefined {
  ctx.conditions += 1;
  return buildCondition(
    { field, operator: input.operator, value: input.value, paths: { field: fieldPath, operator: `${path}.operator`, value: `${path}.value` } },
    ctx.issues,
  );
}

/** `$.key` or `$['key']` / `$["key"]`: one property of the fact (the key may contain dots). */
const DOT_PATH = /^\$\.(.+)$/;
const BRACKET_PATH = /^\$\[(['"])(.+)\1\]$/;

function parseEngineLeaf(input: Obj, path: string, ctx: Context): RuleNode | undefined {
  const { fact } = input;
  if (typeof fact !== 'string' || fact === '') {
    ctx.conditions += 1;
    return ctx.issues.add(`${path}.fact`, 'must be a fact name');
  }
  if (input.path === undefined) return leaf(fact, input, path, `${path}.fact`, ctx);
  const p = typeof input.path === 'string' ? input.path.trim() : '';
  const key = DOT_PATH.exec(p)?.[1] ?? BRACKET_PATH.exec(p)?.[2];
  if (!key) {
    ctx.conditions += 1;
    return ctx.issues.add(`${path}.path`, `must be a JSONPath to one property, like "$.city" or "$['a.b']"`);
  }
  return leaf(`${fact}.${key}`, input, path, `${path}.path`, ctx);
}

function parseSeedGroup<N>(input: Obj, path: string, depth: number, ctx: Context, g: Grammar<N>): N | undefined {
  const logic = typeof input.logic === 'string' ? input.logic.toUpperCase() : undefined;
  const negated = input.not;
  if (logic !== 'AND' && logic !== 'OR') ctx.issues.add(`${path}.logic`, 'must be AND or OR');
  if (negated !== undefined && typeof negated !== 'boolean') ctx.issues.add(`${path}.not`, 'must be true or false');
  const node = group(logic === 'OR' ? 'any' : 'all', input.rules, `${path}.rules`, path, depth, ctx, g);
  if (!node || (logic !== 'AND' && logic !== 'OR')) return undefined;
  return negated === true ? ({ kind: 'not', child: node } as N) : node;
}

function parseAstNode<N>(input: Obj, path: string, depth: number, ctx: Context, g: Grammar<N>): N | undefined {
  if (g.leafKinds.includes(input.kind as string)) return g.leaf(input, path, depth, ctx);
  switch (input.kind) {
    case 'not':
      return negation(input.child, `${path}.child`, path, depth, ctx, g);
    case 'group':
      if (input.combinator !== 'all' && input.combinator !== 'any') {
        ctx.issues.add(`${path}.combinator`, 'must be all or any');
        group('all', input.children, `${path}.children`, path, depth, ctx, g);
        return undefined;
      }
      return group(input.combinator, input.children, `${path}.children`, path, depth, ctx, g);
    default:
      return ctx.issues.add(`${path}.kind`, `must be ${[...g.leafKinds, 'group', 'not'].join(', ')}`);
  }
}

function group<N>(combinator: 'all' | 'any', items: unknown, itemsPath: string, path: string, depth: number, ctx: Context, g: Grammar<N>): N | undefined {
  if (depth > MAX_DEPTH) return ctx.issues.add(path, `groups are nested deeper than ${MAX_DEPTH} levels`);
  if (!Array.isArray(items)) return ctx.issues.add(itemsPath, 'must be an array of conditions and groups');
  if (items.length === 0) return ctx.issues.add(itemsPath, 'a group needs at least one condition');
  const children = items.map((item, i) => parseNode(item, `${itemsPath}[${i}]`, depth + 1, ctx, g));
  if (children.some((c) => c === undefined)) return undefined;
  return children.length === 1 ? children[0] : ({ kind: 'group', combinator, children } as N);
}

function negation<N>(child: unknown, childPath: string, path: string, depth: number, ctx: Context, g: Grammar<N>): N | undefined {
  if (depth > MAX_DEPTH) return ctx.issues.add(path, `groups are nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(child)) return ctx.issues.add(childPath, 'must be one condition or group, not an array');
  const node = parseNode(child, childPath, depth + 1, ctx, g);
  return node && ({ kind: 'not', child: node } as N);
}
