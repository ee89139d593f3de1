import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { dataDir, toolsBinDir } from '../../lib/paths';
import { isAlive, isPortOpen, readPid, run, stopPid, waitFor } from './process';

/** The Temporal CLI tag built when no binary is found: the newest whose go.mod allows `go install`. */
const CLI_VERSION = 'v1.5.1';

/** How to reach Temporal, and whether this call started the dev server. */
export interface TemporalHandle {
  address: string;
  uiUrl?: string;
  startedHere: boolean;
}

/** Options for {@link ensureTemporal}; every field has a default from the environment. */
export interface EnsureTemporalOptions {
  address?: string;
  port?: number;
  uiPort?: number;
  log?: (line: string) => void;
}

/** True when a Temporal frontend answers a gRPC call at this address. */
export async function temporalAnswers(address: string, timeoutMs = 3000): Promise<boolean> {
  const [host, port] = address.split(':');
  if (!(await isPortOpen(host ?? '127.0.0.1', Number(port), timeoutMs))) return false;
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: timeoutMs });
    await connection.workflowService.getSystemInfo({});
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/** Looks for the `temporal` CLI on PATH, then in .tools/bin. */
async function findTemporalCli(): Promise<string | undefined> {
  const local = path.join(toolsBinDir, 'temporal');
  if (fs.existsSync(local)) return local;
  const which = await run('sh', ['-c', 'command -v temporal']).catch(() => undefined);
  const found = which?.code === 0 ? which.stdout.trim() : '';
  return found || undefined;
}

/**
 * Builds the Temporal CLI with Go into .tools/bin. Takes minutes the first time, so each module
 * download is echoed as progress. When checksum verification cannot reach sum.golang.org the
 * build is retried once with GOSUMDB=off, for this development tool only.
 */
async function buildTemporalCli(log: (line: string) => void): Promise<string> {
  const go = await run('sh', ['-c', 'command -v go']);
  if (go.code !== 0) throw new Error('The Temporal CLI is not installed and Go is not available to build it: install `temporal` (https://docs.temporal.io/cli) or set TEMPORAL_ADDRESS');
  fs.mkdirSync(toolsBinDir, { recursive: true });
  log(`temporal: building the Temporal CLI ${CLI_VERSION} with Go into ${toolsBinDir} (first run only, takes a few minutes)`);
  let modules = 0;
  const onLine = (line: string) => {
    if (line.startsWith('go: downloading')) {
      modules += 1;
      if (modules % 25 === 0) log(`temporal: ... ${modules} modules downloaded`);
    }
  };
  const target = `github.com/temporalio/cli/cmd/temporal@${CLI_VERSION}`;
  const env = { ...process.env, GOBIN: toolsBinDir, GOFLAGS: '-buildvcs=false' };
  let res = await run('go', ['install', target], { env, onLine });
  if (res.code !== 0 && /sum\.golang\.org|verifying module|checksum database/i.test(res.stderr)) {
    log('temporal: the Go checksum database is unreachable; retrying with GOSUMDB=off for this dev tool only');
    res = await run('go', ['install', target], { env: { ...env, GOSUMDB: 'off' }, onLine });
  }
  if (res.code !== 0) throw new Error(`Building the Temporal CLI failed:\n${res.stderr.trim().split('\n').slice(-10).join('\n')}`);
  log('temporal: CLI built');
  return path.join(toolsBinDir, 'temporal');
}

/** The pid file of the dev server Herald started. */
const pidFile = () => path.join(dataDir(), 'temporal.pid');

/**
 * Makes sure a Temporal server is reachable. TEMPORAL_ADDRESS wins when set (and must answer);
 * otherwise Herald runs `temporal server start-dev` with its SQLite file under .data/, building
 * the CLI first if needed. Safe to call again while the server runs: it only checks.
 */
export async function ensureTemporal(options: EnsureTemporalOptions = {}): Promise<TemporalHandle> {
  const log = options.log ?? (() => undefined);
  const external = options.address ?? process.env.TEMPORAL_ADDRESS;
  if (external) {
    if (!(await temporalAnswers(external, 5000))) throw new Error(`TEMPORAL_ADDRESS is set to ${external} but no Temporal server answers there`);
    return { address: external, startedHere: false };
  }
  const port = options.port ?? Number(process.env.TEMPORAL_PORT ?? 7233);
  const uiPort = options.uiPort ?? Number(process.env.TEMPORAL_UI_PORT ?? 8233);
  const address = `127.0.0.1:${port}`;
  const uiUrl = `http://127.0.0.1:${uiPort}`;
  if (await temporalAnswers(address)) return { address, uiUrl, startedHere: false };
  if (await isPortOpen('127.0.0.1', port)) throw new Error(`Port ${port} is taken by something that is not a Temporal server; set TEMPORAL_PORT or TEMPORAL_ADDRESS`);

  const cli = (await findTemporalCli()) ?? (await buildTemporalCli(log));
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  const logFd = fs.openSync(path.join(dir, 'temporal.log'), 'a');
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort),
    '--db-filename', path.join(dir, 'temporal.db'),
    '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL', '--sqlite-pragma', 'busy_timeout=5000',
    '--log-level', 'warn',
  ];
  log(`temporal: starting the dev server on ${address} (UI ${uiUrl})`);
  const child = spawn(cli, args, { detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  if (child.pid === undefined) throw new Error('Could not start the Temporal dev server');
  fs.writeFileSync(pidFile(), String(child.pid));
  child.unref();
  const up = await waitFor(async () => isAlive(child.pid!) && (await temporalAnswers(address, 1000)), 90000, 300);
  if (!up) throw new Error(`The Temporal dev server did not answer within 90 s; see ${path.join(dir, 'temporal.log')}`);
  await waitFor(() => isPortOpen('127.0.0.1', uiPort), 15000, 200);
  return { address, uiUrl, startedHere: true };
}

/** Stops the dev server Herald started, by the pid it recorded. */
export async function stopTemporal(): Promise<boolean> {
  const pid = readPid(pidFile());
  fs.rmSync(pidFile(), { force: true });
  if (pid === undefined || !isAlive(pid)) return false;
  await stopPid(pid, 10000);
  return true;
}
