import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { Client } from 'pg';
import { dataDir } from '../../lib/paths';
import { isAlive, isPortOpen, readPid, run, stopPid, waitFor } from './process';
import type { TemporalHandle } from './temporal';
import { temporalAnswers } from './temporal';
import { clusterConfigYaml, postgresEndpoint, visibilityDatabase, type ClusterSettings } from './temporalClusterConfig';
import { obtainTemporalServer, type TemporalServerBinaries } from './temporalServerBuild';

/** Options for {@link ensureTemporalCluster}; the defaults come from the environment. */
export interface EnsureClusterOptions {
  /** The PostgreSQL server Herald runs on (any database on it: the cluster creates its own). */
  postgresUrl: string;
  port?: number;
  database?: string;
  historyShards?: number;
  namespace?: string;
  log?: (line: string) => void;
}

/** The namespace's retention of closed workflows: long enough to look into a finished campaign. */
const RETENTION = '3 days';

const pidFile = () => path.join(dataDir(), 'temporal-cluster.pid');
const clusterDir = () => path.join(dataDir(), 'temporal-cluster');

/** Creates a database on the server unless it exists (connecting to the URL's own database). */
async function ensureDatabase(postgresUrl: string, database: string): Promise<boolean> {
  const client = new Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** True when the SQL tool has set up its version table in the database (so setup must not run again). */
async function hasSchemaVersion(postgresUrl: string, database: string): Promise<boolean> {
  const u = new URL(postgresUrl);
  u.pathname = `/${database}`;
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const table = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_version')::text AS t`);
    if (!table.rows[0]?.t) return false;
    const { rows } = await client.query<{ curr_version: string | null }>('SELECT curr_version FROM schema_version LIMIT 1');
    return Boolean(rows[0]?.curr_version);
  } finally {
    await client.end();
  }
}

/**
 * Brings both databases to the schema the server binary expects, with the server's own SQL tool
 * and the schemas embedded in it (`schema/postgresql/v12/...` of the module): `setup-schema -v 0.0`
 * once on a new database, then `update-schema` every time, which applies only the versions not yet
 * applied. That is also how a server upgrade updates the schema: build the new version, start.
 */
async function setUpSchemas(tool: string, settings: ClusterSettings, log: (line: string) => void): Promise<void> {
  const pg = postgresEndpoint(settings.postgresUrl);
  const schemas: Array<[string, string]> = [
    [settings.database, 'postgresql/v12/temporal'],
    [visibilityDatabase(settings.database), 'postgresql/v12/visibility'],
  ];
  for (const [database, schemaName] of schemas) {
    if (await ensureDatabase(settings.postgresUrl, database)) log(`temporal: created database ${database}`);
    const base = ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user, '--db', database];
    // The password goes through the environment rather than the command line (visible in ps).
    const env = { ...process.env, SQL_PASSWORD: pg.password };
    const steps = (await hasSchemaVersion(settings.postgresUrl, database)) ? [] : [['setup-schema', '-v', '0.0']];
    steps.push(['update-schema', '--schema-name', schemaName]);
    for (const step of steps) {
      const res = await run(tool, [...base, ...step], { env });
      if (res.code !== 0)
        throw new Error(`temporal-sql-tool ${step[0]} on ${database} failed:\n${(res.stderr || res.stdout).trim().split('\n').slice(-8).join('\n')}`);
    }
  }
  log(`temporal: schemas of ${settings.database} and ${visibilityDatabase(settings.database)} up to date`);
}

/**
 * Registers the namespace unless it exists, then waits until the frontend serves it: a new
 * namespace reaches the server's namespace cache some seconds after it is written.
 */
async function ensureNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const service = connection.workflowService;
    const exists = await service.describeNamespace({ namespace }).then(
      () => true,
      (err: { code?: number }) => {
        if (err.code === 5) return false;
        throw err;
      },
    );
    if (!exists) await service.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(RETENTION) });
    const served = await waitFor(async () => Boolean(await service.listWorkflowExecutions({ namespace, pageSize: 1 })), 60000, 500);
    if (!served) throw new Error(`The Temporal server did not serve namespace ${namespace} within 60 s`);
  } finally {
    await connection.close();
  }
}

