import { DefaultLogger, Runtime as TemporalRuntime, type LogLevel } from '@temporalio/worker';
import type { Command } from 'commander';
import { createChannels, publicUrlOf } from '../../channels/fromConfig';
import { recordCaughtMessage } from '../../domain/messaging/devOutbox';
import { ensureCustomerEventPartitionSchedule } from '../../domain/customerEvents/lifecycle';
import { ensureSegmentRefreshSchedule } from '../../domain/segments/lifecycle';
import { ensureWebhookRelay } from '../../domain/webhooks/lifecycle';
import { webhookSettings } from '../../domain/webhooks/settings';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { createHeraldWorker } from '../../temporal/worker';
import { heapCapAdvice } from '../../temporal/workerHeap';
import { createRuntime, temporalSettings, type Runtime } from '../runtime';
import { onShutdown } from '../shutdown';

let temporalLoggingInstalled = false;

/** Routes the Temporal SDK's own logs through pino at warn level and above (once per process). */
function installTemporalLogging(runtime: Runtime): void {
  if (temporalLoggingInstalled) return;
  temporalLoggingInstalled = true;
  const log = runtime.logger.child({ component: 'temporal' });
  TemporalRuntime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      const level = entry.level.toLowerCase() as Lowercase<LogLevel>;
      const method = level === 'trace' ? 'trace' : level === 'debug' ? 'debug' : level === 'info' ? 'info' : level === 'warn' ? 'warn' : 'error';
      log[method](entry.meta ?? {}, entry.message);
    }),
  });
}

/** A running worker and how to stop it (waits for in-flight activities to finish). */
export interface RunningWorker {
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts Herald's Temporal worker on the runtime's configuration. */
export async function startWorker(runtime: Runtime): Promise<RunningWorker> {
  installTemporalLogging(runtime);
  const { config, db } = runtime;
  const heapAdvice = heapCapAdvice();
  if (config.NODE_ENV === 'production' && heapAdvice) runtime.logger.warn(heapAdvice);
  if (config.NODE_ENV === 'production' && !config.SMTP_URL) runtime.logger.warn(`SMTP_URL is not set: e-mail goes to smtp://127.0.0.1:${config.DEV_SMTP_PORT} (the development catcher)`);
  if (config.NODE_ENV === 'production' && !config.TWILIO_ACCOUNT_SID) runtime.logger.warn('Twilio is not configured: SMS are written to the development outbox, not sent');
  const channels = createChannels(config, (m) => recordCaughtMessage(db, { tenantId: m.tenantId, channel: 'sms', to: m.to, body: m.body, messageId: m.ledgerId }));
  const messaging = { channels, publicUrl: publicUrlOf(config), trackingSecret: config.TRACKING_SECRET, pageSize: config.CAMPAIGN_PAGE_SIZE, concurrency: config.CAMPAIGN_CONCURRENCY, pagesPerRun: config.CAMPAIGN_PAGES_PER_RUN };
  const { worker, connection } = await createHeraldWorker(temporalSettings(config), { db, logger: runtime.logger, messaging, webhooks: webhookSettings(config), importWriters: config.IMPORT_WRITERS }, { bundleDir: config.WORKFLOW_BUNDLE_DIR });
  await ensureSegmentRefreshSchedule(runtime.temporal, runtime.config.SEGMENT_REFRESH_INTERVAL);
  await ensureWebhookRelay(runtime.temporal);
  await ensureCustomerEventPartitionSchedule(runtime.temporal);
  const done = worker.run().finally(async () => {
    await Promise.all([channels.email.close(), channels.sms.close()]);
    await connection.close();
  });
  return {
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

/** `herald worker`: the Temporal worker alone. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the Temporal worker (workflows and activities)')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const runtime = createRuntime(config, logger);
      const worker = await startWorker(runtime);
      logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker running');
      onShutdown(async () => {
        await worker.stop();
        await runtime.close();
      }, (line) => logger.info(line));
      await worker.done;
    });
}
