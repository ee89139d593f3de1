import { createWebhookTransport } from '../../channels/webhookHttp';
import { createDb, type Knex } from '../../db/knex';
import { runDispatcher, type DispatcherDeps } from '../../domain/webhooks/dispatcher';
import { leaseEndpoint } from '../../domain/webhooks/ledger';
import { createNotificationHub } from '../../domain/webhooks/notifications';
import { relayPendingEvents } from '../../domain/webhooks/relay';
import { encryptSecret } from '../../domain/webhooks/secrets';
import { webhookSettings } from '../../domain/webhooks/settings';
import { createWebhookSettler } from '../../domain/webhooks/settler';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { buildTenant } from '../support/factories';
import { until } from '../support/until';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;

/**
 * One dispatcher run (domain/webhooks/dispatcher.ts) against the real Postgres and a real HTTP
 * receiver, outside Temporal: the run takes the endpoint's lease, sends each due delivery once,
 * signed, settles it through the shared settler and gives the lease back; a failing endpoint
 * hands its retry to the workflow's timer; a deleted, disabled or leased endpoint is not sent to.
 */
describe('webhook dispatcher run', () => {
  let db: Knex;
  let receiver: WebhookReceiver;
  const settings = webhookSettings(loadConfig({ ...process.env, NODE_ENV: 'development', WEBHOOK_RETRY_SCHEDULE: '5s,5m' }));
  const logger = createLogger('silent');
  const transport = createWebhookTransport({ policy: settings.ssrf, timeoutMs: settings.timeoutMs, connections: 4 });
  const forgotten: string[] = [];
  let deps: DispatcherDeps;

  beforeAll(async () => {
    db = createDb({ url: process.env.DATABASE_URL!, poolMax: 6 });
    receiver = await startWebhookReceiver([{ secret: SECRET }]);
    deps = {
      db,
      settings,
      logger,
      hub: createNotificationHub(db, logger),
      settler: createWebhookSettler({ db, logger, settings }),
      transportFor: () => transport,
      forgetTransport: (id) => forgotten.push(id),
    };
  });
  afterAll(async () => {
    await transport.close();
    await receiver.close();
    await db.destroy();
  });

  /** An endpoint at the receiver with `events` relayed deliveries. */
  async function endpointWithDeliveries(events: number, columns: Record<string, unknown> = {}) {
    const { tenantId } = await buildTenant(db, 'dispatcher');
    const [ep] = await db('webhook_endpoints')
      .insert({
        tenant_id: tenantId,
        url: receiver.url,
        event_types: ['customer.*'],
        secret_ciphertext: encryptSecret(settings.secretsKey, SECRET),
        max_concurrency: 2,
        ...columns,
      })
      .returning('id');
    for (let i = 0; i < events; i++) {
      await db('events').insert({
        tenant_id: tenantId,
        type: 'customer.updated',
        subject_type: 'customer',
        subject_id: db.raw('gen_random_uuid()'),
        payload: { data: { n: i }, actor: null },
      });
    }
    while ((await relayPendingEvents(db, 500)).relayed > 0);
    return { tenantId, endpointId: (ep as { id: string }).id };
  }

  const deliveriesOf = (endpointId: string) => db('webhook_deliveries').where({ endpoint_id: endpointId }).orderBy('id');

  it('sends every due delivery once, signed, settles it and gives the lease back', async () => {
    const { tenantId, endpointId } = await endpointWithDeliveries(6);
    const ids = (await deliveriesOf(endpointId)).map((d) => d.id as string);
    receiver.setBehaviour(() => 204);
    const abort = new AbortController();
    let beats = 0;
    const run = runDispatcher(deps, { tenantId, endpointId, signal: abort.signal, heartbeat: () => beats++ });
    await until(
      async () => (await deliveriesOf(endpointId)).filter((d) => d.status === 'succeeded').length,
      (n) => n === 6,
      { label: 'six settled deliveries' },
    );
    abort.abort();
    expect(await run).toEqual({ stopped: null, nextDueAt: expect.any(Number) });

    const mine = receiver.requests.filter((r) => ids.includes(r.webhookId));
    expect(mine.map((r) => r.webhookId).sort()).toEqual([...ids].sort());
    expect(mine.every((r) => r.verifiedWith[0])).toBe(true);
    expect(mine.map((r) => r.payload.data.n).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const attempts = await db('webhook_attempts').where({ endpoint_id: endpointId });
    expect(attempts).toHaveLength(6);
    expect(attempts.every((a) => a.status_code === 204 && a.attempt === 1)).toBe(true);
    expect(await db('webhook_endpoints').where({ id: endpointId }).first('dispatch_owner', 'dispatch_lease_until')).toEqual({
      dispatch_owner: null,
      dispatch_lease_until: null,
    });
    expect(beats).toBeGreaterThan(0);
  });

  it("hands a failing endpoint's retry to the workflow: the run returns the next due time on its own", async () => {
    const { tenantId, endpointId } = await endpointWithDeliveries(1);
    receiver.setBehaviour(() => 500);
    const started = Date.now();
    const result = await runDispatcher(deps, { tenantId, endpointId, signal: new AbortController().signal, heartbeat: () => undefined });
    const [row] = await deliveriesOf(endpointId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500' });
    expect(result).toEqual({ stopped: null, nextDueAt: new Date(row.next_attempt_at).getTime() });
    // The first retry is ~5 s out (the schedule's first step, with jitter), beyond the 1 s a failing endpoint waits for.
    expect(result.nextDueAt! - started).toBeGreaterThan(1000);
    expect(Date.now() - started).toBeLessThan(result.nextDueAt! - started);
  });

  it('sends nothing to a deleted, disabled or leased endpoint, and says why', async () => {
    const gone = '99999999-9999-4999-8999-999999999999';
    const { tenantId } = await buildTenant(db, 'dispatcher-gone');
    const before = receiver.requests.length;
    expect(await runDispatcher(deps, { tenantId, endpointId: gone, signal: new AbortController().signal, heartbeat: () => undefined })).toEqual({
      stopped: 'deleted',
      nextDueAt: null,
    });
    expect(forgotten).toContain(gone);

    const disabled = await endpointWithDeliveries(1, { enabled: false });
    expect(await runDispatcher(deps, { ...disabled, signal: new AbortController().signal, heartbeat: () => undefined })).toEqual({
      stopped: 'disabled',
      nextDueAt: null,
    });

    const leased = await endpointWithDeliveries(1);
    const lease = await leaseEndpoint(db, settings, leased.tenantId, leased.endpointId, '33333333-3333-4333-8333-333333333333', 30_000);
    expect(lease.state).toBe('leased');
    const result = await runDispatcher(deps, { ...leased, signal: new AbortController().signal, heartbeat: () => undefined });
    expect(result.stopped).toBeNull();
    expect(result.nextDueAt).toBeGreaterThan(Date.now() + 20_000);
    expect(receiver.requests.length).toBe(before);
  });
});
