/**
 * What the journey router matches, as pure functions: an outbox event read as a {@link RoutedEvent},
 * and whether it matches a journey's entry, a run's wait ({@link RunWait}) or a goal's or exit
 * rule's {@link EventMatch}. Property conditions (`where`) mean exactly what an event condition's
 * `where` means in a segment (rules/events.ts, rules/semantics.ts: a property read as the
 * condition's type, a value of another type or a missing one counting as no value, then the
 * operator of a customer field of that type), evaluated in memory on one event instead of in SQL.
 */
import type { PropertyNode } from '../../rules/ast';
import { applyOperator } from '../../rules/semantics';
import { isJourneyEntryEvent, type EntryPolicy, type EventMatch, type JourneyEntry, type RunTrigger, type RunWait } from './types';

/** A JSON object as events carry them. */
type Props = Record<string, unknown>;

/** One queued outbox event, read for routing: who it is about and what it says. */
export interface RoutedEvent {
  /** The queue's order (the events row's seq): events are routed in this order. */
  seq: number;
  /** The events row id. */
  id: string;
  tenantId: string;
  type: string;
  /** The customer the event is about; null for an anonymous tracked event. */
  customerId: string | null;
  /** When the events row was written. */
  createdAt: Date;
  /** The event's `data`. */
  data: Props;
  /** The trace of the request that wrote the event (`events.trace_parent`), kept on the runs it starts. */
  traceParent?: string | null;
}

const isObject = (v: unknown): v is Props => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The value at `path` in `source`: the key itself when the object has it (property names may
 * contain dots, as in segments), else the path walked through nested objects (`cart.total`).
 * Missing anywhere → undefined.
 */
export function readPath(source: unknown, path: string): unknown {
  if (!isObject(source)) return undefined;
  if (Object.prototype.hasOwnProperty.call(source, path)) return source[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  // Try every split point: `a.b.c` may be key `a` then `b.c`, or key `a.b` then `c`.
  for (let i = dot; i >= 0; i = path.indexOf('.', i + 1)) {
    const head = path.slice(0, i);
    if (Object.prototype.hasOwnProperty.call(source, head)) {
      const found = readPath(source[head], path.slice(i + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Whether `properties` satisfy a `where` tree (no tree: always). */
export function propertiesMatch(where: PropertyNode | undefined, properties: unknown): boolean {
  if (!where) return true;
  switch (where.kind) {
    case 'group':
      return where.combinator === 'all'
        ? where.children.every((c) => propertiesMatch(c, properties))
        : where.children.some((c) => propertiesMatch(c, properties));
    case 'not':
      return !propertiesMatch(where.child, properties);
    case 'property': {
      const raw = readPath(properties, where.property);
      const fact = typeof raw === where.type ? (raw as string | number | boolean) : null;
      return applyOperator(where.operator, fact, where.value);
    }
  }
}

/** The tracked event a `customer.event` carries, or undefined for any other type. */
export function trackedOf(event: RoutedEvent): { eventId: string; name: string; properties: Props; occurredAt: string; backfill: boolean } | undefined {
  if (event.type !== 'customer.event') return undefined;
  const d = event.data;
  return {
    eventId: String(d.eventId),
    name: String(d.name),
    properties: isObject(d.properties) ? d.properties : {},
    occurredAt: String(d.occurredAt),
    backfill: d.backfill === true,
  };
}

/** The customer an outbox event is about (customer events carry the customer, the others its id). */
export function customerOf(data: Props): string | null {
  if (isObject(data.customer) && typeof data.customer.id === 'string') return data.customer.id;
  return typeof data.customerId === 'string' ? data.customerId : null;
}

/**
 * A tracked event's name and properties match an {@link EventMatch} (a goal or an exit rule) of a
 * run whose trigger had `trigger` as its properties: with `match`, the event's property must
 * equal the trigger's (a trigger without it stands for null, as in a wait).
 */
export function eventMatches(match: EventMatch, event: RoutedEvent, trigger: Props = {}): boolean {
  const tracked = trackedOf(event);
  if (tracked === undefined || tracked.name !== match.event || !propertiesMatch(match.where, tracked.properties)) return false;
  if (!match.match) return true;
  const expected = readPath(trigger, match.match.triggerProperty ?? match.match.property) ?? null;
  return sameValue(readPath(tracked.properties, match.match.property), expected);
}

/** Same JSON value: primitives by identity, objects and arrays by their JSON text. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A tracked event ends a run's wait: same name, `where` holds, and when the wait is tied to the
 * trigger, the event's property has the trigger's value (same type: `"42"` is not `42`).
 */
export function waitMatches(wait: RunWait, event: RoutedEvent): boolean {
  const tracked = trackedOf(event);
  if (!tracked || tracked.name !== wait.event || !propertiesMatch(wait.where, tracked.properties)) return false;
  return !wait.match || sameValue(readPath(tracked.properties, wait.match.property), wait.match.value);
}

/**
 * An event starts a run of a journey with this entry. A chained entry (journey.* types) takes only
 * the events of the journey it names (`data.journeyId`).
 */
export function entryMatches(entry: JourneyEntry, event: RoutedEvent): boolean {
  switch (entry.type) {
    case 'event': {
      const tracked = trackedOf(event);
      return tracked !== undefined && tracked.name === entry.event && propertiesMatch(entry.where, tracked.properties);
    }
    case 'herald_event':
      if (event.type !== entry.eventType) return false;
      if (isJourneyEntryEvent(entry.eventType) && (entry.journeyId === undefined || event.data.journeyId !== entry.journeyId)) return false;
      return propertiesMatch(entry.where, event.data);
    case 'segment':
      return event.type === 'segment.entered' && event.data.segmentId === entry.segmentId;
  }
}

/** The trigger a run keeps: the tracked event, or the Herald event and its data. */
export function triggerOf(entry: JourneyEntry, event: RoutedEvent): RunTrigger {
  const traced = event.traceParent ? { traceParent: event.traceParent } : {};
  const tracked = trackedOf(event);
  if (tracked)
    return { kind: 'event', eventId: tracked.eventId, name: tracked.name, properties: tracked.properties, occurredAt: tracked.occurredAt, ...traced };
  const occurredAt = event.createdAt.toISOString();
  if (entry.type === 'segment') return { kind: 'segment', eventId: event.id, name: entry.segmentId, properties: event.data, occurredAt, ...traced };
  return { kind: 'herald_event', eventId: event.id, name: event.type, properties: event.data, occurredAt, ...traced };
}

/**
 * The `entry_key` of a new run (see the migration): the trigger's key property as text for keyed
 * event entries ('' when the trigger lacks it: such triggers share one key), '' for "once" and
 * "one at a time", null for "every time" (never conflicts). Segment entries have no key.
 */
export function entryKeyOf(entry: JourneyEntry, policy: EntryPolicy, trigger: RunTrigger): string | null {
  if (policy.key && entry.type !== 'segment') {
    const v = readPath(trigger.properties, policy.key);
    return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  }
  return policy.mode === 'every_time' ? null : '';
}
