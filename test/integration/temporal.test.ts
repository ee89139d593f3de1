import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Knex } from 'knex';
import { runTenantSummary } from '../../domain/tenants/lifecycle';
import { createLogger } from '../../lib/logger';
import { createTemporalProvider, type TemporalProvider } from '../../temporal/client';
import { createHeraldWorker } from '../../temporal/worker';
import { buildCustomer, buildTenant, testDb } from '../support/factories';

/**
 * The Temporal wiring end to end on the real dev server: the worker bundles workflows/index.ts,
 * the workflow calls an activity from the factory, and the activity reads Postgres.
 */
describe('Temporal wiring', () => {
  let db: Knex;
  let temporal: TemporalProvider;
  const settings = { address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: process.env.TEMPORAL_TASK_QUEUE! };

  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    db = testDb();
    temporal = createTemporalProvider(settings);
  });
  afterAll(async () => {
    await temporal.close();
    await db.destroy();
  });

  it('runs the tenant summary workflow through a real worker and activity', async () => {
    const { tenantId } = await buildTenant(db);
    const other = await buildTenant(db);
    for (let i = 0; i < 3; i++) await buildCustomer(db, tenantId);
    await buildCustomer(db, other.tenantId);
    await buildCustomer(db, tenantId, { deleted_at: new Date() });

    const { worker, connection } = await createHeraldWorker(settings, { db, logger: createLogger('silent') });
    try {
      const summary = await worker.runUntil(runTenantSummary(temporal, tenantId));
      expect(summary).toEqual({ tenantId, customers: 3, orders: 0, events: 0 });
    } finally {
      await connection.close();
    }

    const client = await temporal.client();
    const history = await client.workflow.getHandle(`tenant-summary-${tenantId}`).fetchHistory();
    const scheduled = history.events?.filter((e) => e.activityTaskScheduledEventAttributes) ?? [];
    expect(scheduled.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)).toEqual(['summarizeTenant']);
  }, 120000);
});
