import { createOrderService } from '../../domain/orders/service';
import { createSegmentReevaluator } from '../../domain/segments/reevaluator';
import { createRuleEvaluator } from '../../rules/evaluate';
import type { Knex } from 'knex';
import { createCustomerEventService } from '../../domain/customerEvents/service';
import { maintainCustomerEventPartitions, partitionName } from '../../domain/customerEvents/partitions';
import { createCustomerIdentities } from '../../domain/customers/identities';
import { createCustomerCommands } from '../../domain/customers/service';
import { createDefaultLanguageCache } from '../../domain/tenants/languageCache';
import type { CommandContext } from '../../domain/shared/context';
import { buildTenant, testDb } from '../support/factories';
import { startTestWorker, testTemporalSettings } from '../support/testWorker';
import { until } from '../support/until';
import { ensureCustomerEventPartitionSchedule } from '../../domain/customerEvents/lifecycle';
import { createTemporalProvider } from '../../temporal/client';
import { CUSTOMER_EVENT_PARTITIONS_SCHEDULE_ID, customerEventPartitionsWorkflow } from '../../workflows/customerEventPartitions';

/**
 * The partition upkeep of customer_events with an injected clock: months created ahead, rows
 * moved out of the default partition when their month is created, whole partitions dropped past
 * the longest tenant retention, a shorter-retention tenant's older rows deleted, old messageId
 * claims pruned; and the same pass run by the worker's activity through a Temporal workflow.
 */
