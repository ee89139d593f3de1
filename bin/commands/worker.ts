import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { workerProcess } from '../processes';
import { onShutdown } from '../shutdown';

/** `herald worker`: the Temporal worker alone. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the Temporal worker (workflows and activities)')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const { createWorkerBase, startWorker } = workerProcess();
      const base = createWorkerBase(config, logger);
      const worker = await startWorker(base);
      logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker running');
      onShutdown(
        async () => {
          await worker.stop();
          await base.close();
        },
        (line) => logger.info(line),
      );
      await worker.done;
    });
}
