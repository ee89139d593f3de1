import { createDb, type Knex } from '../../db/knex';
import { relayPendingEvents } from '../../domain/webhooks/relay';
import { runReplay, type ReplayCursor } from '../../domain/webhooks/replays';
import { encryptSecret } from '../../domain/webhooks/secrets';
import { webhookSettings } from '../../domain/webhooks/settings';
import { loadConfig } from '../../lib/config';
import { buildTenant } from '../support/factories';

/**
 * A replay job's work (domain/webhooks/replays.ts) against the real Postgres: it re-queues exactly
 * the deliveries its scope and range select, keeps their ids, records total and progress, resumes
 * after a cursor without counting again, and leaves a job that is not running alone.
 */
describe('webhook replay job', () => {
  let db: Knex;
  const settings = webhookSettings(loadConfig({ ...process.env, NODE_ENV: 'development' }));
  beforeAll(() => {
    db = createDb({ url: process.env.DATABASE_URL!, poolMax: 3 });
  });
  afterAll(async () => {
    await db.destroy();
  });

  /** An endpoint with one delivery per status given, created in that order a second apart. */
  async function endpointWith(statuses: Array<'pending' | 'succeeded' | 'failed'>) {
    const { tenantId } = await buildTenant(db, 'replays');
    const [ep] = await db('webhook_endpoints')
      .insert({
        tenant_id: tenantId,
        url: 'https://example.com/hook',
        event_types: ['*'],
        secret_ciphertext: encryptSecret(settings.secretsKey, `whsec_${Buffer.alloc(32, 3).toString('base64')}`),
      })
      .returning('id');
    const endpointId = (ep as { id: string }).id;
    for (let i = 0; i < statuses.length; i++) {
      await db('events').insert({
        tenant_id: tenantId,
        type: 'customer.updated',
        subject_type: 'customer',
        subject_id: db.raw('gen_random_uuid()'),
        payload: { data: { n: i }, actor: null },
      });
    }
    while ((await relayPendingEvents(db, 500)).relayed > 0);
    const rows = await db('webhook_deliveries').where({ endpoint_id: endpointId }).orderBy('created_at').orderBy('id').select('id');
    for (const [i, row] of rows.entries()) {
      await db('webhook_deliveries')
        .where({ id: row.id })
        .update({ status: statuses[i], created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), next_attempt_at: db.raw("now() + interval '1 day'") });
    }
    return { tenantId, endpointId, ids: rows.map((r) => r.id as string) };
  }

  const job = async (tenantId: string, endpointId: string, columns: Record<string, unknown>) =>
    (
      (
        await db('webhook_replays')
          .insert({ tenant_id: tenantId, endpoint_id: endpointId, ...columns })
          .returning('id')
      )[0] as { id: string }
    ).id;
  const statusOf = async (endpointId: string) =>
    (await db('webhook_deliveries').where({ endpoint_id: endpointId }).orderBy('created_at').select('status', db.raw('next_attempt_at <= now() AS due'))).map(
      (r) => `${r.status}${r.due ? ':due' : ''}`,
    );

  it('re-queues the failed deliveries of its range, keeps their ids, and records total, progress and completion', async () => {
    const ep = await endpointWith(['failed', 'succeeded', 'failed', 'failed', 'pending']);
    const replayId = await job(ep.tenantId, ep.endpointId, { scope: 'failed', to: new Date(Date.UTC(2026, 0, 1, 0, 0, 2)) });
    const pages: ReplayCursor[] = [];
    const outcome = await runReplay(db, ep.tenantId, replayId, null, (c) => pages.push(c));
    expect(outcome).toEqual({ processed: 2, endpointId: ep.endpointId, ran: true });
    expect(await statusOf(ep.endpointId)).toEqual(['pending:due', 'succeeded', 'pending:due', 'failed', 'pending']);
    expect(pages).toEqual([{ createdAt: expect.any(String), id: ep.ids[2] }]);
    expect(await db('webhook_replays').where({ id: replayId }).first('status', 'total', 'processed')).toEqual({ status: 'completed', total: 2, processed: 2 });
    expect(await db('webhook_deliveries').where({ endpoint_id: ep.endpointId }).count({ n: '*' }).first()).toEqual({ n: 5 });
  });

  it("scope 'all' takes every finished delivery; a resumed run starts after its cursor and keeps the counted total", async () => {
    const ep = await endpointWith(['succeeded', 'failed', 'succeeded']);
    const replayId = await job(ep.tenantId, ep.endpointId, { scope: 'all', total: 3, processed: 1 });
    const [first] = await db('webhook_deliveries').where({ id: ep.ids[0] }).select('id', db.raw('created_at::text AS created_at'));
    const outcome = await runReplay(db, ep.tenantId, replayId, { createdAt: first.created_at, id: first.id }, () => undefined);
    expect(outcome).toEqual({ processed: 3, endpointId: ep.endpointId, ran: true });
    expect(await statusOf(ep.endpointId)).toEqual(['succeeded', 'pending:due', 'pending:due']);
    expect(await db('webhook_replays').where({ id: replayId }).first('status', 'total', 'processed')).toEqual({ status: 'completed', total: 3, processed: 3 });
  });

  it('leaves a job that is not running (or not in this tenant) alone', async () => {
    const ep = await endpointWith(['failed']);
    const done = await job(ep.tenantId, ep.endpointId, { scope: 'failed', status: 'completed', processed: 7 });
    expect(await runReplay(db, ep.tenantId, done, null, () => undefined)).toEqual({ processed: 7, endpointId: ep.endpointId, ran: false });
    const other = await buildTenant(db, 'replays-other');
    const running = await job(ep.tenantId, ep.endpointId, { scope: 'failed' });
    expect((await runReplay(db, other.tenantId, running, null, () => undefined)).ran).toBe(false);
    expect(await statusOf(ep.endpointId)).toEqual(['failed']);
  });
});
