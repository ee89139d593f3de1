import { useQuery } from '@tanstack/react-query';
import { api, herald } from '../../client/herald';

/** A segmentable customer field as `GET /segments/fields` lists it. */
export interface FieldInfo {
  name: string;
  type: 'string' | 'enum' | 'number' | 'boolean' | 'date' | 'tags';
  label: string;
  operators: string[];
  values?: string[];
  keyPattern?: string;
}

/** The name the catalogue gives every custom field (`customFields.<key>` in rules). */
export const CUSTOM_FIELD = 'customFields.*';

/** Prefix of custom field names in rules. */
export const CUSTOM_PREFIX = 'customFields.';

/** Words for each operator of the rule language, as a marketer reads them. */
export const OPERATOR_LABELS: Record<string, string> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is more than',
  greaterThanInclusive: 'is at least',
  between: 'is between',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  doesNotContain: 'does not contain',
  startsWith: 'starts with',
  endsWith: 'ends with',
  exists: 'has a value',
  isEmpty: 'is empty',
  hasAny: 'has any of',
  hasAll: 'has all of',
  hasNone: 'has none of',
  before: 'is before',
  after: 'is after',
  withinLastDays: 'is within the last … days',
  notWithinLastDays: 'is not within the last … days',
};

/** Operators that take no value. */
export const VALUELESS = new Set(['exists', 'isEmpty']);

/** Operators that take a list of values. */
export const LIST_OPERATORS = new Set(['in', 'notIn', 'hasAny', 'hasAll', 'hasNone']);

/** The catalogue entry a rule's field name denotes (`customFields.x` is the custom field entry). */
export function fieldInfo(fields: FieldInfo[], name: string): FieldInfo | undefined {
  if (name.startsWith(CUSTOM_PREFIX)) return fields.find((f) => f.name === CUSTOM_FIELD);
  return fields.find((f) => f.name === name);
}

/** The customer fields of `GET /segments/fields` (the event condition entry left out), cached for the session. */
export function useFields() {
  return useQuery({
    queryKey: ['segments', 'fields'],
    staleTime: Infinity,
    queryFn: async () => {
      const data = await herald.segments.fields();
      return (data as unknown as FieldInfo[]).filter((f) => (f.type as string) !== 'event');
    },
  });
}

/** The event names the tenant has tracked (`GET /events/names`), most frequent first, for the event picker. */
export function useEventNames() {
  return useQuery({
    queryKey: ['segments', 'event-names'],
    staleTime: 60_000,
    queryFn: async () =>
      (await herald.call((signal) => api.GET('/api/v1/events/names', { params: { query: { limit: 200 } }, signal }), { idempotent: true })).data.map(
        (n) => n.name,
      ),
  });
}
