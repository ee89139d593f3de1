import type { CommandContext } from '../shared/context';
/**
 * Customer events (issue 16) in the Segment spec's shape. Inputs arrive validated by the API's
 * schemas (types, lengths, formats); the rules that need the clock or the serialised size
 * (timestamps too far ahead, properties over 32 KB) are checked here.
 */

/** A track call: who did what, when. `userId` is the customer's externalId. */
export interface TrackInput {
  userId?: string;
  anonymousId?: string;
  email?: string;
  event: string;
  properties: Record<string, unknown>;
  /** When it happened, as UTC ISO text; the time of receipt when absent. */
  timestamp?: string;
  messageId?: string;
  context?: Record<string, unknown>;
}

/** An identify call: who someone is, and their traits. */
export interface IdentifyInput {
  userId?: string;
  anonymousId?: string;
  email?: string;
  traits: Record<string, unknown>;
}

/** One item of a batch, already validated, or the error its validation gave. */
export type BatchItem =
  { type: 'track'; input: TrackInput } | { type: 'identify'; input: IdentifyInput } | { type: 'invalid'; declared: string; error: ItemError };

/** An item's refusal, in the error shape of the API. */
export interface ItemError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** What a stored (or deduplicated) track answers. */
export interface TrackResult {
  id: string;
  customerId: string | null;
  deduplicated: boolean;
}

/** What an identify answers. */
export interface IdentifyResult {
  customerId: string;
  created: boolean;
  /** Anonymous events (same anonymousId) attached to the customer by this identify. */
  mergedEvents: number;
}

/** One batch item's outcome, by its index in the batch. */
export type BatchResult =
  | ({ index: number; type: 'track'; ok: true } & TrackResult)
  | ({ index: number; type: 'identify'; ok: true } & IdentifyResult)
  | { index: number; type: string; ok: false; error: ItemError };

/**
 * Called after commit with the customers that have new events and the names of those events,
 * so segments with event conditions can be re-evaluated for them (wired by createDomain).
 */
export type OnEventsAccepted = (ctx: CommandContext, accepted: Array<{ customerId: string; names: string[] }>) => Promise<void> | void;

/** A stored event as the API lists it. */
export interface CustomerEvent {
  id: string;
  customerId: string | null;
  anonymousId: string | null;
  name: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown> | null;
  messageId: string | null;
  occurredAt: string;
  receivedAt: string;
  /** True when it occurred more than 24 h before Herald received it (a backfill). */
  backfill: boolean;
}

/** An event name seen in the tenant, for picking names in rules. */
export interface EventName {
  name: string;
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
}
