import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { freePort } from '../support/freePort';
import { startHeraldProcess, type HeraldProcess } from '../support/heraldProcess';
import { until } from '../support/until';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/bin/cli.js');

/**
 * The production build (`npm run build`, what the Dockerfile runs) compiles, and its output
 * works on its own: `node dist/bin/cli.js serve` answers /readyz, serves the OpenAPI document,
 * refuses an anonymous caller and serves a tenant's admin key (a customer written and read back),
 * and `node dist/bin/cli.js worker` bundles the compiled workflows and runs them: the membership
 * refresh the compiled API starts for a new segment is done by the compiled worker. No worker
 * runs in this process, so nothing else could do it. The rest of the suite runs the TypeScript
 * sources, so this is what guards the build.
 */
describe('production build', () => {
  let db: Knex;
  let api: HeraldProcess | undefined;
  let worker: HeraldProcess | undefined;

  beforeAll(() => {
    db = testDb();
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await db?.destroy();
  });

  it('serves the API and runs the worker from dist/', async () => {
    const port = await freePort();
    api = await startHeraldProcess([cli, 'serve'], { PORT: String(port), HOST: '127.0.0.1' }, 'API listening');
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const spec = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/customers', '/api/v1/imports', '/api/v1/webhooks', '/api/v1/campaigns']));
    const unauthenticated = await fetch(`${url}/api/v1/customers`);
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ error: { code: expect.any(String) } });

    // A tenant's admin key, through authenticated routes of the compiled server: a customer written, then read back.
    const { tenantId, adminKey } = await buildTenant(db, 'Production build');
    const call = async (method: string, route: string, body?: unknown) => {
      const res = await fetch(`${url}${route}`, {
        method,
        headers: { Authorization: `Bearer ${adminKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as { data: any } };
    };
    const created = await call('POST', '/api/v1/customers', { firstName: 'Dist', lastName: 'Build', email: 'dist.build@example.com', tags: ['vip'] });
    expect(created).toMatchObject({ status: 201, body: { data: { firstName: 'Dist', lastName: 'Build', email: 'dist.build@example.com', tags: ['vip'] } } });
    const customerId = created.body.data.id as string;
    expect(await db('customers').where({ id: customerId }).first('tenant_id')).toEqual({ tenant_id: tenantId });
    expect(await call('GET', `/api/v1/customers/${customerId}`)).toMatchObject({
      status: 200,
      body: { data: { id: customerId, firstName: 'Dist', tags: ['vip'] } },
    });
    const listed = await call('GET', '/api/v1/customers');
    expect({ status: listed.status, ids: listed.body.data.map((c: { id: string }) => c.id) }).toEqual({ status: 200, ids: [customerId] });

    // The compiled worker runs the compiled workflows: a new segment's membership is filled by its refresh workflow.
    worker = await startHeraldProcess([cli, 'worker'], {}, 'worker running');
    const segment = await call('POST', '/api/v1/segments', { name: 'VIPs', rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] } });
    expect(segment).toMatchObject({ status: 201, body: { data: { refreshedAt: null, memberCount: 0 } } });
    const refreshed = await until(
      async () => (await call('GET', `/api/v1/segments/${segment.body.data.id}`)).body.data,
      (s) => s.refreshedAt !== null,
      { timeoutMs: 30_000, everyMs: 200, label: "the compiled worker to refresh the new segment's membership" },
    );
    expect(refreshed.memberCount).toBe(1);
    expect((await call('GET', `/api/v1/segments/${segment.body.data.id}/customers`)).body.data.map((c: { id: string }) => c.id)).toEqual([customerId]);
  }, 120_000);
});
