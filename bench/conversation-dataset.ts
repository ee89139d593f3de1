import { Client } from 'pg';
import { createDb } from '../db/knex';
import { createBenchTenant, createDatabase, dropDatabase, migrate, type BenchServer } from './herald';
import { printFigure, round, timed } from './report';

/**
 * The inbox dataset of conversations-inbox: one tenant with BENCH_CUSTOMERS (100,000) customers and
 * BENCH_ROWS (1,000,000) conversations in Herald's own tables, in a database of its own
 * (`herald_bench_conversations`), built server-side with `INSERT … SELECT generate_series` from a
 * fixed random seed (`setseed`), so every build holds the same rows.
 *
 * The spread is an inbox's, not round-robin: conversations were opened over the two years before
 * DATASET_END (the heap in that order, as in a real table); a few customers write often (a skewed
 * pick of the customer); 60 % WhatsApp, 30 % SMS, 10 % agent-logged notes (mostly complaints), 12 %
 * complaints in all; threads of the last two weeks are often still open or pending, older ones
 * almost all resolved (about 3 % open overall); 25 agents with a skewed share of the work, open
 * threads sometimes unassigned; last_message_at some minutes to days after the opening; a third of
 * the resolved threads rated. No message rows: the inbox reads `conversations` alone.
 *
 * Kept between runs and recognised by a marker table (`bench_dataset`, name `conversations`) with
 * the generator version and the sizes; migrations added later are applied to the kept dataset (an
 * index is built on its rows). BENCH_RESEED=1 rebuilds, BENCH_DROP_DATASET=1 drops the database
 * when the benchmark ends.
 */

export const CONVERSATION_DATABASE = 'herald_bench_conversations';
/** Bump when the generator changes: existing datasets are then rebuilt. */
const GENERATOR_VERSION = 1;
/** The dataset's "now": conversations were opened over the two years before it. */
export const DATASET_END = '2026-12-01T00:00:00Z';
/** The agents, most of the work going to the first ones. */
export const AGENTS = Array.from({ length: 25 }, (_, i) => `agent${String(i + 1).padStart(2, '0')}@support.example`);

/** The seeded dataset a benchmark runs against. */
export interface ConversationDataset {
  url: string;
  tenantId: string;
  customers: number;
  rows: number;
}

const version = (customers: number, rows: number) => `generator ${GENERATOR_VERSION}; ${customers} customers; ${rows} conversations`;

/** The customers: phones +1 212 2000000 + n, WhatsApp and SMS first, created over the two years. */
const CUSTOMERS_SQL = `
  INSERT INTO customers (tenant_id, first_name, last_name, full_name, phone, status, tier, source, created_by, updated_by, created_at, updated_at)
  SELECT $1, 'First' || g, 'Last' || g, 'First' || g || ' Last' || g, '+1212' || (2000000 + g),
         'active', (ARRAY['regular', 'regular', 'regular', 'premium'])[1 + g % 4],
         (ARRAY['whatsapp', 'whatsapp', 'whatsapp', 'sms', 'sms', 'website'])[1 + g % 6], 'bench', 'bench',
         $3::timestamptz - interval '730 days' + (g - 1) * (interval '720 days' / $2::int),
         $3::timestamptz - interval '730 days' + (g - 1) * (interval '720 days' / $2::int)
  FROM generate_series(1, $2::int) AS g`;

/**
 * The conversations, in opening order. Each draw is its own random() so the columns are
 * independent except where an inbox ties them (status by age, complaints on notes, rating on
 * resolved threads).
 */
