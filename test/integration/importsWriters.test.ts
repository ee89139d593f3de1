import { buildTenant } from '../support/factories';
import { useImportStack } from '../support/importStack';
import { until } from '../support/until';

/**
 * The parallel chunk writers (domain/imports/pipeline.ts) through the real API, worker, Postgres
 * and Temporal: in-file duplicates across chunks written by different writers still resolve to
 * the first occurrence in the file, and a customer someone else writes while a writer inserts
 * the same email does not fail the chunk or the import: the chunk is redone and the row counted
 * against the customer that now exists.
 */
describe('import chunk writers', () => {
  const stack = useImportStack();

  /** Backends of this database waiting for a lock while inserting customers. */
  const blockedInserts = async () =>
    (
      await stack.db.raw(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO customers%'",
      )
    ).rows[0].n as number;

  it('keeps the first occurrence in the file when duplicates sit in chunks written in parallel', async () => {
    const t = await buildTenant(stack.db);
    await stack.db('customers').insert({ tenant_id: t.tenantId, email: 'u9000@example.com', first_name: 'Already', full_name: 'Already There' });
    const rows = 12_000; // three chunks of 5,000 rows: at least two written at once
    const lines = ['email,first_name,phone'];
    for (let i = 1; i <= rows; i++) {
      const phone = `+1212${String(2000000 + i).padStart(7, '0')}`;
      if (i === 11_000) lines.push(`u3@example.com,Later,+13125550000`);
      else if (i === 7_001) lines.push(`fresh7001@example.com,Later,+1212${String(2000004).padStart(7, '0')}`);
      else lines.push(`u${i}@example.com,First${i},${phone}`);
    }
    const res = await stack.upload(t, lines.join('\n'), 'text/csv', '?dedupeKeys=email,phone');
    expect(res.status).toBe(202);
    const done = await stack.settled(t, res.body.data.id, 120_000);
    expect(done.status).toBe('completed');
    expect(done.progress).toMatchObject({ total: rows, processed: rows, imported: rows - 3, duplicatesInFile: 2, duplicatesExisting: 1, failed: 0 });
    const byEmail = async (email: string) => stack.db('customers').where({ tenant_id: t.tenantId, email }).first();
    expect(await byEmail('u3@example.com')).toMatchObject({ first_name: 'First3' });
    expect(await byEmail('u4@example.com')).toMatchObject({ first_name: 'First4', phone: '+12122000004' });
    expect(await byEmail('fresh7001@example.com')).toBeUndefined();
    expect(await byEmail('u9000@example.com')).toMatchObject({ first_name: 'Already' });
    const [{ count }] = (await stack.db.raw('SELECT count(*)::int AS count FROM customers WHERE tenant_id = ?', [t.tenantId])).rows;
    expect(count).toBe(rows - 3 + 1);
  }, 180_000);

  it('stops every writer and the checker when an import is cancelled mid-way, with counts that match what was written', async () => {
    const t = await buildTenant(stack.db);
    const rows = 60_000;
    const lines = ['email,first_name'];
    for (let i = 1; i <= rows; i++) lines.push(`c${i}@example.com,Name${i}`);
    const res = await stack.upload(t, lines.join('\n'));
    expect(res.status).toBe(202);
    const id = res.body.data.id as string;
    const deadline = Date.now() + 60_000;
    while (((await stack.db('imports').where({ id }).first()) as { processed_rows: number }).processed_rows === 0) {
      if (Date.now() > deadline) throw new Error('no chunk was written within a minute');
      await new Promise((r) => setTimeout(r, 50));
    }
    const cancelled = await stack.server.request(`/api/v1/imports/${id}/cancel`, { method: 'POST', key: t.adminKey });
    expect(cancelled.status).toBe(200);
    // The workflow ends (its cleanup empties the working tables), and nothing commits after the cancel.
    const rowsLeft = async () => Number((await stack.db('import_rows').where({ import_id: id }).count({ n: '*' }).first())!.n);
    await until(rowsLeft, (n) => n === 0, { timeoutMs: 60_000, everyMs: 200, label: "the cancelled import's workflow to end and empty its working rows" });
    const final = (await stack.server.request(`/api/v1/imports/${id}`, { key: t.adminKey })).body.data;
    expect(final.status).toBe('cancelled');
    expect(final.progress.processed).toBeLessThan(rows);
    expect(final.progress.processed % 5000).toBe(0);
    expect(final.progress.imported).toBe(final.progress.processed);
    const [{ count }] = (await stack.db.raw('SELECT count(*)::int AS count FROM customers WHERE tenant_id = ?', [t.tenantId])).rows;
    expect(count).toBe(final.progress.imported);
    for (const table of ['import_rows', 'import_keys', 'import_checked', 'import_chunks']) {
      expect(await stack.db(table).where({ import_id: id }).count().first()).toMatchObject({ count: 0 });
    }
  }, 180_000);

  it('redoes a chunk whose insert meets a customer written at the same time, and counts the row against it', async () => {
    const t = await buildTenant(stack.db);
    await stack.stopWorker();
    const res = await stack.upload(t, ['email,first_name', 'a@example.com,Ann', 'b@example.com,Bob', 'c@example.com,Cyd'].join('\n'));
    expect(res.status).toBe(202);
    // Someone else (another request) is creating b@example.com and has not committed yet.
    const other = await stack.db.transaction();
    try {
      await other('customers').insert({ tenant_id: t.tenantId, email: 'b@example.com', first_name: 'Other', full_name: 'Other Writer' });
      await stack.startWorker();
      const deadline = Date.now() + 30_000;
      while ((await blockedInserts()) === 0) {
        if (Date.now() > deadline) throw new Error('the import writer never waited for the other transaction');
        await new Promise((r) => setTimeout(r, 50));
      }
      await other.commit();
    } catch (err) {
      await other.rollback().catch(() => undefined);
      throw err;
    }
    const done = await stack.settled(t, res.body.data.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toMatchObject({ total: 3, processed: 3, imported: 2, duplicatesExisting: 1, failed: 0 });
    const rows = await stack.db('customers').where({ tenant_id: t.tenantId }).orderBy('email').select('email', 'first_name');
    expect(rows).toEqual([
      { email: 'a@example.com', first_name: 'Ann' },
      { email: 'b@example.com', first_name: 'Other' },
      { email: 'c@example.com', first_name: 'Cyd' },
    ]);
  }, 120_000);
});
