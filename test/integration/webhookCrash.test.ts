import type { Knex } from 'knex';
import { buildTenant, testDb, uniqueSuffix } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhookReceiver';
import { startWorkerProcess, type WorkerProcess } from '../support/heraldProcess';

/**
 * Killing the worker mid-burst loses nothing. `herald worker` runs as a child process (no worker
 * in this process, so the child does all the work); while 200 events are being delivered to a
 * slowish receiver it is killed with SIGKILL — no graceful shutdown, leases held, activities
 * mid-flight — then started again. Every event must arrive, verified, and any repeat must carry
 * the webhook-id it had before (only deliveries in flight at the kill may repeat).
 */
describe('webhook delivery across a worker crash', () => {
  let db: Knex;
  let server: TestServer;
  let worker: WorkerProcess | undefined;
  let r: WebhookReceiver;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000000' });
    r = await startWebhookReceiver();
  });

  afterAll(async () => {
    await worker?.kill();
    await r?.close();
    await server?.close();
    await db?.destroy();
  });

  it('delivers every event after SIGKILL mid-burst and a restart', async () => {
    worker = await startWorkerProcess();
    const t = await buildTenant(db);
    const endpoint = (
      await server.request('/api/v1/webhooks', { method: 'POST', key: t.adminKey, body: { url: r.url, events: ['customer.*'], maxConcurrency: 5 } })
    ).body.data;
    r.setSecrets([{ secret: endpoint.secret }]);
    const newCustomer = () => server.request('/api/v1/customers', { method: 'POST', key: t.adminKey, body: { firstName: 'Crash', lastName: uniqueSuffix() } });
    r.setBehaviour(() => ({ status: 204, delayMs: 30 }));
    const total = 200;
    const creating = (async () => {
      for (let i = 0; i < total; i += 10) await Promise.all(Array.from({ length: 10 }, () => newCustomer()));
    })();
    await until(
      () => r.requests.length,
      (n) => n >= 40,
      { timeoutMs: 60_000, label: '40 deliveries before the kill' },
    );
    await worker.kill();
    const atKill = r.acceptedIds().size;
    const succeeded = async () => Number((await db('webhook_deliveries').where({ endpoint_id: endpoint.id, status: 'succeeded' }).count({ n: '*' }))[0]!.n);
    const settledAtKill = await succeeded();
    await creating;
    // Killed mid-burst: some deliveries had arrived and been settled, not all; and none settles while no worker runs.
    expect({ someArrived: atKill >= 1, someSettled: settledAtKill >= 1, notAllArrived: atKill < total }).toEqual({
      someArrived: true,
      someSettled: true,
      notAllArrived: true,
    });
    await new Promise((res) => setTimeout(res, 1000));
    expect(r.requests.length - atKill).toBeLessThanOrEqual(10);
    expect(await succeeded()).toBe(settledAtKill);

    worker = await startWorkerProcess();
    const accepted = await until(
      () => r.acceptedIds(),
      (ids) => ids.size >= total,
      120_000,
    );
    expect(accepted.size).toBe(total);
    expect(r.unverified()).toEqual([]);
    const deliveries = await db('webhook_deliveries').where({ endpoint_id: endpoint.id });
    expect(deliveries).toHaveLength(total);
    expect(new Set(deliveries.map((d) => d.id))).toEqual(accepted);
    const repeats = r.requests.length - accepted.size;
    console.log(`SIGKILL after ${atKill} of ${total} deliveries; ${repeats} repeated (same webhook-id) after the restart`);
    expect(repeats).toBeLessThanOrEqual(2 * 5 + 5);
  }, 200_000);
});
