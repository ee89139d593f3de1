import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDb } from '../db/knex';
import { createBenchTenant, createDatabase, dropDatabase, migrate, type BenchServer } from './herald';
import { printFigure, round, timed } from './report';

/**
 * The dataset the customer list and export benchmarks share: BENCH_ROWS (1,000,000) customers of
 * one tenant in Herald's own `customers` table, in a database of its own (`herald_bench`), with
 * distributions shaped like a real customer base rather than round-robin values.
 *
 * Building it takes a few minutes, so it is kept between runs and recognised by a marker table
 * (`bench_dataset`) that records the generator version, the row count and the last migration;
 * any mismatch, or BENCH_RESEED=1, rebuilds it from scratch. BENCH_DROP_DATASET=1 drops the
 * database when the benchmark ends.
 */

export const DATASET_DATABASE = 'herald_bench';
/** Bump when the generator changes: existing datasets are then rebuilt. */
const GENERATOR_VERSION = 1;
const ROWS_PER_CHUNK = 2000;

/** The seeded dataset a benchmark runs against. */
export interface CustomerDataset {
  url: string;
  tenantId: string;
  rows: number;
}

// ---------------------------------------------------------------------------------------------
// The generator: a deterministic PRNG, so every build holds the same customers.

/** mulberry32: small, fast, good enough for synthetic data; the same seed gives the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks by weight; weights need not sum to 1. */
function weighted<T>(random: () => number, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** A Zipf-like pick: index 0 most often, the tail rarely. */
const skewed = <T>(random: () => number, list: readonly T[], power = 2): T => list[Math.floor(random() ** power * list.length)]!;

const FIRST_NAMES = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Maria',
  'Ana',
  'Luis',
  'Sofia',
  'Mateo',
  'Lucia',
  'Hugo',
  'Emma',
  'Noah',
  'Olivia',
  'Liam',
  'Yuki',
  'Haruto',
  'Aiko',
  'Wei',
  'Mei',
  'Arjun',
  'Priya',
  'Ravi',
  'Fatima',
  'Omar',
  'Leila',
  'Youssef',
  'Ingrid',
  'Lars',
  'Astrid',
  'Sven',
  'Chloe',
  'Lucas',
  'Camille',
  'Louis',
  'Greta',
  'Felix',
  'Mila',
  'Jonas',
  'Zofia',
  'Piotr',
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
];
/** Surnames are built from three parts (24 × 12 × 16 = 4,608), so a name fragment matches a realistic share of rows. */
const LAST_PREFIX = [
  'Ander',
  'Bern',
  'Cal',
  'Dal',
  'Eck',
  'Fern',
  'Gold',
  'Har',
  'Iver',
  'Jen',
  'Kel',
  'Lind',
  'Mor',
  'Nor',
  'Ost',
  'Pet',
  'Quin',
  'Ros',
  'Stan',
  'Thor',
  'Ul',
  'Van',
  'Wal',
  'Zim',
];
const LAST_MIDDLE = ['', 'a', 'e', 'i', 'o', 'en', 'er', 'ing', 'ow', 'ley', 'ham', 'ton'];
const LAST_SUFFIX = ['son', 'sen', 'berg', 'field', 'man', 'stein', 'wood', 'ford', 'ski', 'ez', 'ini', 'ova', 'ton', 'by', 'well', 'strom'];
const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['gmail.com', 40],
  ['yahoo.com', 12],
  ['outlook.com', 12],
  ['icloud.com', 8],
  ['proton.me', 3],
  ['gmx.de', 5],
  ['web.de', 3],
  ['acme.io', 2],
  ['example.org', 15],
];
/** Cities (with their country), most common first; picked with a Zipf-like skew. */
const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['New York', 'United States'],
  ['London', 'United Kingdom'],
  ['Berlin', 'Germany'],
  ['Madrid', 'Spain'],
  ['Paris', 'France'],
  ['Mexico City', 'Mexico'],
  ['Toronto', 'Canada'],
  ['Sao Paulo', 'Brazil'],
  ['Chicago', 'United States'],
  ['Munich', 'Germany'],
  ['Lisbon', 'Portugal'],
  ['Barcelona', 'Spain'],
  ['Amsterdam', 'Netherlands'],
  ['Tokyo', 'Japan'],
  ['Sydney', 'Australia'],
  ['Austin', 'United States'],
  ['Milan', 'Italy'],
  ['Vienna', 'Austria'],
  ['Stockholm', 'Sweden'],
  ['Warsaw', 'Poland'],
  ['Dublin', 'Ireland'],
  ['Zurich', 'Switzerland'],
  ['Seattle', 'United States'],
  ['Osaka', 'Japan'],
  ['Lyon', 'France'],
  ['Porto', 'Portugal'],
  ['Krakow', 'Poland'],
  ['Oslo', 'Norway'],
  ['Bogota', 'Colombia'],
  ['Cape Town', 'South Africa'],
];
const AREA_CODES = [212, 312, 415, 617, 202, 305, 713, 206, 303, 404, 512, 646, 718, 310, 213, 702, 503, 615, 919, 480];
/** Tags from a small set, each present independently with its own probability. */
const TAG_ODDS: ReadonlyArray<readonly [string, number]> = [
  ['newsletter', 0.35],
  ['returning', 0.25],
  ['spring-sale', 0.12],
  ['trial', 0.1],
  ['vip', 0.08],
  ['churn-risk', 0.07],
  ['b2b', 0.06],
  ['wholesale', 0.05],
];
const STATUSES: ReadonlyArray<readonly [string, number]> = [
  ['active', 80],
  ['inactive', 12],
  ['suspended', 5],
  ['blocked', 3],
];
const TIERS: ReadonlyArray<readonly [string, number]> = [
  ['regular', 75],
  ['premium', 20],
  ['vip', 5],
];
const SEGMENTS: ReadonlyArray<readonly [string, number]> = [
  ['', 40],
  ['regular', 30],
  ['new', 15],
  ['inactive', 10],
  ['vip', 5],
];
const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['website', 35],
  ['import', 20],
  ['api', 15],
  ['referral', 10],
  ['social_media', 10],
  ['whatsapp', 7],
  ['other', 3],
];
const LANGUAGES: ReadonlyArray<readonly [string, number]> = [
  ['en', 55],
  ['es', 15],
  ['de', 10],
  ['fr', 7],
  ['pt', 6],
  ['ja', 4],
  ['', 3],
];
const PLANS = ['free', 'starter', 'pro', 'enterprise'];

