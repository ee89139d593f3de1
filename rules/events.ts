/**
 * Event conditions (issue 16): "performed `event` [where property conditions] at least / at most /
 * exactly N times [within the last D | between two dates]". This file validates their parts and
 * defines what an event property is, so the SQL compiler (an aggregate over customer_events) and the
 * one-customer loader (domain/segments/eventCounts.ts, whose counts json-rules-engine compares) read
 * the same filter: both count with compile.ts's eventFilterSql predicate, so they cannot disagree on
 * which events count, only on the comparison, which semantics.ts defines once (countMatches).
 */
import type { EventCount, EventNode, PropertyConditionNode, PropertyNode, PropertyType, RuleValue } from './ast';
import { resolveOperator } from './aliases';
import { CUSTOM_FIELD_KEY, type CustomerRow, type FieldDefinition, OPERATORS_BY_TYPE } from './catalogue';
import { DAY_MS, MAX_DAYS } from './semantics';
import { type Sql, sql } from './sql';
import { type Issues, coerceValue, parseIsoDate } from './validate';

/** Longest event name (customer_events.name has the same check). */
export const MAX_EVENT_NAME = 200;

/** Largest N of an event count. */
export const MAX_EVENT_COUNT = 1_000_000;

/** Operators each property type allows: those of the customer field type, and `exists` for all. */
export const PROPERTY_OPERATORS: Record<PropertyType, FieldDefinition['operators']> = {
  string: OPERATORS_BY_TYPE.string,
  number: OPERATORS_BY_TYPE.number,
  boolean: [...OPERATORS_BY_TYPE.boolean, 'exists'],
};

/** Units of `within`: hours, days, weeks. */
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };
const DURATION = /^(\d{1,9})\s*([hdw])$/;

/** A `within` duration in milliseconds (the text is canonical: validated by parseEventCondition). */
export function durationMs(within: string): number {
  const m = DURATION.exec(within)!;
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

/**
 * The window an event condition counts in at `now`, as inclusive epoch-millisecond bounds of the
 * event's occurred_at truncated to the millisecond; undefined for all time.
 */
export function eventWindow(node: EventNode, now: number): { from: number; to: number } | undefined {
  if (node.within !== undefined) return { from: now - durationMs(node.within), to: now };
  if (node.between) return { from: Date.parse(node.between[0]), to: Date.parse(node.between[1]) };
  return undefined;
}

/**
 * What identifies the number an event condition counts: the name, the property filter and the
 * window, not the comparison. Conditions sharing it share one count (the loader runs it once).
 */
export function eventConditionKey(node: EventNode): string {
  return stableJson([node.event, node.where ?? null, node.within ?? null, node.between ?? null]);
}

/** JSON with object keys sorted, so a rule read back from jsonb (which reorders keys) gives the same key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An event property as a field: its SQL expression over customer_events, typed as `type`. */
export function propertyField(key: string, type: PropertyType): FieldDefinition {
  const value = (alias: Sql) => sql`${alias}.properties ->> CAST(${key} AS text)`;
  const jsonType = (alias: Sql) => sql`jsonb_typeof(${alias}.properties -> CAST(${key} AS text))`;
  const expression = (alias: Sql): Sql => {
    if (type === 'number') return sql`(CASE WHEN ${jsonType(alias)} = 'number' THEN CAST(${value(alias)} AS numeric) END)`;
    if (type === 'boolean') return sql`(CASE WHEN ${jsonType(alias)} = 'boolean' THEN CAST(${value(alias)} AS boolean) END)`;
    return sql`(CASE WHEN ${jsonType(alias)} = 'string' THEN ${value(alias)} END)`;
  };
  const read = (row: CustomerRow) => {
    const props = row.properties as Record<string, unknown> | null | undefined;
    const v = props && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    return typeof v === type ? (v as string | number | boolean) : null;
  };
  return { name: key, type, label: `Event property ${key}`, operators: PROPERTY_OPERATORS[type], nullable: true, expression, read };
}

type Obj = Record<string, unknown>;
const NUMERIC_ONLY = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'less_than',
  'less_than_or_equal',
  'greater_than',
  'greater_than_or_equal',
  'lessThanOrEqual',
  'greaterThanOrEqual',
  'between',
]);

