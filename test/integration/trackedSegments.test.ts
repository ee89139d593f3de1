import type { Knex } from 'knex';
import { segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';
import { startTestWorker } from '../support/testWorker';

/**
 * Real-time membership from tracked events, end to end (issue 16): POST /track commits the event,
 * then re-evaluates the segments with event conditions on its name, so the customer is a member
 * when the third qualifying event's answer arrives; an identify that merges an anonymous history
 * does the same for the merged names. Nothing is polled: membership is read right after the answer.
 */
describe('segments follow tracked events', () => {
  let server: TestServer;
  let db: Knex;
  let stopWorker: () => Promise<void>;
  let t: { tenantId: string; adminKey: string };

  const call = async (method: string, url: string, body?: unknown) => {
    const res = await server.request(`/api/v1${url}`, { method, key: t.adminKey, body });
    if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const segment = async (name: string, rules: unknown): Promise<string> => {
    const id = (await call('POST', '/segments', { name, rules })).data.id as string;
    const client = await server.runtime.temporal.client();
    await client.workflow.getHandle(segmentRefreshWorkflowId(t.tenantId, id)).result();
    return id;
  };
  const memberIds = async (segmentId: string) =>
    (await db('segment_memberships').where({ segment_id: segmentId }).whereNull('exited_at').pluck('customer_id')) as string[];
  const viewed = (userId: string, price: number) => call('POST', '/track', { userId, event: 'Viewed Product', properties: { price } });

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
    stopWorker = await startTestWorker(db);
    t = await buildTenant(db);
  });
  afterAll(async () => {
    await stopWorker();
    await server.close();
    await db.destroy();
  });

  it('a customer enters with the third qualifying event, answered by /track, and the other segments are untouched', async () => {
    const three = await segment('viewed 3 over 10', {
      all: [{ event: 'Viewed Product', where: { all: [{ property: 'price', operator: 'greaterThan', value: 10 }] }, count: { gte: 3 }, within: '30d' }],
    });
    const first = (await viewed('u-1', 20)).data.customerId as string;
    await viewed('u-1', 5);
    await viewed('u-1', 30);
    expect(await memberIds(three)).toEqual([]);
    const other = await segment('vip', { all: [{ fact: 'tier', operator: 'equal', value: 'vip' }] });
    await viewed('u-1', 40);
    expect(await memberIds(three)).toEqual([first]);
    expect(await memberIds(other)).toEqual([]);
    const entered = await db('events').where({ tenant_id: t.tenantId, type: 'segment.entered', subject_id: three }).count<{ count: number }[]>('* as count');
    expect(Number(entered[0]!.count)).toBe(1);
  });

  it('a batch and an identify merging an anonymous history re-evaluate the same way', async () => {
    const carts = await segment('two carts', { all: [{ event: 'Added To Cart', count: { gte: 2 } }] });
    const batch = await call('POST', '/batch', {
      batch: [
        { type: 'track', userId: 'u-2', event: 'Added To Cart', properties: {} },
        { type: 'track', userId: 'u-2', event: 'Added To Cart', properties: {} },
        { type: 'track', anonymousId: 'anon-9', event: 'Added To Cart', properties: {} },
      ],
    });
    expect(batch.data).toMatchObject({ accepted: 3, failed: 0 });
    const second = batch.data.results[0].customerId as string;
    expect(await memberIds(carts)).toEqual([second]);
    const identified = await call('POST', '/identify', { userId: 'u-3', anonymousId: 'anon-9', traits: {} });
    expect(identified.data.mergedEvents).toBe(1);
    expect((await memberIds(carts)).sort()).toEqual([second].sort());
    await call('POST', '/track', { userId: 'u-3', event: 'Added To Cart', properties: {} });
    expect((await memberIds(carts)).sort()).toEqual([second, identified.data.customerId].sort());
  });
});