/** The dataset's "now": customers were created over the two years before it. */
export const DATASET_END = Date.UTC(2026, 10, 22);
const DATASET_START = DATASET_END - 2 * 365 * 86_400_000;
const DAY = 86_400_000;

/** Columns the generator writes, in CSV order (the rest keep their defaults; id is gen_random_uuid()). */
const DATASET_COLUMNS = [
  'tenant_id',
  'first_name',
  'last_name',
  'full_name',
  'email',
  'phone',
  'address_city',
  'address_country',
  'tags',
  'status',
  'is_blocked',
  'blocked_at',
  'tier',
  'segment_label',
  'source',
  'language',
  'custom_fields',
  'notes',
  'total_orders',
  'total_spent',
  'average_order_value',
  'first_order_at',
  'last_order_at',
  'last_interaction_at',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
] as const;

const quote = (field: string): string => `"${field.replace(/"/g, '""')}"`;
const iso = (ms: number) => new Date(ms).toISOString();
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The surname of a customer, from the three parts. */
function surname(random: () => number): string {
  return cap(`${skewed(random, LAST_PREFIX, 1.3)}${skewed(random, LAST_MIDDLE, 1.3)}${skewed(random, LAST_SUFFIX, 1.3)}`.toLowerCase());
}

/**
 * One customer as a CSV line. Rows come in created_at order (customers are created over time, so
 * the heap is in that order, as in a real table); emails and phones are unique by construction.
 */
