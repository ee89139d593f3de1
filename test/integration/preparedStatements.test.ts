import { detailWithoutConversations } from '../support/conversationsStats';
import type { Knex } from 'knex';
import { buildTenant, testDb, uniqueSuffix } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The customer read and create run as named prepared statements (db/prepared.ts). With a pool of
 * one connection every request meets the statements the earlier ones prepared, so this proves they
 * are prepared, that reusing them gives the same answers, and that a migration adding columns while
 * the process runs does not break them ("cached plan must not change result type").
 */
describe('prepared customer statements', () => {
  let server: TestServer;
  let db: Knex;
  let api: (path: string, init?: { method?: string; body?: unknown }) => ReturnType<TestServer['request']>;

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer({ DATABASE_POOL_MAX: '1' });
    const { adminKey } = await buildTenant(db);
    api = (path, init = {}) => server.request(`/api/v1${path}`, { key: adminKey, ...init });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  const newCustomer = () => {
    const n = uniqueSuffix();
    return { firstName: 'Prepared', lastName: `Probe ${n}`, email: `prepared.${n}@example.com`, tags: ['probe'] };
  };

  /** The herald_ statements prepared on the server's one pooled connection. */
  const preparedOnConnection = async () =>
    (
      (await server.runtime.db.raw("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'herald\\_%'")) as { rows: Array<{ statement: string }> }
    ).rows.map((r) => r.statement);

  it('prepares the read and the create once and answers the same on every reuse', async () => {
    const created = await api('/customers', { method: 'POST', body: newCustomer() });
    expect(created.status).toBe(201);
    const reads = [];
    // More than five executions: PostgreSQL may switch a prepared statement to a generic plan after five.
    for (let i = 0; i < 8; i++) reads.push(await api(`/customers/${created.body.data.id}`));
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.body.data).toEqual(detailWithoutConversations(created.body.data));
    }
    for (let i = 0; i < 7; i++) expect((await api('/customers', { method: 'POST', body: newCustomer() })).status).toBe(201);

    const statements = await preparedOnConnection();
    expect(statements.filter((s) => s.startsWith('SELECT customers.id,'))).toHaveLength(1);
    expect(statements.filter((s) => s.startsWith('WITH w0 AS (INSERT INTO "customers"'))).toHaveLength(1);
  });

  it('keeps answering after a migration adds columns to the tables they read and write', async () => {
    const before = await api('/customers', { method: 'POST', body: newCustomer() });
    expect((await api(`/customers/${before.body.data.id}`)).status).toBe(200);
    try {
      for (const table of ['customers', 'orders', 'events', 'audit_log']) await db.raw(`ALTER TABLE ${table} ADD COLUMN prepared_probe text`);
      const read = await api(`/customers/${before.body.data.id}`);
      expect(read.status).toBe(200);
      expect(read.body.data).toEqual(detailWithoutConversations(before.body.data));
      const created = await api('/customers', { method: 'POST', body: newCustomer() });
      expect(created.status).toBe(201);
      expect((await api(`/customers/${created.body.data.id}`)).body.data.email).toBe(created.body.data.email);
    } finally {
      for (const table of ['customers', 'orders', 'events', 'audit_log']) await db.raw(`ALTER TABLE ${table} DROP COLUMN IF EXISTS prepared_probe`);
    }
  });
});