/**
 * The type a property condition compares as when it names none: numbers for numeric values or
 * ordering operators, booleans for boolean values, strings otherwise.
 */
export function inferPropertyType(operator: unknown, value: RuleValue | unknown): PropertyType {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'boolean') return 'boolean';
  if (typeof first === 'number' || (typeof operator === 'string' && NUMERIC_ONLY.has(operator))) return 'number';
  return 'string';
}

/** Validates one property condition `{ property, operator, value, type? }` of a `where` tree. */
export function buildPropertyCondition(input: Obj, path: string, issues: Issues): PropertyNode | undefined {
  const key = input.property;
  if (typeof key !== 'string' || !CUSTOM_FIELD_KEY.test(key))
    return issues.add(`${path}.property`, `must be a property name matching ${CUSTOM_FIELD_KEY.source}`);
  const type = input.type === undefined ? inferPropertyType(input.operator, input.value) : input.type;
  if (type !== 'string' && type !== 'number' && type !== 'boolean') return issues.add(`${path}.type`, 'must be string, number or boolean');
  const field = propertyField(key, type);
  if (typeof input.operator !== 'string') return issues.add(`${path}.operator`, 'must be an operator name');
  const resolved = resolveOperator(input.operator, field);
  if ('error' in resolved) return issues.add(`${path}.operator`, resolved.error.replace(`${type} field ${key}`, `${type} property ${key}`));
  const coerced = coerceValue(field, resolved.operator, input.value, `${path}.value`, issues);
  if (!coerced.ok) return undefined;
  const node: PropertyConditionNode = { kind: 'property', property: key, type, operator: resolved.operator };
  if (coerced.value !== undefined) node.value = coerced.value;
  return resolved.negate ? { kind: 'not', child: node } : node;
}

/** Validates `count`: one of gte / lte / eq with a whole number; absent means "at least once". */
function parseCount(raw: unknown, path: string, issues: Issues): EventCount | undefined {
  if (raw === undefined) return { gte: 1 };
  const keys = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : [];
  if (keys.length !== 1 || !['gte', 'lte', 'eq'].includes(keys[0]!)) return issues.add(path, 'must be an object with exactly one of gte, lte or eq');
  const key = keys[0] as 'gte' | 'lte' | 'eq';
  const v = (raw as Obj)[key];
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_EVENT_COUNT)
    return issues.add(`${path}.${key}`, `must be a whole number from 0 to ${MAX_EVENT_COUNT}`);
  return { [key]: n } as EventCount;
}

/** Validates `within` ("30d", "12h", "2w"; a bare number is days) into its canonical text. */
function parseWithin(raw: unknown, path: string, issues: Issues): string | undefined {
  const text = typeof raw === 'number' ? `${raw}d` : typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const m = DURATION.exec(text);
  const ms = m ? Number(m[1]) * UNIT_MS[m[2]!]! : 0;
  if (!m || ms < 1 || ms > MAX_DAYS * DAY_MS)
    return issues.add(path, `must be a duration like "30d", "12h" or "2w", at least 1 hour and at most ${MAX_DAYS} days`);
  return `${Number(m[1])}${m[2]}`;
}

/** Validates `between`: two ISO dates, the first not after the second. */
function parseBetween(raw: unknown, path: string, issues: Issues): [string, string] | undefined {
  if (!Array.isArray(raw) || raw.length !== 2) return issues.add(path, 'must be a two-element array [from, to] of ISO 8601 dates');
  const [from, to] = raw.map(
    (v, i) =>
      (typeof v === 'string' ? parseIsoDate(v) : undefined) ??
      issues.add(`${path}[${i}]`, 'must be an ISO 8601 date (YYYY-MM-DD, read as UTC midnight) or date-time with a time zone'),
  );
  if (from === undefined || to === undefined) return undefined;
  if (Date.parse(from) > Date.parse(to)) return issues.add(path, 'the first date must not be after the second');
  return [from, to];
}

