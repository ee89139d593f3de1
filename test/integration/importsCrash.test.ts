import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { scaleCsv } from '../support/importCsv';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWorkerProcess, type WorkerProcess } from '../support/heraldProcess';

/**
 * Crash safety: the worker runs as a real `herald worker` child process on the file's own task
 * queue, and is killed with SIGKILL twice while an import is mid-way. After a third worker starts,
 * the import completes with exact counts, no customer twice and no row lost: each chunk commits
 * its customers, errors, claimed keys and counters in one transaction, and a retried activity
 * resumes from the committed cursor.
 */
describe('import crash safety', () => {
  let server: TestServer;
  let db: Knex;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_IMPORTS_PER_MINUTE: '1000' });
    db = testDb();
  });
  afterAll(async () => {
    await worker?.kill();
    await server.close();
    await db.destroy();
  });

  it('finishes with exact counts after the worker is SIGKILLed twice mid-import', async () => {
    const t = await buildTenant(db);
    const rows = 60_000;
    const data = scaleCsv(rows);
    for (let i = 0; i < data.existing.length; i += 1000) {
      await db('customers').insert(data.existing.slice(i, i + 1000).map((email) => ({ tenant_id: t.tenantId, email, first_name: 'Already', full_name: 'Already There' })));
    }
    const res = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: { Authorization: `Bearer ${t.adminKey}`, 'Content-Type': 'text/csv' }, body: data.csv });
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { data: { id: string } }).data.id;
    const progress = async () => (await db('imports').where({ id }).first()) as { status: string; processed_rows: number; total_rows: number };
    const waitFor = async (ok: (p: Awaited<ReturnType<typeof progress>>) => boolean, timeoutMs = 180000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const p = await progress();
        if (ok(p)) return p;
        if (Date.now() > deadline) throw new Error(`timed out at ${JSON.stringify(p)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    const killedAt: number[] = [];
    for (let round = 0; round < 2; round++) {
      worker = await startWorkerProcess();
      const before = (await progress()).processed_rows;
      // Let it commit at least one more chunk, then kill it in the middle of the next.
      const p = await waitFor((x) => x.processed_rows > before);
      expect(p.status).toBe('running');
      expect(p.processed_rows).toBeLessThan(p.total_rows);
      await worker.kill();
      killedAt.push(p.processed_rows);
    }
    worker = await startWorkerProcess();
    const final = await waitFor((x) => !['queued', 'running'].includes(x.status), 240000);
    expect(final.status).toBe('completed');
    expect(killedAt[1]).toBeGreaterThan(killedAt[0]!);

    const job = (await server.request(`/api/v1/imports/${id}`, { key: t.adminKey })).body.data;
    const failed = data.malformed.length;
    expect(job.progress).toEqual(expect.objectContaining({
      total: rows, processed: rows, failed, duplicatesInFile: data.dupInFile, duplicatesExisting: data.existing.length,
      imported: rows - failed - data.dupInFile - data.existing.length, updated: 0,
    }));
    const [{ count, emails, phones }] = (await db.raw('SELECT count(*)::int AS count, count(DISTINCT email)::int AS emails, count(DISTINCT phone)::int AS phones FROM customers WHERE tenant_id = ?', [t.tenantId])).rows;
    expect(count).toBe(rows - failed - data.dupInFile);
    expect(emails).toBe(count);
    expect(phones).toBe(job.progress.imported);
    // Every malformed row is reported exactly once, in spite of the retried chunks.
    const errors = await db('import_errors').where({ import_id: id }).orderBy('row_number').select('row_number', 'field');
    expect(errors.map((e) => ({ row: e.row_number, field: e.field }))).toEqual(data.malformed);
    expect(await db('events').where({ tenant_id: t.tenantId, type: 'import.completed', subject_id: id })).toHaveLength(1);
  }, 600000);
});
