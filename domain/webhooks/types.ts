import { iso } from '../../lib/time';

/**
 * Webhook records as the API shows them, and the row readers. Secrets never appear here: they
 * are returned only by create and rotate-secret, next to the endpoint.
 */

/** A stored webhook_endpoints row (knex returns rows untyped; the readers below are the one place they are read). */
export interface EndpointRow {
  id: string;
  tenant_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  rate_limit_per_second: number | null;
  max_concurrency: number;
  headers: Record<string, string> | null;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  last_success_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  dispatch_owner: string | null;
  dispatch_lease_until: Date | null;
}

/** A stored webhook_deliveries row. */
export interface DeliveryRow {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  succeeded_at: Date | null;
  created_at: Date;
}

/** A stored webhook_attempts row. */
export interface AttemptRow {
  id: number;
  tenant_id: string;
  delivery_id: string;
  endpoint_id: string;
  attempt: number;
  started_at: Date;
  latency_ms: number;
  status_code: number | null;
  response_excerpt: string | null;
  error: string | null;
}

/** A stored webhook_replays row. */
export interface ReplayRow {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  scope: WebhookReplay['scope'];
  from: Date | null;
  to: Date | null;
  status: WebhookReplay['status'];
  total: number;
  processed: number;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

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
export const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
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
export const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
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
export const toAttempt = (r: AttemptRow): WebhookAttempt => ({
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
export const toReplay = (r: ReplayRow): WebhookReplay => ({
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
