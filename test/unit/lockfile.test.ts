import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * package-lock.json is complete: npm, asked to bring the lock in line with every package.json
 * of the workspace, changes nothing. An incomplete lock (missing another platform's optional
 * native binary, a dependency added to package.json but not locked) would be rewritten by the
 * quick start's `npm install`, leaving a fresh clone dirty and `npm ci` elsewhere unreliable.
 */
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

it('npm install --package-lock-only leaves package-lock.json unchanged', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-lock-'));
  try {
    const workspaces = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { workspaces?: string[] }).workspaces ?? [];
    for (const file of ['package.json', 'package-lock.json', ...workspaces.map((w) => `${w}/package.json`)]) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    }
    await run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeout: 120_000 });
    const before = fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');
    const after = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    expect(
      after === before
        ? 'unchanged'
        : `npm rewrote package-lock.json (${after.split('\n').length - before.split('\n').length} lines): run npm install and commit the lock`,
    ).toBe('unchanged');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 150_000);
