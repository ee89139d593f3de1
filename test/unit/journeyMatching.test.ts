import { entryKeyOf, entryMatches, eventMatches, propertiesMatch, readPath, triggerOf, waitMatches, type RoutedEvent } from '../../domain/journeys/matching';
import { decideRunEffects } from '../../domain/journeys/goals';
import type { OpenRun } from '../../domain/journeys/runs';
import type { JourneyDefinition, JourneyEntry } from '../../domain/journeys/types';
import type { PropertyNode, RuleNode } from '../../rules/ast';
import { parseRules } from '../../rules/parse';

/**
 * The router's matching, in memory: `where` trees parsed by the rules module itself (so they are
 * the trees a journey definition holds) and decided with the segment semantics, plus dotted paths
 * into nested objects, the entry kinds, waits tied to the trigger and entry keys.
 */

/** A `where` tree as the rules parser validates it (inside an event condition). */
function where(input: unknown): PropertyNode {
  const find = (n: RuleNode): PropertyNode | undefined =>
    n.kind === 'event' ? n.where : n.kind === 'group' ? n.children.map(find).find(Boolean) : n.kind === 'not' ? find(n.child) : undefined;
  const tree = find(parseRules({ all: [{ event: 'E', where: input }] }));
  if (!tree) throw new Error('no where tree parsed');
  return tree;
}

let seq = 0;
const tracked = (name: string, properties: Record<string, unknown>, extra: Partial<Record<string, unknown>> = {}): RoutedEvent => ({
  seq: ++seq,
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  tenantId: 't',
  type: 'customer.event',
  customerId: 'c',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  data: { eventId: 'e-1', customerId: 'c', name, properties, occurredAt: '2026-01-01T00:00:00.000Z', backfill: false, ...extra },
});
const herald = (type: string, data: Record<string, unknown>): RoutedEvent => ({ ...tracked('x', {}), type, data });

describe('property conditions mean what they mean in segments', () => {
  it('reads the property as the condition type: another type or a missing key is no value', () => {
    const over10 = where({ all: [{ property: 'price', operator: 'greaterThan', value: 10 }] });
    expect(propertiesMatch(over10, { price: 12 })).toBe(true);
    expect(propertiesMatch(over10, { price: 8 })).toBe(false);
    expect(propertiesMatch(over10, { price: '12' })).toBe(false);
    expect(propertiesMatch(over10, {})).toBe(false);
  });

  it('negative operators are complements: true on a missing value', () => {
    const notParis = where({ all: [{ property: 'city', operator: 'notEqual', value: 'Paris' }] });
    expect(propertiesMatch(notParis, {})).toBe(true);
    expect(propertiesMatch(notParis, { city: 'Paris' })).toBe(false);
    expect(propertiesMatch(notParis, { city: 'Lyon' })).toBe(true);
    expect(propertiesMatch(where({ not: { all: [{ property: 'city', operator: 'equal', value: 'Paris' }] } }), { city: 'Lyon' })).toBe(true);
  });

  it('strings: equal is exact and case-sensitive, contains folds ASCII case only', () => {
    expect(propertiesMatch(where({ all: [{ property: 'sku', operator: 'equal', value: 'AB' }] }), { sku: 'ab' })).toBe(false);
    expect(propertiesMatch(where({ all: [{ property: 'title', operator: 'contains', value: 'SHOE' }] }), { title: 'Red shoes' })).toBe(true);
    expect(propertiesMatch(where({ all: [{ property: 'title', operator: 'contains', value: 'É' }] }), { title: 'é' })).toBe(false);
    expect(propertiesMatch(where({ all: [{ property: 'plan', operator: 'in', value: ['pro', 'team'] }] }), { plan: 'team' })).toBe(true);
  });

  it('numbers between bounds inclusive, booleans, any/all groups', () => {
    const tree = where({
      any: [{ property: 'total', operator: 'between', value: [10, 20] }, { all: [{ property: 'gift', operator: 'equal', value: true }] }],
    });
    expect(propertiesMatch(tree, { total: 20 })).toBe(true);
    expect(propertiesMatch(tree, { total: 21 })).toBe(false);
    expect(propertiesMatch(tree, { total: 21, gift: true })).toBe(true);
    expect(propertiesMatch(tree, { total: 21, gift: 'true' })).toBe(false);
  });

  it('no tree matches everything', () => {
    expect(propertiesMatch(undefined, {})).toBe(true);
  });
});

