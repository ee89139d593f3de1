import fs from 'node:fs';
import path from 'node:path';
import { toolsBinDir } from '../../lib/paths';
import { run } from './process';

/**
 * The Temporal server release Herald runs in cluster mode. v1.31.5 cannot be built from the module
 * proxy (its go.temporal.io/auto-scaled-workers dependency answers 403); v1.32.2 can.
 */
export const SERVER_VERSION = 'v1.32.2';

/**
 * The Go toolchain the build asks for: the server's go.mod says `go 1.26.10`, newer than the Go
 * many machines have, and the go command fetches this one from the module proxy (about 76 MB, once).
 */
export const SERVER_GO_TOOLCHAIN = 'go1.27.3';

/** The two binaries of cluster mode, each built from the same server module. */
export interface TemporalServerBinaries {
  /** `temporal-server` (go.temporal.io/server/cmd/server): frontend, history, matching and worker services. */
  server: string;
  /** `temporal-sql-tool` (go.temporal.io/server/cmd/tools/sql): creates and updates the schemas. */
  sqlTool: string;
}

/** Where the binaries live: versioned, so an upgrade builds beside the old ones instead of over them. */
export function serverBinaries(version = SERVER_VERSION): TemporalServerBinaries {
  const dir = path.join(toolsBinDir, `temporal-server-${version}`);
  return { server: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool') };
}

/**
 * Builds the server and its SQL tool with `go install` under `nice -n 19` (the build compiles some
 * 400 packages and would otherwise take the machine's cores from everything else). `go install`
 * names a binary after its package directory (`server`, `sql`), so both are built into a staging
 * directory and renamed to Temporal's own names.
 */
async function buildServer(version: string, log: (line: string) => void): Promise<TemporalServerBinaries> {
  const target = serverBinaries(version);
  const staging = path.join(path.dirname(target.server), 'staging');
  fs.mkdirSync(staging, { recursive: true });
  log(
    `temporal: building the Temporal server ${version} with Go (${SERVER_GO_TOOLCHAIN}) into ${path.dirname(target.server)}; the first build takes many minutes`,
  );
  const env = { ...process.env, GOBIN: staging, GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: SERVER_GO_TOOLCHAIN };
  const packages = ['go.temporal.io/server/cmd/server', 'go.temporal.io/server/cmd/tools/sql'].map((p) => `${p}@${version}`);
  const started = Date.now();
  const heartbeat = setInterval(() => log(`temporal: ... still building the server (${Math.round((Date.now() - started) / 1000)} s)`), 60000);
  let res;
  try {
    res = await run('nice', ['-n', '19', 'go', 'install', ...packages], { env });
  } finally {
    clearInterval(heartbeat);
  }
  if (res.code !== 0) throw new Error(`Building the Temporal server failed:\n${res.stderr.trim().split('\n').slice(-10).join('\n')}`);
  fs.renameSync(path.join(staging, 'server'), target.server);
  fs.renameSync(path.join(staging, 'sql'), target.sqlTool);
  fs.rmSync(staging, { recursive: true, force: true });
  log(`temporal: server built in ${Math.round((Date.now() - started) / 1000)} s`);
  return target;
}

/**
 * The Temporal server and SQL tool: found in .tools/bin, else built with Go. Unlike the CLI there
 * is no download fallback: cluster mode is for machines that build what they run.
 */
export async function obtainTemporalServer(log: (line: string) => void, version = SERVER_VERSION): Promise<TemporalServerBinaries> {
  const found = serverBinaries(version);
  if (fs.existsSync(found.server) && fs.existsSync(found.sqlTool)) return found;
  const go = await run('sh', ['-c', 'command -v go']);
  if (go.code !== 0) throw new Error('Cluster mode builds the Temporal server with Go, and `go` is not on PATH: install Go 1.21 or newer');
  return buildServer(version, log);
}
