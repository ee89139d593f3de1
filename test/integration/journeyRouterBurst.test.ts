import type { Knex } from 'knex';
import { ensureJourneyRouter } from '../../domain/journeys/lifecycle';
import { startSegmentRefresh } from '../../domain/segments/lifecycle';
import { segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { buildTenant, testDb } from '../support/factories';
import { definitionWith, publishJourney, routed } from '../support/journeysRouter';
import { startTestServer, type TestServer } from '../support/testServer';
import { startTestWorker } from '../support/testWorker';
import { until } from '../support/until';

/**
 * The journey router under a burst: a segment refresh emits 10,000 segment.entered events in one
 * statement, and the router makes their runs in set-based passes (one INSERT … SELECT per journey
 * per pass). Measured and reported, not asserted against a time (a shared machine).
 */
describe('journey router burst', () => {
  let server: TestServer;
  let db: Knex;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    stopWorker = await startTestWorker(db);
    await ensureJourneyRouter(server.runtime.temporal, server.runtime.temporal.settings.taskQueue);
  });
  afterAll(async () => {
    await stopWorker();
    await server.close();
    await db.destroy();
  });

  it('measure: 10,000 customers entering a segment-triggered journey at once (one refresh) all get their run', async () => {
    const t = await buildTenant(db);
    const res = await server.request('/api/v1/segments', {
      method: 'POST',
      key: t.adminKey,
      body: { name: 'burst', rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['burst'] }] } },
    });
    const burst = res.body.data.id as string;
    const client = await server.runtime.temporal.client();
    await client.workflow.getHandle(segmentRefreshWorkflowId(t.tenantId, burst)).result();
    const { journeyId } = await publishJourney(db, t.tenantId, definitionWith({ entry: { type: 'segment', segmentId: burst } }));
    await db.raw(
      `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, tags)
       SELECT ?, 'Burst', g::text, 'Burst ' || g, 'burst-' || g || '@example.com', ARRAY['burst'] FROM generate_series(1, 10000) g`,
      [t.tenantId],
    );
    const started = Date.now();
    await startSegmentRefresh(server.runtime.temporal, t.tenantId, burst);
    let refreshedMs = 0;
    const refreshed = client.workflow
      .getHandle(segmentRefreshWorkflowId(t.tenantId, burst))
      .result()
      .then(() => (refreshedMs = Date.now() - started));
    await until(
      async () => Number((await db('journey_runs').where({ journey_id: journeyId }).count<{ n: string }[]>({ n: '*' }))[0]!.n),
      (n) => n === 10_000,
      { timeoutMs: 120_000, everyMs: 100, label: '10,000 runs' },
    );
    const tookMs = Date.now() - started;
    await refreshed;
    await routed(db, t.tenantId);
    const entered = await db('events').where({ tenant_id: t.tenantId, type: 'journey.entered' }).count<{ n: string }[]>({ n: '*' });
    expect(Number(entered[0]!.n)).toBe(10_000);
    // Reported, not asserted (a shared machine): refresh start → the 10,000th run committed.
    console.log(`journey router burst: refresh start → 10,000 segment.entered committed ${refreshedMs} ms → 10,000 runs ${tookMs} ms`);
  }, 180_000);
});
