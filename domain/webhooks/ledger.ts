import type { Knex } from 'knex';
import { insertWebhookEvent } from './events';
import { nextAttemptDelayMs } from './retry';
import { decryptSecret, signingKey } from './secrets';
import type { WebhookSettings } from './settings';

/**
 * The delivery ledger as the dispatcher sees it: claim due deliveries (a lease, so a dead
 * dispatcher's claims expire and go out again with the same id), settle attempts in batches
 * (one attempt row each, the delivery's next state), and the endpoint's failure bookkeeping.
 */

/** An endpoint as the dispatcher needs it: where, how fast, and the keys to sign with. */
export interface DispatchEndpoint {
  id: string;
  tenantId: string;
  url: string;
  enabled: boolean;
  headers: Record<string, string>;
  maxConcurrency: number;
  rateLimit: number | null;
  /** HMAC keys: the current secret first, then the previous one while it is in its grace period. */
  keys: Buffer[];
}

/** A claimed delivery with what its body is built from. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  eventType: string;
  eventCreatedAt: Date;
  data: unknown;
}

/** The outcome of one HTTP attempt, to settle. */
export interface AttemptResult {
  deliveryId: string;
  /** The attempt's number (1 for the first). */
  attempt: number;
  startedAt: Date;
  latencyMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  retryAfterMs: number | null;
}

/** Loads an endpoint for dispatch, or null when it was deleted. */
export async function loadDispatchEndpoint(db: Knex, settings: WebhookSettings, tenantId: string, endpointId: string): Promise<DispatchEndpoint | null> {
  const row = await db('webhook_endpoints').where({ tenant_id: tenantId, id: endpointId }).first();
  if (!row) return null;
  const keys = [signingKey(decryptSecret(settings.secretsKey, row.secret_ciphertext))];
  if (row.previous_secret_ciphertext && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > new Date()) {
    keys.push(signingKey(decryptSecret(settings.secretsKey, row.previous_secret_ciphertext)));
  }
  return { id: row.id, tenantId: row.tenant_id, url: row.url, enabled: row.enabled, headers: row.headers ?? {}, maxConcurrency: row.max_concurrency, rateLimit: row.rate_limit_per_second, keys };
}

/**
 * Claims up to `limit` due deliveries of an enabled endpoint, oldest due first, leasing them for
 * `leaseMs`; rows another dispatcher holds are skipped. Returns them with their event.
 */
