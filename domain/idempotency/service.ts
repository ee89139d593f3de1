import type { Knex } from 'knex';

/** What to do with a request that carries an Idempotency-Key. */
export type IdempotencyDecision = { kind: 'proceed' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'mismatch' } | { kind: 'in_progress' };

/** A first attempt that has held its key this long without finishing is presumed dead. */
const STALE_LOCK_SECONDS = 60;
/** Stored responses are kept for a day, as Stripe does. */
const RETENTION_HOURS = 24;

/**
 * Idempotency keys for creating POSTs. The first request with a key claims it (a row in
 * `in_progress`); its response is stored when it finishes; a retry with the same key and the
 * same request gets that response back, never a second record. A different request under the
 * same key is refused, as is a retry that overlaps the first attempt.
 */
export function createIdempotencyService(deps: { db: Knex }) {
  const { db } = deps;

  async function begin(tenantId: string, key: string, requestHash: string): Promise<IdempotencyDecision> {
    // One statement claims a new key or an expired one (whose stored response is past retention).
    const claimed = await db('idempotency_keys')
      .insert({ tenant_id: tenantId, key, request_hash: requestHash, state: 'in_progress' })
      .onConflict(['tenant_id', 'key'])
      .merge({ request_hash: requestHash, state: 'in_progress', status: null, response: null, created_at: db.fn.now(), locked_at: db.fn.now() })
      .where('idempotency_keys.created_at', '<', db.raw(`now() - interval '${RETENTION_HOURS} hours'`))
      .returning('key');
    if (claimed.length) return { kind: 'proceed' };
    const row = await db('idempotency_keys').where({ tenant_id: tenantId, key }).first();
    if (!row) return begin(tenantId, key, requestHash);
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state === 'done') return { kind: 'replay', status: row.status, body: row.response };
    const takenOver = await db('idempotency_keys')
      .where({ tenant_id: tenantId, key, state: 'in_progress' })
      .andWhere('locked_at', '<', db.raw(`now() - interval '${STALE_LOCK_SECONDS} seconds'`))
      .update({ locked_at: db.fn.now() })
      .returning('key');
    return takenOver.length ? { kind: 'proceed' } : { kind: 'in_progress' };
  }

  /** Stores the response of the first attempt for replay. */
  async function complete(tenantId: string, key: string, status: number, body: unknown): Promise<void> {
    await db('idempotency_keys')
      .where({ tenant_id: tenantId, key })
      .update({ state: 'done', status, response: JSON.stringify(body ?? null) });
  }

  /** Releases a key whose attempt failed on the server side, so a retry can run again. */
  async function abandon(tenantId: string, key: string): Promise<void> {
    await db('idempotency_keys').where({ tenant_id: tenantId, key, state: 'in_progress' }).delete();
  }

  return { begin, complete, abandon };
}

/** The idempotency service's interface. */
export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
