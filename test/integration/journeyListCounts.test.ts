import type { Knex } from 'knex';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { insertRun, minutesAfter } from '../support/journeysInsight';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * The journeys list's run counts (issue 20): each journey of a page carries how many runs it has
 * had and has open now, over all its versions, read in one statement for the page; and a
 * journey's runs filtered by state and paged, as the journey page reads them. Journeys are made
 * and published through the API; runs are inserted directly (no router or runner here), so every
 * count is known.
 */
describe('journeys list run counts and run paging', () => {
  let server: TestServer;
  let db: Knex;
  type Tenant = { tenantId: string; adminKey: string };
  let a: Tenant;
  let b: Tenant;
  const base = new Date('2026-12-10T08:00:00Z');
  let twoVersions: string;
  let runsByState: Record<string, string[]>;

  const call = (t: Tenant, method: string, url: string, body?: unknown) => server.request(`/api/v1${url}`, { method, key: t.adminKey, body });
  const ok = async (t: Tenant, method: string, url: string, body?: unknown) => {
    const res = await call(t, method, url, body);
    if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const definition = (name: string) => ({
    name,
    entry: { type: 'event', event: 'Signed Up' },
    start: 'wait',
    nodes: [{ id: 'wait', type: 'delay', duration: '1d' }],
  });
  /** Creates and publishes a journey `versions` times; answers its id and each version's id. */
  const published = async (t: Tenant, name: string, versions: number) => {
    const { id } = (await ok(t, 'POST', '/journeys', definition(name))).data as { id: string };
    const versionIds: string[] = [];
    for (let v = 0; v < versions; v++) versionIds.push((await ok(t, 'POST', `/journeys/${id}/publish`)).data.currentVersionId);
    return { id, versionIds };
  };
  let entered = 0;
  /** Inserts runs of one version in the given states (a customer each: one open run per customer and journey). */
  const runs = async (t: Tenant, journeyId: string, versionId: string, states: Array<'active' | 'completed' | 'exited' | 'failed'>) => {
    const ids: string[] = [];
    for (const state of states) {
      const customerId = await buildCustomer(db, t.tenantId);
      ids.push(
        await insertRun(db, { tenantId: t.tenantId, journeyId, versionId, customerId, nodeId: 'wait', state, enteredAt: minutesAfter(base, entered++) }),
      );
    }
    return ids;
  };

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    a = await buildTenant(db, 'Counts A');
    b = await buildTenant(db, 'Counts B');
    const j1 = await published(a, 'Two versions', 2);
    twoVersions = j1.id;
    const v1 = await runs(a, j1.id, j1.versionIds[0]!, ['active', 'completed', 'exited', 'active']);
    const v2 = await runs(a, j1.id, j1.versionIds[1]!, ['failed', 'active', 'completed']);
    const all = [...v1, ...v2];
    const states = ['active', 'completed', 'exited', 'active', 'failed', 'active', 'completed'];
    runsByState = {};
    all.forEach((id, i) => (runsByState[states[i]!] ??= []).push(id));
    const j2 = await published(a, 'Ended', 1);
    await runs(a, j2.id, j2.versionIds[0]!, ['exited']);
    await ok(a, 'POST', '/journeys', definition('Never published'));
    const other = await published(b, 'B journey', 1);
    await runs(b, other.id, other.versionIds[0]!, ['active', 'active']);
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('puts entered and active-now counts over all versions on each journey of the list, from one query for the page', async () => {
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    server.runtime.db.on('query', listen);
    const list = await ok(a, 'GET', '/journeys').finally(() => server.runtime.db.off('query', listen));
    expect(list.data.map((j: { name: string; runs: unknown }) => [j.name, j.runs])).toEqual([
      ['Never published', { entered: 0, active: 0 }],
      ['Ended', { entered: 1, active: 0 }],
      ['Two versions', { entered: 7, active: 3 }],
    ]);
    expect(statements.filter((sql) => sql.includes('journey_runs'))).toHaveLength(1);

    // A later page counts its own journeys; another tenant's runs are never counted.
    const second = await ok(a, 'GET', '/journeys?limit=2&page=2');
    expect(second.data.map((j: { name: string; runs: unknown }) => [j.name, j.runs])).toEqual([['Two versions', { entered: 7, active: 3 }]]);
    expect((await ok(b, 'GET', '/journeys')).data.map((j: { runs: unknown }) => j.runs)).toEqual([{ entered: 2, active: 2 }]);
  });

  it("filters a journey's runs by state and pages them by number and by cursor, newest entry first", async () => {
    const ids = (body: { data: Array<{ id: string }> }) => body.data.map((r) => r.id);
    const newestFirst = (list: string[]) => [...list].reverse();
    const first = await ok(a, 'GET', `/journeys/${twoVersions}/runs?state=active&limit=2`);
    expect(ids(first)).toEqual(newestFirst(runsByState.active!).slice(0, 2));
    expect(first.pagination).toMatchObject({ page: 1, total: 3, totalPages: 2, hasNext: true, hasPrevious: false });
    const second = await ok(a, 'GET', `/journeys/${twoVersions}/runs?state=active&limit=2&page=2`);
    expect(ids(second)).toEqual(newestFirst(runsByState.active!).slice(2));
    expect(second.pagination).toMatchObject({ page: 2, hasNext: false, hasPrevious: true });
    const byCursor = await ok(a, 'GET', `/journeys/${twoVersions}/runs?state=active&limit=2&cursor=${first.pagination.nextCursor}`);
    expect(ids(byCursor)).toEqual(ids(second));
    expect(ids(await ok(a, 'GET', `/journeys/${twoVersions}/runs?state=completed`))).toEqual(newestFirst(runsByState.completed!));
    expect(ids(await ok(a, 'GET', `/journeys/${twoVersions}/runs?state=failed`))).toEqual(runsByState.failed);
    expect((await call(a, 'GET', `/journeys/${twoVersions}/runs?state=waiting`)).status).toBe(400);
  });
});