const CONVERSATIONS_SQL = `
  INSERT INTO conversations (tenant_id, customer_id, channel, address, type, status, category, subject, assignee, satisfaction,
                             message_count, last_message_at, last_inbound_at, awaiting_reply_since, resolved_at, created_at, updated_at)
  SELECT $1, c.id, y.channel, CASE y.channel WHEN 'note' THEN NULL WHEN 'whatsapp' THEN 'whatsapp:' || c.phone ELSE c.phone END,
         y.type, y.status,
         CASE WHEN y.type = 'complaint' THEN (ARRAY['Product Quality', 'Delivery Issue', 'Billing', 'Customer Service', 'Returns', 'Other'])[1 + floor(power(y.r_cat, 1.5) * 6)::int]
              WHEN y.r_cat < 0.4 THEN NULL
              ELSE (ARRAY['Order Status', 'Product Question', 'Account', 'Feedback'])[1 + floor(power(y.r_cat, 2) * 4)::int] END,
         CASE WHEN y.type = 'complaint' THEN 'Complaint ' || y.g END,
         CASE WHEN y.status <> 'resolved' AND y.r_asg < 0.12 THEN NULL ELSE ($4::text[])[1 + floor(power(y.r_asg2, 1.6) * 25)::int] END,
         CASE WHEN y.status = 'resolved' AND y.r_sat < 0.33 THEN (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + floor(y.r_sat * 24)::int] END,
         y.messages, y.last_at, y.last_at - make_interval(secs => floor(y.r_in * 600)),
         CASE WHEN y.status <> 'resolved' AND y.r_in < 0.5 THEN y.last_at - make_interval(secs => floor(y.r_in * 600)) END,
         CASE WHEN y.status = 'resolved' THEN y.last_at + make_interval(secs => floor(y.r_res * 86400)) END,
         y.created_at,
         CASE WHEN y.status = 'resolved' THEN y.last_at + make_interval(secs => floor(y.r_res * 86400)) ELSE y.last_at END
  FROM (
    SELECT x.*,
           CASE WHEN x.channel = 'note' AND x.r_type < 0.7 OR x.r_type < 0.06 THEN 'complaint' ELSE 'conversation' END AS type,
           CASE WHEN x.age_days < 14 THEN (CASE WHEN x.r_st < 0.45 THEN 'open' WHEN x.r_st < 0.65 THEN 'pending' ELSE 'resolved' END)
                ELSE (CASE WHEN x.r_st < 0.02 THEN 'open' WHEN x.r_st < 0.03 THEN 'pending' ELSE 'resolved' END) END AS status,
           least($3::timestamptz, x.created_at + make_interval(secs => floor(power(x.r_dur, 3) * 864000))) AS last_at,
           least(60, 1 + floor(-ln(1 - x.r_msg) * 4))::int AS messages
    FROM (
      SELECT g, 1 + floor(power(random(), 2) * $5::int)::int AS customer_n,
             CASE WHEN r_ch < 0.6 THEN 'whatsapp' WHEN r_ch < 0.9 THEN 'sms' ELSE 'note' END AS channel,
             created_at, extract(epoch FROM $3::timestamptz - created_at) / 86400 AS age_days,
             random() AS r_type, random() AS r_st, random() AS r_cat, random() AS r_asg, random() AS r_asg2, random() AS r_sat,
             random() AS r_dur, random() AS r_msg, random() AS r_in, random() AS r_res
      FROM (SELECT g, random() AS r_ch, $3::timestamptz - interval '730 days' + (g - 1 + random()) * (interval '730 days' / $2::int) AS created_at
            FROM generate_series(1, $2::int) AS g) AS t
    ) AS x
  ) AS y
  JOIN bench_customer_n AS c ON c.n = y.customer_n
  ORDER BY y.g`;

/** The dataset the marker describes, if it matches what this run wants. */
async function findDataset(url: string, customers: number, rows: number): Promise<ConversationDataset | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: found } = await client.query<{ tenant_id: string; version: string }>(
      `SELECT m.tenant_id, m.version FROM bench_dataset m JOIN tenants t ON t.id = m.tenant_id WHERE m.name = 'conversations'`,
    );
    const marker = found[0];
    return marker && marker.version === version(customers, rows) ? { url, tenantId: marker.tenant_id, customers, rows } : undefined;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return undefined; // no marker table: never seeded
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Builds the dataset: the customers, then the conversations with the table's secondary indexes
 * dropped (foreign key triggers off when the role may do that), the indexes rebuilt from their own
 * definitions, then VACUUM ANALYZE so plans, statistics and the visibility map are settled.
 */
