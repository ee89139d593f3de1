import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** What the console is built from: its sources and the SDK it calls the API through. */
const SOURCES = ['console/src', 'console/index.html', 'console/vite.config.mts', 'sdk/src'].map((p) => path.join(ROOT, p));
const BUILT = path.join(ROOT, 'console/dist/index.html');

/** The newest modification time under a file or folder. */
function newest(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** True when console/dist is missing or older than a file it is built from. */
export function consoleIsStale(): boolean {
  const built = fs.statSync(BUILT, { throwIfNoEntry: false });
  return !built || SOURCES.some((source) => newest(source) > built.mtimeMs);
}

/**
 * Builds the console with Vite when it is missing or stale (a few seconds), so `herald dev`
 * always serves the console of the checked-out code. Throws when the build fails.
 */
export function ensureConsoleBuilt(say: (line: string) => void): void {
  if (!consoleIsStale()) return;
  say('building the console (vite)');
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [ROOT] })), 'bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'console/vite.config.mts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the console build failed (see above)');
}
