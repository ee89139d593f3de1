import { DefaultLogger, Runtime as TemporalRuntime, type LogLevel } from '@temporalio/worker';
import { createChannels, publicUrlOf } from '../channels/fromConfig';
import { createDb, type Knex } from '../db/knex';
import { channelDestinations, checkChannels, pendingSendsByChannel, type ChannelSettings } from '../domain/messaging/channelReadiness';
import { recordCaughtMessage } from '../domain/messaging/devOutbox';
import { ensureCustomerEventPartitionSchedule } from '../domain/customerEvents/lifecycle';
import { ensureConversationInbound, ensureConversationReplySweep } from '../domain/conversations/lifecycle';
import { ensureJourneyRouter, ensureJourneyRunner } from '../domain/journeys/lifecycle';
import { ensureSegmentRefreshSchedule } from '../domain/segments/lifecycle';
import { ensureAnalyticsSchedules } from '../domain/analytics/lifecycle';
import { ensureWebhookRelay } from '../domain/webhooks/lifecycle';
import { webhookSettings } from '../domain/webhooks/settings';
import type { Config } from '../lib/config';
import type { Logger } from '../lib/logger';
import { registerDatabaseGauges } from '../telemetry/databaseGauges';
import type { MetricsSource } from '../telemetry/metricsServer';
import { observePool } from '../telemetry/poolMetrics';
import { temporalCoreMetrics } from '../telemetry/temporalMetrics';
import { createHeraldWorker } from '../temporal/worker';
import { heapCapAdvice } from '../temporal/workerHeap';
import { databaseUrl, temporalSettings } from './connections';

/** What the worker needs from its process: configuration, a logger and a database pool. */
export interface WorkerBase {
  config: Config;
  logger: Logger;
  db: Knex;
}

/**
 * The worker process's own parts: its configuration, logger and one database pool. No domain
 * services, no export pool and no Temporal client connection: what the worker starts goes
 * through its own worker connection.
 */
export function createWorkerBase(config: Config, logger: Logger): WorkerBase & { close(): Promise<void> } {
  const db = createDb({ url: databaseUrl(config), poolMax: config.DATABASE_POOL_MAX, logger });
  observePool('worker', db);
  return { config, logger, db, close: () => db.destroy() };
}

let temporalRuntimeInstalled = false;

/**
 * Installs the Temporal runtime once per process: the SDK's own logs through pino at warn level
 * and above and, when `metrics` is set, its core metrics (telemetry/temporalMetrics.ts) for the
 * worker's /metrics.
 */
async function installTemporalRuntime(logger: Logger, metrics: boolean): Promise<MetricsSource[]> {
  if (temporalRuntimeInstalled) return [];
  temporalRuntimeInstalled = true;
  const log = logger.child({ component: 'temporal' });
  const core = metrics ? await temporalCoreMetrics() : undefined;
  TemporalRuntime.install({
    ...(core ? { telemetryOptions: { metrics: core.options } } : {}),
    logger: new DefaultLogger('WARN', (entry) => {
      const level = entry.level.toLowerCase() as Lowercase<LogLevel>;
      const method = level === 'trace' ? 'trace' : level === 'debug' ? 'debug' : level === 'info' ? 'info' : level === 'warn' ? 'warn' : 'error';
      log[method](entry.meta ?? {}, entry.message);
    }),
  });
  return core ? [core.source] : [];
}

/** The worker's channel settings, without the secrets. */
export const channelSettingsOf = (config: Config): ChannelSettings => ({
  production: config.NODE_ENV === 'production',
  smtpConfigured: config.SMTP_URL !== undefined,
  twilioConfigured: Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN),
  whatsappSenderConfigured: config.TWILIO_WHATSAPP_FROM !== undefined,
});

/**
 * Logs where each channel's messages go; in production, throws (the worker does not start) while
 * campaigns, live journeys or conversations wait on a channel this worker cannot send on, rather
 * than hand their messages to a development catcher or outbox (domain/messaging/channelReadiness.ts).
 */
export async function checkSendChannels({ config, db, logger }: WorkerBase): Promise<void> {
  const settings = channelSettingsOf(config);
  const check = checkChannels(settings, await pendingSendsByChannel(db));
  if (check.refusal) throw new Error(check.refusal);
  const anyOff = Object.values(channelDestinations(settings)).some((d) => !d.sends);
  if (settings.production && anyOff) logger.warn(check.summary);
  else logger.info(check.summary);
}

/** A running worker and how to stop it (waits for in-flight activities to finish). */
export interface RunningWorker {
  done: Promise<void>;
  /** What the worker adds to its process's /metrics besides the registry (the Temporal SDK's core metrics). */
  metricsSources: MetricsSource[];
  stop(): Promise<void>;
}

/**
 * Starts Herald's Temporal worker: message transports, the worker itself, then what every worker
 * makes sure runs (the segment refresh schedule, the webhook relay, the journey runner and router, the conversation inbound processor), started through the
 * worker's own connection. With `metrics`, the Temporal SDK's core metrics and the database gauges
 * are set up for the process's /metrics (the caller serves it).
 */
export async function startWorker(base: WorkerBase, options: { metrics?: boolean } = {}): Promise<RunningWorker> {
  const { config, db, logger } = base;
  const metricsSources = await installTemporalRuntime(logger, options.metrics ?? false);
  if (options.metrics) registerDatabaseGauges(db, logger);
  const heapAdvice = heapCapAdvice();
  if (config.NODE_ENV === 'production' && heapAdvice) logger.warn(heapAdvice);
  await checkSendChannels(base);
  const channels = createChannels(config, (m) =>
    recordCaughtMessage(db, { tenantId: m.tenantId, channel: 'sms', to: m.to, body: m.body, messageId: m.ledgerId }),
  );
  const messaging = {
    channels,
    publicUrl: publicUrlOf(config),
    trackingSecret: config.TRACKING_SECRET,
    pageSize: config.CAMPAIGN_PAGE_SIZE,
    concurrency: config.CAMPAIGN_CONCURRENCY,
    pagesPerRun: config.CAMPAIGN_PAGES_PER_RUN,
  };
  const { worker, connection, temporal } = await createHeraldWorker(
    temporalSettings(config),
    { db, logger, messaging, webhooks: webhookSettings(config), importWriters: config.IMPORT_WRITERS },
    { bundleDir: config.WORKFLOW_BUNDLE_DIR },
  );
  await ensureSegmentRefreshSchedule(temporal, config.SEGMENT_REFRESH_INTERVAL);
  await ensureWebhookRelay(temporal);
  await ensureJourneyRunner(temporal);
  await ensureCustomerEventPartitionSchedule(temporal);
  await ensureJourneyRouter(temporal);
  await ensureConversationReplySweep(temporal);
  await ensureAnalyticsSchedules(temporal);
  await ensureConversationInbound(temporal);
  const done = worker.run().finally(async () => {
    await Promise.all([channels.email.close(), channels.sms.close()]);
    await connection.close();
  });
  return {
    done,
    metricsSources,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