describe('paths', () => {
  it('walks nested objects with dots, and a key that contains the dot wins', () => {
    expect(readPath({ cart: { total: 5 } }, 'cart.total')).toBe(5);
    expect(readPath({ 'cart.total': 7, cart: { total: 5 } }, 'cart.total')).toBe(7);
    expect(readPath({ a: { 'b.c': 1 } }, 'a.b.c')).toBe(1);
    expect(readPath({ cart: [1] }, 'cart.0')).toBeUndefined();
    expect(readPath({ cart: null }, 'cart.total')).toBeUndefined();
    expect(propertiesMatch(where({ all: [{ property: 'cart.total', operator: 'greaterThanInclusive', value: 100 }] }), { cart: { total: 100 } })).toBe(true);
  });
});

describe('entries', () => {
  it('tracked events by name and properties; anything else is not a tracked event', () => {
    const entry: JourneyEntry = { type: 'event', event: 'Added To Cart', where: where({ all: [{ property: 'value', operator: 'greaterThan', value: 50 }] }) };
    expect(entryMatches(entry, tracked('Added To Cart', { value: 60 }))).toBe(true);
    expect(entryMatches(entry, tracked('Added To Cart', { value: 40 }))).toBe(false);
    expect(entryMatches(entry, tracked('added to cart', { value: 60 }))).toBe(false);
    expect(entryMatches(entry, herald('order.created', { value: 60 }))).toBe(false);
  });

  it('Herald events by type, with conditions on their data (nested paths included)', () => {
    const entry: JourneyEntry = {
      type: 'herald_event',
      eventType: 'order.created',
      where: where({ all: [{ property: 'total', operator: 'greaterThan', value: 100 }] }),
    };
    expect(entryMatches(entry, herald('order.created', { total: 150 }))).toBe(true);
    expect(entryMatches(entry, herald('order.created', { total: 50 }))).toBe(false);
    expect(entryMatches(entry, herald('order.status_updated', { total: 150 }))).toBe(false);
    const vip: JourneyEntry = {
      type: 'herald_event',
      eventType: 'customer.created',
      where: where({ all: [{ property: 'customer.customerType', operator: 'equal', value: 'vip' }] }),
    };
    expect(entryMatches(vip, herald('customer.created', { customer: { customerType: 'vip' } }))).toBe(true);
  });

  it('segments by id, on entering only', () => {
    const entry: JourneyEntry = { type: 'segment', segmentId: 's-1' };
    expect(entryMatches(entry, herald('segment.entered', { segmentId: 's-1' }))).toBe(true);
    expect(entryMatches(entry, herald('segment.entered', { segmentId: 's-2' }))).toBe(false);
    expect(entryMatches(entry, herald('segment.exited', { segmentId: 's-1' }))).toBe(false);
  });

  it('the trigger keeps the tracked event, or the Herald event and its data', () => {
    const t = triggerOf({ type: 'event', event: 'A' }, tracked('A', { cartId: 'c1' }));
    expect(t).toEqual({ kind: 'event', eventId: 'e-1', name: 'A', properties: { cartId: 'c1' }, occurredAt: '2026-01-01T00:00:00.000Z' });
    const order = herald('order.created', { orderId: 'o1' });
    expect(triggerOf({ type: 'herald_event', eventType: 'order.created' }, order)).toMatchObject({
      kind: 'herald_event',
      eventId: order.id,
      name: 'order.created',
    });
    expect(triggerOf({ type: 'segment', segmentId: 's-1' }, herald('segment.entered', { segmentId: 's-1' }))).toMatchObject({ kind: 'segment', name: 's-1' });
  });

  it('entry keys: the key property as text, "" without it, "" for exclusive modes, null for every time', () => {
    const entry: JourneyEntry = { type: 'event', event: 'A' };
    const trigger = triggerOf(entry, tracked('A', { cartId: 42, nested: { id: 'n' } }));
    expect(entryKeyOf(entry, { mode: 'one_at_a_time', key: 'cartId' }, trigger)).toBe('42');
    expect(entryKeyOf(entry, { mode: 'every_time', key: 'nested.id' }, trigger)).toBe('n');
    expect(entryKeyOf(entry, { mode: 'every_time', key: 'missing' }, trigger)).toBe('');
    expect(entryKeyOf(entry, { mode: 'once' }, trigger)).toBe('');
    expect(entryKeyOf(entry, { mode: 'every_time' }, trigger)).toBeNull();
    expect(entryKeyOf({ type: 'segment', segmentId: 's' }, { mode: 'every_time', key: 'cartId' }, trigger)).toBeNull();
  });
});

