/**
 * Suggestion ids: a 64-bit FNV-1a hash of the rule's canonical JSON. Canonical means group
 * children and set-like values (`in`, `hasAny`…) are sorted, so "premium or loyal" and "loyal or
 * premium" get the same id. Pure TypeScript: rules/ takes no crypto dependency for a label.
 */
import type { RuleNode } from '../ast';

const SETS = new Set(['in', 'notIn', 'hasAny', 'hasAll', 'hasNone']);

/** The order-independent JSON form of a rule. */
export function canonical(node: RuleNode): string {
  if (node.kind === 'not') return `{"not":${canonical(node.child)}}`;
  if (node.kind === 'group') return `{"${node.combinator}":[${node.children.map(canonical).sort().join(',')}]}`;
  if (node.kind === 'event') return JSON.stringify(node);
  const value = Array.isArray(node.value) && SETS.has(node.operator) ? [...node.value].map(String).sort() : node.value;
  return JSON.stringify([node.field, node.operator, value ?? null]);
}

const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** "sug_" and 16 hex digits; the same rule always gives the same id. */
export function ruleId(node: RuleNode): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(canonical(node))) h = ((h ^ BigInt(byte)) * PRIME) & MASK;
  return `sug_${h.toString(16).padStart(16, '0')}`;
}