function customerLine(i: number, rows: number, tenantId: string, random: () => number): string {
  const step = (DATASET_END - DATASET_START) / rows;
  const created = DATASET_START + i * step + random() * step;
  const first = skewed(random, FIRST_NAMES, 1.5);
  const last = surname(random);
  const [city, country] = skewed(random, CITIES, 2.2);
  const status = weighted(random, STATUSES);
  const orders = random() < 0.3 ? 0 : Math.min(200, 1 + Math.floor(-Math.log(1 - random()) * 6));
  const aov = 12 + Math.floor(random() ** 2 * 40000) / 100;
  const spent = Math.round(orders * aov * 100) / 100;
  const span = DATASET_END - created;
  const firstOrder = orders > 0 ? created + random() * span * 0.5 : undefined;
  const lastOrder = firstOrder !== undefined ? firstOrder + random() * (DATASET_END - firstOrder) : undefined;
  const interaction = random() < 0.2 ? undefined : created + random() * span;
  const tags = TAG_ODDS.filter(([, odds]) => random() < odds).map(([tag]) => tag);
  const phone = random() < 0.08 ? '' : `+1${AREA_CODES[i % AREA_CODES.length]}${2_000_000 + ((i * 7919) % 8_000_000)}`;
  const custom = random() < 0.3 ? JSON.stringify({ plan: PLANS[Math.floor(random() * PLANS.length)], ref: `R${i % 9973}` }) : '{}';
  const notes = random() < 0.05 ? quote(`Prefers ${weighted(random, LANGUAGES) || 'en'} contact, "call before 5pm", account ${i}`) : '';
  return [
    tenantId,
    first,
    last,
    `${first} ${last}`,
    `${first}.${last}.${i}@${weighted(random, EMAIL_DOMAINS)}`.toLowerCase(),
    phone,
    quote(city),
    quote(country),
    quote(`{${tags.join(',')}}`),
    status,
    status === 'blocked' ? 't' : 'f',
    status === 'blocked' ? iso(created + random() * span) : '',
    weighted(random, TIERS),
    weighted(random, SEGMENTS),
    weighted(random, SOURCES),
    weighted(random, LANGUAGES),
    quote(custom),
    notes,
    orders,
    spent.toFixed(2),
    (orders ? Math.round((spent / orders) * 100) / 100 : 0).toFixed(2),
    firstOrder === undefined ? '' : iso(firstOrder),
    lastOrder === undefined ? '' : iso(lastOrder),
    interaction === undefined ? '' : iso(interaction),
    'import',
    'import',
    iso(created),
    iso(Math.min(DATASET_END, created + random() * 30 * DAY)),
  ].join(',');
}

/** The dataset as a CSV stream, generated chunk by chunk as COPY reads it. */
function datasetCsv(rows: number, tenantId: string): Readable {
  const random = prng(20261122);
  function* chunks(): Generator<string> {
    for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(rows, start + ROWS_PER_CHUNK); i++) lines.push(customerLine(i, rows, tenantId, random));
      yield `${lines.join('\n')}\n`;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

// ---------------------------------------------------------------------------------------------
// Building and finding the dataset.

/** What the marker records; any difference means the dataset must be rebuilt. */
const markerVersion = (lastMigration: string) => `generator ${GENERATOR_VERSION}; schema ${lastMigration}`;

/** The dataset the marker describes, if it matches what this run wants. */
async function findDataset(url: string, rows: number, version: string): Promise<CustomerDataset | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: found } = await client.query<{ tenant_id: string; rows: number; version: string }>(
      `SELECT m.tenant_id, m.rows, m.version FROM bench_dataset m JOIN tenants t ON t.id = m.tenant_id WHERE m.name = 'customers'`,
    );
    const marker = found[0];
    return marker && marker.rows === rows && marker.version === version ? { url, tenantId: marker.tenant_id, rows } : undefined;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return undefined; // no marker table: never seeded
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Loads the customers the fast way: secondary indexes dropped, COPY into the bare table (foreign
 * key triggers off when the role may do that), then every index rebuilt from its own definition,
 * then VACUUM ANALYZE (what autovacuum would eventually do) so plans and visibility are settled.
 */
