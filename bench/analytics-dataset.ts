import { Client } from 'pg';
import { DATASET_END } from './customer-dataset';
import { printFigure, round, timed } from './report';

/**
 * The analytics benchmark's data on top of the shared 1M-customer dataset (customer-dataset.ts):
 * BENCH_ORDERS (5,000,000) orders, 24 campaigns of 20,000 recipients each with their sends, opens
 * and clicks, and 20 segments with a year of daily size snapshots. Generated in Postgres with a
 * fixed seed (setseed), so every build holds the same rows; kept between runs and recognised by a
 * row of the dataset's marker table (`bench_dataset`, name 'analytics').
 *
 * Orders: a time uniform over the dataset's two years (~6,850 orders a day), then a customer among
 * those created by then, earlier customers more often (they have had longer to come back); 90 % delivered, 4 % cancelled, 3 % refunded, the rest
 * placed or shipped; totals 12–412 with most orders small. Secondary indexes of orders (not those
 * of constraints) are dropped for the load and rebuilt from their own definitions, then VACUUM ANALYZE.
 */

const CAMPAIGNS = 24;
const RECIPIENTS = 20_000;
const SEGMENTS = 20;
const SNAPSHOT_DAYS = 400;
/** Bump when the generator changes: the data is then rebuilt. */
const VERSION = 'analytics 2';

/** Whether the marker says this database already holds the analytics data of `orders` orders. */
async function isBuilt(client: Client, orders: number): Promise<boolean> {
  const { rows } = await client.query(`SELECT rows, version FROM bench_dataset WHERE name = 'analytics'`);
  return rows[0]?.rows === orders && rows[0]?.version === VERSION;
}

/** Builds (or finds) the orders, campaigns and segment snapshots of the dataset's tenant. */
export async function ensureAnalyticsData(bench: string, url: string, tenantId: string, orders: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (process.env.BENCH_RESEED !== '1' && (await isBuilt(client, orders))) {
      printFigure(bench, 'analytics_dataset', { orders, reused: true });
      return;
    }
    process.stderr.write(`${bench}: generating ${orders} orders, ${CAMPAIGNS} campaigns and ${SEGMENTS} segments\n`);
    const end = new Date(DATASET_END).toISOString();
    await client.query('DELETE FROM bench_dataset WHERE name = $1', ['analytics']);
    await client.query('DELETE FROM segments WHERE tenant_id = $1', [tenantId]);
    await client.query('DELETE FROM campaigns WHERE tenant_id = $1', [tenantId]);
    await client.query('DELETE FROM orders WHERE tenant_id = $1', [tenantId]);
    await client.query(`DELETE FROM analytics_rollup_state WHERE tenant_id = $1`, [tenantId]);
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'orders'
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass)`,
    );
    const load = await timed(async () => {
      await client.query(
        `CREATE TEMP TABLE bench_customers AS
        SELECT row_number() OVER (ORDER BY created_at, id)::int AS n, id, created_at FROM customers WHERE tenant_id = $1 AND deleted_at IS NULL`,
        [tenantId],
      );
      await client.query('CREATE UNIQUE INDEX ON bench_customers (n)');
      const { rows: count } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_customers');
      for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`);
      await client.query('SET session_replication_role = replica');
      await client.query('SELECT setseed(0.20261208)');
      // A time uniform over the two years, then a customer among those created by then (earlier ones more often).
      await client.query(
        `INSERT INTO orders (tenant_id, customer_id, order_number, status, currency, subtotal, total, items_count, placed_at, created_at, updated_at)
         SELECT $1, c.id, 'B' || g.i, o.status, 'USD', o.amount, o.amount, 1, o.at, o.at, o.at
         FROM generate_series(1, $2::int) g(i)
         CROSS JOIN LATERAL (SELECT random() AS f, random() AS u, random() AS r, random() AS s WHERE g.i > 0) p
         JOIN bench_customers c ON c.n = 1 + floor(p.u ^ 1.3 * greatest(1, floor(p.f * $3)))::int
         CROSS JOIN LATERAL (SELECT
           CASE WHEN p.r < 0.90 THEN 'delivered' WHEN p.r < 0.94 THEN 'cancelled' WHEN p.r < 0.97 THEN 'refunded' WHEN p.r < 0.985 THEN 'shipped' ELSE 'placed' END AS status,
           round((12 + p.s ^ 2 * 400)::numeric, 2) AS amount,
           greatest(c.created_at, $4::timestamptz - make_interval(days => 730) + p.f * interval '730 days') AS at) o`,
        [tenantId, orders, count[0]!.n, end],
      );
      await client.query('RESET session_replication_role');
      await client.query("SET maintenance_work_mem = '512MB'");
      for (const { indexdef } of indexes) await client.query(indexdef);
      await client.query(
        `INSERT INTO campaigns (tenant_id, name, channel, subject, body, audience, schedule, status, started_at, finished_at)
         SELECT $1, 'Bench campaign ' || k, 'email', 's', 'b', '{}', '{}', 'completed', $2::timestamptz - make_interval(days => k * 15), $2::timestamptz - make_interval(days => k * 15)
         FROM generate_series(1, $3::int) k`,
        [tenantId, end, CAMPAIGNS],
      );
      // The pick refers to the campaign row so it is drawn again for each campaign; DISTINCT keeps (campaign, customer) unique.
      await client.query(
        `INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, channel, state, sent_at, opened_at, clicked_at)
         SELECT $1, k.id, c.id, 'email', 'delivered', m.sent, CASE WHEN m.r < 0.25 THEN m.sent + m.delay END, CASE WHEN m.r < 0.05 THEN m.sent + m.delay * 1.1 END
         FROM campaigns k
         CROSS JOIN LATERAL (SELECT DISTINCT 1 + floor(random() * $2)::int + 0 * length(k.kind) AS n FROM generate_series(1, $3::int)) pick
         JOIN bench_customers c ON c.n = pick.n
         CROSS JOIN LATERAL (SELECT k.started_at + random() * interval '2 hours' AS sent, random() AS r, random() * interval '3 days' AS delay WHERE c.n > 0) m
         WHERE k.tenant_id = $1`,
        [tenantId, count[0]!.n, RECIPIENTS],
      );
      await client.query(
        `INSERT INTO segments (tenant_id, name, rules, member_count) SELECT $1, 'Bench segment ' || s, '{}', 1000 * s FROM generate_series(1, $2::int) s`,
        [tenantId, SEGMENTS],
      );
      await client.query(
        `INSERT INTO segment_size_snapshots (tenant_id, segment_id, day, members, taken_at)
         SELECT $1, s.id, (d AT TIME ZONE 'UTC')::date, s.member_count + floor(random() * 500)::int, d
         FROM segments s CROSS JOIN generate_series($2::timestamptz - make_interval(days => $3), $2::timestamptz, interval '1 day') d
         WHERE s.tenant_id = $1`,
        [tenantId, end, SNAPSHOT_DAYS],
      );
      await client.query('VACUUM (ANALYZE) orders, campaigns, campaign_recipients, segments, segment_size_snapshots');
    });
    await client.query(`INSERT INTO bench_dataset (name, tenant_id, rows, version) VALUES ('analytics', $1, $2, $3)`, [tenantId, orders, VERSION]);
    printFigure(bench, 'analytics_dataset', {
      orders,
      campaigns: CAMPAIGNS,
      recipients_per_campaign: RECIPIENTS,
      segments: SEGMENTS,
      reused: false,
      seconds: round(load.seconds, 1),
    });
  } finally {
    await client.end();
  }
}
