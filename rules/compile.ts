/**
 * Compiles a rule to one SQL predicate over `customers`, for a whole audience (preview, count,
 * campaign snapshot). It implements the meaning defined in semantics.ts — the property test holds
 * it to the JavaScript evaluator — and is written so that no condition can be NULL: a positive
 * comparison on a nullable field is `(cmp AND expr IS NOT NULL)` (false, not NULL, when the value
 * is missing) and its complement is `(expr IS NULL OR NOT cmp)`. Both forms stay usable by
 * indexes. Every value is a `?` binding; custom field keys are bound too.
 *
 * Event conditions (issue 16) become EXISTS / NOT EXISTS over customer_events: "at least k"
 * is a semi-join on the customers with k or more matching events (one GROUP BY over the events of
 * that name and window, through the (tenant_id, name, occurred_at) INCLUDE (customer_id) index),
 * "at most n" the anti-join of "at least n + 1", so customers without any event match it. At the
 * top of a WHERE Postgres plans them as hash (anti-)joins; under OR or NOT as hashed subplans.
 */
import type { Knex } from 'knex';
import type { EventNode, Operator, PropertyNode, RuleNode, RuleValue } from './ast';
import { type FieldDefinition, fieldByName } from './catalogue';
import { eventWindow, propertyField } from './events';
import { DAY_MS, NEGATIONS, type PositiveOperator, foldCase, instant, isNegation } from './semantics';
import { type Sql, identifier, joinSql, sql } from './sql';
import { RuleValidationError } from './validate';

/** Options of {@link compileRuleToSql}. */
export interface CompileOptions {
  /** The clock of this evaluation: withinLastDays counts back from it (never the database's now()). */
  now: Date;
  /** Alias of the customers table in the query (default `customers`). */
  alias?: string;
  /**
   * The tenant whose customers the query reads. Event conditions need it (their aggregate over
   * customer_events is not correlated, so it can run once for the whole audience); rules without
   * event conditions compile without it.
   */
  tenantId?: string;
}

/** A predicate for `query.whereRaw(sql, bindings)`. */
export interface CompiledRule {
  sql: string;
  bindings: Knex.Value[];
}

/**
 * Compiles a (validated) rule into one parenthesised, parameterised, never-NULL predicate on
 * `customers` (or its alias). The caller adds tenant and soft-delete filters.
 */
export function compileRuleToSql(rule: RuleNode, options: CompileOptions): CompiledRule {
  const alias = identifier(options.alias ?? 'customers');
  const now = options.now.getTime();
  if (!Number.isFinite(now)) throw new Error('compileRuleToSql needs a valid `now`');
  const compiled = compileNode(rule, { alias, now, tenantId: options.tenantId });
  return { sql: `(${compiled.text})`, bindings: [...compiled.bindings] };
}

interface Scope {
  alias: Sql;
  now: number;
  tenantId: string | undefined;
}

function compileNode(node: RuleNode, scope: Scope): Sql {
  switch (node.kind) {
    case 'group':
      return sql`(${joinSql(
        node.children.map((c) => compileNode(c, scope)),
        node.combinator === 'all' ? ' AND ' : ' OR ',
      )})`;
    case 'not':
      return sql`(NOT ${compileNode(node.child, scope)})`;
    case 'event':
      return compileEvent(node, scope);
    case 'condition': {
      const field = fieldByName(node.field);
      if (!field) throw new RuleValidationError([{ path: 'rules', message: `unknown field "${node.field}"` }]);
      return compileComparison(field, node.operator, node.value, scope.alias, scope.now);
    }
  }
}

/** A `where` tree over the properties of customer_events aliased `alias`, never NULL. */
function compileProperties(node: PropertyNode, alias: Sql, now: number): Sql {
  switch (node.kind) {
    case 'group':
      return sql`(${joinSql(
        node.children.map((c) => compileProperties(c, alias, now)),
        node.combinator === 'all' ? ' AND ' : ' OR ',
      )})`;
    case 'not':
      return sql`(NOT ${compileProperties(node.child, alias, now)})`;
    case 'property':
      return compileComparison(propertyField(node.property, node.type), node.operator, node.value, alias, now);
  }
}

/**
 * Which events of customer_events (aliased `alias`) an event condition counts at `now`: its
 * name, window and property filter. The audience compiler and the one-customer loader
 * (domain/segments/eventCounts.ts) both count with this predicate.
 */
export function eventFilterSql(node: EventNode, alias: Sql, now: number): Sql {
  const window = eventWindow(node, now);
  const parts = [sql`${alias}.name = ${node.event}`];
  if (window) parts.push(dateRange(sql`${alias}.occurred_at`, window.from, window.to));
  if (node.where) parts.push(compileProperties(node.where, alias, now));
  return joinSql(parts, ' AND ');
}

/**
 * Customers whose number of events matching the condition is `= k` or `>= k` (k ≥ 1), as a
 * never-NULL EXISTS: a plain semi-join for "at least one", otherwise over one GROUP BY.
 */
function counted(node: EventNode, relation: '>=' | '=', k: number, scope: Scope): Sql {
  if (scope.tenantId === undefined) throw new Error('compileRuleToSql needs `tenantId` for rules with event conditions');
  const e = sql`e`;
  const filter = sql`e.tenant_id = CAST(${scope.tenantId} AS uuid) AND e.customer_id IS NOT NULL AND ${eventFilterSql(node, e, scope.now)}`;
  if (relation === '>=' && k === 1) return sql`EXISTS (SELECT 1 FROM customer_events e WHERE ${filter} AND e.customer_id = ${scope.alias}.id)`;
  const having = relation === '=' ? sql`count(*) = CAST(${k} AS bigint)` : sql`count(*) >= CAST(${k} AS bigint)`;
  return sql`EXISTS (SELECT 1 FROM (SELECT e.customer_id FROM customer_events e WHERE ${filter} GROUP BY e.customer_id HAVING ${having}) n WHERE n.customer_id = ${scope.alias}.id)`;
}

