import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/freePort';
import { startHeraldProcess, type HeraldProcess } from '../support/heraldProcess';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/bin/cli.js');

/**
 * The production build (`npm run build`, what the Dockerfile runs) compiles, and its output
 * works on its own: `node dist/bin/cli.js serve` answers /readyz, serves the OpenAPI document and
 * an authenticated route, and `node dist/bin/cli.js worker` bundles the compiled workflows and
 * polls. The rest of the suite runs the TypeScript sources, so this is what guards the build.
 */
describe('production build', () => {
  let api: HeraldProcess | undefined;
  let worker: HeraldProcess | undefined;

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
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

    worker = await startHeraldProcess([cli, 'worker'], {}, 'worker running');
    expect(worker.output()).toMatch(/worker running/);
  }, 120_000);
});