/** The persistence store of the Temporal server at the address: `postgres12` for the cluster, `sqlite` for the dev server. */
export async function persistenceStore(address: string): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    return (await connection.workflowService.getClusterInfo({})).persistenceStore ?? '';
  } finally {
    await connection.close();
  }
}

/** Starts the server detached (it outlives `herald services up`), its output in .data/temporal-cluster.log. */
function startServer(binaries: TemporalServerBinaries, configFile: string): number {
  const logFd = fs.openSync(path.join(dataDir(), 'temporal-cluster.log'), 'a');
  const services = ['frontend', 'history', 'matching', 'worker'].flatMap((s) => ['--service', s]);
  const child = spawn(binaries.server, ['--config-file', configFile, '--allow-no-auth', 'start', ...services], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  if (child.pid === undefined) throw new Error('Could not start the Temporal server');
  fs.writeFileSync(pidFile(), String(child.pid));
  child.unref();
  return child.pid;
}

/**
 * Makes sure a real Temporal server runs on Herald's PostgreSQL: builds it when absent, creates and
 * updates its two databases, generates its configuration, starts frontend, history, matching and
 * worker in one process and registers the namespace. Safe to call again while it runs: it only
 * checks. This is `herald services up --cluster`; the dev server stays the default.
 */
export async function ensureTemporalCluster(options: EnsureClusterOptions): Promise<TemporalHandle> {
  const log = options.log ?? (() => undefined);
  const port = options.port ?? Number(process.env.TEMPORAL_PORT ?? 7233);
  const address = `127.0.0.1:${port}`;
  const namespace = options.namespace ?? process.env.TEMPORAL_NAMESPACE ?? 'default';
  if (await temporalAnswers(address)) {
    // A dev server left running on the port would otherwise pass for the cluster.
    const store = await persistenceStore(address);
    if (store === 'sqlite')
      throw new Error(`A Temporal dev server (SQLite) answers on ${address}: stop it with \`herald services down\`, or set TEMPORAL_PORT`);
    return { address, startedHere: false };
  }
  if (await isPortOpen('127.0.0.1', port)) throw new Error(`Port ${port} is taken by something that is not a Temporal server; set TEMPORAL_PORT`);

  const settings: ClusterSettings = {
    postgresUrl: options.postgresUrl,
    port,
    database: options.database ?? process.env.TEMPORAL_CLUSTER_DATABASE ?? 'temporal',
    historyShards: options.historyShards ?? Number(process.env.TEMPORAL_HISTORY_SHARDS ?? 4),
    maxConns: 10,
  };
  const binaries = await obtainTemporalServer(log);
  await setUpSchemas(binaries.sqlTool, settings, log);
  fs.mkdirSync(clusterDir(), { recursive: true });
  const configFile = path.join(clusterDir(), 'config.yaml');
  // It holds the database password.
  fs.writeFileSync(configFile, clusterConfigYaml(settings), { mode: 0o600 });
  log(`temporal: starting the Temporal server (${settings.historyShards} history shards) on ${address}`);
  const pid = startServer(binaries, configFile);
  const up = await waitFor(async () => isAlive(pid) && (await temporalAnswers(address, 1000)), 120000, 500);
  if (!up) throw new Error(`The Temporal server did not answer within 120 s; see ${path.join(dataDir(), 'temporal-cluster.log')}`);
  await ensureNamespace(address, namespace);
  return { address, startedHere: true };
}

/** Stops the cluster-mode server Herald started, by the pid it recorded. */
export async function stopTemporalCluster(): Promise<boolean> {
  const pid = readPid(pidFile());
  fs.rmSync(pidFile(), { force: true });
  if (pid === undefined || !isAlive(pid)) return false;
  await stopPid(pid, 20000);
  return true;
}
