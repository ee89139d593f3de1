import { Client, Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTenant, testDb } from '../support/factories';
import { scaleCsv } from '../support/importCsv';
import { freePort } from '../support/freePort';

/**
 * The CLI as a user runs it: `herald serve` and `herald worker` as processes, then
 * `herald import <file>` streaming a CSV and following it to the end, and `herald export`
 * streaming the customers back to a file.
 */

const root = path.resolve(__dirname, '../..');
const herald = path.join(root, 'bin/herald');
const queue = `${process.env.TEMPORAL_TASK_QUEUE}-import-cli`;

/** Starts a herald command and resolves once its output contains `ready`. */
function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [herald, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`herald ${args.join(' ')} did not start:\n${output}`)), 120000);
    const onData = (c: Buffer) => {
      output += c.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`herald ${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

/** Runs a herald command to its end. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [herald, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Stops a process gracefully (SIGINT), or with SIGKILL after 20 s; resolves once it is gone. */
async function stop(child: ChildProcess): Promise<void> {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  if (gone()) return;
  child.kill('SIGINT');
  const deadline = Date.now() + 20000;
  while (!gone() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (!gone()) child.kill('SIGKILL');
  while (!gone()) await new Promise((r) => setTimeout(r, 100));
}

describe('herald import / export', () => {
  const db = testDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-import-cli-'));
  let api: ChildProcess;
  let worker: ChildProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const port = await freePort();
    env = {
      ...process.env,
      PORT: String(port),
      TEMPORAL_TASK_QUEUE: queue,
      LOG_LEVEL: 'info',
      RATE_LIMIT_IMPORTS_PER_MINUTE: '100',
      HERALD_URL: `http://127.0.0.1:${port}`,
    };
    [api, worker] = await Promise.all([startProcess(['serve'], env, 'API listening'), startProcess(['worker'], env, 'worker running')]);
  }, 180000);
  afterAll(async () => {
    await Promise.all([stop(api), stop(worker)]);
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    await new Client({ connection }).schedule
      .getHandle(`herald-segment-refresh-${queue}`)
      .delete()
      .catch(() => undefined);
    await connection.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60000);

  it('imports a CSV file to completion and prints the summary, then exports the customers to a file', async () => {
    const t = await buildTenant(db);
    const data = scaleCsv(2000);
    const file = path.join(dir, 'customers.csv');
    fs.writeFileSync(file, data.csv);
    const imported = await run(['import', file, '--key', t.adminKey], env);
    expect(imported.stderr).not.toMatch(/herald:/);
    expect(imported.code).toBe(0);
    const expected = { imported: 2000 - data.malformed.length - data.dupInFile };
    expect(imported.stdout).toMatch(/^Import [0-9a-f-]{36} completed/m);
    expect(imported.stdout).toContain(
      `rows 2000, imported ${expected.imported}, updated 0, duplicates ${data.dupInFile} (in file ${data.dupInFile}, existing 0), failed ${data.malformed.length}`,
    );
    expect(imported.stdout).toMatch(/errors: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/imports\/[0-9a-f-]{36}\/errors\?format=csv/);
    const count = Number((await db('customers').where({ tenant_id: t.tenantId }).count().first())!.count);
    expect(count).toBe(expected.imported);

    const out = path.join(dir, 'export.csv');
    const exported = await run(['export', '-o', out, '--key', t.adminKey, '--json'], env);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout.trim())).toMatchObject({ output: out, format: 'csv', rows: count });
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).some((l) => l.includes('person0@example.com'))).toBe(true);

    // The exported file imports again: every row matches an existing customer.
    const again = await run(['import', out, '--key', t.adminKey, '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout.trim())).toMatchObject({
      status: 'completed',
      progress: { total: count, imported: 0, duplicatesExisting: count, failed: 0 },
    });
  }, 240000);

  it('fails with one line and a non-zero exit when the API refuses the upload', async () => {
    const t = await buildTenant(db);
    const file = path.join(dir, 'broken.csv');
    fs.writeFileSync(file, 'email,name\n"unterminated,Quote\n');
    const res = await run(['import', file, '--key', t.adminKey], env);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/herald: upload failed \(400 bad_request\): The CSV could not be read/);
  }, 60000);
});
