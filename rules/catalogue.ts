/**
 * The segmentable customer fields: name (as the API spells it), type, label, allowed operators,
 * enum values, the SQL expression over the `customers` table and how a customers row (as knex
 * returns it: snake_case columns, dates as Date, numeric as number, tags as string[], custom_fields
 * as an object) yields the field's fact. Parsing, both evaluators and `GET /segments/fields` all
 * read this one list, so a field cannot mean one thing in SQL and another in JavaScript.
 */
import type { EventNode, FieldType, Operator, RuleNode } from './ast';
import { Sql, sql } from './sql';

/** A customers row as knex returns it. */
export type CustomerRow = Record<string, unknown>;

/** A fact as read from a row: dates as epoch milliseconds, missing values as null. */
export type RowFact = string | number | boolean | string[] | null;

/** Operators each field type allows. */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  string: ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'startsWith', 'endsWith', 'exists', 'isEmpty'],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'between', 'in', 'notIn', 'exists'],
  boolean: ['equal', 'notEqual'],
  date: ['before', 'after', 'between', 'withinLastDays', 'notWithinLastDays', 'exists'],
  tags: ['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'contains'],
};

/** One segmentable field. */
export interface FieldDefinition {
  /** The name rules use, e.g. `address.city` or `customFields.birthday`. */
  name: string;
  type: FieldType;
  label: string;
  operators: readonly Operator[];
  /** Allowed values of an enum field. */
  values?: readonly string[];
  /** Whether the value can be missing (NULL); non-null fields need no NULL guard in SQL. */
  nullable: boolean;
  /** Values are lower-cased when parsed (email: stored lower-case). */
  lowerCaseValues?: boolean;
  /** The field's SQL expression over `customers` aliased as `alias`. */
  expression(alias: Sql): Sql;
  /** The field's fact from a customers row. */
  read(row: CustomerRow): RowFact;
}

/** Custom field keys: what `customFields.<key>` accepts after the dot. */
export const CUSTOM_FIELD_KEY = /^[\w.-]{1,100}$/;

/** Prefix of custom field names. */
export const CUSTOM_FIELD_PREFIX = 'customFields.';

