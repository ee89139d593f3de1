import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { obtainPgClientTools, type PgClientTools } from './pgClientTools';
import { run } from './process';
import { visibilityDatabase } from './temporalClusterConfig';

/** The databases of one Herald installation, each as a postgres:// URL naming it. */
export interface HeraldDatabases {
  herald: string;
  /** Temporal's main database on PostgreSQL; its visibility database is `<name>_visibility` on the same server. Absent: Temporal is not backed up. */
  temporal?: string;
}

/** One database in a backup. */
export interface BackedUpDatabase {
  role: 'temporal' | 'temporal_visibility' | 'herald';
  /** The database's name when it was dumped. */
  database: string;
  file: string;
  bytes: number;
  startedAt: string;
  finishedAt: string;
}

/** What `herald backup` writes beside the dumps (manifest.json), and what `herald restore` reads. */
export interface BackupManifest {
  format: 1;
  serverVersion: string;
  /** Major version of the pg_dump that wrote the dumps (pg_restore must be at least as new). */
  pgDumpMajor: number;
  /** In the order they were dumped: Temporal's first, Herald's last (see {@link backupDatabases}). */
  databases: BackedUpDatabase[];
}

type Log = (line: string) => void;

const MANIFEST = 'manifest.json';

/** The URL with another database. */
const onDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
};

const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * The URL for a client tool: the password moves to PGPASSWORD, so it never shows in the process
 * list; the rest (host, port, user, database, sslmode...) stays a libpq connection string.
 */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs one SQL statement on the database the URL names. */
async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The tools for the server the URL names (any database on it). */
async function toolsFor(url: string, log: Log, binDir?: string): Promise<{ tools: PgClientTools; serverVersion: string }> {
  const [row] = await query<{ server_version: string; num: string }>(
    url,
    `SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS num`,
  );
  const tools = await obtainPgClientTools(Math.floor(Number(row!.num) / 10000), log, binDir);
  return { tools, serverVersion: row!.server_version };
}

/** The last lines of a failed tool's output, for the error message. */
const tail = (text: string) => text.trim().split('\n').slice(-6).join('\n');

/**
 * Dumps Temporal's two databases and then Herald's into `dir` with `pg_dump --format=custom`, and
 * writes manifest.json. Each dump is one consistent snapshot of its database, taken while
 * everything runs; the databases are dumped one after the other, so Herald's is the newest. That
 * order is the safe one: after a restore Temporal may repeat work its older state had not recorded
 * as done, and Herald's ledgers (campaign recipients, webhook deliveries, journey steps) recognise
 * it; the reverse would leave Temporal believing in rows Herald never got. Temporal's membership
 * table is left empty: it names the server processes of the backed-up cluster, which a restored
 * server would otherwise try to join.
 */
export async function backupDatabases(databases: HeraldDatabases, dir: string, log: Log, binDir?: string): Promise<BackupManifest> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: give a new folder for each backup`);
  const { tools, serverVersion } = await toolsFor(databases.herald, log, binDir);
  const plan: Array<{ role: BackedUpDatabase['role']; url: string; extra: string[] }> = [];
  if (databases.temporal) {
    const name = databaseOf(databases.temporal);
    plan.push({ role: 'temporal', url: databases.temporal, extra: ['--exclude-table-data=cluster_membership'] });
    plan.push({ role: 'temporal_visibility', url: onDatabase(databases.temporal, visibilityDatabase(name)), extra: [] });
  }
  plan.push({ role: 'herald', url: databases.herald, extra: [] });
  for (const step of plan) {
    const found = await query(onDatabase(step.url, 'postgres'), 'SELECT 1 FROM pg_database WHERE datname = $1', [databaseOf(step.url)]);
    if (!found.length)
      throw new Error(
        `Database ${databaseOf(step.url)} does not exist${step.role === 'herald' ? '' : ": name Temporal's with --temporal-database, or leave it out with --no-temporal"}`,
      );
  }
  fs.mkdirSync(dir, { recursive: true });
  const manifest: BackupManifest = { format: 1, serverVersion, pgDumpMajor: tools.major, databases: [] };
  for (const step of plan) {
    const file = `${step.role}.dump`;
    const startedAt = new Date().toISOString();
    const { dbname, env } = toolConnection(step.url);
    const res = await run(tools.pgDump, ['--format=custom', `--file=${path.join(dir, file)}`, ...step.extra, `--dbname=${dbname}`], { env });
    if (res.code !== 0) throw new Error(`pg_dump of ${databaseOf(step.url)} failed:\n${tail(res.stderr)}`);
    const bytes = fs.statSync(path.join(dir, file)).size;
    manifest.databases.push({ role: step.role, database: databaseOf(step.url), file, bytes, startedAt, finishedAt: new Date().toISOString() });
    log(`backup: ${databaseOf(step.url)} → ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
  }
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads a backup's manifest, refusing a folder that is not one. */
export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${dir} holds no ${MANIFEST}: not a folder written by \`herald backup\``);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`${file} has format ${String(manifest.format)}, which this Herald does not read`);
  for (const d of manifest.databases) if (!fs.existsSync(path.join(dir, d.file))) throw new Error(`${d.file} is missing from ${dir}`);
  return manifest;
}

/** Creates the database unless it exists; refuses one that holds any table, so a restore never mixes into live data. */
async function emptyDatabase(url: string): Promise<void> {
  const name = databaseOf(url);
  const exists = await query(onDatabase(url, 'postgres'), 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!exists.length) {
    await query(onDatabase(url, 'postgres'), `CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return;
  }
  const tables = await query(
    url,
    `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') LIMIT 1`,
  );
  if (tables.length) throw new Error(`Database ${name} already holds tables: restore into a new database (or drop it first)`);
}

/**
 * Restores a backup into new (or empty) databases: Herald's into the one `databases.herald`
 * names, Temporal's into `databases.temporal` and its `_visibility` companion, each with
 * `pg_restore --single-transaction`, objects owned by the connecting user, and Temporal's schema
 * version rows renamed to the database they are in now. Nothing may run on them meanwhile; start the Temporal server on the restored databases first, then Herald's workers
 * and API.
 */
export async function restoreDatabases(dir: string, databases: HeraldDatabases, log: Log, binDir?: string): Promise<BackedUpDatabase[]> {
  const manifest = readManifest(dir);
  const targets: Record<BackedUpDatabase['role'], string | undefined> = {
    herald: databases.herald,
    temporal: databases.temporal,
    temporal_visibility: databases.temporal && onDatabase(databases.temporal, visibilityDatabase(databaseOf(databases.temporal))),
  };
  const steps = manifest.databases.filter((d) => targets[d.role]);
  const skipped = manifest.databases.filter((d) => !targets[d.role]);
  if (skipped.length) log(`restore: leaving out ${skipped.map((d) => d.file).join(', ')} (--no-temporal)`);
  const { tools } = await toolsFor(onDatabase(databases.herald, 'postgres'), log, binDir);
  for (const d of steps) await emptyDatabase(targets[d.role]!);
  for (const d of steps) {
    const url = targets[d.role]!;
    const { dbname, env } = toolConnection(url);
    const res = await run(
      tools.pgRestore,
      ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, path.join(dir, d.file)],
      { env },
    );
    if (res.code !== 0) throw new Error(`pg_restore of ${d.file} into ${databaseOf(url)} failed:\n${tail(res.stderr)}`);
    // Temporal's SQL tool finds a database's schema version by the database's name.
    if (d.role !== 'herald') await query(url, 'UPDATE schema_version SET db_name = current_database()');
    log(`restore: ${d.file} → ${databaseOf(url)}`);
  }
  return steps;
}
