import type { Knex } from 'knex';
import { preparedQuery } from './prepared';
import { decryptSecret, signingKey } from './secrets';
import type { WebhookSettings } from './settings';
import type { EndpointRow } from './types';

/**
 * The delivery ledger as the dispatcher sees it. One dispatcher run at a time leases an endpoint
 * (renewed every few seconds; a dead worker's lease expires and the next run sends what was left
 * pending, with the same `webhook-id`), and reads its due deliveries with a keyset cursor, so no
 * delivery row is written before it is sent. Settling attempts is in settle.ts.
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

/** A due delivery, read for sending. */
export interface DueDelivery {
  id: string;
  attempts: number;
  /** The request body, Standard Webhooks' `{ type, timestamp, data }`, built by Postgres from the event. */
  body: string;
  /** The row's position in the due order (`next_attempt_at` as text, exact to the microsecond). */
  dueKey: string;
  /** The trace of the request that wrote the event (`events.trace_parent`), which the delivery's span joins. */
  traceParent?: string | null;
}

/** Where a dispatcher's reading stands in its endpoint's due order. */
export interface DueCursor {
  dueKey: string;
  id: string;
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

/** What taking or renewing an endpoint's lease found. */
export type EndpointLease =
  | { state: 'leased'; endpoint: DispatchEndpoint }
  | { state: 'deleted' | 'disabled' }
  /** Another dispatcher run holds it until `until` (ms since epoch). */
  | { state: 'held'; until: number };

/**
 * Takes or renews the lease of an enabled endpoint for owner $3 (tenant $1, endpoint $2) for $4
 * seconds. The columns are named, not `*`: a prepared statement whose result type changes (a
 * column added by a migration while workers run) fails on every pooled connection.
 */
const LEASE_SQL = `UPDATE webhook_endpoints SET dispatch_owner = $3, dispatch_lease_until = now() + make_interval(secs => $4)
  WHERE tenant_id = $1 AND id = $2 AND enabled
    AND (dispatch_owner = $3 OR dispatch_lease_until IS NULL OR dispatch_lease_until < now())
  RETURNING id, tenant_id, url, enabled, headers, max_concurrency, rate_limit_per_second,
    secret_ciphertext, previous_secret_ciphertext, previous_secret_expires_at`;

/**
 * Takes the endpoint's dispatch lease for `owner` (one dispatcher run), or renews it, and returns
 * the endpoint as it is now (url, limits, rotated secrets); or says why not: deleted, disabled,
 * or leased by another run until when.
 */
export async function leaseEndpoint(
  db: Knex,
  settings: WebhookSettings,
  tenantId: string,
  endpointId: string,
  owner: string,
  leaseMs: number,
): Promise<EndpointLease> {
  const [row] = await preparedQuery<EndpointRow>(db, 'herald_webhook_lease', LEASE_SQL, [tenantId, endpointId, owner, leaseMs / 1000]);
  if (row) return { state: 'leased', endpoint: toDispatchEndpoint(settings, row) };
  const current = await db('webhook_endpoints').where({ tenant_id: tenantId, id: endpointId }).first('enabled', 'dispatch_lease_until');
  if (!current) return { state: 'deleted' };
  if (!current.enabled) return { state: 'disabled' };
  return { state: 'held', until: new Date(current.dispatch_lease_until ?? Date.now()).getTime() };
}

/** Gives the lease back, so the endpoint's next dispatcher run need not wait for it to expire. */
export async function releaseEndpointLease(db: Knex, endpoint: { id: string; tenantId: string }, owner: string): Promise<void> {
  await db('webhook_endpoints')
    .where({ tenant_id: endpoint.tenantId, id: endpoint.id, dispatch_owner: owner })
    .update({ dispatch_owner: null, dispatch_lease_until: null });
}

/**
 * An endpoint as a sender needs it (url, headers, signing keys), read without a lease: a journey's
 * webhook step sends one request of its own, keyed by its step, outside the delivery ledger.
 * Undefined when the tenant has no such endpoint.
 */
export async function readSigningEndpoint(db: Knex, settings: WebhookSettings, tenantId: string, endpointId: string): Promise<DispatchEndpoint | undefined> {
  const row: EndpointRow | undefined = await db('webhook_endpoints').where({ tenant_id: tenantId, id: endpointId }).first();
  return row ? toDispatchEndpoint(settings, row) : undefined;
}

function toDispatchEndpoint(settings: WebhookSettings, row: EndpointRow): DispatchEndpoint {
  const keys = [signingKey(decryptSecret(settings.secretsKey, row.secret_ciphertext))];
  if (row.previous_secret_ciphertext && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > new Date()) {
    keys.push(signingKey(decryptSecret(settings.secretsKey, row.previous_secret_ciphertext)));
  }
  return {
    id: row.id,
    tenantId: row.tenant_id,
    url: row.url,
    enabled: row.enabled,
    headers: row.headers ?? {},
    maxConcurrency: row.max_concurrency,
    rateLimit: row.rate_limit_per_second,
    keys,
  };
}

/**
 * Up to $7 due deliveries of endpoint $2 (tenant $1) after cursor ($4, $5) in due order, skipping
 * ids $6 (read earlier, not settled yet), while owner $3 holds the endpoint's lease and the
 * endpoint is enabled. The body is the exact bytes to sign and send: the timestamp in the form
 * JavaScript's toISOString() gives, the data as stored.
 */
const DUE_SQL = `SELECT d.id, d.attempts, d.next_attempt_at::text AS "dueKey",
    '{"type":' || to_json(d.event_type)::text
      || ',"timestamp":"' || to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      || '","data":' || coalesce(e.payload->'data', 'null'::jsonb)::text || '}' AS body,
    e.trace_parent AS "traceParent"
  FROM webhook_endpoints ep
  JOIN webhook_deliveries d ON d.endpoint_id = ep.id
  JOIN events e ON e.id = d.event_id
  WHERE ep.tenant_id = $1 AND ep.id = $2 AND ep.enabled AND ep.dispatch_owner = $3 AND ep.dispatch_lease_until > now()
    AND d.tenant_id = $1 AND d.status = 'pending' AND d.next_attempt_at <= now()
    AND (d.next_attempt_at, d.id) > ($4::timestamptz, $5::uuid)
    AND d.id <> ALL($6::uuid[])
  ORDER BY d.next_attempt_at, d.id
  LIMIT $7`;

/** The cursor before every row. */
const START: DueCursor = { dueKey: '-infinity', id: '00000000-0000-0000-0000-000000000000' };

/**
 * Reads up to `limit` due deliveries after `cursor` (from the start when null), oldest due
 * first, leaving out `skip` (deliveries read before and not settled yet). Reads nothing once
 * `owner` has lost the endpoint's lease or the endpoint was disabled.
 */
export async function readDueDeliveries(
  db: Knex,
  endpoint: { id: string; tenantId: string },
  owner: string,
  cursor: DueCursor | null,
  skip: string[],
  limit: number,
): Promise<DueDelivery[]> {
  const from = cursor ?? START;
  return preparedQuery<DueDelivery>(db, 'herald_webhook_due', DUE_SQL, [endpoint.tenantId, endpoint.id, owner, from.dueKey, from.id, skip, limit]);
}

/** When the endpoint's next pending delivery is due (ms since epoch), or null when none is pending. */
export async function nextDueAt(db: Knex, endpoint: { id: string; tenantId: string }): Promise<number | null> {
  const row = await db('webhook_deliveries')
    .where({ tenant_id: endpoint.tenantId, endpoint_id: endpoint.id, status: 'pending' })
    .min({ due: 'next_attempt_at' })
    .first();
  return row?.due ? new Date(row.due).getTime() : null;
}
