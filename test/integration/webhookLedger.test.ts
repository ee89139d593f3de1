import { createDb, type Knex } from '../../db/knex';
import { leaseEndpoint, nextDueAt, readDueDeliveries, releaseEndpointLease, type DueCursor } from '../../domain/webhooks/ledger';
import { relayPendingEvents } from '../../domain/webhooks/relay';
import { encryptSecret } from '../../domain/webhooks/secrets';
import { settleAttempts } from '../../domain/webhooks/settle';
import { webhookSettings } from '../../domain/webhooks/settings';
import { loadConfig } from '../../lib/config';
import { buildTenant } from '../support/factories';
import { until } from '../support/until';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

/**
 * The dispatcher's side of the delivery ledger, against Postgres: one dispatcher run at a time
 * holds an endpoint's lease; due deliveries are read in due order with a keyset cursor and a skip
 * list, never after the lease is lost or the endpoint disabled; the body is built from the event
 * exactly as Standard Webhooks' payload; deleting an endpoint deletes its attempts.
 */
describe('webhook delivery ledger', () => {
  let db: Knex;
  const settings = webhookSettings(loadConfig({ ...process.env, NODE_ENV: 'development' }));
  beforeAll(() => {
    db = createDb({ url: process.env.DATABASE_URL!, poolMax: 4 });
  });
  afterAll(async () => {
    await db.destroy();
  });

  /** How many rows of a ledger table belong to an endpoint. */
  async function rowsOf(table: 'webhook_deliveries' | 'webhook_attempts', endpointId: string): Promise<number> {
    const [row] = await db(table).where({ endpoint_id: endpointId }).count({ n: '*' });
    return Number(row!.n);
  }

  async function endpointWithDeliveries(events: number) {
    const { tenantId } = await buildTenant(db, 'ledger');
    const [ep] = await db('webhook_endpoints')
      .insert({
        tenant_id: tenantId,
        url: 'https://example.com/hook',
        event_types: ['customer.*'],
        secret_ciphertext: encryptSecret(settings.secretsKey, `whsec_${Buffer.alloc(32, 7).toString('base64')}`),
      })
      .returning('id');
    for (let i = 0; i < events; i++) {
      await db('events').insert({
        tenant_id: tenantId,
        type: 'customer.updated',
        subject_type: 'customer',
        subject_id: db.raw('gen_random_uuid()'),
        payload: { data: { n: i, name: 'Zoë "quoted"' }, actor: null },
      });
    }
    while ((await relayPendingEvents(db, 500)).relayed > 0);
    return { tenantId, id: (ep as { id: string }).id };
  }

  it('lets one dispatcher run hold an endpoint at a time, until it releases the lease or the lease expires', async () => {
    const ep = await endpointWithDeliveries(0);
    const first = await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000);
    expect(first.state).toBe('leased');
    expect((await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000)).state).toBe('leased');
    const other = await leaseEndpoint(db, settings, ep.tenantId, ep.id, B, 30_000);
    expect(other.state).toBe('held');
    expect(other.state === 'held' && other.until).toBeGreaterThan(Date.now() + 20_000);

    await releaseEndpointLease(db, ep, B);
    expect((await leaseEndpoint(db, settings, ep.tenantId, ep.id, B, 30_000)).state).toBe('held');
    await releaseEndpointLease(db, ep, A);
    expect((await leaseEndpoint(db, settings, ep.tenantId, ep.id, B, 1)).state).toBe('leased');
    // B's lease was for a millisecond: wait until the database's clock has passed it.
    await until(
      async () => (await db.raw('SELECT dispatch_lease_until < now() AS expired FROM webhook_endpoints WHERE id = ?', [ep.id])).rows[0]?.expired,
      (expired) => expired === true,
      { timeoutMs: 2000, label: "B's one-millisecond lease to expire" },
    );
    expect((await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000)).state).toBe('leased');

    await db('webhook_endpoints').where({ id: ep.id }).update({ enabled: false });
    expect((await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000)).state).toBe('disabled');
    await db('webhook_endpoints').where({ id: ep.id }).del();
    expect((await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000)).state).toBe('deleted');
  });

  it('reads due deliveries in due order after a cursor, skips held ones, and reads nothing without the lease', async () => {
    const ep = await endpointWithDeliveries(7);
    expect(await readDueDeliveries(db, ep, A, null, [], 10)).toEqual([]);
    await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000);
    const all = await readDueDeliveries(db, ep, A, null, [], 10);
    expect(all).toHaveLength(7);

    const firstThree = await readDueDeliveries(db, ep, A, null, [], 3);
    const last = firstThree[2]!;
    const cursor: DueCursor = { dueKey: last.dueKey, id: last.id };
    const rest = await readDueDeliveries(db, ep, A, cursor, [], 10);
    expect([...firstThree, ...rest].map((d) => d.id)).toEqual(all.map((d) => d.id));

    const skipped = await readDueDeliveries(db, ep, A, null, [all[0]!.id, all[4]!.id], 10);
    expect(skipped.map((d) => d.id)).toEqual(all.filter((_, i) => i !== 0 && i !== 4).map((d) => d.id));

    // A delivery sent again (retry, replay) becomes due behind the cursor: found from the start.
    await db('webhook_deliveries')
      .where({ id: all[0]!.id })
      .update({ next_attempt_at: db.raw("now() - interval '1 hour'") });
    expect((await readDueDeliveries(db, ep, A, cursor, [], 10)).map((d) => d.id)).not.toContain(all[0]!.id);
    expect((await readDueDeliveries(db, ep, A, null, [], 1)).map((d) => d.id)).toEqual([all[0]!.id]);

    expect(await readDueDeliveries(db, ep, B, null, [], 10)).toEqual([]);
    await db('webhook_endpoints').where({ id: ep.id }).update({ enabled: false });
    expect(await readDueDeliveries(db, ep, A, null, [], 10)).toEqual([]);
  });

  it('builds the exact Standard Webhooks body from the event, and settled deliveries are no longer due', async () => {
    const ep = await endpointWithDeliveries(2);
    await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000);
    const due = await readDueDeliveries(db, ep, A, null, [], 10);
    const events = await db('events').where({ tenant_id: ep.tenantId }).orderBy('seq');
    for (const d of due) {
      const row = await db('webhook_deliveries').where({ id: d.id }).first('event_id');
      const event = events.find((e) => e.id === row.event_id)!;
      expect(d.body.startsWith(`{"type":"customer.updated","timestamp":"${new Date(event.created_at).toISOString()}","data":{`)).toBe(true);
      expect(JSON.parse(d.body)).toEqual({ type: 'customer.updated', timestamp: new Date(event.created_at).toISOString(), data: event.payload.data });
    }
    await settleAttempts(
      db,
      settings,
      due.map((d) => ({
        tenantId: ep.tenantId,
        endpointId: ep.id,
        deliveryId: d.id,
        attempt: 1,
        startedAt: new Date(),
        latencyMs: 3,
        statusCode: 204,
        responseExcerpt: null,
        error: null,
        retryAfterMs: null,
      })),
    );
    expect(await readDueDeliveries(db, ep, A, null, [], 10)).toEqual([]);
    expect(await nextDueAt(db, ep)).toBeNull();
  });

  it('deletes the attempts of deleted deliveries (endpoint deleted)', async () => {
    const ep = await endpointWithDeliveries(3);
    await leaseEndpoint(db, settings, ep.tenantId, ep.id, A, 30_000);
    const due = await readDueDeliveries(db, ep, A, null, [], 10);
    await settleAttempts(
      db,
      settings,
      due.map((d) => ({
        tenantId: ep.tenantId,
        endpointId: ep.id,
        deliveryId: d.id,
        attempt: 1,
        startedAt: new Date(),
        latencyMs: 3,
        statusCode: 500,
        responseExcerpt: 'no',
        error: 'HTTP 500',
        retryAfterMs: null,
      })),
    );
    expect(await rowsOf('webhook_attempts', ep.id)).toBe(3);
    await db('webhook_endpoints').where({ id: ep.id }).del();
    expect(await rowsOf('webhook_attempts', ep.id)).toBe(0);
  });

  it('fans out nothing to an endpoint deleted while the relay runs, and deletes deliveries with their endpoint or tenant', async () => {
    const ep = await endpointWithDeliveries(2);
    expect(await rowsOf('webhook_deliveries', ep.id)).toBe(2);
    await db('events').insert({
      tenant_id: ep.tenantId,
      type: 'customer.updated',
      subject_type: 'customer',
      subject_id: db.raw('gen_random_uuid()'),
      payload: { data: {} },
    });
    // The DELETE holds the endpoint's row until it commits; the relay's fan-out waits for it, then skips the endpoint.
    const trx = await db.transaction();
    const deleter = Number((await trx.raw('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    await trx('webhook_endpoints').where({ id: ep.id }).del();
    let settled = false;
    const relaying = relayPendingEvents(db, 500).finally(() => {
      settled = true;
    });
    // The racing state, proved: a backend of the relay waits for a lock the DELETE's transaction holds.
    const blocked = async () =>
      Number(
        (await db.raw("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND ? = ANY(pg_blocking_pids(pid))", [deleter])).rows[0].n,
      );
    const waiting = await until(blocked, (n) => n > 0 || settled, {
      timeoutMs: 10_000,
      everyMs: 10,
      label: "the relay to wait for the DELETE's lock (or finish)",
    }).finally(() => trx.commit());
    expect({ relayBlockedByDelete: waiting, relayFinishedFirst: settled }).toEqual({ relayBlockedByDelete: 1, relayFinishedFirst: false });
    expect((await relaying).relayed).toBeGreaterThanOrEqual(1);
    expect(await rowsOf('webhook_deliveries', ep.id)).toBe(0);

    const other = await endpointWithDeliveries(3);
    await db('tenants').where({ id: other.tenantId }).del();
    expect(await rowsOf('webhook_deliveries', other.id)).toBe(0);
  });
});
