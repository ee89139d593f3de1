import type { Knex } from 'knex';
import { outboxRelayed } from '../../lib/metrics';
import { EXPLICIT_ONLY_SQL } from './eventTypes';

/** What one relay pass did. */
export interface RelayPass {
  /** Events fanned out (taken off the relay queue). */
  relayed: number;
  /** Endpoints that received new deliveries (enabled ones, to wake). */
  endpoints: Array<{ tenantId: string; endpointId: string }>;
}

/**
 * Turns up to `limit` committed, unrelayed events into deliveries in one statement: the oldest
 * entries of the relay queue (locked, skipping rows another relay holds; see migration
 * 20261123001700) fan out to every endpoint of their tenant whose filter selects their type —
 * exact, `family.*` or `*` (wildcards never select the explicit-only types, such as
 * `customer.event`) — and leave the queue in the same statement. Disabled
 * endpoints get their deliveries too (kept until they are enabled again). The endpoints are
 * key-share locked: one being deleted meanwhile gets no deliveries (its DELETE, which deletes its
 * deliveries by trigger, waits for this statement, or this statement skips it). The same statement
 * notifies `herald_deliveries` with the endpoints that have new work, so running dispatchers
 * start at once without a round trip through Temporal.
 */
export async function relayPendingEvents(db: Knex, limit: number): Promise<RelayPass> {
  // One statement (atomic on its own, one round trip); its notifications go out at its commit.
  const { rows } = await db.raw(
    `WITH batch AS (
       DELETE FROM event_relay_queue q
       WHERE q.seq IN (SELECT seq FROM event_relay_queue ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING q.id, q.tenant_id, q.type
     ), fanned AS (
       INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type)
       SELECT b.tenant_id, ep.id, b.id, b.type
       FROM batch b JOIN webhook_endpoints ep ON ep.tenant_id = b.tenant_id
       WHERE b.type <> 'webhook.test'
         AND (b.type = ANY(ep.event_types)
              OR (b.type NOT IN (${EXPLICIT_ONLY_SQL}) AND (split_part(b.type, '.', 1) || '.*' = ANY(ep.event_types) OR '*' = ANY(ep.event_types))))
       FOR KEY SHARE OF ep
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING tenant_id, endpoint_id
     ), woken AS (
       SELECT DISTINCT f.tenant_id, f.endpoint_id FROM fanned f JOIN webhook_endpoints ep ON ep.id = f.endpoint_id WHERE ep.enabled
     ), notified AS (
       -- Notification payloads are limited to 8000 bytes: 200 endpoint ids each.
       SELECT pg_notify('herald_deliveries', string_agg(endpoint_id::text, ','))
       FROM (SELECT endpoint_id, (row_number() OVER ()) / 200 AS chunk FROM woken) w GROUP BY chunk
     )
     SELECT (SELECT count(*) FROM batch) AS relayed,
            (SELECT count(*) FROM notified) AS notifications,
            (SELECT coalesce(json_agg(jsonb_build_object('tenantId', tenant_id, 'endpointId', endpoint_id)), '[]') FROM woken) AS endpoints`,
    [limit],
  );
  const row = rows[0] as { relayed: number; endpoints: Array<{ tenantId: string; endpointId: string }> };
  outboxRelayed.inc(Number(row.relayed));
  return { relayed: Number(row.relayed), endpoints: row.endpoints };
}

/**
 * Tells running dispatchers (in any worker) that these endpoints have deliveries due now; sent
 * at commit when called in a transaction. Payloads are limited to 8000 bytes: 200 ids each.
 */
export async function notifyDispatchers(db: Knex, endpointIds: string[]): Promise<void> {
  for (let i = 0; i < endpointIds.length; i += 200) {
    await db.raw("SELECT pg_notify('herald_deliveries', ?)", [endpointIds.slice(i, i + 200).join(',')]);
  }
}

/**
 * Enabled endpoints with deliveries overdue by more than `graceMs` and no dispatcher holding
 * their lease: their dispatcher should have taken them and did not (a lost wake-up, or a dead
 * worker's lease that has expired), so the relay wakes it.
 */
export async function stalledEndpoints(db: Knex, graceMs: number): Promise<Array<{ tenantId: string; endpointId: string }>> {
  const { rows } = await db.raw(
    `SELECT ep.tenant_id AS "tenantId", ep.id AS "endpointId" FROM webhook_endpoints ep
     WHERE ep.enabled AND (ep.dispatch_lease_until IS NULL OR ep.dispatch_lease_until < now()) AND EXISTS (
       SELECT 1 FROM webhook_deliveries d
       WHERE d.endpoint_id = ep.id AND d.status = 'pending' AND d.next_attempt_at < now() - make_interval(secs => ?))
     LIMIT 1000`,
    [graceMs / 1000],
  );
  return rows;
}
