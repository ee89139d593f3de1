import { createNotificationHub } from '../../domain/webhooks/notifications';
import { createDb, type Knex } from '../../db/knex';
import { createLogger } from '../../lib/logger';
import { until } from '../support/until';

/**
 * The worker's LISTEN hub holds one pooled connection only while someone listens. Dispatchers
 * subscribe and unsubscribe all the time, so each cycle must give its connection back even when
 * the pool hands the same client object out again, and a subscriber must still hear notifications.
 */
describe('webhook notification hub', () => {
  let db: Knex;
  beforeAll(() => {
    db = createDb({ url: process.env.DATABASE_URL!, poolMax: 2 });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('gives its connection back on every subscribe/unsubscribe cycle and still delivers notifications', async () => {
    const hub = createNotificationHub(db, createLogger('silent'));
    const pool = (db.client as { pool: { numUsed(): number; numPendingAcquires(): number } }).pool;
    const released = (what: string) =>
      until(
        () => pool.numUsed(),
        (n) => n === 0,
        { timeoutMs: 2000, everyMs: 5, label: `the hub's connection back in the pool ${what}` },
      );
    for (let i = 0; i < 12; i++) {
      const unsubscribe = await hub.subscribe('herald_deliveries', () => undefined);
      unsubscribe();
      await released(`after cycle ${i + 1}`);
    }
    // Both connections of the pool are free: two queries at once each get one without waiting.
    await Promise.all([db.raw('SELECT pg_sleep(0.05)'), db.raw('SELECT pg_sleep(0.05)')]);

    const heard: string[] = [];
    const unsubscribe = await hub.subscribe('herald_deliveries', (payload) => heard.push(payload));
    await db.raw("SELECT pg_notify('herald_deliveries', 'endpoint-1')");
    await until(
      () => heard.length,
      (n) => n > 0,
      { timeoutMs: 1000, everyMs: 10, label: 'the notification to be heard' },
    );
    expect(heard).toEqual(['endpoint-1']);
    unsubscribe();
    await released('after the last unsubscribe');
  });
});
