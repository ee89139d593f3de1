/**
 * The names clients already use. Seed 003's segment trees spell operators in snake_case
 * (`greater_than`, `in_last_days`) and fields the way their own APIs do (`orderCount`,
 * `lastOrderDate`, `location.city`); Herald's API nests statistics and consent. Everything maps
 * to one canonical field name and one operator of the AST, so stored rules have one spelling.
 */
import type { Operator } from './ast';
import { CUSTOM_FIELD_PREFIX, type FieldDefinition } from './catalogue';

const FIELD_ALIASES: Record<string, string> = {
  name: 'fullName',
  phoneNumber: 'phone',
  contactNumber: 'phone',
  customerStatus: 'status',
  customerType: 'tier',
  segmentLabel: 'segment',
  blocked: 'isBlocked',
  orderCount: 'totalOrders',
  avgOrderValue: 'averageOrderValue',
  firstOrderDate: 'firstOrderAt',
  lastOrderDate: 'lastOrderAt',
  lastInteraction: 'lastInteractionAt',
  language: 'preferences.language',
  timezone: 'preferences.timezone',
  'address.zipCode': 'address.postalCode',
  'preferences.emailNotifications': 'preferences.email',
  'preferences.smsNotifications': 'preferences.sms',
  'metadata.createdAt': 'createdAt',
};

/** Object prefixes other APIs use for the same data (`location.city`, `statistics.totalSpent`). */
const PREFIX_ALIASES: Array<[string, string]> = [
  ['location.', 'address.'],
  ['statistics.', ''],
  ['custom_fields.', CUSTOM_FIELD_PREFIX],
];

/** The canonical catalogue name for a field name or alias; custom field keys are kept verbatim. */
export function canonicalFieldName(name: string): string {
  if (name.startsWith(CUSTOM_FIELD_PREFIX)) return name;
  const prefix = PREFIX_ALIASES.find(([from]) => name.startsWith(from));
  const renamed = prefix ? prefix[1] + name.slice(prefix[0].length) : name;
  if (renamed.startsWith(CUSTOM_FIELD_PREFIX)) return renamed;
  return Object.prototype.hasOwnProperty.call(FIELD_ALIASES, renamed) ? FIELD_ALIASES[renamed]! : renamed;
}

/** What an operator name asks for, before the field's type decides the AST operator. */
type Intent = Operator | 'isNotEmpty';

const SPELLINGS: Record<Intent, string[]> = {
  equal: ['equal', 'equals'],
  notEqual: ['notEqual', 'notEquals', 'not_equal', 'not_equals'],
  lessThan: ['lessThan', 'less_than'],
  lessThanInclusive: ['lessThanInclusive', 'lessThanOrEqual', 'less_than_or_equal'],
  greaterThan: ['greaterThan', 'greater_than'],
  greaterThanInclusive: ['greaterThanInclusive', 'greaterThanOrEqual', 'greater_than_or_equal'],
  between: ['between'],
  in: ['in'],
  notIn: ['notIn', 'not_in'],
  contains: ['contains'],
  doesNotContain: ['doesNotContain', 'notContains', 'not_contains', 'does_not_contain'],
  startsWith: ['startsWith', 'starts_with'],
  endsWith: ['endsWith', 'ends_with'],
  exists: ['exists'],
  isEmpty: ['isEmpty', 'is_empty'],
  isNotEmpty: ['isNotEmpty', 'is_not_empty'],
  hasAny: ['hasAny', 'has_any'],
  hasAll: ['hasAll', 'has_all'],
  hasNone: ['hasNone', 'has_none'],
  before: ['before'],
  after: ['after'],
  withinLastDays: ['withinLastDays', 'inLastDays', 'in_last_days', 'within_last_days'],
  notWithinLastDays: ['notWithinLastDays', 'notInLastDays', 'not_in_last_days', 'not_within_last_days'],
};

const INTENT_OF = new Map<string, Intent>(
  (Object.entries(SPELLINGS) as Array<[Intent, string[]]>).flatMap(([intent, names]) => names.map((n) => [n, intent] as [string, Intent])),
);

/** How an input operator lands in the AST: an operator, possibly negated, possibly with its value wrapped in a list. */
export interface ResolvedOperator {
  operator: Operator;
  /** The condition is wrapped in `not` (e.g. is_not_empty → not isEmpty). */
  negate?: boolean;
  /** A single value becomes a one-element list (tags not_contains t → hasNone [t]). */
  wrapValue?: boolean;
}

/** Type-specific readings of generic names: comparisons on dates, equality on tags. */
function byType(intent: Intent, field: FieldDefinition): ResolvedOperator | undefined {
  const allows = (op: Operator) => field.operators.includes(op);
  if (intent === 'isEmpty') return allows('isEmpty') ? { operator: 'isEmpty' } : allows('exists') ? { operator: 'exists', negate: true } : undefined;
  if (intent === 'isNotEmpty') return allows('isEmpty') ? { operator: 'isEmpty', negate: true } : allows('exists') ? { operator: 'exists' } : undefined;
  if (field.type === 'date') {
    if (intent === 'greaterThan') return { operator: 'after' };
    if (intent === 'lessThan') return { operator: 'before' };
  }
  if (field.type === 'tags') {
    if (intent === 'equal') return { operator: 'contains' };
    if (intent === 'in') return { operator: 'hasAny' };
    if (intent === 'notIn') return { operator: 'hasNone' };
    if (intent === 'notEqual' || intent === 'doesNotContain') return { operator: 'hasNone', wrapValue: true };
  }
  return allows(intent as Operator) ? { operator: intent as Operator } : undefined;
}

/**
 * Resolves an operator name (Herald's camelCase, seed 003's snake_case or their camelCase forms)
 * for a field; an error message when the name is unknown or the field's type does not allow it.
 */
export function resolveOperator(name: string, field: FieldDefinition): ResolvedOperator | { error: string } {
  const intent = INTENT_OF.get(name);
  if (!intent) return { error: `unknown operator "${name}"` };
  const resolved = byType(intent, field);
  if (resolved) return resolved;
  return { error: `operator "${name}" is not allowed for ${field.type} field ${field.name}; allowed: ${field.operators.join(', ')}` };
}
