import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '..');

/** The folders `npm run build` compiles (tsconfig.build.json). */
const SOURCE_DIRS = ['api', 'domain', 'rules', 'workflows', 'activities', 'channels', 'temporal', 'db', 'lib', 'migrations', 'bin', 'scripts'];

/** Newest modification time (ms) of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The command line Herald runs with in a benchmark: the compiled production build
 * (`node dist/bin/cli.js`, built here first when missing or older than a source), as a
 * deployment runs it; `BENCH_FROM_SOURCES=1` runs `bin/herald` (TypeScript through tsx) instead,
 * to compare the two.
 */
export function heraldEntry(): string {
  if (process.env.BENCH_FROM_SOURCES === '1') return path.join(PROJECT_ROOT, 'bin', 'herald');
  const entry = path.join(PROJECT_ROOT, 'dist', 'bin', 'cli.js');
  let built = 0;
  try {
    built = statSync(entry).mtimeMs;
  } catch {
    // not built yet
  }
  if (built < Math.max(...SOURCE_DIRS.map((d) => newestSource(path.join(PROJECT_ROOT, d))))) {
    process.stderr.write('building dist/ (npm run build) for the benchmark…\n');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  return entry;
}