const column = (name: string) => (alias: Sql) => new Sql(`${alias.text}.${name}`, []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A date column value (Date, ISO string or null) as epoch milliseconds or null. */
export function toInstant(v: unknown): number | null {
  const ms = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** A numeric column value as a number (pg returns numeric as a string unless a parser is set). */
function toNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

/** The custom_fields object of a row (an object, or JSON text from a driver without a jsonb parser). */
export function customFieldsOf(row: CustomerRow): Record<string, unknown> {
  let v = row.custom_fields;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return {};
    }
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A custom field's value: the key's own JSON string value, otherwise missing (see semantics.ts). */
export function readCustomField(fields: Record<string, unknown>, key: string): string | null {
  return Object.prototype.hasOwnProperty.call(fields, key) ? str(fields[key]) : null;
}

type FixedField = Omit<FieldDefinition, 'operators'> & { operators?: readonly Operator[] };

const text = (name: string, label: string, col: string, extra: Partial<FixedField> = {}): FixedField => ({
  name,
  type: 'string',
  label,
  nullable: true,
  expression: column(col),
  read: (r) => str(r[col]),
  ...extra,
});
const enumeration = (name: string, label: string, col: string, values: readonly string[], nullable = false): FixedField => ({
  name,
  type: 'enum',
  label,
  values,
  nullable,
  expression: column(col),
  read: (r) => str(r[col]),
  operators: nullable ? [...OPERATORS_BY_TYPE.enum, 'exists'] : OPERATORS_BY_TYPE.enum,
});
const number = (name: string, label: string, col: string): FixedField => ({
  name,
  type: 'number',
  label,
  nullable: false,
  expression: column(col),
  read: (r) => toNumber(r[col]),
});
const boolean = (name: string, label: string, col: string): FixedField => ({
  name,
  type: 'boolean',
  label,
  nullable: false,
  expression: column(col),
  read: (r) => (typeof r[col] === 'boolean' ? (r[col] as boolean) : null),
});
const date = (name: string, label: string, col: string, nullable = true): FixedField => ({
  name,
  type: 'date',
  label,
  nullable,
  expression: column(col),
  read: (r) => toInstant(r[col]),
});

/**
 * A figure of the customer's `customer_conversation_stats` row (issue 18), read in SQL by a
 * correlated subquery on its primary key, and in JavaScript from the row key
 * `conversation_<column>` that domain/segments/conversationFacts.ts attaches to the customers row
 * before a one-customer evaluation. A customer without conversations has no statistics row:
 * numbers count 0 there (coalesce) and the loader attaches 0; dates are missing in both. A row
 * without the attached key reads as missing, so a forgotten load never reads as 0.
 */
const conversationStat = (name: string, label: string, col: string, type: 'number' | 'date'): FixedField => {
  const key = `${CONVERSATION_FACT_PREFIX}${col}`;
  const stat = (alias: Sql) => `(SELECT s.${col} FROM customer_conversation_stats s WHERE s.customer_id = ${alias.text}.id)`;
  return type === 'number'
    ? {
        name,
        type,
        label,
        nullable: false,
        expression: (alias) => new Sql(`coalesce(${stat(alias)}, 0)`, []),
        read: (r) => (key in r ? toNumber(r[key]) : null),
      }
    : { name, type, label, nullable: true, expression: (alias) => new Sql(stat(alias), []), read: (r) => toInstant(r[key]) };
};

/** Prefix of the row keys carrying conversation statistics (see conversationStat). */
export const CONVERSATION_FACT_PREFIX = 'conversation_';

/** The conversation statistics columns the rule catalogue reads, as attached to a customers row. */
export const CONVERSATION_FACT_COLUMNS = ['open_conversations', 'last_inbound_at', 'total_complaints', 'last_complaint_at'] as const;

const FIXED: FixedField[] = [
  text('firstName', 'First name', 'first_name'),
  text('lastName', 'Last name', 'last_name'),
  text('fullName', 'Full name', 'full_name'),
  text('email', 'Email', 'email', { lowerCaseValues: true }),
  text('phone', 'Phone (E.164)', 'phone'),
  enumeration('status', 'Status', 'status', ['active', 'inactive', 'blocked', 'suspended']),
  enumeration('tier', 'Tier', 'tier', ['regular', 'premium', 'vip']),
  enumeration('segment', 'Segment label', 'segment_label', ['vip', 'regular', 'new', 'inactive'], true),
  enumeration('source', 'Source', 'source', ['whatsapp', 'sms', 'referral', 'website', 'social_media', 'import', 'api', 'other']),
  {
    name: 'tags',
    type: 'tags',
    label: 'Tags',
    nullable: false,
    expression: column('tags'),
    read: (r) => (Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === 'string') : []),
  },
  boolean('isBlocked', 'Blocked', 'is_blocked'),
  text('address.street', 'Street', 'address_street'),
  text('address.city', 'City', 'address_city'),
  text('address.state', 'State', 'address_state'),
  text('address.country', 'Country', 'address_country'),
  text('address.postalCode', 'Postal code', 'address_postal_code'),
  text('preferences.language', 'Language', 'language'),
  text('preferences.timezone', 'Time zone', 'timezone'),
  boolean('preferences.email', 'Email consent', 'consent_email'),
  boolean('preferences.sms', 'SMS consent', 'consent_sms'),
  boolean('preferences.newsletter', 'Newsletter consent', 'consent_newsletter'),
  number('totalOrders', 'Number of orders (every status)', 'total_orders'),
  number('paidOrders', 'Number of paid orders (not cancelled or refunded)', 'paid_orders'),
  number('totalSpent', 'Total spent', 'total_spent'),
  number('averageOrderValue', 'Average order value', 'average_order_value'),
  date('firstOrderAt', 'First order', 'first_order_at'),
  date('lastOrderAt', 'Last order', 'last_order_at'),
  date('lastInteractionAt', 'Last interaction', 'last_interaction_at'),
  date('createdAt', 'Created', 'created_at', false),
  conversationStat('openConversations', 'Conversations not resolved', 'open_conversations', 'number'),
  conversationStat('lastInboundMessageAt', 'Last message from the customer', 'last_inbound_at', 'date'),
  conversationStat('totalComplaints', 'Complaints', 'total_complaints', 'number'),
  // With withinLastDays N: "complained in the last N days".
  conversationStat('lastComplaintAt', 'Last complaint', 'last_complaint_at', 'date'),
];

/** Every fixed (non-custom) field, in catalogue order. */
export const FIELDS: readonly FieldDefinition[] = FIXED.map((f) => ({ ...f, operators: f.operators ?? OPERATORS_BY_TYPE[f.type] }));

const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));

