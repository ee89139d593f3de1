import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { apiProcess } from '../processes';
import { onShutdown } from '../shutdown';

/** `herald serve`: the API alone (services are expected to be reachable; /readyz tells). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const { createRuntime, startApi } = apiProcess();
      const runtime = createRuntime(config, logger);
      const server = await startApi(runtime);
      logger.info({ url: server.url }, 'API listening');
      onShutdown(
        async () => {
          await server.close();
          await runtime.close();
        },
        (line) => logger.info(line),
      );
    });
}