export async function claimDueDeliveries(db: Knex, endpoint: { id: string; tenantId: string }, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const { rows } = await db.raw(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints ep ON ep.id = d.endpoint_id AND ep.enabled
       WHERE d.tenant_id = ? AND d.endpoint_id = ? AND d.status = 'pending' AND d.next_attempt_at <= now()
         AND (d.claimed_until IS NULL OR d.claimed_until < now())
       ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE webhook_deliveries d SET claimed_until = now() + make_interval(secs => ?)
     FROM due, events e WHERE d.id = due.id AND e.id = d.event_id
     RETURNING d.id, d.attempts, d.event_type AS "eventType", e.created_at AS "eventCreatedAt", e.payload->'data' AS data`,
    [endpoint.tenantId, endpoint.id, limit, leaseMs / 1000],
  );
  return rows;
}

/** When the endpoint's next pending delivery is due (ms since epoch), or null when none is pending. */
export async function nextDueAt(db: Knex, endpoint: { id: string; tenantId: string }): Promise<number | null> {
  const row = await db('webhook_deliveries')
    .where({ tenant_id: endpoint.tenantId, endpoint_id: endpoint.id, status: 'pending' })
    .min({ due: db.raw("greatest(next_attempt_at, coalesce(claimed_until, '-infinity'))") })
    .first();
  return row?.due ? new Date(row.due).getTime() : null;
}

const isSuccess = (code: number | null) => code !== null && code >= 200 && code < 300;

/**
 * Settles a batch of attempts in one transaction: one attempt row each, and the delivery's next
 * state — succeeded on 2xx; kept pending on 410 (the endpoint is disabled, the event kept);
 * otherwise retried per the schedule (or Retry-After) until it runs out, then failed. Then the
 * endpoint's failure clock: a success clears it; failures start it, and once it has run for
 * the configured window (or on 410) the endpoint is disabled and `endpoint.disabled` emitted.
 */
export async function settleAttempts(db: Knex, settings: WebhookSettings, endpoint: { id: string; tenantId: string }, results: AttemptResult[]): Promise<void> {
  if (!results.length) return;
  const now = Date.now();
  const settled = results.map((r) => {
    if (isSuccess(r.statusCode)) return { ...r, status: 'succeeded', next: null as Date | null };
    if (r.statusCode === 410) return { ...r, status: 'pending', next: new Date(now) };
    const delay = nextAttemptDelayMs(settings.retryScheduleMs, r.attempt, r.statusCode === 429 || r.statusCode === 503 ? r.retryAfterMs : null);
    return delay === null ? { ...r, status: 'failed', next: null } : { ...r, status: 'pending', next: new Date(now + delay) };
  });
  const json = JSON.stringify(settled.map((s) => ({
    id: s.deliveryId, attempt: s.attempt, started_at: s.startedAt.toISOString(), latency_ms: Math.round(s.latencyMs), status_code: s.statusCode,
    excerpt: s.responseExcerpt, error: s.error, status: s.status, next_at: s.next?.toISOString() ?? null,
  })));
  const anySuccess = settled.some((s) => s.status === 'succeeded');
  const gone = settled.some((s) => s.statusCode === 410);
  // One statement (atomic without a transaction, one round trip): attempt rows, delivery states,
  // and on success the endpoint's failure clock cleared (written at most once a second).
  await db.raw(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(id uuid, attempt int, started_at timestamptz, latency_ms int, status_code int, excerpt text, error text, status text, next_at timestamptz)
     ), attempts AS (
       INSERT INTO webhook_attempts (tenant_id, delivery_id, endpoint_id, attempt, started_at, latency_ms, status_code, response_excerpt, error)
       SELECT d.tenant_id, d.id, d.endpoint_id, r.attempt, r.started_at, r.latency_ms, r.status_code, r.excerpt, r.error
       FROM r JOIN webhook_deliveries d ON d.id = r.id AND d.tenant_id = ?
     ), healthy AS (
       UPDATE webhook_endpoints SET failing_since = NULL, last_success_at = now()
       WHERE tenant_id = ? AND id = ? AND ?::boolean
         AND (failing_since IS NOT NULL OR last_success_at IS NULL OR last_success_at < now() - interval '1 second')
     )
     UPDATE webhook_deliveries d SET
       attempts = greatest(d.attempts, r.attempt), status = r.status, next_attempt_at = coalesce(r.next_at, d.next_attempt_at),
       claimed_until = NULL, last_attempt_at = r.started_at, last_status_code = r.status_code, last_error = r.error,
       succeeded_at = CASE WHEN r.status = 'succeeded' THEN now() ELSE d.succeeded_at END
     FROM r WHERE d.id = r.id AND d.tenant_id = ? AND d.status <> 'succeeded'`,
    [json, endpoint.tenantId, endpoint.tenantId, endpoint.id, anySuccess && !gone, endpoint.tenantId],
  );
  if (anySuccess && !gone) return;
  await db.transaction(async (trx) => {
    const scope = trx('webhook_endpoints').where({ tenant_id: endpoint.tenantId, id: endpoint.id });
    const [row] = await scope.clone().update({ failing_since: trx.raw('coalesce(failing_since, now())') }).returning(['enabled', 'failing_since']);
    if (!row?.enabled) return;
    const failingFor = now - new Date(row.failing_since).getTime();
    if (!gone && failingFor < settings.disableAfterMs) return;
    const reason = gone ? 'gone' : 'failing';
    await scope.clone().update({ enabled: false, disabled_reason: reason, disabled_at: trx.fn.now() });
    await insertWebhookEvent(trx, {
      tenantId: endpoint.tenantId, type: 'endpoint.disabled', endpointId: endpoint.id, actor: { type: 'system', id: null },
      data: { endpointId: endpoint.id, reason, failingSince: new Date(row.failing_since).toISOString() },
    });
  });
}
