import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { EventNode, PropertyNode, PropertyType, RuleValue } from '../../rules/ast';
import { PROPERTY_OPERATORS } from '../../rules/events';

/**
 * Random event histories and event conditions for the rule agreement property test (issue 16).
 * Pools are small so conditions hit boundaries: events exactly D before `now` (and a millisecond
 * or microsecond either side), in the future, anonymous ones (which never count), properties of
 * the wrong JSON type, a missing key, `null`, numeric strings, case variants.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Event names a history uses; rules also name one that never happens. */
export const EVENT_NAMES = ['Viewed Product', 'Added To Cart', 'viewed product'];
const RULE_EVENT_NAMES = [...EVENT_NAMES, 'Never Tracked'];
const PROPERTY_KEYS = ['price', 'cat', 'flag', 'a.b'];
const PROPERTY_VALUES: unknown[] = [5, 10, 10.5, 100, '10', 'shoes', 'Shoes', '', 'hats', true, false, null, { x: 1 }];
const OFFSETS = [0, -1, 1, -HOUR, -HOUR - 1, -DAY, -7 * DAY, -7 * DAY - 1, -7 * DAY + 1, -30 * DAY, -30 * DAY - 1, -400 * DAY, HOUR];
const WITHIN = ['1h', '1d', '7d', '1w', '30d', '365d'];

/** One tracked event; `anonymous` ones keep customer_id null. */
export interface HistoryEvent {
  name: string;
  offset: number;
  micros: number;
  properties: Record<string, unknown>;
  anonymous: boolean;
}

/** A customer's events: up to eight, names and times from the pools. */
export const historyArb: fc.Arbitrary<HistoryEvent[]> = fc.array(
  fc.record({
    name: fc.constantFrom(...EVENT_NAMES),
    offset: fc.constantFrom(...OFFSETS),
    micros: fc.constantFrom(0, 0, 1, 999),
    properties: fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), fc.constantFrom(...PROPERTY_VALUES), { maxKeys: 3 }),
    anonymous: fc.constantFrom(false, false, false, true),
  }),
  { maxLength: 8 },
);

/** Inserts each customer's history into customer_events (test code writes the table directly). */
export async function insertHistories(db: Knex, tenantId: string, histories: Array<{ customerId: string; events: HistoryEvent[] }>, now: Date): Promise<void> {
  const rows = histories.flatMap(({ customerId, events }) =>
    events.map((e) => ({
      id: randomUUID(),
      tenant_id: tenantId,
      customer_id: e.anonymous ? null : customerId,
      anonymous_id: e.anonymous ? `anon-${customerId}` : null,
      name: e.name,
      properties: JSON.stringify(e.properties),
      occurred_at: new Date(now.getTime() + e.offset).toISOString().replace('Z', `${String(e.micros).padStart(3, '0')}Z`),
    })),
  );
  await db.batchInsert('customer_events', rows, 500);
}

function propertyValue(type: PropertyType, op: string): fc.Arbitrary<RuleValue | undefined> {
  if (op === 'exists' || op === 'isEmpty') return fc.constant(undefined);
  if (type === 'boolean') return fc.boolean();
  if (type === 'number') {
    const n = fc.constantFrom(0, 5, 10, 10.5, 100, -1);
    if (op === 'between') return fc.tuple(n, n).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
    return op === 'in' || op === 'notIn' ? fc.uniqueArray(n, { minLength: 1, maxLength: 3 }) : n;
  }
  const words = ['shoes', 'Shoes', 'hats', '10', 'x', ''];
  if (['contains', 'doesNotContain', 'startsWith', 'endsWith'].includes(op)) return fc.constantFrom('sh', 'SH', 'es', 'hats', '1');
  return op === 'in' || op === 'notIn' ? fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }) : fc.constantFrom(...words);
}

const propertyCondition: fc.Arbitrary<PropertyNode> = fc
  .record({ property: fc.constantFrom(...PROPERTY_KEYS, 'missing'), type: fc.constantFrom<PropertyType>('string', 'number', 'boolean') })
  .chain(({ property, type }) =>
    fc
      .constantFrom(...PROPERTY_OPERATORS[type])
      .chain((operator) =>
        propertyValue(type, operator).map((value): PropertyNode =>
          value === undefined ? { kind: 'property', property, type, operator } : { kind: 'property', property, type, operator, value },
        ),
      ),
  );

const whereArb: fc.Arbitrary<PropertyNode> = fc.oneof(
  { arbitrary: propertyCondition, weight: 3 },
  {
    arbitrary: fc
      .record({ combinator: fc.constantFrom('all' as const, 'any' as const), children: fc.array(propertyCondition, { minLength: 2, maxLength: 2 }) })
      .map((g): PropertyNode => ({ kind: 'group', ...g })),
    weight: 1,
  },
  { arbitrary: propertyCondition.map((child): PropertyNode => ({ kind: 'not', child })), weight: 1 },
);

/** Random canonical event conditions over the pools, relative to `now` for `between`. */
export function eventConditionArb(now: Date): fc.Arbitrary<EventNode> {
  const instant = fc.tuple(fc.constantFrom(...OFFSETS), fc.constantFrom(0, 1, -1)).map(([o, d]) => now.getTime() + o + d);
  const window = fc.oneof(
    fc.constant({}),
    fc.constantFrom(...WITHIN).map((within) => ({ within })),
    fc
      .tuple(instant, instant)
      .map(([a, b]) => ({ between: [new Date(Math.min(a, b)).toISOString(), new Date(Math.max(a, b)).toISOString()] as [string, string] })),
  );
  const count = fc.tuple(fc.constantFrom('gte', 'lte', 'eq'), fc.constantFrom(0, 1, 1, 2, 3)).map(([k, n]) => ({ [k]: n }) as EventNode['count']);
  return fc
    .record({ event: fc.constantFrom(...RULE_EVENT_NAMES), where: fc.option(whereArb, { nil: undefined, freq: 2 }), count, window })
    .map(({ event, where, count: c, window: w }) => ({
      kind: 'event' as const,
      event,
      count: c,
      ...(where ? { where } : {}),
      ...w,
    }));
}
