import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { serveMetrics } from '../../telemetry/metricsServer';
import { startTracing } from '../../telemetry/tracing';
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
      // Before the API's modules load: tracing patches http and pg as they are required.
      const tracing = startTracing({ service: 'herald-api', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
      const { createRuntime, startApi } = apiProcess();
      const runtime = createRuntime(config, logger);
      const server = await startApi(runtime);
      const metrics = await serveMetrics(config.METRICS_HOST, config.METRICS_PORT, 'METRICS_PORT');
      logger.info({ url: server.url, metrics: metrics?.url ?? 'off', tracing: tracing ? 'on' : 'off' }, 'API listening');
      onShutdown(
        async () => {
          await server.close();
          await metrics?.close();
          await runtime.close();
          await tracing?.shutdown();
        },
        (line) => logger.info(line),
      );
    });
}
