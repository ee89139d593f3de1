/**
 * Validation of one condition: the field exists, its type allows the operator, and the value has
 * the shape and type the operator needs (coerced: numeric strings for numbers, ISO dates
 * normalised to `toISOString()` form, enum values and emails lower-cased, tags trimmed). Every
 * problem is reported with the path of the offending part of the client's input, so a client can
 * fix all of them at once.
 */
import type { ConditionNode, Operator, RuleNode, RuleValue } from './ast';
import { canonicalFieldName, resolveOperator } from './aliases';
import { CUSTOM_FIELD_KEY, CUSTOM_FIELD_PREFIX, type FieldDefinition, fieldByName } from './catalogue';
import { MAX_DAYS, MAX_LIST, MAX_STRING, instant } from './semantics';
import { AppError } from '../lib/errors';

/** One problem: where in the input (`rules.rules[1].operator`) and what is wrong. */
export interface RuleIssue {
  path: string;
  message: string;
}

/**
 * A rule did not pass validation. It is an AppError (422 validation_failed), so the API answers
 * it as it answers every other validation failure, with all problems in `details`.
 */
export class RuleValidationError extends AppError {
  declare readonly details: RuleIssue[];

  constructor(details: RuleIssue[]) {
    const first = details[0];
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    super(422, 'validation_failed', `The rule is not valid: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${more}`, details);
    this.name = 'RuleValidationError';
  }
}

/** Collects problems while a whole tree is checked. */
export class Issues {
  readonly list: RuleIssue[] = [];

  /** Records a problem at an input path. */
  add(path: string, message: string): undefined {
    this.list.push({ path, message });
    return undefined;
  }
}

/** A leaf as found in the input, with the input paths of its parts. */
export interface LeafInput {
  field: unknown;
  operator: unknown;
  value: unknown;
  paths: { field: string; operator: string; value: string };
}

/** The catalogue field a name or alias denotes; records a problem and returns undefined otherwise. */
export function resolveField(name: unknown, path: string, issues: Issues): FieldDefinition | undefined {
  if (typeof name !== 'string' || name === '') return issues.add(path, 'must be a field name');
  const canonical = canonicalFieldName(name);
  const field = fieldByName(canonical);
  if (field) return field;
  if (canonical.startsWith(CUSTOM_FIELD_PREFIX)) return issues.add(path, `custom field keys must match ${CUSTOM_FIELD_KEY.source}`);
  return issues.add(path, `unknown field "${name}"`);
}

/** Validates one leaf and returns its AST (a condition, or not(condition) for negated aliases). */
export function buildCondition(leaf: LeafInput, issues: Issues): RuleNode | undefined {
  const field = resolveField(leaf.field, leaf.paths.field, issues);
  if (!field) return undefined;
  if (typeof leaf.operator !== 'string') return issues.add(leaf.paths.operator, 'must be an operator name');
  const resolved = resolveOperator(leaf.operator, field);
  if ('error' in resolved) return issues.add(leaf.paths.operator, resolved.error);
  let coerced: Coerced;
  if (resolved.wrapValue) {
    const one = scalar(field, resolved.operator, leaf.value, leaf.paths.value, issues);
    coerced = one === undefined ? { ok: false } : { ok: true, value: [one as string] };
  } else {
    coerced = coerceValue(field, resolved.operator, leaf.value, leaf.paths.value, issues);
  }
  if (!coerced.ok) return undefined;
  const condition: ConditionNode = { kind: 'condition', field: field.name, operator: resolved.operator };
  if (coerced.value !== undefined) condition.value = coerced.value;
  return resolved.negate ? { kind: 'not', child: condition } : condition;
}

type Coerced = { ok: true; value?: RuleValue } | { ok: false };
type Scalar = string | number | boolean;

const PATTERN_OPERATORS: readonly Operator[] = ['contains', 'doesNotContain', 'startsWith', 'endsWith'];

