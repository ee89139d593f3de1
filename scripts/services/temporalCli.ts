import fs from 'node:fs';
import path from 'node:path';
import { toolsBinDir } from '../../lib/paths';
import { run } from './process';

/** The Temporal CLI tag built when no binary is found: the newest whose go.mod allows `go install`. */
const CLI_VERSION = 'v1.5.1';

/** Looks for the `temporal` CLI in .tools/bin, then on PATH. */
async function findTemporalCli(): Promise<string | undefined> {
  const local = path.join(toolsBinDir, 'temporal');
  if (fs.existsSync(local)) return local;
  const which = await run('sh', ['-c', 'command -v temporal']).catch(() => undefined);
  const found = which?.code === 0 ? which.stdout.trim() : '';
  return found || undefined;
}

/**
 * Builds the Temporal CLI with Go into .tools/bin. Takes minutes the first time, so module
 * downloads are counted out as progress. When checksum verification cannot reach sum.golang.org
 * the build is retried once with GOSUMDB=off, for this development tool only.
 */
async function buildWithGo(log: (line: string) => void): Promise<string> {
  fs.mkdirSync(toolsBinDir, { recursive: true });
  log(`temporal: building the Temporal CLI ${CLI_VERSION} with Go into ${toolsBinDir} (first run only, takes a few minutes)`);
  let modules = 0;
  const onLine = (line: string) => {
    if (!line.startsWith('go: downloading')) return;
    modules += 1;
    if (modules % 25 === 0) log(`temporal: ... ${modules} modules downloaded`);
  };
  const target = `github.com/temporalio/cli/cmd/temporal@${CLI_VERSION}`;
  const env = { ...process.env, GOBIN: toolsBinDir, GOFLAGS: '-buildvcs=false' };
  // Compiling prints nothing for minutes; a heartbeat shows the build is alive.
  const started = Date.now();
  const heartbeat = setInterval(() => log(`temporal: ... still building (${Math.round((Date.now() - started) / 1000)} s)`), 30000);
  let res;
  try {
    res = await run('go', ['install', target], { env, onLine });
    if (res.code !== 0 && /sum\.golang\.org|verifying module|checksum database/i.test(res.stderr)) {
      log('temporal: the Go checksum database is unreachable; retrying with GOSUMDB=off for this dev tool only');
      res = await run('go', ['install', target], { env: { ...env, GOSUMDB: 'off' }, onLine });
    }
  } finally {
    clearInterval(heartbeat);
  }
  if (res.code !== 0) throw new Error(`Building the Temporal CLI failed:\n${res.stderr.trim().split('\n').slice(-10).join('\n')}`);
  log('temporal: CLI built');
  return path.join(toolsBinDir, 'temporal');
}

/** Every regular executable file below a directory whose name mentions temporal. */
function executablesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => /temporal/i.test(path.basename(f)) && fs.statSync(f).isFile() && (fs.statSync(f).mode & 0o111) !== 0);
}

/**
 * Without Go, lets the Temporal SDK download its dev server (needs internet access), then keeps
 * the binary in .tools/bin so later runs need neither.
 */
async function downloadWithSdk(log: (line: string) => void): Promise<string> {
  log('temporal: Go is not available; downloading the Temporal CLI through the Temporal SDK');
  const downloadDir = path.join(toolsBinDir, '..', 'temporal-download');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  try {
    const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'cached-download', downloadDir } } });
    await env.teardown();
  } catch (err) {
    throw new Error(
      `The Temporal CLI is not installed, Go is not available to build it, and the SDK could not download it (${(err as Error).message}): install \`temporal\` or set TEMPORAL_ADDRESS`,
    );
  }
  const [binary] = executablesIn(downloadDir);
  if (!binary) throw new Error(`The SDK download finished but no temporal binary was found in ${downloadDir}`);
  fs.mkdirSync(toolsBinDir, { recursive: true });
  const target = path.join(toolsBinDir, 'temporal');
  fs.copyFileSync(binary, target);
  fs.chmodSync(target, 0o755);
  return target;
}

/** The Temporal CLI: found, else built with Go, else downloaded through the SDK. */
export async function obtainTemporalCli(log: (line: string) => void): Promise<string> {
  const found = await findTemporalCli();
  if (found) return found;
  const go = await run('sh', ['-c', 'command -v go']);
  return go.code === 0 ? buildWithGo(log) : downloadWithSdk(log);
}
