/**
 * The rule builder's model: Herald's normalised rule tree (the AST `GET /segments/:id` returns and
 * every rule endpoint accepts) with an id on every node, so React can key rows and errors can be
 * pinned to the node they concern. Conversions both ways, and the immutable edits the builder makes.
 */

/** A value a condition compares with (the rule language's RuleValue). */
export type RuleValue = string | number | boolean | null | Array<string | number>;

/** How many matching events: at least, at most or exactly `n`. */
export type CountOp = 'gte' | 'lte' | 'eq';

/** A field condition: `field operator value`. */
export interface FieldCondition {
  id: string;
  kind: 'condition';
  field: string;
  operator: string;
  value?: RuleValue;
}

/** An event condition; `where` (property conditions) is kept as written and edited in JSON. */
export interface EventCondition {
  id: string;
  kind: 'event';
  event: string;
  count: Partial<Record<CountOp, number>>;
  within?: string;
  between?: [string, string];
  where?: unknown;
}

/** How a group combines its children: all / any, or their negations none / not all. */
export type Combinator = 'all' | 'any' | 'none' | 'notAll';

/** A group of conditions and groups. */
export interface Group {
  id: string;
  kind: 'group';
  combinator: Combinator;
  children: BuilderNode[];
}

/** Any node of the builder's tree. */
export type BuilderNode = FieldCondition | EventCondition | Group;

let counter = 0;
/** A fresh node id (unique within the page's lifetime). */
export const newId = (): string => `n${++counter}`;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Thrown by {@link fromAst} for JSON the builder cannot show; the message says what is wrong. */
export class RuleShapeError extends Error {}

/**
 * Reads a normalised rule (AST: `kind` on every node) into the builder's tree, whose root is
 * always a group. Throws {@link RuleShapeError} naming the first node of another shape.
 */
export function fromAst(input: unknown): Group {
  const root = nodeFromAst(input, 'the rule');
  return root.kind === 'group' ? root : { id: newId(), kind: 'group', combinator: 'all', children: [root] };
}

function nodeFromAst(input: unknown, where: string): BuilderNode {
  if (!isObject(input)) throw new RuleShapeError(`${where} must be an object with a "kind"`);
  switch (input.kind) {
    case 'condition':
      return {
        id: newId(),
        kind: 'condition',
        field: String(input.field ?? ''),
        operator: String(input.operator ?? ''),
        ...(input.value === undefined ? {} : { value: input.value as RuleValue }),
      };
    case 'event':
      return {
        id: newId(),
        kind: 'event',
        event: String(input.event ?? ''),
        count: isObject(input.count) ? (input.count as EventCondition['count']) : { gte: 1 },
        ...(typeof input.within === 'string' ? { within: input.within } : {}),
        ...(Array.isArray(input.between) ? { between: input.between as [string, string] } : {}),
        ...(input.where === undefined ? {} : { where: input.where }),
      };
    case 'group': {
      if (input.combinator !== 'all' && input.combinator !== 'any') throw new RuleShapeError(`${where}: combinator must be "all" or "any"`);
      if (!Array.isArray(input.children)) throw new RuleShapeError(`${where}: children must be an array`);
      return { id: newId(), kind: 'group', combinator: input.combinator, children: input.children.map((c, i) => nodeFromAst(c, `${where}.children[${i}]`)) };
    }
    case 'not': {
      const child = nodeFromAst(input.child, `${where}.child`);
      if (child.kind === 'group' && (child.combinator === 'all' || child.combinator === 'any'))
        return { ...child, combinator: child.combinator === 'all' ? 'notAll' : 'none' };
      return { id: newId(), kind: 'group', combinator: 'none', children: [child] };
    }
    default:
      throw new RuleShapeError(`${where}: kind must be "condition", "event", "group" or "not" (the form GET /segments/:id returns)`);
  }
}

/** The rule as Herald's AST, and for every builder node the input path Herald's 422 details use for it. */
export interface Serialised {
  ast: Json;
  paths: Map<string, string>;
}

