import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { workerTracing } from '../telemetry/temporalTracing';
import { temporalProviderOn, type TemporalProvider, type TemporalSettings } from './client';
import { taskQueues } from './taskQueues';
import { WORKER_MAX_CACHED_WORKFLOWS } from './workerHeap';
import { ensureWorkflowBundle } from './workflowBundle';

/** Where the worker keeps its pre-built workflow bundle (default: the project's .data/workflow-bundles). */
export interface HeraldWorkerOptions {
  bundleDir?: string;
}

/** A created worker, its connection, and a provider on that connection for what the worker process starts. */
export interface HeraldWorker {
  worker: Worker;
  connection: NativeConnection;
  /** Starts and signals workflows over the worker's own connection (no second connection). */
  temporal: TemporalProvider;
}

/**
 * Creates Herald's worker: workflows from the pre-built bundle of workflows/index.ts (built by a
 * child process on first start and reused while the sources are unchanged, see workflowBundle.ts),
 * activities from the factory. The caller runs it (`worker.run()`) and shuts it down
 * (`worker.shutdown()`), then closes the returned connection.
 */
export async function createHeraldWorker(settings: TemporalSettings, deps: ActivityDeps, options: HeraldWorkerOptions = {}): Promise<HeraldWorker> {
  const bundle = await ensureWorkflowBundle({ dir: options.bundleDir });
  const connection = await NativeConnection.connect({ address: settings.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: settings.namespace,
      taskQueue: taskQueues(settings.taskQueue).main,
      workflowBundle: { codePath: bundle.codePath },
      maxCachedWorkflows: WORKER_MAX_CACHED_WORKFLOWS,
      activities: createActivities(deps),
      ...workerTracing(),
    });
    return { worker, connection, temporal: temporalProviderOn(connection, settings) };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