describe('waits, goals and exit rules', () => {
  it('a wait tied to the trigger matches only the same value, of the same type', () => {
    const wait = { event: 'Order Completed', match: { property: 'cartId', value: 'c1' } };
    expect(waitMatches(wait, tracked('Order Completed', { cartId: 'c1' }))).toBe(true);
    expect(waitMatches(wait, tracked('Order Completed', { cartId: 'c2' }))).toBe(false);
    expect(waitMatches(wait, tracked('Order Completed', {}))).toBe(false);
    expect(waitMatches({ event: 'X', match: { property: 'n', value: 42 } }, tracked('X', { n: '42' }))).toBe(false);
    expect(waitMatches({ event: 'X', match: { property: 'o', value: { a: 1 } } }, tracked('X', { o: { a: 1 } }))).toBe(true);
    expect(waitMatches({ event: 'Order Completed' }, herald('order.created', {}))).toBe(false);
  });

  it('a wait with conditions needs them too', () => {
    const wait = { event: 'Paid', where: where({ all: [{ property: 'amount', operator: 'greaterThan', value: 0 }] }) };
    expect(waitMatches(wait, tracked('Paid', { amount: 1 }))).toBe(true);
    expect(waitMatches(wait, tracked('Paid', { amount: 0 }))).toBe(false);
  });

  it('an EventMatch is a tracked event name plus conditions', () => {
    expect(eventMatches({ event: 'Churned' }, tracked('Churned', {}))).toBe(true);
    expect(eventMatches({ event: 'Churned' }, herald('customer.deleted', {}))).toBe(false);
  });

  it('an EventMatch tied to the trigger counts only the run’s own: the same cart converts, another cart does not', () => {
    const goal = { event: 'Order Completed', match: { property: 'cartId' } };
    expect(eventMatches(goal, tracked('Order Completed', { cartId: 'c1' }), { cartId: 'c1' })).toBe(true);
    expect(eventMatches(goal, tracked('Order Completed', { cartId: 'c2' }), { cartId: 'c1' })).toBe(false);
    expect(eventMatches(goal, tracked('Order Completed', {}), { cartId: 'c1' })).toBe(false);
    const renamed = { event: 'Order Completed', match: { property: 'order.cart', triggerProperty: 'cartId' } };
    expect(eventMatches(renamed, tracked('Order Completed', { order: { cart: 'c1' } }), { cartId: 'c1' })).toBe(true);
  });

  it('a goal tied to the trigger converts (and exits) only the run whose cart completed', () => {
    const definition: JourneyDefinition = {
      entry: { type: 'event', event: 'Added To Cart' },
      start: 'w',
      nodes: [{ id: 'w', type: 'delay', duration: '4h' }],
      goal: { event: { event: 'Order Completed', match: { property: 'cartId' } }, within: '1d', exitOnConversion: true },
    };
    const enteredAt = new Date('2026-01-01T00:00:00Z');
    const run = (id: string, cartId: string): OpenRun => ({
      id,
      journeyId: 'j',
      versionId: 'v',
      customerId: 'c',
      nodeId: 'w',
      visit: 1,
      waitingFor: null,
      enteredAt,
      convertedAt: null,
      triggerProperties: { cartId },
    });
    const effects = decideRunEffects(
      [tracked('Order Completed', { cartId: 'c2' })],
      [run('r1', 'c1'), run('r2', 'c2')],
      new Map([['v', { definition }]]),
      new Map(),
      new Date(enteredAt.getTime() + 3_600_000),
    );
    expect(effects).toEqual({ wakes: [], conversions: ['r2'], ends: [{ runId: 'r2', state: 'exited', reason: 'converted' }] });
  });
});
