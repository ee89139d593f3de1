/**
 * The catalogue of event types a webhook can subscribe to (GET /webhooks/event-types), and the
 * event filter rules: an exact type, a family wildcard such as `customer.*`, or `*` for all.
 */

/** One subscribable type and what it means. */
export interface EventTypeInfo {
  type: string;
  description: string;
}

/** Every type Herald emits or will emit (imports and campaigns arrive with issues 5 and 6). */
export const EVENT_TYPES: readonly EventTypeInfo[] = [
  { type: 'customer.created', description: 'A customer was created' },
  { type: 'customer.updated', description: 'A customer changed (PUT/PATCH)' },
  { type: 'customer.deleted', description: 'A customer was deleted (soft or permanent)' },
  { type: 'customer.blocked', description: 'A customer was blocked' },
  { type: 'customer.unblocked', description: 'A customer was unblocked' },
  { type: 'customer.status_changed', description: "A customer's status changed" },
  { type: 'customer.tags_changed', description: "A customer's tags changed" },
  { type: 'order.created', description: 'An order was placed' },
  { type: 'order.status_updated', description: "An order's status changed" },
  { type: 'segment.entered', description: 'A customer entered a segment' },
  { type: 'segment.exited', description: 'A customer left a segment' },
  { type: 'import.completed', description: 'A bulk import finished' },
  { type: 'import.failed', description: 'A bulk import failed' },
  { type: 'campaign.scheduled', description: 'A campaign was scheduled' },
  { type: 'campaign.started', description: 'A campaign started sending' },
  { type: 'campaign.paused', description: 'A campaign was paused' },
  { type: 'campaign.resumed', description: 'A campaign resumed' },
  { type: 'campaign.cancelled', description: 'A campaign was cancelled' },
  { type: 'campaign.sent', description: 'A campaign handed every message to its provider' },
  { type: 'campaign.completed', description: 'A campaign finished' },
  { type: 'endpoint.disabled', description: 'A webhook endpoint was disabled (failing for too long, or it answered 410)' },
  { type: 'webhook.test', description: 'A test event sent by POST /webhooks/:id/test (only to that endpoint)' },
];

const KNOWN = new Set(EVENT_TYPES.map((t) => t.type));
const FAMILIES = new Set(EVENT_TYPES.map((t) => `${t.type.split('.')[0]}.*`));

/** Why a filter entry is refused, or null when it is an exact type, a known family wildcard or `*`. */
export function filterProblem(entry: string): string | null {
  if (entry === '*' || KNOWN.has(entry) || FAMILIES.has(entry)) return null;
  return `is not a known event type or wildcard (see GET /api/v1/webhooks/event-types)`;
}

/** Whether an endpoint's filter selects a type (the same rule the relay's SQL applies). */
export function filterMatches(filter: readonly string[], type: string): boolean {
  return filter.includes('*') || filter.includes(type) || filter.includes(`${type.split('.')[0]}.*`);
}
