import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalSettings } from './client';
import { taskQueues } from './taskQueues';

/**
 * Creates Herald's worker: workflows bundled from workflows/index.ts, activities from the
 * factory. The caller runs it (`worker.run()`) and shuts it down (`worker.shutdown()`), then
 * closes the returned connection.
 */
export async function createHeraldWorker(settings: TemporalSettings, deps: ActivityDeps): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: settings.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: settings.namespace,
      taskQueue: taskQueues(settings.taskQueue).main,
      workflowsPath: require.resolve('../workflows'),
      activities: createActivities(deps),
    });
    return { worker, connection };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