/** Writes the builder's tree as the AST; `paths` maps each node's id to its path under `rules`. */
export function toAst(root: Group): Serialised {
  const paths = new Map<string, string>();
  const write = (node: BuilderNode, path: string): Json => {
    paths.set(node.id, path);
    if (node.kind === 'condition')
      return { kind: 'condition', field: node.field, operator: node.operator, ...(node.value === undefined ? {} : { value: node.value }) };
    if (node.kind === 'event') {
      const { event, count, within, between, where } = node;
      return {
        kind: 'event',
        event,
        count,
        ...(within === undefined ? {} : { within }),
        ...(between ? { between } : {}),
        ...(where === undefined ? {} : { where }),
      };
    }
    const negated = node.combinator === 'none' || node.combinator === 'notAll';
    const groupPath = negated ? `${path}.child` : path;
    const group = {
      kind: 'group',
      combinator: node.combinator === 'all' || node.combinator === 'notAll' ? 'all' : 'any',
      children: node.children.map((c, i) => write(c, `${groupPath}.children[${i}]`)),
    };
    return negated ? { kind: 'not', child: group } : group;
  };
  return { ast: write(root, 'rules'), paths };
}

/** One problem of a 422, as Herald's details carry it. */
export interface RuleIssue {
  path?: string;
  message?: string;
}

/** A problem pinned on a node: which part of it (`value`, `count.gte`, `` for the node itself) and what is wrong. */
export interface NodeIssue {
  part: string;
  message: string;
}

/**
 * Pins each problem on the deepest node whose path prefixes the problem's path; the part of the
 * path below the node (`value`, `count.gte`) says which input it concerns. Problems under no node
 * land on the root.
 */
export function issuesByNode(issues: RuleIssue[], paths: Map<string, string>, rootId: string): Map<string, NodeIssue[]> {
  const byNode = new Map<string, NodeIssue[]>();
  const entries = [...paths.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const issue of issues) {
    const path = issue.path ?? '';
    const hit = entries.find(([, p]) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
    const id = hit?.[0] ?? rootId;
    const part = hit ? path.slice(hit[1].length).replace(/^\./, '') : path;
    byNode.set(id, [...(byNode.get(id) ?? []), { part, message: issue.message ?? 'is not valid' }]);
  }
  return byNode;
}

/** The tree with the node `id` replaced by `fn(node)`. */
export function updateNode(root: Group, id: string, fn: (node: BuilderNode) => BuilderNode): Group {
  const visit = (node: BuilderNode): BuilderNode => {
    if (node.id === id) return fn(node);
    return node.kind === 'group' ? { ...node, children: node.children.map(visit) } : node;
  };
  return visit(root) as Group;
}

/** The tree without the node `id` (the root itself is never removed). */
export function removeNode(root: Group, id: string): Group {
  const visit = (group: Group): Group => ({
    ...group,
    children: group.children.filter((c) => c.id !== id).map((c) => (c.kind === 'group' ? visit(c) : c)),
  });
  return visit(root);
}

/** The tree with the node `id` moved one place up (-1) or down (+1) among its siblings. */
export function moveNode(root: Group, id: string, delta: -1 | 1): Group {
  const visit = (group: Group): Group => {
    const at = group.children.findIndex((c) => c.id === id);
    if (at >= 0) {
      const to = at + delta;
      if (to < 0 || to >= group.children.length) return group;
      const children = [...group.children];
      [children[at], children[to]] = [children[to]!, children[at]!];
      return { ...group, children };
    }
    return { ...group, children: group.children.map((c) => (c.kind === 'group' ? visit(c) : c)) };
  };
  return visit(root);
}

/** The tree with `node` appended to the group `groupId`. */
export const addChild = (root: Group, groupId: string, node: BuilderNode): Group =>
  updateNode(root, groupId, (g) => (g.kind === 'group' ? { ...g, children: [...g.children, node] } : g));

/** Number of field and event conditions in the tree (groups not counted). */
export const conditionCount = (node: BuilderNode): number => (node.kind === 'group' ? node.children.reduce((n, c) => n + conditionCount(c), 0) : 1);
