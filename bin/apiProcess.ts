import { createApp } from '../api/app';
import { startServer, type RunningServer } from '../api/server';
import { createRateLimiters, type Runtime } from './runtime';

export { createRuntime } from './runtime';

/**
 * The API process: the HTTP API on the runtime's configuration (knex, the lazily connected
 * Temporal client and the domain services). It holds no Temporal worker: workflows and
 * activities run in the worker process (workerProcess.ts).
 */
export async function startApi(runtime: Runtime): Promise<RunningServer> {
  const app = createApp({
    config: runtime.config,
    domain: runtime.domain,
    logger: runtime.logger,
    rateLimiters: createRateLimiters(runtime.config, runtime.db),
  });
  try {
    return await startServer(app, runtime.config.HOST, runtime.config.PORT);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${runtime.config.PORT} on ${runtime.config.HOST} is already in use; set PORT`);
    throw err;
  }
}
