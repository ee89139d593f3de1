import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { scaleCsv } from '../support/importCsv';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWorkerProcess, type WorkerProcess } from '../support/heraldProcess';
import { until } from '../support/until';

/**
 * Crash safety: the worker runs as a real `herald worker` child process on the file's own task
 * queue, with three parallel chunk writers, and is killed with SIGKILL twice while an import is
 * mid-way (several writer transactions in flight). After a third worker starts, the import
 * completes with exact counts, no customer twice and no row lost: the checker commits each
 * chunk's claimed keys and checked rows with the chunk's marker, each writer commits a chunk's
 * customers, errors and counters with its `written` mark, and a retried activity resumes with
 * the chunks not checked and the chunks not written.
 */
const WRITERS = { IMPORT_WRITERS: '3' };
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
      await db('customers').insert(
        data.existing.slice(i, i + 1000).map((email) => ({ tenant_id: t.tenantId, email, first_name: 'Already', full_name: 'Already There' })),
      );
    }
    const res = await fetch(`${server.url}/api/v1/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.adminKey}`, 'Content-Type': 'text/csv' },
      body: data.csv,
    });
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

    // Customer INSERTs of this database running at once, sampled while the workers run.
    let concurrentWriters = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [{ n }] = (
          await db.raw(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%INSERT INTO customers%' AND pid <> pg_backend_pid()",
          )
        ).rows;
        concurrentWriters = Math.max(concurrentWriters, n);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const killedAt: number[] = [];
    for (let round = 0; round < 2; round++) {
      worker = await startWorkerProcess(WRITERS);
      const before = (await progress()).processed_rows;
      // Let it commit at least one more chunk, then kill it in the middle of the next.
      const p = await waitFor((x) => x.processed_rows > before);
      expect(p.status).toBe('running');
      expect(p.processed_rows).toBeLessThan(p.total_rows);
      await worker.kill();
      killedAt.push(p.processed_rows);
    }
    worker = await startWorkerProcess(WRITERS);
    const final = await waitFor((x) => !['queued', 'running'].includes(x.status), 240000);
    sampling = false;
    await sampler;
    expect(final.status).toBe('completed');
    // The writers did run in parallel (each is its own Postgres backend).
    expect(concurrentWriters).toBeGreaterThanOrEqual(2);
    expect(killedAt[1]).toBeGreaterThan(killedAt[0]!);

    const job = (await server.request(`/api/v1/imports/${id}`, { key: t.adminKey })).body.data;
    const failed = data.malformed.length;
    expect(job.progress).toEqual(
      expect.objectContaining({
        total: rows,
        processed: rows,
        failed,
        duplicatesInFile: data.dupInFile,
        duplicatesExisting: data.existing.length,
        imported: rows - failed - data.dupInFile - data.existing.length,
        updated: 0,
      }),
    );
    const [{ count, emails, phones }] = (
      await db.raw(
        'SELECT count(*)::int AS count, count(DISTINCT email)::int AS emails, count(DISTINCT phone)::int AS phones FROM customers WHERE tenant_id = ?',
        [t.tenantId],
      )
    ).rows;
    expect(count).toBe(rows - failed - data.dupInFile);
    expect(emails).toBe(count);
    expect(phones).toBe(job.progress.imported);
    // Every malformed row is reported exactly once, in spite of the retried chunks.
    const errors = await db('import_errors').where({ import_id: id }).orderBy('row_number').select('row_number', 'field');
    expect(errors.map((e) => ({ row: e.row_number, field: e.field }))).toEqual(data.malformed);
    expect(await db('events').where({ tenant_id: t.tenantId, type: 'import.completed', subject_id: id })).toHaveLength(1);
    // The working tables are emptied once the import has finished (cleanup is the workflow's step after completion).
    for (const table of ['import_rows', 'import_keys', 'import_checked', 'import_chunks']) {
      const left = await until(
        async () => Number(((await db(table).where({ import_id: id }).count({ n: '*' }).first()) as { n: string }).n),
        (n) => n === 0,
        { timeoutMs: 60_000, label: `${table} to be emptied after the import finished` },
      );
      expect(left).toBe(0);
    }
  }, 600000);
});
