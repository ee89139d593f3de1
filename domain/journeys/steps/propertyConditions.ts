/**
 * A `where` tree (rules/ast.ts PropertyNode) decided in memory on one event's properties, with the
 * rule language's own operators (rules/semantics.ts applyOperator): a property is read as its
 * condition's type, and a value of another JSON type counts as missing, as in SQL. Journey
 * conditions may name nested properties with dots (`cart.total`); a key that exists literally
 * (dots included) is read first.
 */
import type { PropertyNode } from '../../../rules/ast';
import { applyOperator } from '../../../rules/semantics';
import { readPath } from '../timing';

/** The property's value, read literally first, then as a dotted path. */
function propertyValue(properties: Record<string, unknown>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(properties, key)) return properties[key];
  return key.includes('.') ? readPath(properties, key) : undefined;
}

/** Whether `properties` satisfy the `where` tree. */
export function propertiesMatch(where: PropertyNode, properties: Record<string, unknown>): boolean {
  if (where.kind === 'group') {
    return where.combinator === 'all'
      ? where.children.every((c) => propertiesMatch(c, properties))
      : where.children.some((c) => propertiesMatch(c, properties));
  }
  if (where.kind === 'not') return !propertiesMatch(where.child, properties);
  const raw = propertyValue(properties, where.property);
  const fact = typeof raw === where.type ? (raw as string | number | boolean) : null;
  return applyOperator(where.operator, fact, where.value);
}