describe('customer event partitions', () => {
  let db: Knex;
  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.destroy();
  });

  const DAY = 86400_000;
  const monthsFrom = (at: Date, months: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 15, 12));
  const partitions = async () =>
    (
      await db.raw(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'customer_events'::regclass ORDER BY 1`)
    ).rows.map((r: { relname: string }) => r.relname) as string[];
  const where = async (id: string) =>
    (await db.raw('SELECT tableoid::regclass::text AS t FROM customer_events WHERE id = ?', [id])).rows[0]?.t as string | undefined;

  /** The events service on a clock of the test's choosing, acting as a tenant's admin key. */
  const serviceAt = (clock: Date) => {
    const segments = createSegmentReevaluator({
      db,
      matcher: createRuleEvaluator({ now: () => clock }),
      report: (err) => {
        throw err;
      },
    });
    const commands = createCustomerCommands({
      db,
      defaultPhoneRegion: 'US',
      orders: createOrderService({ db, segments }),
      segments,
      defaultLanguages: createDefaultLanguageCache({ db }),
    });
    return createCustomerEventService({ db, identities: createCustomerIdentities({ db, commands }), now: () => clock });
  };
  const ctxOf = (tenantId: string): CommandContext => ({ principal: { tenantId, role: 'admin', actorType: 'api_key', actorId: 'test' } });

  it('creates months ahead and moves rows out of the default partition into their new month', async () => {
    const { tenantId } = await buildTenant(db);
    const future = monthsFrom(new Date(), 7);
    const stored = await serviceAt(future).track(ctxOf(tenantId), { userId: 'p-1', event: 'Future', properties: {} });
    expect(await where(stored.id)).toBe('customer_events_default');
    const pass = await maintainCustomerEventPartitions(db, monthsFrom(new Date(), 6));
    expect(pass.created).toEqual([6, 7, 8, 9].map((k) => partitionName(new Date(Date.UTC(future.getUTCFullYear(), future.getUTCMonth() - 7 + k, 1)))));
    expect(pass.moved).toBe(1);
    expect(await where(stored.id)).toBe(partitionName(future));
    expect((await maintainCustomerEventPartitions(db, monthsFrom(new Date(), 6))).created).toEqual([]);
  });

  it('partitions backfilled months, drops partitions past the longest retention, deletes a shorter-retention tenant’s older rows', async () => {
    const now = new Date();
    const long = await buildTenant(db);
    const short = await buildTenant(db);
    await db('tenants')
      .where({ id: long.tenantId })
      .update({ settings: { eventRetentionMonths: 60 } });
    await db('tenants')
      .where({ id: short.tenantId })
      .update({ settings: { eventRetentionMonths: 2 } });
    const events = serviceAt(now);
    const old = await events.track(ctxOf(long.tenantId), { userId: 'l', event: 'Old', properties: {}, timestamp: monthsFrom(now, -40).toISOString() });
    const longRecent = await events.track(ctxOf(long.tenantId), {
      userId: 'l',
      event: 'Recent',
      properties: {},
      timestamp: new Date(now.getTime() - 80 * DAY).toISOString(),
    });
    const shortRecent = await events.track(ctxOf(short.tenantId), {
      userId: 's',
      event: 'Recent',
      properties: {},
      timestamp: new Date(now.getTime() - 80 * DAY).toISOString(),
    });
    const shortNew = await events.track(ctxOf(short.tenantId), {
      userId: 's',
      event: 'New',
      properties: {},
      timestamp: new Date(now.getTime() - 2 * DAY).toISOString(),
    });
    expect(old.customerId).not.toBeNull();
    expect(await where(old.id)).toBe('customer_events_default');

    // Segments counting events: the short tenant's "ever" segment must be refreshed once its old event is gone.
    const segmentOf = async (tenantId: string, name: string, rules: unknown) =>
      (
        await db('segments')
          .insert({ tenant_id: tenantId, name, rules: JSON.stringify(rules), refreshed_at: now })
          .returning('id')
      )[0].id as string;
    const counting = await segmentOf(short.tenantId, 'ever recent', { kind: 'event', event: 'Recent', count: { gte: 1 } });
    const plain = await segmentOf(short.tenantId, 'vip', { kind: 'condition', field: 'tier', operator: 'equal', value: 'vip' });
    const refreshedAt = async (id: string) => (await db('segments').where({ id }).first('refreshed_at')).refreshed_at as Date | null;

    const first = await maintainCustomerEventPartitions(db, now);
    expect([await refreshedAt(counting), await refreshedAt(plain)].map((d) => d === null)).toEqual([true, false]);
    expect(first.segmentsMarked).toBeGreaterThanOrEqual(1);
    expect(first.created).toContain(partitionName(monthsFrom(now, -40)));
    expect(await where(old.id)).toBe(partitionName(monthsFrom(now, -40)));
    // The short tenant keeps 2 months: its 80-day-old event goes, the long tenant's stays.
    expect(first.deleted).toBe(1);
    expect([await where(shortRecent.id), await where(longRecent.id), await where(shortNew.id)].map(Boolean)).toEqual([false, true, true]);

    await db('tenants')
      .where({ id: long.tenantId })
      .update({ settings: { eventRetentionMonths: 13 } });
    const second = await maintainCustomerEventPartitions(db, now);
    expect(second.dropped).toContain(partitionName(monthsFrom(now, -40)));
    expect(await where(old.id)).toBeUndefined();
    expect(await partitions()).toContain(partitionName(now));
    expect(await where(longRecent.id)).toBeDefined();
  });

  it('prunes messageId claims after 35 days, so only then a repeat is stored again', async () => {
    const { tenantId } = await buildTenant(db);
    const now = new Date();
    const first = await serviceAt(now).track(ctxOf(tenantId), { userId: 'm', event: 'Paid', properties: {}, messageId: 'once' });
    expect(
      (await serviceAt(new Date(now.getTime() + 20 * DAY)).track(ctxOf(tenantId), { userId: 'm', event: 'Paid', properties: {}, messageId: 'once' }))
        .deduplicated,
    ).toBe(true);
    expect((await maintainCustomerEventPartitions(db, new Date(now.getTime() + 30 * DAY))).prunedMessageIds).toBe(0);
    expect((await maintainCustomerEventPartitions(db, new Date(now.getTime() + 36 * DAY))).prunedMessageIds).toBeGreaterThanOrEqual(1);
    const later = await serviceAt(new Date(now.getTime() + 36 * DAY)).track(ctxOf(tenantId), { userId: 'm', event: 'Paid', properties: {}, messageId: 'once' });
    expect([later.deduplicated, later.id === first.id]).toEqual([false, false]);
  });

  it('runs daily on a Temporal Schedule, as a workflow whose activity calls the domain function', async () => {
    const stop = await startTestWorker(db);
    const temporal = createTemporalProvider(testTemporalSettings());
    try {
      const client = await temporal.client();
      const result = await client.workflow.execute(customerEventPartitionsWorkflow, {
        workflowId: `partitions-${process.env.TEMPORAL_TASK_QUEUE}`,
        taskQueue: testTemporalSettings().taskQueue,
        args: [],
      });
      expect(result).toMatchObject({ created: [], moved: 0, dropped: [] });
      await ensureCustomerEventPartitionSchedule(temporal);
      await ensureCustomerEventPartitionSchedule(temporal);
      const handle = client.schedule.getHandle(`${CUSTOMER_EVENT_PARTITIONS_SCHEDULE_ID}-${testTemporalSettings().taskQueue}`);
      const described = await handle.describe();
      expect(described.spec.intervals?.[0]?.every).toBe(86400000);
      await until(
        async () => (await handle.describe()).info.recentActions.length,
        (n) => n > 0,
        20_000,
      );
      await handle.delete();
    } finally {
      await temporal.close();
      await stop();
    }
  }, 60_000);
});
