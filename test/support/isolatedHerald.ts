import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createDb, type Knex } from '../../db/knex';
import { migrateLatest } from '../../db/migrate';
import { withDatabase } from './globalSetup';
import { startTestServer, type TestServer } from './testServer';

const root = path.resolve(__dirname, '../..');

/**
 * A Herald of a suite's own: a database and a task queue nobody else uses, the real API on them,
 * and `herald worker` as a child process with the given environment (e.g. a retry schedule other
 * than the run's). The run's in-process workers share one queue and must agree on settings; this
 * one shares nothing, so its settings are its own and no other worker can take over its work.
 */
export interface IsolatedHerald {
  /** What the API and the worker run with (on top of the test run's environment). */
  env: Record<string, string>;
  db: Knex;
  server: TestServer;
  /** Everything the worker has printed so far (for failure messages). */
  workerOutput(): string;
  /** Stops the worker, ends what it left on the queue, closes the API and drops the database. */
  close(): Promise<void>;
}

/** Runs one statement on the run's database (CREATE/DROP DATABASE). */
async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts `herald worker` with `env`; resolves once it is polling. Its output is kept in `log`. */
function startWorkerProcess(env: Record<string, string>, log: { text: string }): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/herald'), 'worker'], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const onData = (c: Buffer) => {
    log.text = (log.text + c.toString()).slice(-20_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker did not start:\n${log.text}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited early (${code}):\n${log.text}`));
    });
    const started = () => {
      if (!log.text.includes('worker running')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout!.off('data', started);
      resolve(child);
    };
    child.stdout!.on('data', started);
  });
}

/** Stops a child: SIGTERM (graceful), SIGKILL if it has not exited within `graceMs`. */
async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Terminates whatever still runs on the queue (relay, dispatchers) and deletes its schedules. */
async function endQueueWork(server: TestServer, taskQueue: string): Promise<void> {
  const client = await server.runtime.temporal.client();
  try {
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) {
      await client.workflow.getHandle(wf.workflowId, wf.runId).terminate('test suite finished').catch(() => undefined);
    }
  } catch {
    // Visibility unavailable: the workflows stay on a queue nobody polls, harmless.
  }
  try {
    for await (const s of client.schedule.list()) {
      if (s.scheduleId.endsWith(`-${taskQueue}`)) await client.schedule.getHandle(s.scheduleId).delete().catch(() => undefined);
    }
  } catch {
    // As above.
  }
}

/**
 * Creates and migrates a database named after `name`, starts the API and `herald worker` on it
 * with a task queue of their own and `env` on top of the run's environment.
 */
export async function startIsolatedHerald(name: string, env: Record<string, string> = {}): Promise<IsolatedHerald> {
  const database = `herald_${name}_${Date.now().toString(36)}_${process.pid}`;
  const own: Record<string, string> = {
    ...env,
    DATABASE_URL: withDatabase(process.env.DATABASE_URL!, database),
    TEMPORAL_TASK_QUEUE: `${process.env.TEMPORAL_TASK_QUEUE}-${name}`,
  };
  const log = { text: '' };
  let db: Knex | undefined;
  let server: TestServer | undefined;
  let worker: ChildProcess | undefined;
  const close = async () => {
    if (worker) await stopProcess(worker);
    if (server) await endQueueWork(server, own.TEMPORAL_TASK_QUEUE!);
    await server?.close();
    await db?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
  try {
    await admin(`CREATE DATABASE "${database}"`);
    db = createDb({ url: own.DATABASE_URL!, poolMax: 3 });
    await migrateLatest(db);
    server = await startTestServer(own);
    worker = await startWorkerProcess(own, log);
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  return { env: own, db, server, workerOutput: () => log.text, close };
}
