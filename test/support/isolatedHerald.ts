import { createDb, type Knex } from '../../db/knex';
import { runAdmin, withDatabase } from './globalSetup';
import { endQueueWork } from './queueCleanup';
import { startTestServer, type TestServer } from './testServer';
import { startWorkerProcess, type WorkerProcess } from './heraldProcess';

/**
 * A second Herald inside one test file: a database and a task queue of its own, the real API on
 * them, and `herald worker` as a child process with the given environment (e.g. a retry schedule
 * other than the file's). Its worker can be SIGKILLed and started again; no other worker can
 * take over its work meanwhile.
 */
export interface IsolatedHerald {
  /** What the API and the worker run with (on top of the test file's environment). */
  env: Record<string, string>;
  db: Knex;
  server: TestServer;
  /** Everything the current worker has printed so far (for failure messages). */
  workerOutput(): string;
  /** SIGKILLs the worker (no graceful shutdown). */
  killWorker(): Promise<void>;
  /** Starts a new worker process, e.g. after killWorker. */
  startWorker(): Promise<void>;
  /** Stops the worker, ends what it left on the queue, closes the API and drops the database. */
  close(): Promise<void>;
}

/** Runs one statement on the services' admin database (CREATE/DROP DATABASE). */
const admin = (sql: string) => runAdmin(process.env.HERALD_TEST_ADMIN_URL!, sql);

/**
 * Copies the run's template database under a name made from `name`, starts the API on it and
 * (unless `worker` is false) `herald worker`, both with a task queue of their own and `env` on top
 * of the test file's environment.
 */
export async function startIsolatedHerald(name: string, env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<IsolatedHerald> {
  const database = `${process.env.HERALD_TEST_TEMPLATE_DB}_${name}`;
  const own: Record<string, string> = {
    ...env,
    DATABASE_URL: withDatabase(process.env.HERALD_TEST_ADMIN_URL!, database),
    TEMPORAL_TASK_QUEUE: `${process.env.TEMPORAL_TASK_QUEUE}-${name}`,
  };
  let db: Knex | undefined;
  let server: TestServer | undefined;
  let worker: WorkerProcess | undefined;
  const close = async () => {
    await worker?.stop();
    await endQueueWork(process.env.TEMPORAL_ADDRESS!, own.TEMPORAL_TASK_QUEUE!);
    await server?.close();
    await db?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
  try {
    await admin(`CREATE DATABASE "${database}" TEMPLATE "${process.env.HERALD_TEST_TEMPLATE_DB}"`);
    db = createDb({ url: own.DATABASE_URL!, poolMax: 3 });
    server = await startTestServer(own);
    if (options.worker !== false) worker = await startWorkerProcess(own);
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  return {
    env: own,
    db,
    server,
    workerOutput: () => worker?.output() ?? '',
    killWorker: async () => worker?.kill(),
    async startWorker() {
      worker = await startWorkerProcess(own);
    },
    close,
  };
}
