import type { Knex } from 'knex';
import { preparedQuery } from './prepared';
import { decryptSecret, signingKey } from './secrets';
import type { WebhookSettings } from './settings';

/**
 * The delivery ledger as the dispatcher sees it: claim due deliveries (a lease, so a dead
 * dispatcher's claims expire and go out again with the same id) and find when work is next due.
 * Settling attempts is in settle.ts.
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
  tenantId: string;
  endpointId: string;
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

/** Leases up to $3 due deliveries of endpoint $2 (tenant $1) for $4 seconds; returns them with their event. */
const CLAIM_SQL = `WITH due AS (
    SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints ep ON ep.id = d.endpoint_id AND ep.enabled
    WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND d.status = 'pending' AND d.next_attempt_at <= now()
      AND (d.claimed_until IS NULL OR d.claimed_until < now())
    ORDER BY d.next_attempt_at LIMIT $3 FOR UPDATE OF d SKIP LOCKED
  )
  UPDATE webhook_deliveries d SET claimed_until = now() + make_interval(secs => $4)
  FROM due, events e WHERE d.id = ANY(ARRAY(SELECT id FROM due)) AND d.id = due.id AND e.id = d.event_id
  RETURNING d.id, d.attempts, d.event_type AS "eventType", e.created_at AS "eventCreatedAt", e.payload->'data' AS data`;

/**
 * Claims up to `limit` due deliveries of an enabled endpoint, oldest due first, leasing them for
 * `leaseMs`; rows another dispatcher holds are skipped. Returns them with their event. (The
 * `= ANY(ARRAY(…))` makes the planner update by primary key instead of scanning the table.)
 */
export async function claimDueDeliveries(db: Knex, endpoint: { id: string; tenantId: string }, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return preparedQuery<ClaimedDelivery>(db, 'herald_webhook_claim', CLAIM_SQL, [endpoint.tenantId, endpoint.id, limit, leaseMs / 1000]);
}

/** When the endpoint's next pending delivery is due (ms since epoch), or null when none is pending. */
export async function nextDueAt(db: Knex, endpoint: { id: string; tenantId: string }): Promise<number | null> {
  const row = await db('webhook_deliveries')
    .where({ tenant_id: endpoint.tenantId, endpoint_id: endpoint.id, status: 'pending' })
    .min({ due: db.raw("greatest(next_attempt_at, coalesce(claimed_until, '-infinity'))") })
    .first();
  return row?.due ? new Date(row.due).getTime() : null;
}

/**
 * Gives back claims a dispatcher took but will not send (it is handing back to its workflow), so
 * the next dispatcher run takes them at once instead of after their lease.
 */
export async function releaseClaims(db: Knex, endpoint: { id: string; tenantId: string }, deliveryIds: string[]): Promise<void> {
  if (!deliveryIds.length) return;
  await db('webhook_deliveries')
    .where({ tenant_id: endpoint.tenantId, endpoint_id: endpoint.id, status: 'pending' })
    .whereIn('id', deliveryIds)
    .update({ claimed_until: null });
}
