import type { Knex } from 'knex';
import { Client } from 'pg';
import { buildTenant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The inbox's plans (issue 18): the SQL Herald sends for `GET /api/v1/conversations` (the page and
 * its capped total) is captured from knex while the real API answers, then run again under
 * `EXPLAIN (FORMAT JSON)`. Each documented page names the index its statements must use, and none
 * may scan conversations sequentially beyond a LIMIT. bench/conversations-inbox.ts found the
 * filtered total ("my open conversations") reading the whole table without
 * `conversations_inbox_status_assignee` (220–290 ms on 1,000,000 rows).
 *
 * The seed is shaped like an inbox (one INSERT … SELECT; tests may write tables directly to build
 * data): 40,000 conversations of the tenant over 2,000 customers and 10,000 of another tenant,
 * about 3 % open, 25 agents with a skewed share, then VACUUM ANALYZE.
 */

/** A plan node as EXPLAIN (FORMAT JSON) writes it (the fields read here). */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** The indexes of conversations a plan uses, and whether it scans the table sequentially other than right under a Limit. */
function scans(node: PlanNode, underLimit = false, found = { indexes: new Set<string>(), seqScan: false }) {
  if (node['Relation Name'] === 'conversations' && node['Node Type'] === 'Seq Scan' && !underLimit) found.seqScan = true;
  if (node['Index Name']?.startsWith('conversations_')) found.indexes.add(node['Index Name']);
  for (const child of node.Plans ?? []) scans(child, node['Node Type'] === 'Limit', found);
  return found;
}

/** Seeds `rows` conversations of a tenant over `customers` new customers, oldest first. */
async function seed(db: Knex, tenantId: string, customers: number, rows: number): Promise<void> {
  await db.raw(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, phone, created_by, updated_by)
     SELECT ?, 'F', 'L' || g, 'F L' || g, '+1212' || (2000000 + g), 'test', 'test' FROM generate_series(1, ?) AS g`,
    [tenantId, customers],
  );
  await db.raw(
    `INSERT INTO conversations (tenant_id, customer_id, channel, address, status, assignee, message_count, last_message_at, created_at, updated_at)
     SELECT ?, c.id, 'whatsapp', 'whatsapp:' || c.phone,
            CASE WHEN g % 100 < 3 THEN 'open' WHEN g % 100 < 4 THEN 'pending' ELSE 'resolved' END,
            'agent' || (1 + floor(power((g * 7919 % 1000) / 1000.0, 1.6) * 25)::int),
            1, now() - g * interval '1 minute', now() - g * interval '1 minute' - interval '1 hour', now() - g * interval '1 minute'
     FROM generate_series(1, ?) AS g
     JOIN (SELECT id, phone, row_number() OVER (ORDER BY id) AS n FROM customers WHERE tenant_id = ?) AS c ON c.n = 1 + g % ?`,
    [tenantId, rows, tenantId, customers],
  );
}

describe('the inbox plans', () => {
  let server: TestServer;
  let db: Knex;
  let pg: Client;
  let key: string;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.runtime.db;
    const tenant = await buildTenant(db, 'Inbox plans');
    key = tenant.adminKey;
    await seed(db, (await buildTenant(db, 'Other inbox')).tenantId, 500, 10_000);
    await seed(db, tenant.tenantId, 2_000, 40_000);
    await db.raw('VACUUM (ANALYZE) conversations');
    pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await server?.close();
  });

  /** The plans of the statements on conversations one GET sends: the index names each uses, and a sequential scan flagged. */
  async function plansOf(path: string): Promise<string[]> {
    const seen: Array<{ sql: string; bindings: unknown[] }> = [];
    const listener = (q: { sql: string; bindings?: unknown[] }) => {
      if (/from "conversations"/.test(q.sql)) seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
    };
    db.on('query', listener);
    try {
      const res = await server.request(path, { key });
      expect(res.status).toBe(200);
    } finally {
      db.off('query', listener);
    }
    const plans: string[] = [];
    for (const s of seen) {
      const { rows } = await pg.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${s.sql}`, s.bindings);
      const found = scans(rows[0]!['QUERY PLAN'][0]!.Plan);
      plans.push(`${/^select count\(/i.test(s.sql) ? 'count' : 'rows'}: ${found.seqScan ? 'seq scan' : [...found.indexes].sort().join(', ')}`);
    }
    return plans.sort();
  }

  it("reads one agent's open conversations, page and total, from the status and assignee index", async () => {
    expect(await plansOf('/api/v1/conversations?status=open&assignee=agent5&limit=20')).toEqual([
      'count: conversations_inbox_status_assignee',
      'rows: conversations_inbox_status_assignee',
    ]);
  }, 30_000);

  it('counts one status, or one agent, through the same index, and pages the whole inbox by last message', async () => {
    expect((await plansOf('/api/v1/conversations?status=pending&limit=20')).filter((p) => p.startsWith('count'))).toEqual([
      'count: conversations_inbox_status_assignee',
    ]);
    expect((await plansOf('/api/v1/conversations?assignee=agent9&limit=20')).filter((p) => p.startsWith('count'))).toEqual([
      'count: conversations_inbox_status_assignee',
    ]);
    expect((await plansOf('/api/v1/conversations?limit=20&includeTotal=false')).join()).toBe('rows: conversations_inbox');
  }, 30_000);
});