/** gte n: at least n; lte n: not at least n + 1; eq 0: not at least 1; eq n: exactly n. */
function compileEvent(node: EventNode, scope: Scope): Sql {
  const c = node.count;
  if ('gte' in c) return c.gte === 0 ? sql`TRUE` : sql`(${counted(node, '>=', c.gte, scope)})`;
  if ('lte' in c) return sql`(NOT ${counted(node, '>=', c.lte + 1, scope)})`;
  return c.eq === 0 ? sql`(NOT ${counted(node, '>=', 1, scope)})` : sql`(${counted(node, '=', c.eq, scope)})`;
}

/** One field comparison, never NULL (see the header). */
function compileComparison(field: FieldDefinition, operator: Operator, value: RuleValue | undefined, alias: Sql, now: number): Sql {
  const expr = field.expression(alias);
  const negated = isNegation(operator);
  const op: PositiveOperator = isNegation(operator) ? NEGATIONS[operator] : operator;
  const cmp = positive(op, value, field, expr, now);
  // exists and isEmpty decide NULL themselves; every other comparison is guarded when the field can be missing.
  if (!field.nullable || op === 'exists' || op === 'isEmpty') return negated ? sql`(NOT ${cmp})` : cmp;
  return negated ? sql`(${expr} IS NULL OR NOT ${cmp})` : sql`(${cmp} AND ${expr} IS NOT NULL)`;
}

/** ISO text of an instant for binding (cast to timestamptz in SQL). */
const iso = (ms: number) => new Date(ms).toISOString();

/** A bound value cast to the field's SQL type. */
function typed(field: FieldDefinition, value: string | number | boolean): Sql {
  if (field.type === 'number') return sql`CAST(${value} AS numeric)`;
  if (field.type === 'boolean') return sql`CAST(${value} AS boolean)`;
  return sql`${value}`;
}

function positive(op: PositiveOperator, v: RuleValue | undefined, field: FieldDefinition, expr: Sql, now: number): Sql {
  const list = Array.isArray(v) ? v : [];
  // lower() under the "C" collation folds exactly A–Z (byte-wise), like the JS side, and is far
  // cheaper than translate() over 26 letters.
  const folded = () => sql`lower((${expr}) COLLATE "C")`;
  const tagArray = () =>
    sql`ARRAY[${joinSql(
      list.map((t) => sql`${String(t)}`),
      ', ',
    )}]::text[]`;
  switch (op) {
    case 'equal':
      return sql`(${expr} = ${typed(field, v as string | number | boolean)})`;
    case 'in':
      return sql`(${expr} IN (${joinSql(
        list.map((x) => typed(field, x)),
        ', ',
      )}))`;
    case 'lessThan':
      return sql`(${expr} < ${typed(field, v as number)})`;
    case 'lessThanInclusive':
      return sql`(${expr} <= ${typed(field, v as number)})`;
    case 'greaterThan':
      return sql`(${expr} > ${typed(field, v as number)})`;
    case 'greaterThanInclusive':
      return sql`(${expr} >= ${typed(field, v as number)})`;
    case 'between':
      if (field.type === 'date') return dateRange(expr, instant(list[0]), instant(list[1]));
      return sql`(${expr} BETWEEN ${typed(field, list[0] as number)} AND ${typed(field, list[1] as number)})`;
    case 'contains':
      if (field.type === 'tags') return sql`(${expr} @> ARRAY[${String(v)}]::text[])`;
      return sql`(strpos(${folded()}, ${foldCase(String(v))}) > 0)`;
    case 'startsWith':
      return sql`starts_with(${folded()}, ${foldCase(String(v))})`;
    case 'endsWith': {
      const suffix = foldCase(String(v));
      return sql`(right(${folded()}, CAST(${[...suffix].length} AS integer)) = ${suffix})`;
    }
    case 'exists':
      return field.type === 'string' ? sql`(${expr} IS NOT NULL AND ${expr} <> '')` : sql`(${expr} IS NOT NULL)`;
    case 'isEmpty':
      return field.type === 'tags' ? sql`(cardinality(${expr}) = 0)` : sql`(${expr} IS NULL OR ${expr} = '')`;
    case 'hasAny':
      return sql`(${expr} && ${tagArray()})`;
    case 'hasAll':
      return sql`(${expr} @> ${tagArray()})`;
    // Date bounds: the JavaScript side compares instants truncated to the millisecond, and for a
    // whole-millisecond t, trunc(x) < t ⇔ x < t and trunc(x) > t ⇔ x ≥ t + 1 ms.
    case 'before':
      return sql`(${expr} < CAST(${iso(instant(v))} AS timestamptz))`;
    case 'after':
      return sql`(${expr} >= CAST(${iso(instant(v) + 1)} AS timestamptz))`;
    case 'withinLastDays':
      return dateRange(expr, now - Number(v) * DAY_MS, now);
  }
}

/** lo ≤ trunc_ms(expr) ≤ hi, written as lo ≤ expr < hi + 1 ms. */
function dateRange(expr: Sql, lo: number, hi: number): Sql {
  return sql`(${expr} >= CAST(${iso(lo)} AS timestamptz) AND ${expr} < CAST(${iso(hi + 1)} AS timestamptz))`;
}
