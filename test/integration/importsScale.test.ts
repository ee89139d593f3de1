import { buildTenant } from '../support/factories';
import { scaleCsv } from '../support/importCsv';
import { useImportStack } from '../support/importStack';

/**
 * Imports at scale through the real API, worker, Postgres and Temporal: a 100,000-row CSV with
 * malformed rows, in-file duplicates and customers already in the database, counted exactly;
 * and two tenants importing the same file at once without touching each other's customers.
 */

describe('imports at scale', () => {
  const stack = useImportStack();

  const seedExisting = async (tenantId: string, emails: string[], name = 'Already There') => {
    for (let i = 0; i < emails.length; i += 1000) {
      await stack.db('customers').insert(emails.slice(i, i + 1000).map((email) => ({ tenant_id: tenantId, email, first_name: name, full_name: name })));
    }
  };

  it('imports 100,000 rows with exact counts and lists every malformed row with its number and reason', async () => {
    const t = await buildTenant(stack.db);
    const rows = 100_000;
    const data = scaleCsv(rows);
    await seedExisting(t.tenantId, data.existing);
    const res = await stack.upload(t, data.csv);
    expect(res.status).toBe(202);
    const done = await stack.settled(t, res.body.data.id, 240_000);
    const failed = data.malformed.length;
    expect(failed).toBe(rows / 100);
    expect(data.dupInFile).toBe(rows / 50);
    expect(data.existing).toHaveLength(rows / 50);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual(
      expect.objectContaining({
        total: rows,
        processed: rows,
        failed,
        duplicatesInFile: data.dupInFile,
        duplicatesExisting: data.existing.length,
        duplicates: data.dupInFile + data.existing.length,
        imported: rows - failed - data.dupInFile - data.existing.length,
        updated: 0,
      }),
    );
    expect(done.progress.rowsPerSecond).toBeGreaterThan(0);

    // Every malformed row, in order, with its number and the failing field, across error pages.
    const listed: Array<{ row: number; field: string | null; message: string }> = [];
    for (let page = 1; ; page++) {
      const errors = await stack.server.request(`/api/v1/imports/${done.id}/errors?limit=1000&page=${page}`, { key: t.adminKey });
      listed.push(...errors.body.data);
      if (!errors.body.pagination.hasNext) break;
    }
    expect(listed.map((e) => ({ row: e.row, field: e.field }))).toEqual(data.malformed);
    expect(listed.every((e) => e.message.length > 0)).toBe(true);

    const [{ count, emails }] = (
      await stack.db.raw('SELECT count(*)::int AS count, count(DISTINCT email)::int AS emails FROM customers WHERE tenant_id = ?', [t.tenantId])
    ).rows;
    expect(count).toBe(rows - failed - data.dupInFile);
    expect(emails).toBe(count);
    // First occurrence wins: a duplicated email keeps the earlier row's name.
    expect(await stack.db('customers').where({ tenant_id: t.tenantId, email: 'person2@example.com' }).first()).toMatchObject({
      first_name: 'First2',
      phone: '+12122000002',
    });
    expect(await stack.db('customers').where({ tenant_id: t.tenantId, email: data.existing[0] }).first()).toMatchObject({
      first_name: 'Already There',
      phone: null,
    });
  }, 300000);

  it('runs two tenants\u2019 imports of the same file at once without touching each other\u2019s customers', async () => {
    const a = await buildTenant(stack.db, 'Tenant A');
    const b = await buildTenant(stack.db, 'Tenant B');
    const rows = 10_000;
    const { csv, malformed, existing, dupInFile } = scaleCsv(rows);
    // Only B has customers with the "existing" emails; A's import must not see them.
    await seedExisting(b.tenantId, existing, 'Belongs To B');
    const [ra, rb] = await Promise.all([stack.upload(a, csv, 'text/csv', '?duplicateMode=upsert'), stack.upload(b, csv, 'text/csv', '?duplicateMode=upsert')]);
    const [da, dbb] = await Promise.all([stack.settled(a, ra.body.data.id, 240_000), stack.settled(b, rb.body.data.id, 240_000)]);
    const valid = rows - malformed.length - dupInFile;
    expect(da.progress).toMatchObject({ imported: valid, updated: 0, failed: malformed.length, duplicatesInFile: dupInFile });
    expect(dbb.progress).toMatchObject({ imported: valid - existing.length, updated: existing.length, failed: malformed.length, duplicatesInFile: dupInFile });
    const countOf = async (tenantId: string) => Number((await stack.db('customers').where({ tenant_id: tenantId }).count().first())!.count);
    expect(await countOf(a.tenantId)).toBe(valid);
    expect(await countOf(b.tenantId)).toBe(valid);
    // B's pre-existing customers were updated by B's import only (upsert), and A has its own copies.
    const bRow = await stack.db('customers').where({ tenant_id: b.tenantId, email: existing[0] }).first();
    const aRow = await stack.db('customers').where({ tenant_id: a.tenantId, email: existing[0] }).first();
    expect(bRow.id).not.toBe(aRow.id);
    expect(aRow.created_by).toMatch(/^api_key:/);
    const aErrors = await stack.db('import_errors').where({ import_id: da.id }).whereNot({ tenant_id: a.tenantId }).count().first();
    expect(aErrors).toMatchObject({ count: 0 });
  }, 300000);
});
