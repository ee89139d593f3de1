import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePostgres, stopPostgres } from '../../scripts/services/postgres';
import { startTestServer, type TestServer } from '../support/testServer';
import { freePort } from '../support/freePort';

/**
 * Stopping Postgres must turn /readyz into a 503 naming Postgres within 2 s, without crashing
 * the API; starting it again must turn it back to 200. Uses a throwaway cluster of its own so
 * the rest of the suite keeps its database.
 */
describe('readiness when Postgres goes away', () => {
  let dir: string;
  let clusterDir: string;
  let port: number;
  let server: TestServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-pg-'));
    fs.chmodSync(dir, 0o755);
    clusterDir = path.join(dir, 'cluster');
    port = await freePort();
    const pg = await ensurePostgres({ databaseUrl: undefined, port, clusterDir });
    server = await startTestServer({ DATABASE_URL: pg.url });
  }, 120000);

  afterAll(async () => {
    await server?.close();
    await stopPostgres(clusterDir);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('goes 200 → 503 (postgres down) → 200', async () => {
    expect(await server.request('/readyz')).toMatchObject({ status: 200, body: { checks: { postgres: 'up', temporal: 'up' } } });

    expect(await stopPostgres(clusterDir)).toBe(true);
    const started = Date.now();
    const down = await server.request('/readyz');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { postgres: 'down', temporal: 'up' } } });
    expect((await server.request('/healthz')).status).toBe(200);

    await ensurePostgres({ databaseUrl: undefined, port, clusterDir });
    expect(await server.request('/readyz')).toMatchObject({ status: 200, body: { checks: { postgres: 'up' } } });
  }, 120000);
});