/** Checks and coerces a condition's value for its field and operator. */
export function coerceValue(field: FieldDefinition, op: Operator, raw: unknown, path: string, issues: Issues): Coerced {
  const fail = (message: string): Coerced => (issues.add(path, message), { ok: false });
  switch (op) {
    case 'exists':
    case 'isEmpty':
      return { ok: true };
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasAll':
    case 'hasNone': {
      if (!Array.isArray(raw) || raw.length === 0) return fail('must be a non-empty array');
      if (raw.length > MAX_LIST) return fail(`must have at most ${MAX_LIST} values`);
      const values = raw.map((v, i) => scalar(field, op, v, `${path}[${i}]`, issues));
      if (values.some((v) => v === undefined)) return { ok: false };
      return { ok: true, value: values as Array<string | number> };
    }
    case 'between': {
      if (!Array.isArray(raw) || raw.length !== 2) return fail('must be a two-element array [low, high]');
      const [lo, hi] = raw.map((v, i) => scalar(field, op, v, `${path}[${i}]`, issues)) as [Scalar | undefined, Scalar | undefined];
      if (lo === undefined || hi === undefined) return { ok: false };
      const order = field.type === 'date' ? instant(lo as string) - instant(hi as string) : (lo as number) - (hi as number);
      if (order > 0) return fail('the low bound must not exceed the high bound');
      return { ok: true, value: [lo, hi] as Array<string | number> };
    }
    case 'withinLastDays':
    case 'notWithinLastDays': {
      const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DAYS) return fail(`must be a whole number of days from 1 to ${MAX_DAYS}`);
      return { ok: true, value: n };
    }
    default: {
      const value = scalar(field, op, raw, path, issues);
      return value === undefined ? { ok: false } : { ok: true, value };
    }
  }
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/** Checks and coerces one value of the field's type. */
function scalar(field: FieldDefinition, op: Operator, raw: unknown, path: string, issues: Issues): Scalar | undefined {
  switch (field.type) {
    case 'number': {
      const n = typeof raw === 'string' && NUMERIC.test(raw) ? Number(raw) : raw;
      return typeof n === 'number' && Number.isFinite(n) ? n : issues.add(path, 'must be a number');
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return issues.add(path, 'must be true or false');
    case 'date': {
      const iso = raw instanceof Date ? normaliseInstant(raw.getTime()) : typeof raw === 'string' ? parseIsoDate(raw) : undefined;
      return iso ?? issues.add(path, 'must be an ISO 8601 date (YYYY-MM-DD, read as UTC midnight) or date-time with a time zone (…Z or ±hh:mm)');
    }
    case 'enum': {
      const v = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
      return v !== undefined && field.values?.includes(v) ? v : issues.add(path, `must be one of ${field.values?.join(', ')}`);
    }
    case 'tags': {
      const v = typeof raw === 'string' ? raw.trim() : '';
      if (v === '') return issues.add(path, 'must be a non-empty tag');
      return v.length > MAX_STRING ? issues.add(path, `must be at most ${MAX_STRING} characters`) : v;
    }
    case 'string': {
      const s = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
      if (s === undefined) return issues.add(path, 'must be a string');
      if (s.length > MAX_STRING) return issues.add(path, `must be at most ${MAX_STRING} characters`);
      if (s === '' && PATTERN_OPERATORS.includes(op)) return issues.add(path, 'must be a non-empty string');
      return field.lowerCaseValues ? s.toLowerCase() : s;
    }
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** An instant as `toISOString()` text when its year is 1–9999 (what Postgres reads back the same). */
function normaliseInstant(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  return year >= 1 && year <= 9999 ? d.toISOString() : undefined;
}

/**
 * Parses `YYYY-MM-DD` (UTC midnight) or an ISO date-time with a zone into `toISOString()` form.
 * Computed from the parts rather than Date.parse, so impossible dates (02-30) are rejected and a
 * time without a zone (which Date.parse would read in the server's local time) is refused.
 */
export function parseIsoDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((p) => (p === undefined ? undefined : Number(p))) as number[];
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  if (mo! < 1 || mo! > 12 || d! < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y!, mo! - 1, d);
  if (date.getUTCMonth() !== mo! - 1) return undefined;
  date.setUTCHours(h, mi, s, ms);
  const zone = m[8];
  const offset = !zone || zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  if (Math.abs(offset) > 18 * 60) return undefined;
  return normaliseInstant(date.getTime() - offset * 60_000);
}
