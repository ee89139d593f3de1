import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../temporal/workflowBundle';

const PROJECT_ROOT = path.resolve(__dirname, '..');

/** Newest modification time (ms) of the TypeScript files `npm run build` compiles (tsconfig.build.json's folders). */
function newestSource(): number {
  const { include } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
  const sources = include.flatMap((dir) => filesUnder(path.join(PROJECT_ROOT, dir))).filter((f) => f.endsWith('.ts'));
  return Math.max(...sources.map((f) => statSync(f).mtimeMs));
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
  if (built < newestSource()) {
    process.stderr.write('building dist/ (npm run build) for the benchmark…\n');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  return entry;
}