/** A custom field `customFields.<key>`: a string read from custom_fields, the key always bound. */
function customField(key: string): FieldDefinition {
  return {
    name: `${CUSTOM_FIELD_PREFIX}${key}`,
    type: 'string',
    label: `Custom field ${key}`,
    operators: OPERATORS_BY_TYPE.string,
    nullable: true,
    expression: (alias) =>
      sql`(CASE WHEN jsonb_typeof(${alias}.custom_fields -> CAST(${key} AS text)) = 'string' THEN ${alias}.custom_fields ->> CAST(${key} AS text) END)`,
    read: (r) => readCustomField(customFieldsOf(r), key),
  };
}

/** The field a (canonical, alias-free) name denotes, or undefined for an unknown name. */
export function fieldByName(name: string): FieldDefinition | undefined {
  if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = name.slice(CUSTOM_FIELD_PREFIX.length);
    return CUSTOM_FIELD_KEY.test(key) ? customField(key) : undefined;
  }
  return BY_NAME.get(name);
}

/** A field as `GET /segments/fields` lists it. */
export interface FieldDescription {
  name: string;
  type: FieldType;
  label: string;
  operators: Operator[];
  values?: string[];
  /** For `customFields.*`: the pattern any key must match. */
  keyPattern?: string;
}

/**
 * The catalogue as plain JSON for `GET /segments/fields`: every fixed field, then one entry
 * `customFields.*` standing for any custom field key.
 */
export function describeFields(): FieldDescription[] {
  return [
    ...FIELDS.map((f) => ({ name: f.name, type: f.type, label: f.label, operators: [...f.operators], ...(f.values ? { values: [...f.values] } : {}) })),
    { name: `${CUSTOM_FIELD_PREFIX}*`, type: 'string', label: 'Custom field', operators: [...OPERATORS_BY_TYPE.string], keyPattern: CUSTOM_FIELD_KEY.source },
  ];
}

/**
 * The fields a rule reads, sorted and unique. A customer write that changed none of them (and no
 * time-relative condition) cannot change the rule's outcome, so callers can skip evaluating it.
 */
export function fieldsOf(rule: RuleNode): string[] {
  const names = new Set<string>();
  const visit = (n: RuleNode): void => {
    if (n.kind === 'condition') names.add(n.field);
    else if (n.kind === 'not') visit(n.child);
    else if (n.kind === 'group') n.children.forEach(visit);
  };
  visit(rule);
  return [...names].sort();
}

/** The event conditions of a rule, in tree order (a customer's event counts are loaded for these). */
export function eventConditionsOf(rule: RuleNode): EventNode[] {
  if (rule.kind === 'event') return [rule];
  if (rule.kind === 'not') return eventConditionsOf(rule.child);
  if (rule.kind === 'group') return rule.children.flatMap(eventConditionsOf);
  return [];
}
