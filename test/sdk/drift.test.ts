import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../support/testServer';

const root = path.join(__dirname, '../..');
const GENERATED_FILE = 'sdk/src/generated/openapi.ts';

/** Runs the generator script (openapi-typescript is ESM-only underneath, so not inside jest). */
async function generate(from: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'sdk/scripts/generate.ts', '--from', from, '--stdout'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * The SDK's committed types must be what the running API's document generates: any change to a
 * route's schemas without `npm run sdk:generate` fails here. The document is fetched from a real
 * server (with a PUBLIC_URL, so its `servers` entry carries a host and port that must not leak).
 */
describe('SDK types drift check', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_URL: 'http://127.0.0.1:45678' });
    dir = mkdtempSync(path.join(tmpdir(), 'herald-sdk-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches the types generated from the served OpenAPI document', async () => {
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { servers?: Array<{ url: string }> };
    expect(document.servers?.[0]?.url).toBe('http://127.0.0.1:45678');
    const generated = await generate(`${server.url}/api/v1/openapi.json`);
    const committed = readFileSync(path.join(root, GENERATED_FILE), 'utf8');
    if (generated !== committed) {
      throw new Error(`${GENERATED_FILE} differs from the types of the API's OpenAPI document: run \`npm run sdk:generate\` and commit the result`);
    }
    expect(generated).toMatch(/^\/\*\*\n \* Herald's API types, generated .*\n \* Do not edit; regenerate with `npm run sdk:generate`/);
    expect(generated).not.toContain('45678');
  });

  it('renders the same file whatever the order of the document keys', async () => {
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    const reversed = {
      ...document,
      paths: Object.fromEntries(Object.entries(document.paths).reverse()),
      components: { ...document.components, schemas: Object.fromEntries(Object.entries(document.components.schemas).reverse()) },
    };
    const file = path.join(dir, 'reversed.json');
    writeFileSync(file, JSON.stringify(reversed));
    expect(await generate(file)).toBe(readFileSync(path.join(root, GENERATED_FILE), 'utf8'));
  });
});
