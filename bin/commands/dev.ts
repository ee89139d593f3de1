import type { Command } from 'commander';
import { startDevSmtpCatcher } from '../../channels/devCatcher';
import { recordCaughtMessage } from '../../domain/messaging/devOutbox';
import { createDb } from '../../db/knex';
import { migrateLatest } from '../../db/migrate';
import { createTenantService } from '../../domain/tenants/service';
import { loadConfig, type Config } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { ensureServices, runningOwnServices, stopServicesStartedSince } from '../../scripts/services';
import { serveMetrics } from '../../telemetry/metricsServer';
import { startTracing } from '../../telemetry/tracing';
import { ensureConsoleBuilt } from '../consoleBuild';
import { ensureDevKey } from '../devKey';
import { ensureDevUser } from '../devUser';
import { apiProcess, workerProcess } from '../processes';
import { createTeardown, onShutdown, type Teardown } from '../shutdown';

/**
 * `herald dev`: everything on one machine in one command — services (started if needed),
 * migrations, a development tenant and key, the API and the worker. Ctrl-C stops all of it,
 * including the services this run started and none it did not; a start that fails stops them too.
 */
export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('start services, migrate, and run the API and worker together (Ctrl-C stops all)')
    .action(async () => {
      // Webhooks to local receivers are how people try them: allow loopback unless configured.
      process.env.WEBHOOK_ALLOWED_HOSTS ||= 'localhost,127.0.0.0/8,::1';
      const config = loadConfig();
      const say = (line: string) => console.log(`[herald] ${line}`);
      // Registered before anything starts, so Ctrl-C during a long start (the first Temporal build)
      // still stops what this run started; a failed start runs the same steps before exiting.
      const teardown = createTeardown();
      onShutdown(() => teardown.run(), say);
      const before = runningOwnServices();
      teardown.add(async () => {
        const stopped = await stopServicesStartedSince(before);
        if (stopped.length) say(`stopped ${stopped.join(' and ')}`);
      });
      try {
        await start(config, say, teardown);
      } catch (err) {
        say('start failed: stopping what this run started');
        await teardown.run();
        throw err;
      }
    });
}

/** Starts everything in order, adding to `teardown` how to stop each part as soon as it runs. */
async function start(config: Config, say: (line: string) => void, teardown: Teardown): Promise<void> {
  ensureConsoleBuilt(say);
  const services = await ensureServices(say);
  const env = { ...config, DATABASE_URL: services.postgres.url, TEMPORAL_ADDRESS: services.temporal.address };

  const bootstrapDb = createDb({ url: env.DATABASE_URL, poolMax: 2 });
  const dev = await (async () => {
    const applied = await migrateLatest(bootstrapDb);
    say(applied.length ? `applied ${applied.length} migration(s)` : 'database schema up to date');
    const key = await ensureDevKey(createTenantService({ db: bootstrapDb }), config.HERALD_DEV_KEY_FILE);
    return { ...key, admin: await ensureDevUser(bootstrapDb, key.tenantId, config.HERALD_DEV_KEY_FILE) };
  })().finally(() => bootstrapDb.destroy());

  const logger = createLogger(config.LOG_LEVEL);
  const tracing = startTracing({ service: 'herald', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  if (tracing) teardown.add(() => tracing.shutdown());
  const { createRuntime, startApi } = apiProcess();
  const { startWorker } = workerProcess();
  // One process, both halves: the worker shares the API runtime's configuration, logger and pool.
  const runtime = createRuntime(env, logger, { jwtSecret: config.JWT_SECRET ?? dev.jwtSecret });
  teardown.add(() => runtime.close());
  // Without SMTP settings, mail goes to a local catcher (port in use: any free port); without
  // Twilio settings, SMS go to the dev outbox. Both are listed by GET /api/v1/dev/outbox.
  const catch_ = (port: number) =>
    startDevSmtpCatcher(
      port,
      (m) => recordCaughtMessage(runtime.db, { ...m, channel: 'email' }),
      (err) => logger.warn({ err }, 'SMTP catcher connection error'),
    );
  const catcher = config.SMTP_URL ? undefined : await catch_(config.DEV_SMTP_PORT).catch(() => catch_(0));
  if (catcher) {
    teardown.add(() => catcher.close());
    runtime.config = { ...runtime.config, SMTP_URL: catcher.url };
  }
  const worker = await startWorker(runtime, { metrics: config.METRICS_PORT !== 0 });
  teardown.add(() => worker.stop());
  const server = await startApi(runtime);
  teardown.add(() => server.close());
  // One process, one metrics endpoint for both halves.
  const metrics = await serveMetrics(config.METRICS_HOST, config.METRICS_PORT, 'METRICS_PORT', worker.metricsSources);
  if (metrics) teardown.add(() => metrics.close());

  console.log(
    [
      '',
      'Herald is running. Ctrl-C stops everything.',
      `  API:          ${server.url}/api/v1`,
      `  Docs:         ${server.url}/docs`,
      `  Health:       ${server.url}/readyz`,
      `  Temporal UI:  ${services.temporal.uiUrl ?? '(external Temporal: see its own UI)'}`,
      `  Metrics:      ${metrics?.url ?? 'off (METRICS_PORT=0)'}`,
      `  Mail:         ${catcher ? `caught at ${catcher.url}; list with GET /api/v1/dev/outbox` : 'sent through SMTP_URL'}`,
      `  SMS:          ${config.TWILIO_ACCOUNT_SID ? 'sent through Twilio' : 'logged to GET /api/v1/dev/outbox'}`,
      `  Admin key:    ${dev.key}`,
      `  Console:      ${server.url}/console  (sign in as ${dev.admin.email} / ${dev.admin.password})`,
      `  Try:          curl -H "Authorization: Bearer ${dev.key}" ${server.url}/api/v1/tenant`,
      '',
    ].join('\n'),
  );
}
