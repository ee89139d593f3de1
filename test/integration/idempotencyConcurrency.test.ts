import type { Knex } from 'knex';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';
import { until } from '../support/until';

/**
 * Idempotency-Key while the first request is still running, with real concurrent requests:
 * an order's creation takes its customer's row lock, so the test holds that lock in a
 * transaction of its own to keep the first request in progress for as long as it needs. A second
 * request with the key meanwhile is a 409; a first request that ends in a 5xx (its statement is
 * cancelled in Postgres, as an operator or a failover would) releases the key, and the retry
 * is processed as a new request.
 */
describe('Idempotency-Key with concurrent requests', () => {
  let server: TestServer;
  let db: Knex;
  let tenant: { tenantId: string; adminKey: string };

  const post = (body: unknown, key: string) =>
    server.request('/api/v1/orders', { method: 'POST', key: tenant.adminKey, body, headers: { 'Idempotency-Key': key } });
  const orderBody = (customerId: string) => ({ customerId, items: [{ productId: 'p-1', name: 'Widget', price: 19.99, quantity: 1 }] });
  const keyRow = (key: string) => db('idempotency_keys').where({ tenant_id: tenant.tenantId, key }).first();
  const ordersOf = (customerId: string) => db('orders').where({ tenant_id: tenant.tenantId, customer_id: customerId });

  /** Takes the customer's row lock in a transaction the test ends when it chooses. */
  async function holdCustomer(customerId: string): Promise<Knex.Transaction> {
    const trx = await db.transaction();
    await trx('customers').where({ id: customerId }).forUpdate().first();
    return trx;
  }

  /** The backend of the API's order transaction, once it waits for the customer's row lock. */
  async function waitingBackend(): Promise<number> {
    const rows = await until(
      async () =>
        (
          await db.raw(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%from "customers"%for update%'`,
          )
        ).rows as Array<{ pid: number }>,
      (r) => r.length === 1,
      { timeoutMs: 10_000, label: "the order request to wait for the customer's row lock" },
    );
    return rows[0]!.pid;
  }

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    tenant = await buildTenant(db, 'Idempotency tenant');
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('answers 409 to a second request while the first is in progress, then replays the first one’s answer', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const lock = await holdCustomer(customerId);
    const first = post(orderBody(customerId), 'in-progress-1');
    try {
      await waitingBackend();
      expect(await keyRow('in-progress-1')).toMatchObject({ state: 'in_progress' });
      const second = await post(orderBody(customerId), 'in-progress-1');
      expect(second.status).toBe(409);
      expect(second.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/still being processed/) });
      expect(second.headers.get('idempotent-replayed')).toBeNull();
    } finally {
      await lock.commit();
    }
    const answered = await first;
    expect(answered.status).toBe(201);
    const replayed = await post(orderBody(customerId), 'in-progress-1');
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(answered.body);
    expect(await ordersOf(customerId)).toHaveLength(1);
  });

  it('releases the key when the first request ends in a 5xx, so a retry is processed', async () => {
    const customerId = await buildCustomer(db, tenant.tenantId);
    const lock = await holdCustomer(customerId);
    const first = post(orderBody(customerId), 'released-1');
    try {
      const pid = await waitingBackend();
      await db.raw('SELECT pg_cancel_backend(?)', [pid]);
      const failed = await first;
      expect(failed.status).toBe(503);
      expect(failed.body.error.code).toBe('unavailable');
    } finally {
      await lock.rollback();
    }
    expect(await keyRow('released-1')).toBeUndefined();
    expect(await ordersOf(customerId)).toHaveLength(0);

    const retried = await post(orderBody(customerId), 'released-1');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await keyRow('released-1')).toMatchObject({ state: 'done', status: 201 });
    const again = await post(orderBody(customerId), 'released-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(retried.body.data.id);
    expect(await ordersOf(customerId)).toHaveLength(1);
  });
});
