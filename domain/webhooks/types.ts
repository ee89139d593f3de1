import { iso } from '../../lib/time';

/**
 * Webhook records as the API shows them, and the row readers. Secrets never appear here: they
 * are returned only by create and rotate-secret, next to the endpoint.
 */

/** A stored row (knex returns rows untyped; the readers below are the one place they are read). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;

/** A webhook endpoint. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  rateLimit: number | null;
  maxConcurrency: number;
  headers: Record<string, string>;
  failingSince: string | null;
  lastSuccessAt: string | null;
  /** When the previous secret stops signing (after a rotation), or null. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Maps a webhook_endpoints row to the API shape. */
export const toEndpoint = (r: Row): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.event_types,
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  disabledAt: iso(r.disabled_at),
  rateLimit: r.rate_limit_per_second,
  maxConcurrency: r.max_concurrency,
  headers: r.headers ?? {},
  failingSince: iso(r.failing_since),
  lastSuccessAt: iso(r.last_success_at),
  previousSecretExpiresAt: r.previous_secret_expires_at && new Date(r.previous_secret_expires_at) > new Date() ? iso(r.previous_secret_expires_at) : null,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

/** One delivery: an event for an endpoint; its id is the `webhook-id` header, the same on every attempt. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  succeededAt: string | null;
  createdAt: string;
}

/** Maps a webhook_deliveries row to the API shape. */
export const toDelivery = (r: Row): WebhookDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  lastAttemptAt: iso(r.last_attempt_at),
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  succeededAt: iso(r.succeeded_at),
  createdAt: iso(r.created_at)!,
});

/** One HTTP attempt of a delivery. */
export interface WebhookAttempt {
  attempt: number;
  startedAt: string;
  latencyMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

/** Maps a webhook_attempts row to the API shape. */
export const toAttempt = (r: Row): WebhookAttempt => ({
  attempt: r.attempt,
  startedAt: iso(r.started_at)!,
  latencyMs: r.latency_ms,
  statusCode: r.status_code,
  responseExcerpt: r.response_excerpt,
  error: r.error,
});

/** A replay job: which deliveries it re-queues and how far it got. */
export interface WebhookReplay {
  id: string;
  endpointId: string;
  scope: 'all' | 'failed';
  from: string | null;
  to: string | null;
  status: 'running' | 'completed' | 'failed';
  progress: { total: number; processed: number };
  createdAt: string;
  finishedAt: string | null;
}

/** Maps a webhook_replays row to the API shape. */
export const toReplay = (r: Row): WebhookReplay => ({
  id: r.id,
  endpointId: r.endpoint_id,
  scope: r.scope,
  from: iso(r.from),
  to: iso(r.to),
  status: r.status,
  progress: { total: r.total, processed: r.processed },
  createdAt: iso(r.created_at)!,
  finishedAt: iso(r.finished_at),
});
