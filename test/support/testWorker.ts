import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Knex } from 'knex';
import type { ActivityDeps } from '../../activities';
import { createLogger } from '../../lib/logger';
import { createHeraldWorker } from '../../temporal/worker';

/** Temporal settings of this test file: the dev server and the file's own task queue. */
export const testTemporalSettings = () => ({ address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: process.env.TEMPORAL_TASK_QUEUE! });

/**
 * Runs Herald's real worker on the test file's task queue until the returned stop function is called,
 * with the SDK's own logs kept to warnings (the runtime can be installed once per process).
 * `deps` adds what a suite's activities need beyond the database (e.g. messaging channels).
 */
export async function startTestWorker(db: Knex, deps: Partial<ActivityDeps> = {}): Promise<() => Promise<void>> {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process.
  }
  const { worker, connection } = await createHeraldWorker(testTemporalSettings(), { db, logger: createLogger('silent'), ...deps });
  const running = worker.run();
  return async () => {
    worker.shutdown();
    await running;
    await connection.close();
  };
}
