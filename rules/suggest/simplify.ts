/**
 * Normalises a rule tree so equal meanings get equal trees (and so equal ids): nested groups of
 * the same kind are flattened, single-child groups unwrapped, double negations removed, a
 * negated boolean flipped, and ORs of equalities on one field merged into one `in` list
 * ("New York or Boston" → city in [New York, Boston]).
 */
import type { ConditionNode, RuleNode } from '../ast';
import { cond, not } from './clauses';

const MERGE_ANY = new Set(['equal', 'in']);

/** The values of an equal / in / hasAny / hasAll condition as a list. */
const valuesOf = (c: ConditionNode): Array<string | number> =>
  (Array.isArray(c.value) ? c.value : [c.value]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');

/** Merges children of one group that test the same field the same way into a single condition. */
function merge(children: RuleNode[], combinator: 'all' | 'any'): RuleNode[] {
  const out: RuleNode[] = [];
  const slots = new Map<string, number>();
  for (const child of children) {
    const mergeable =
      child.kind === 'condition' && (combinator === 'any' ? MERGE_ANY.has(child.operator) || child.operator === 'hasAny' : child.operator === 'hasAll');
    if (!mergeable) {
      out.push(child);
      continue;
    }
    const key = `${child.field}\u0000${child.operator === 'hasAny' || child.operator === 'hasAll' ? child.operator : 'in'}`;
    const at = slots.get(key);
    const prev = at === undefined ? undefined : out[at];
    if (at === undefined || prev?.kind !== 'condition') {
      slots.set(key, out.length);
      out.push(child);
      continue;
    }
    const values = [...new Set([...valuesOf(prev), ...valuesOf(child)])];
    const operator = child.operator === 'hasAny' || child.operator === 'hasAll' ? child.operator : 'in';
    out[at] = operator === 'in' && values.length === 1 ? cond(child.field, 'equal', values[0]) : cond(child.field, operator, values);
  }
  return out;
}

/** The normal form of a rule tree. */
export function simplify(node: RuleNode): RuleNode {
  if (node.kind === 'condition' || node.kind === 'event') return node;
  if (node.kind === 'not') {
    const child = simplify(node.child);
    if (child.kind === 'not') return child.child;
    if (child.kind === 'condition' && child.operator === 'equal' && typeof child.value === 'boolean') return cond(child.field, 'equal', !child.value);
    return not(child);
  }
  const flat = node.children.map(simplify).flatMap((c) => (c.kind === 'group' && c.combinator === node.combinator ? c.children : [c]));
  const seen = new Set<string>();
  const unique = merge(flat, node.combinator).filter((c) => {
    const key = JSON.stringify(c);
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return unique.length === 1 ? unique[0]! : { kind: 'group', combinator: node.combinator, children: unique };
}
