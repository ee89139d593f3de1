import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTenantService } from '../../domain/tenants/service';
import { verifyPassword } from '../../domain/users/passwords';
import { testDb } from '../support/factories';
import { freePort } from '../support/freePort';

const root = path.resolve(__dirname, '../..');
const herald = path.join(root, 'bin/herald');

/** Starts `herald dev` and resolves once it prints its banner, with the banner's URLs and key. */
function startDev(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; output: () => string; key: string; apiUrl: string; uiUrl: string; admin: [string, string] }> {
  const child = spawn(process.execPath, [herald, 'dev'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`herald dev printed no banner in time:\n${output}`)), 90000);
    child.on('exit', (code) => reject(new Error(`herald dev exited early (${code}):\n${output}`)));
    const poll = setInterval(() => {
      const key = /Admin key:\s+(hk_\S+)/.exec(output)?.[1];
      const apiUrl = /API:\s+(\S+)/.exec(output)?.[1];
      const uiUrl = /Temporal UI:\s+(\S+)/.exec(output)?.[1];
      const admin = /sign in as (\S+) \/ (\S+)\)/.exec(output);
      if (key && apiUrl && uiUrl && admin) {
        clearInterval(poll);
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, output: () => output, key, apiUrl, uiUrl, admin: [admin[1]!, admin[2]!] });
      }
    }, 100);
  });
}

const stop = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

/** The CLI as a user runs it: configuration errors, and `herald dev` bringing everything up. */
describe('herald CLI', () => {
  it('refuses a bad PORT with one line naming it and a non-zero exit', () => {
    const res = spawnSync(process.execPath, [herald, 'serve'], { cwd: root, env: { ...process.env, PORT: 'abc' }, encoding: 'utf8', timeout: 30000 });
    expect(res.status).not.toBe(0);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT/);
    expect(res.stdout.trim()).toBe('');
  });

  it('`services up` is idempotent: a second call finds both services running and starts nothing', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    for (let i = 0; i < 2; i++) {
      const res = spawnSync(process.execPath, [herald, 'services', 'up', '--json'], { cwd: root, env, encoding: 'utf8', timeout: 60000 });
      expect(res.status).toBe(0);
      expect(JSON.parse(res.stdout.trim())).toMatchObject({ started: { postgres: false, temporal: false }, temporalUiUrl: expect.stringMatching(/^http/) });
    }
  });

  it('creates a tenant whose printed key authenticates', async () => {
    const res = spawnSync(process.execPath, [herald, 'tenants', 'create', 'CLI tenant', '--json'], {
      cwd: root,
      env: process.env,
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(res.status).toBe(0);
    const created = JSON.parse(res.stdout.trim()) as { tenantId: string; adminKey: string };
    expect(created.adminKey).toMatch(/^hk_/);
    const db = testDb();
    try {
      const principal = await createTenantService({ db }).authenticate(created.adminKey);
      expect(principal).toMatchObject({ tenantId: created.tenantId, role: 'admin' });
    } finally {
      await db.destroy();
    }
  });

  it('adds a person with `users create`, whose printed password signs in, and says so when the account existed', async () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [herald, ...args], { cwd: root, env: process.env, encoding: 'utf8', timeout: 30000 });
    const tenant = JSON.parse(run('tenants', 'create', 'CLI people', '--json').stdout.trim()) as { tenantId: string };
    const email = `cli.${Date.now()}@people.example`;
    const created = run('users', 'create', '--email', email, '--tenant', tenant.tenantId, '--role', 'admin', '--json');
    expect(created.status).toBe(0);
    const person = JSON.parse(created.stdout.trim()) as { userId: string; password: string; role: string };
    expect(person).toMatchObject({ role: 'admin', password: expect.stringMatching(/^[\w-]{24}$/) });
    const again = run('users', 'create', '--email', email.toUpperCase(), '--tenant', tenant.tenantId, '--role', 'member', '--json');
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ userId: person.userId, password: null, role: 'member' });
    const bad = run('users', 'create', '--email', 'not-an-address', '--tenant', tenant.tenantId);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--email/);
    const db = testDb();
    try {
      const row = (await db('users').where({ id: person.userId }).first()) as { password_hash: string };
      expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(row.password_hash).not.toContain(person.password);
      expect(await verifyPassword(person.password, row.password_hash)).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it('`herald dev` brings up API, docs, worker and Temporal UI, prints a working key, and keeps it across runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-dev-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(await freePort()),
      HERALD_DEV_KEY_FILE: path.join(dir, 'dev-key.json'),
      TEMPORAL_TASK_QUEUE: `${process.env.TEMPORAL_TASK_QUEUE}-dev`,
      LOG_LEVEL: 'warn',
    };
    // Let dev discover the local Temporal dev server itself, as on a developer's machine, so it prints the UI URL.
    delete env.TEMPORAL_ADDRESS;
    const first = await startDev(env);
    try {
      const base = first.apiUrl.replace(/\/api\/v1$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect((await fetch(`${base}/docs`)).status).toBe(200);
      expect((await fetch(first.uiUrl)).status).toBe(200);

      const ok = await fetch(`${first.apiUrl}/tenant`, { headers: { Authorization: `Bearer ${first.key}` } });
      expect(ok.status).toBe(200);
      const wrong = await fetch(`${first.apiUrl}/tenant`, { headers: { Authorization: 'Bearer hk_not-a-key' } });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('content-type')).toContain('application/json');
      expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('unauthorized');

      // The first admin of the development tenant signs in to the console with the printed password.
      const [email, password] = first.admin;
      const login = await fetch(`${first.apiUrl}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { data: { role: string } }).data.role).toBe('admin');

      // The summary runs as a workflow, so this answers only if dev's worker is polling.
      const summary = await fetch(`${first.apiUrl}/tenant/summary`, { headers: { Authorization: `Bearer ${first.key}` } });
      expect(summary.status).toBe(200);
    } finally {
      expect(await stop(first.child)).toBe(0);
    }

    const second = await startDev(env);
    try {
      expect(second.key).toBe(first.key);
      expect(second.admin).toEqual(first.admin);
    } finally {
      await stop(second.child);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180000);
});
