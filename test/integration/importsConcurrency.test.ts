import { buildTenant } from '../support/factories';
import { scaleCsv } from '../support/importCsv';
import { startIsolatedHerald, type IsolatedHerald } from '../support/isolatedHerald';

/**
 * Many imports at once on one worker (`herald worker` on a queue of its own, so no other suite's
 * worker takes a share): at most IMPORT_LOOPS_PER_WORKER (2) of them hold chunks at any moment,
 * the others wait their turn, and every import still completes with exact counts.
 */
describe('concurrent imports on one worker', () => {
  let herald: IsolatedHerald;

  beforeAll(async () => {
    herald = await startIsolatedHerald('importslots', { RATE_LIMIT_IMPORTS_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await herald?.close();
  });

  it('runs at most two chunk loops at once and completes all four imports exactly', async () => {
    // Six chunks an import, so the moments with two imports mid-way and another waiting last long enough to be seen.
    const rows = 30_000;
    const { csv, malformed, dupInFile } = scaleCsv(rows);
    const tenants = await Promise.all([1, 2, 3, 4].map((i) => buildTenant(herald.db, `Slots ${i}`)));
    const ids: string[] = [];
    for (const t of tenants) {
      const res = await fetch(`${herald.server.url}/api/v1/imports`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.adminKey}`, 'Content-Type': 'text/csv' },
        body: csv,
      });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { data: { id: string } }).data.id);
    }

    // Imports between their first and last chunk hold a slot: never more than two at a time.
    let mostInProgress = 0;
    let sawWaiting = false;
    const deadline = Date.now() + 240_000;
    for (;;) {
      const jobs = await herald.db('imports').whereIn('id', ids).select('status', 'processed_rows', 'total_rows');
      const inProgress = jobs.filter((j) => j.processed_rows > 0 && j.processed_rows < j.total_rows).length;
      mostInProgress = Math.max(mostInProgress, inProgress);
      if (inProgress === 2 && jobs.some((j) => j.processed_rows === 0)) sawWaiting = true;
      if (jobs.every((j) => !['queued', 'running', 'receiving'].includes(j.status)) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(mostInProgress).toBeLessThanOrEqual(2);
    expect(sawWaiting).toBe(true);

    const valid = rows - malformed.length - dupInFile;
    for (const [i, t] of tenants.entries()) {
      const res = await herald.server.request(`/api/v1/imports/${ids[i]}`, { key: t.adminKey });
      expect(res.body.data).toMatchObject({ status: 'completed', progress: { imported: valid, failed: malformed.length, duplicatesInFile: dupInFile } });
      expect(Number((await herald.db('customers').where({ tenant_id: t.tenantId }).count().first())!.count)).toBe(valid);
    }
  }, 300_000);
});
