import type { Knex } from 'knex';
import { Gauge } from 'prom-client';
import { journeyRunCounts, outboxBacklog, webhookBacklog } from '../domain/observability/readings';
import type { Logger } from '../lib/logger';
import { metricsRegistry } from '../lib/metrics';

/** Readings are reused for this long, so several scrapers (or a fast one) cost one query per period. */
const READING_TTL_MS = 10_000;

/** A reading taken at most once per {@link READING_TTL_MS}; a failed read logs and keeps the last values. */
function cachedReading<T>(read: () => Promise<T>, logger: Logger, what: string): () => Promise<T | undefined> {
  let taken: { at: number; value: Promise<T | undefined> } | undefined;
  let last: T | undefined;
  return () => {
    if (!taken || Date.now() - taken.at > READING_TTL_MS) {
      const value = read().then(
        (v) => (last = v),
        (err: unknown) => {
          logger.warn({ err }, `reading ${what} for /metrics failed`);
          return last;
        },
      );
      taken = { at: Date.now(), value };
    }
    return taken.value;
  };
}

/** The gauges this module registers. */
export const DATABASE_GAUGES = [
  'herald_outbox_unrelayed_events',
  'herald_outbox_oldest_unrelayed_age_seconds',
  'herald_webhook_backlog',
  'herald_journey_runs',
  'herald_journey_active_runs',
];

/**
 * Gauges read from the database at scrape time: the outbox's unrelayed events and the age of the
 * oldest (relay lag), pending webhook deliveries per endpoint (the 50 largest backlogs) and journey
 * runs by state and by node (the 50 busiest active nodes). Registered by the worker process only,
 * so a deployment reads them once per worker, not once per API process as well; with several
 * workers, every worker reports the same values (dashboards take `max`).
 */
export function registerDatabaseGauges(db: Knex, logger: Logger): void {
  const outbox = cachedReading(() => outboxBacklog(db), logger, 'the outbox backlog');
  const webhooks = cachedReading(() => webhookBacklog(db), logger, 'the webhook backlog');
  const journeys = cachedReading(() => journeyRunCounts(db), logger, 'journey runs');
  // A second registration (a test's second worker in one process) replaces the first.
  for (const name of DATABASE_GAUGES) metricsRegistry.removeSingleMetric(name);
  new Gauge({
    name: 'herald_outbox_unrelayed_events',
    help: 'Committed events the relay has not fanned out to webhook deliveries yet',
    registers: [metricsRegistry],
    async collect() {
      const r = await outbox();
      if (r) this.set(r.unrelayed);
    },
  });
  new Gauge({
    name: 'herald_outbox_oldest_unrelayed_age_seconds',
    help: 'Age of the oldest event the relay has not fanned out yet (relay lag); 0 when none waits',
    registers: [metricsRegistry],
    async collect() {
      const r = await outbox();
      if (r) this.set(r.oldestAgeSeconds);
    },
  });
  new Gauge({
    name: 'herald_webhook_backlog',
    help: 'Pending webhook deliveries per endpoint (the 50 endpoints with the most)',
    labelNames: ['endpoint'] as const,
    registers: [metricsRegistry],
    async collect() {
      const rows = await webhooks();
      if (!rows) return;
      this.reset();
      for (const r of rows) this.set({ endpoint: r.endpointId }, r.pending);
    },
  });
  new Gauge({
    name: 'herald_journey_runs',
    help: 'Journey runs by state',
    labelNames: ['state'] as const,
    registers: [metricsRegistry],
    async collect() {
      const r = await journeys();
      if (!r) return;
      this.reset();
      for (const state of ['active', 'completed', 'exited', 'failed']) this.set({ state }, 0);
      for (const s of r.byState) this.set({ state: s.state }, s.runs);
    },
  });
  new Gauge({
    name: 'herald_journey_active_runs',
    help: 'Active journey runs per journey and node (the 50 busiest nodes)',
    labelNames: ['journey', 'node'] as const,
    registers: [metricsRegistry],
    async collect() {
      const r = await journeys();
      if (!r) return;
      this.reset();
      for (const n of r.activeByNode) this.set({ journey: n.journeyId, node: n.nodeId }, n.runs);
    },
  });
}
