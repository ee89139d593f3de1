import type { Knex } from 'knex';
import { Client } from 'pg';
import { customersHolding } from '../../domain/customers/bulkWrites';
import { SORT_FIELDS } from '../../domain/customers/types';
import { buildTenant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The index budget of `customers` (issue 15): every index the table carries is paid for by every
 * write (an import inserts into all of them), so each must be chosen by the planner for at least
 * one documented query, and no documented query may read the table by a sequential scan.
 *
 * The documented queries are the customer list sorted by each sort field, its filters that have an
 * index (tags, city, country, search, externalId), /customers/search, one customer by id, a segment
 * preview, and an import chunk's lookup of existing holders of its unique values. Their SQL is not
 * written here: it is captured from knex while Herald's real API (or the import's own lookup
 * function) runs them, then run again under `EXPLAIN (FORMAT JSON)`.
 *
 * Plans depend on the data and its statistics, so the test seeds a realistic shape rather than
 * switching the sequential scan off (`enable_seqscan = off` would make the planner pick *some*
 * index for every query, a full index scan included, which proves nothing about the plan it
 * chooses in production): 60,000 customers in five tenants, the queried tenant holding 20,000;
 * filter values as selective as real ones (a city of 0.5 %, a country and a tag of 0.1 %, a name
 * fragment of one customer; an import chunk's lookup of 0.5 % of the tenant, as 5,000 rows are of a
 * million), then ANALYZE. Each query names the index it must use; the test
 * fails if a plan does not use it, if a plan scans customers sequentially, or if an index of
 * customers is named by no query (an index nobody reads: drop it, or document the query it
 * serves). The seed is one INSERT … SELECT (tests may write the table directly to build data).
 */

/** A documented query: how to run it through Herald, and the index its plan must use. */
interface DocumentedQuery {
  name: string;
  expects: string[];
  run(): Promise<unknown>;
}

/** A plan node as EXPLAIN (FORMAT JSON) writes it (the fields read here). */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/**
 * The scans of customers in a plan: index names used, and whether any is an unbounded sequential
 * scan. A sequential scan right under a Limit is bounded (it stops after the limit's rows): the
 * capped count of a list (`SELECT 1 … LIMIT 1001`) reads the first 1,001 rows of the tenant that
 * way, whatever the table's size, and is the planner's right choice when the tenant is a large
 * share of the table.
 */
function scansOfCustomers(node: PlanNode, underLimit = false, found = { indexes: new Set<string>(), seqScan: false }) {
  if (node['Relation Name'] === 'customers' && node['Node Type'] === 'Seq Scan' && !underLimit) found.seqScan = true;
  if (node['Index Name']?.startsWith('customers_')) found.indexes.add(node['Index Name']);
  for (const child of node.Plans ?? []) scansOfCustomers(child, node['Node Type'] === 'Limit', found);
  return found;
}

const TENANT_ROWS = 20_000;
const OTHER_TENANT_ROWS = 10_000;