async function seed(bench: string, url: string, customers: number, rows: number): Promise<ConversationDataset> {
  const knex = createDb({ url, poolMax: 1 });
  let tenantId: string;
  try {
    tenantId = (await createBenchTenant(knex, 'bench conversations dataset')).tenantId;
  } finally {
    await knex.destroy();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('SELECT setseed(0.1812)');
    const people = await timed(() => client.query(CUSTOMERS_SQL, [tenantId, customers, DATASET_END]));
    await client.query('CREATE TABLE bench_customer_n (n integer PRIMARY KEY, id uuid NOT NULL, phone text NOT NULL)');
    await client.query(`INSERT INTO bench_customer_n SELECT row_number() OVER (ORDER BY created_at, id), id, phone FROM customers WHERE tenant_id = $1`, [
      tenantId,
    ]);
    await client.query('ANALYZE bench_customer_n');
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'conversations' AND indexname <> 'conversations_pkey'`,
    );
    for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`);
    const { rows: su } = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    if (su[0]?.rolsuper) await client.query('SET session_replication_role = replica');
    await client.query("SET work_mem = '256MB'");
    const insert = await timed(() => client.query(CONVERSATIONS_SQL, [tenantId, rows, DATASET_END, AGENTS, customers]));
    if (su[0]?.rolsuper) await client.query('RESET session_replication_role');
    process.stderr.write(`${bench}: inserted ${rows} conversations in ${round(insert.seconds, 1)} s; rebuilding ${indexes.length} indexes\n`);
    await client.query("SET maintenance_work_mem = '512MB'");
    const build = await timed(async () => {
      for (const { indexdef } of indexes) await client.query(indexdef);
    });
    await client.query('DROP TABLE bench_customer_n');
    const vacuum = await timed(() => client.query('VACUUM (ANALYZE) conversations, customers'));
    await client.query(
      'CREATE TABLE IF NOT EXISTS bench_dataset (name text PRIMARY KEY, tenant_id uuid NOT NULL, rows integer NOT NULL, version text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())',
    );
    await client.query(`INSERT INTO bench_dataset (name, tenant_id, rows, version) VALUES ('conversations', $1, $2, $3)`, [
      tenantId,
      rows,
      version(customers, rows),
    ]);
    printFigure(bench, 'seed', {
      customers,
      rows,
      customers_seconds: round(people.seconds, 1),
      insert_seconds: round(insert.seconds, 1),
      insert_rows_per_s: Math.round(rows / insert.seconds),
      index_seconds: round(build.seconds, 1),
      vacuum_analyze_seconds: round(vacuum.seconds, 1),
      total_seconds: round((performance.now() - started) / 1000, 1),
    });
  } finally {
    await client.end();
  }
  return { url, tenantId, customers, rows };
}

/**
 * The dataset of `customers` customers and `rows` conversations, reused when the marker matches
 * (brought to the latest migration first), otherwise (or with BENCH_RESEED=1) built into a freshly
 * created database.
 */
export async function ensureConversationDataset(bench: string, server: BenchServer, customers: number, rows: number): Promise<ConversationDataset> {
  const url = server.urlFor(CONVERSATION_DATABASE);
  await createDatabase(server, CONVERSATION_DATABASE);
  const migration = await migrate(url);
  const found = process.env.BENCH_RESEED === '1' ? undefined : await findDataset(url, customers, rows);
  if (found) {
    printFigure(bench, 'dataset', { database: CONVERSATION_DATABASE, customers, rows, reused: true, migration });
    return found;
  }
  process.stderr.write(
    `${bench}: building ${rows} conversations over ${customers} customers in ${CONVERSATION_DATABASE} (kept for later runs; BENCH_RESEED=1 rebuilds)\n`,
  );
  await dropDatabase(server, CONVERSATION_DATABASE);
  await createDatabase(server, CONVERSATION_DATABASE);
  await migrate(url);
  const dataset = await seed(bench, url, customers, rows);
  printFigure(bench, 'dataset', { database: CONVERSATION_DATABASE, customers, rows, reused: false, migration });
  return dataset;
}

/** Drops the dataset's database when BENCH_DROP_DATASET=1 (otherwise it is kept for the next run). */
export async function releaseConversationDataset(server: BenchServer): Promise<void> {
  if (process.env.BENCH_DROP_DATASET === '1') {
    await dropDatabase(server, CONVERSATION_DATABASE);
    process.stderr.write(`dropped database ${CONVERSATION_DATABASE}\n`);
  }
}
