import { EVENT_CATALOGUE, EVENT_TYPE_NAMES, type EventType } from '../events/catalogue';

/**
 * The catalogue of event types a webhook can subscribe to (GET /webhooks/event-types), and the
 * event filter rules: an exact type, a family wildcard such as `customer.*`, or `*` for all.
 */

/** One subscribable type and what it means. */
export interface EventTypeInfo {
  type: EventType;
  description: string;
}

/** Every type Herald emits, in catalogue order: derived from the event schemas (domain/events/catalogue.ts). */
export const EVENT_TYPES: readonly EventTypeInfo[] = EVENT_TYPE_NAMES.map((type) => ({ type, description: EVENT_CATALOGUE[type].description }));

const KNOWN = new Set<string>(EVENT_TYPES.map((t) => t.type));
const FAMILIES = new Set(EVENT_TYPES.map((t) => `${t.type.split('.')[0]}.*`));

/** Why a filter entry is refused, or null when it is an exact type, a known family wildcard or `*`. */
export function filterProblem(entry: string): string | null {
  if (entry === '*' || KNOWN.has(entry) || FAMILIES.has(entry)) return null;
  return `is not a known event type or wildcard (see GET /api/v1/webhooks/event-types)`;
}

/**
 * Types delivered only to endpoints that name them: `*` and family wildcards leave them out.
 * Tracked customer events come in the thousands per second; an endpoint subscribed to
 * `customer.*` for profile changes must not start receiving every click.
 */
export const EXPLICIT_ONLY_TYPES: readonly EventType[] = ['customer.event'];

/** {@link EXPLICIT_ONLY_TYPES} as an SQL list of literals, for the relay's fan-out. */
export const EXPLICIT_ONLY_SQL = EXPLICIT_ONLY_TYPES.map((t) => `'${t}'`).join(', ');

/** Whether an endpoint's filter selects a type (the same rule the relay's SQL applies). */
export function filterMatches(filter: readonly string[], type: string): boolean {
  if (filter.includes(type)) return true;
  if ((EXPLICIT_ONLY_TYPES as readonly string[]).includes(type)) return false;
  return filter.includes('*') || filter.includes(`${type.split('.')[0]}.*`);
}
