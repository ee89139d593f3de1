import type { Knex } from 'knex';
import * as nameShardsMigration from '../../migrations/20261205001000_customer_event_name_shards';
import { buildTenant, testDb } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * A name's count is kept in several rows (shards) so that concurrent batches with the same names
 * do not wait for each other's commit (issue 16, bench events-ingest). The shards must add up to
 * the name's count and times as `GET /events/names` answers them, under concurrent batches, and the
 * migration's down must fold them back into one row per name.
 */
describe('customer event name counts in shards', () => {
  let server: TestServer;
  let db: Knex;
  let t: { tenantId: string; adminKey: string };

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000', RATE_LIMIT_IP_PER_MINUTE: '100000' });
    t = await buildTenant(db);
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('adds up concurrent batches across shards, and folds them into one row per name on down', async () => {
    const base = Date.parse('2026-12-01T10:00:00Z');
    const batches = Array.from({ length: 24 }, (_, b) => ({
      batch: ['Sharded Name', 'Other Name'].map((event, k) => ({
        type: 'track',
        userId: `shard-user-${b % 5}`,
        event,
        properties: {},
        messageId: `shard-${b}-${k}`,
        timestamp: new Date(base + b * 60_000).toISOString(),
      })),
    }));
    const answers = await Promise.all(batches.map((body) => server.request('/api/v1/batch', { method: 'POST', key: t.adminKey, body })));
    for (const res of answers) expect(res.body.data).toMatchObject({ accepted: 2, failed: 0 });

    const rows = await db('customer_event_names').where({ tenant_id: t.tenantId, name: 'Sharded Name' });
    expect(rows.length).toBeGreaterThan(1);
    const names = (await server.request('/api/v1/events/names', { key: t.adminKey })).body.data;
    const expected = { count: 24, firstSeenAt: new Date(base).toISOString(), lastSeenAt: new Date(base + 23 * 60_000).toISOString() };
    expect(names).toEqual([
      { name: 'Other Name', ...expected },
      { name: 'Sharded Name', ...expected },
    ]);

    await nameShardsMigration.down(db);
    const folded = await db('customer_event_names').where({ tenant_id: t.tenantId }).orderBy('name');
    expect(
      folded.map((r: { name: string; count: string; first_seen_at: Date; last_seen_at: Date }) => [
        r.name,
        Number(r.count),
        r.first_seen_at.toISOString(),
        r.last_seen_at.toISOString(),
      ]),
    ).toEqual([
      ['Other Name', 24, expected.firstSeenAt, expected.lastSeenAt],
      ['Sharded Name', 24, expected.firstSeenAt, expected.lastSeenAt],
    ]);
    await nameShardsMigration.up(db);
    expect((await server.request('/api/v1/events/names', { key: t.adminKey })).body.data).toEqual(names);
  });
});
