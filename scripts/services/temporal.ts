import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { dataDir } from '../../lib/paths';
import { isAlive, isPortOpen, readPid, stopPid, waitFor } from './process';
import { obtainTemporalCli } from './temporalCli';

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
  if (await isPortOpen('127.0.0.1', port))
    throw new Error(`Port ${port} is taken by something that is not a Temporal server; set TEMPORAL_PORT or TEMPORAL_ADDRESS`);

  const cli = await obtainTemporalCli(log);
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  const logFd = fs.openSync(path.join(dir, 'temporal.log'), 'a');
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--db-filename',
    path.join(dir, 'temporal.db'),
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=NORMAL',
    '--sqlite-pragma',
    'busy_timeout=5000',
    '--log-level',
    'warn',
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

/** The pid of the dev server Herald started, while it runs. */
export function temporalDevServerPid(): number | undefined {
  const pid = readPid(pidFile());
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/** Stops the dev server Herald started, by the pid it recorded. */
export async function stopTemporal(): Promise<boolean> {
  const pid = readPid(pidFile());
  fs.rmSync(pidFile(), { force: true });
  if (pid === undefined || !isAlive(pid)) return false;
  await stopPid(pid, 10000);
  return true;
}
