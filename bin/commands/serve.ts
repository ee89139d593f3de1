import type { Command } from 'commander';
import { createApp } from '../../api/app';
import { startServer, type RunningServer } from '../../api/server';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { createRateLimiters, createRuntime, type Runtime } from '../runtime';
import { onShutdown } from '../shutdown';

/** Starts the HTTP API on the runtime's configuration. */
export async function startApi(runtime: Runtime): Promise<RunningServer> {
  const app = createApp({ config: runtime.config, domain: runtime.domain, logger: runtime.logger, rateLimiters: createRateLimiters(runtime.config, runtime.db) });
  try {
    return await startServer(app, runtime.config.HOST, runtime.config.PORT);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${runtime.config.PORT} on ${runtime.config.HOST} is already in use; set PORT`);
    throw err;
  }
}

/** `herald serve`: the API alone (services are expected to be reachable; /readyz tells). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const runtime = createRuntime(config, logger);
      const server = await startApi(runtime);
      logger.info({ url: server.url }, 'API listening');
      onShutdown(async () => {
        await server.close();
        await runtime.close();
      }, (line) => logger.info(line));
    });
}
