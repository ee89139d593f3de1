import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { serveMetrics } from '../../telemetry/metricsServer';
import { startTracing } from '../../telemetry/tracing';
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
      // Before the worker's modules load: tracing patches http, undici and pg as they are required.
      const tracing = startTracing({ service: 'herald-worker', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
      const { createWorkerBase, startWorker } = workerProcess();
      const base = createWorkerBase(config, logger);
      const worker = await startWorker(base, { metrics: config.WORKER_METRICS_PORT !== 0 });
      const metrics = await serveMetrics(config.METRICS_HOST, config.WORKER_METRICS_PORT, 'WORKER_METRICS_PORT', worker.metricsSources);
      logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, metrics: metrics?.url ?? 'off', tracing: tracing ? 'on' : 'off' }, 'worker running');
      onShutdown(
        async () => {
          await worker.stop();
          await metrics?.close();
          await base.close();
          await tracing?.shutdown();
        },
        (line) => logger.info(line),
      );
      await worker.done;
    });
}