/** Seeds `rows` customers of a tenant in one statement; `offset` keeps unique values apart between tenants. */
async function seed(db: Knex, tenantId: string, rows: number): Promise<void> {
  await db.raw(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, phone, external_id, address_city, address_country, tags,
                            status, tier, total_spent, total_orders, last_order_at, last_interaction_at, created_at, updated_at)
     SELECT ?, f, l, f || ' ' || l, 'c' || i || '@example.com', '+1555' || lpad(i::text, 7, '0'),
            CASE WHEN i % 2 = 0 THEN 'ext-' || i END,
            'City' || (i % 200), CASE WHEN i % 1000 = 7 THEN 'Iceland' ELSE 'Country' || (i % 5) END,
            CASE WHEN i % 1000 = 3 THEN '{rare}'::text[] WHEN i % 3 = 0 THEN '{vip,newsletter}'::text[] ELSE '{}'::text[] END,
            (ARRAY['active','active','active','inactive'])[1 + i % 4], (ARRAY['regular','regular','premium','vip'])[1 + i % 4],
            (i * 7919 % 100000) / 100.0, i % 50,
            CASE WHEN i % 3 <> 0 THEN now() - (i % 5000) * interval '1 hour' END,
            CASE WHEN i % 5 <> 0 THEN now() - (i % 7000) * interval '1 hour' END,
            now() - i * interval '1 minute', now() - (i % 9000) * interval '1 minute'
     FROM generate_series(1, ?) AS i,
          LATERAL (SELECT 'Name' || substr(md5(i::text), 1, 6) AS f, 'Sur' || substr(md5((i * 31)::text), 1, 7) AS l) n`,
    [tenantId, rows],
  );
}

describe('the customers index budget', () => {
  let server: TestServer;
  let db: Knex;
  let pg: Client;
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.runtime.db;
    ({ tenantId, adminKey: key } = await buildTenant(db, 'Index budget'));
    for (let t = 0; t < 4; t++) await seed(db, (await buildTenant(db, `Other ${t}`)).tenantId, OTHER_TENANT_ROWS);
    await seed(db, tenantId, TENANT_ROWS);
    await db.raw('ANALYZE customers');
    pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await server?.close();
  });

  const get = async (path: string) => {
    const res = await server.request(path, { key });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** The statements on customers a run sends, captured from knex's query event. */
  async function statementsOf(run: () => Promise<unknown>): Promise<Array<{ sql: string; bindings: unknown[] }>> {
    const seen: Array<{ sql: string; bindings: unknown[] }> = [];
    const listener = (q: { sql: string; bindings?: unknown[] }) => {
      if (/\bcustomers\b/.test(q.sql) && /^\s*(select|with)\b/i.test(q.sql)) seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
    };
    db.on('query', listener);
    try {
      await run();
    } finally {
      db.off('query', listener);
    }
    return seen;
  }

  /** What breaks the budget: plans that miss their index or scan customers, and indexes no query names. */
  async function budgetReport(): Promise<string[]> {
    const sample = (await db('customers').where({ tenant_id: tenantId }).orderBy('created_at').offset(777).first('id', 'full_name', 'external_id')) as {
      id: string;
      full_name: string;
      external_id: string;
    };
    // An import chunk holds 5,000 rows against tables of a million: 0.5 %, here 100 of 20,000.
    const chunk = Array.from({ length: 100 }, (_, i) => i * 170 + 1);
    const queries: DocumentedQuery[] = [
      { name: 'GET /customers/:id', expects: ['customers_pkey'], run: () => get(`/api/v1/customers/${sample.id}`) },
      ...SORT_FIELDS.map((field) => ({
        name: `list sorted by ${field}`,
        expects: [`customers_sort_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`],
        run: () => get(`/api/v1/customers?sortBy=${field}&sortOrder=desc&limit=20`),
      })),
      { name: 'list filtered by a tag', expects: ['customers_tags_gin'], run: () => get('/api/v1/customers?tags=rare&limit=20') },
      { name: 'list filtered by city', expects: ['customers_city_lower'], run: () => get('/api/v1/customers?city=city17&limit=20') },
      { name: 'list filtered by country', expects: ['customers_country_lower'], run: () => get('/api/v1/customers?country=ICELAND&limit=20') },
      {
        name: 'list filtered by externalId',
        expects: ['customers_tenant_external_id_unique'],
        run: () => get(`/api/v1/customers?externalId=${sample.external_id}`),
      },
      { name: 'list search', expects: ['customers_search_trgm'], run: () => get(`/api/v1/customers?search=${sample.full_name.slice(0, 8)}&limit=20`) },
      { name: '/customers/search', expects: ['customers_search_trgm'], run: () => get(`/api/v1/customers/search?q=${sample.full_name.slice(-7)}&limit=20`) },
      {
        name: 'segment preview (tags)',
        expects: ['customers_tags_gin'],
        run: () =>
          server.request('/api/v1/segments/preview', {
            method: 'POST',
            key,
            body: { rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['rare'] }] } },
          }),
      },
      {
        name: 'import chunk: holders of its unique values',
        expects: ['customers_tenant_email_unique', 'customers_tenant_phone_unique', 'customers_tenant_external_id_unique'],
        run: () =>
          customersHolding(
            db,
            tenantId,
            chunk.map((i) => `c${i}@example.com`),
            chunk.map((i) => `+1555${String(i).padStart(7, '0')}`),
            chunk.map((i) => `ext-${i * 2}`),
          ),
      },
    ];

    const report: string[] = [];
    const used = new Set<string>();
    for (const q of queries) {
      const statements = await statementsOf(q.run);
      if (!statements.length) report.push(`${q.name}: sent no statement on customers`);
      const seen = new Set<string>();
      for (const s of statements) {
        const { rows } = await pg.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${s.sql}`, s.bindings);
        const scans = scansOfCustomers(rows[0]!['QUERY PLAN'][0]!.Plan);
        if (scans.seqScan) report.push(`${q.name}: sequential scan of customers in ${s.sql.slice(0, 160)}`);
        for (const index of scans.indexes) seen.add(index);
      }
      for (const index of q.expects) if (!seen.has(index)) report.push(`${q.name}: does not use ${index} (uses ${[...seen].join(', ') || 'no index'})`);
      for (const index of seen) used.add(index);
    }
    const { rows: indexes } = await pg.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'customers' ORDER BY indexname",
    );
    const expected = new Set(queries.flatMap((q) => q.expects));
    for (const { indexname } of indexes)
      if (!expected.has(indexname)) report.push(`${indexname}: no documented query uses it (plans used it ${used.has(indexname) ? 'incidentally' : 'never'})`);
    return report;
  }

  it('uses every index of customers for a documented query, and scans customers sequentially for none', async () => {
    expect(await budgetReport()).toEqual([]);
  }, 60_000);

  it('names an index that no documented query uses', async () => {
    await db.raw('CREATE INDEX customers_budget_probe ON customers (tenant_id, notes)');
    try {
      expect(await budgetReport()).toEqual(['customers_budget_probe: no documented query uses it (plans used it never)']);
    } finally {
      await db.raw('DROP INDEX customers_budget_probe');
    }
  }, 60_000);
});