async function seed(bench: string, url: string, rows: number, version: string): Promise<CustomerDataset> {
  const knex = createDb({ url, poolMax: 1 });
  let tenantId: string;
  try {
    tenantId = (await createBenchTenant(knex, 'bench customers dataset')).tenantId;
  } finally {
    await knex.destroy();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'customers' AND indexname <> 'customers_pkey'`,
    );
    for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`);
    const { rows: su } = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    if (su[0]?.rolsuper) await client.query('SET session_replication_role = replica');
    const copy = await timed(() =>
      pipeline(datasetCsv(rows, tenantId), client.query(copyFrom(`COPY customers (${DATASET_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`))),
    );
    if (su[0]?.rolsuper) await client.query('RESET session_replication_role');
    process.stderr.write(`${bench}: copied ${rows} customers in ${round(copy.seconds, 1)} s; rebuilding ${indexes.length} indexes\n`);
    await client.query("SET maintenance_work_mem = '512MB'");
    const build = await timed(async () => {
      for (const { indexname, indexdef } of indexes) {
        const one = await timed(() => client.query(indexdef));
        process.stderr.write(`${bench}:   ${indexname} ${round(one.seconds, 1)} s\n`);
      }
    });
    const vacuum = await timed(() => client.query('VACUUM (ANALYZE) customers'));
    await client.query(
      'CREATE TABLE bench_dataset (name text PRIMARY KEY, tenant_id uuid NOT NULL, rows integer NOT NULL, version text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())',
    );
    await client.query(`INSERT INTO bench_dataset (name, tenant_id, rows, version) VALUES ('customers', $1, $2, $3)`, [tenantId, rows, version]);
    printFigure(bench, 'seed', {
      rows,
      copy_seconds: round(copy.seconds, 1),
      copy_rows_per_s: Math.round(rows / copy.seconds),
      index_seconds: round(build.seconds, 1),
      vacuum_analyze_seconds: round(vacuum.seconds, 1),
      total_seconds: round((performance.now() - started) / 1000, 1),
    });
  } finally {
    await client.end();
  }
  return { url, tenantId, rows };
}

/**
 * The dataset of `rows` customers, reused when the marker matches, otherwise (or with
 * BENCH_RESEED=1) built into a freshly created database.
 */
export async function ensureCustomerDataset(bench: string, server: BenchServer, rows: number): Promise<CustomerDataset> {
  const url = server.urlFor(DATASET_DATABASE);
  await createDatabase(server, DATASET_DATABASE);
  const version = markerVersion(await migrate(url));
  const found = process.env.BENCH_RESEED === '1' ? undefined : await findDataset(url, rows, version);
  if (found) {
    printFigure(bench, 'dataset', { database: DATASET_DATABASE, rows, reused: true });
    return found;
  }
  process.stderr.write(`${bench}: building ${rows} customers in database ${DATASET_DATABASE} (kept for later runs; BENCH_RESEED=1 rebuilds)\n`);
  await dropDatabase(server, DATASET_DATABASE);
  await createDatabase(server, DATASET_DATABASE);
  await migrate(url);
  const dataset = await seed(bench, url, rows, version);
  printFigure(bench, 'dataset', { database: DATASET_DATABASE, rows, reused: false });
  return dataset;
}

/** Drops the dataset's database when BENCH_DROP_DATASET=1 (otherwise it is kept for the next run). */
export async function releaseCustomerDataset(server: BenchServer): Promise<void> {
  if (process.env.BENCH_DROP_DATASET === '1') {
    await dropDatabase(server, DATASET_DATABASE);
    process.stderr.write(`dropped database ${DATASET_DATABASE}\n`);
  }
}