/**
 * Validates an event condition (every format writes it the same way: `{ event, where?, count?,
 * within? | between? }`, plus `type: 'event'` and an id in seed trees) into its AST. `parseWhere`
 * reads the `where` tree (groups as in any rule, property conditions as leaves).
 */
export function parseEventCondition(
  input: Obj,
  path: string,
  issues: Issues,
  parseWhere: (where: unknown, path: string) => PropertyNode | undefined,
): EventNode | undefined {
  const before = issues.list.length;
  // Seed 003's trees mark an event condition with type: 'event'; any other type is not an event condition's.
  if (input.type !== undefined && input.type !== 'event') issues.add(`${path}.type`, "must be 'event' when given");
  const name = input.event;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_EVENT_NAME)
    issues.add(`${path}.event`, `must be an event name of 1 to ${MAX_EVENT_NAME} characters`);
  const where = input.where === undefined || input.where === null ? undefined : parseWhere(input.where, `${path}.where`);
  const count = parseCount(input.count, `${path}.count`, issues);
  if (input.within !== undefined && input.between !== undefined) issues.add(path, 'an event condition has at most one of within and between');
  const within = input.within === undefined ? undefined : parseWithin(input.within, `${path}.within`, issues);
  const between = input.between === undefined ? undefined : parseBetween(input.between, `${path}.between`, issues);
  if (issues.list.length > before || !count) return undefined;
  const node: EventNode = { kind: 'event', event: name as string, count };
  if (where) node.where = where;
  if (within !== undefined) node.within = within;
  if (between !== undefined) node.between = between;
  return node;
}

/** An event condition in words ("performed \"Viewed Product\" at least 3 times in the last 30d"), for rule descriptions. */
export function describeEvent(node: EventNode): string {
  const c = node.count;
  const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
  const how = 'gte' in c ? `at least ${times(c.gte)}` : 'lte' in c ? `at most ${times(c.lte)}` : `exactly ${times(c.eq)}`;
  const filtered = node.where ? ' (with property conditions)' : '';
  const window = node.within ? ` in the last ${node.within}` : node.between ? ` between ${node.between[0]} and ${node.between[1]}` : '';
  if ('eq' in c && c.eq === 0) return `never performed "${node.event}"${filtered}${window}`;
  return `performed "${node.event}"${filtered} ${how}${window}`;
}

/** How `GET /segments/fields` lists event conditions, after the customer fields. */
export interface EventConditionDescription {
  name: 'event';
  type: 'event';
  label: string;
  /** The keys `count` takes (one of them, with a whole number). */
  counts: Array<'gte' | 'lte' | 'eq'>;
  /** `within`'s pattern (a bare number is days). */
  withinPattern: string;
  /** Property types of `where` conditions and the operators each allows. */
  propertyOperators: Record<PropertyType, string[]>;
  /** The pattern every property name must match. */
  propertyPattern: string;
  maxEventName: number;
}

/** The event condition as the field catalogue lists it. */
export function describeEventCondition(): EventConditionDescription {
  return {
    name: 'event',
    type: 'event',
    label: 'Performed an event (count of events, optionally filtered by properties, in a time window)',
    counts: ['gte', 'lte', 'eq'],
    withinPattern: DURATION.source,
    propertyOperators: { string: [...PROPERTY_OPERATORS.string], number: [...PROPERTY_OPERATORS.number], boolean: [...PROPERTY_OPERATORS.boolean] },
    propertyPattern: CUSTOM_FIELD_KEY.source,
    maxEventName: MAX_EVENT_NAME,
  };
}
