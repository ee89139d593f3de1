import type { Knex } from 'knex';
import { testDb } from './factories';
import { startTestServer, type TestServer } from './testServer';
import { startTestWorker } from './testWorker';
import { until } from './until';

/** A tenant and its admin key. */
export type Tenant = { tenantId: string; adminKey: string };

/**
 * What import suites share: the real API and Herald's real worker in this process for the whole
 * file (registered as beforeAll/afterAll), an upload helper and a poll until the import settles
 * (several requests a second, so the general rate limit is raised).
 */
export function useImportStack() {
  const s = {
    server: undefined as unknown as TestServer,
    db: undefined as unknown as Knex,
    /** Uploads `body` with a content type (CSV by default); returns status and parsed body. */
    upload: (t: Tenant, body: string, type = 'text/csv', query = '') =>
      fetch(`${s.server.url}/api/v1/imports${query}`, { method: 'POST', headers: { Authorization: `Bearer ${t.adminKey}`, 'Content-Type': type }, body }).then(
        async (r) => ({ status: r.status, body: (await r.json()) as any }),
      ),
    /** Polls the import until it leaves receiving/queued/running and returns it; throws if it has not within the timeout. */
    settled: (t: Tenant, id: string, timeoutMs = 60_000): Promise<any> =>
      until(
        async () => {
          const res = await s.server.request(`/api/v1/imports/${id}`, { key: t.adminKey });
          if (res.status !== 200) throw new Error(`GET /api/v1/imports/${id} -> ${res.status} ${JSON.stringify(res.body)}`);
          return res.body.data;
        },
        (data) => !['queued', 'running', 'receiving'].includes(data.status),
        { timeoutMs, everyMs: 200, label: `import ${id} to leave queued/running/receiving` },
      ),
    /** Stops the worker (gracefully), e.g. to let a test change staged rows before any chunk runs. */
    async stopWorker(): Promise<void> {
      await stopWorker?.();
      stopWorker = undefined;
    },
    /** Starts the worker again after stopWorker. */
    async startWorker(): Promise<void> {
      stopWorker = await startTestWorker(s.db);
    },
  };
  let stopWorker: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    s.server = await startTestServer({ RATE_LIMIT_IMPORTS_PER_MINUTE: '1000', RATE_LIMIT_GENERAL_PER_MINUTE: '100000' });
    s.db = testDb();
    await s.startWorker();
  });
  afterAll(async () => {
    await s.stopWorker();
    await s.server?.close();
    await s.db?.destroy();
  });
  return s;
}
