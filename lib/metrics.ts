import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Herald's Prometheus metrics: one registry per process, served by `GET /metrics` on the metrics
 * port (telemetry/metricsServer.ts). The counters below are incremented where the thing they count
 * happens (the ledger's settle statements, the import writer, the event store), so a scrape moves
 * exactly as the ledger does; gauges that read the database are added by telemetry/databaseGauges.ts
 * and run at scrape time. Every label has a bounded set of values: route patterns, never raw paths.
 */
export const metricsRegistry = new Registry();

collectDefaultMetrics({ register: metricsRegistry });

/** API requests by route pattern, method and status; the histogram's `_count` is the request rate. */
export const httpRequestDuration = new Histogram({
  name: 'herald_http_request_duration_seconds',
  help: 'API request latency by route pattern, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * Campaign and journey messages by channel and the state the ledger's settle statement gave them:
 * `sent` (the provider accepted it), `failed`, `retry` (a transient failure, tried again later)
 * and `deferred` (held by policy: quiet hours, frequency cap).
 */
export const campaignMessages = new Counter({
  name: 'herald_campaign_messages_total',
  help: 'Campaign and journey messages settled in the ledger, by channel and state',
  labelNames: ['channel', 'state'] as const,
  registers: [metricsRegistry],
});

/** Webhook attempts by result: `success` (2xx), `http_error` (any other status), `network_error` (no answer). */
export const webhookAttempts = new Counter({
  name: 'herald_webhook_attempts_total',
  help: 'Webhook delivery attempts settled in the ledger, by result',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

/** Webhook deliveries that reached a final state: `succeeded`, or `failed` once the retry schedule ran out. */
export const webhookDeliveries = new Counter({
  name: 'herald_webhook_deliveries_total',
  help: 'Webhook deliveries that reached a final state, by state',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

/** How long each webhook attempt took, request to answer (or to the network error). */
export const webhookAttemptDuration = new Histogram({
  name: 'herald_webhook_attempt_duration_seconds',
  help: 'Webhook attempt latency',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

/** Events the relay fanned out from the outbox to webhook deliveries. */
export const outboxRelayed = new Counter({
  name: 'herald_outbox_relayed_events_total',
  help: 'Outbox events the relay turned into webhook deliveries',
  registers: [metricsRegistry],
});

/** Import rows written, by outcome (`imported`, `updated`, `duplicate_existing`, `duplicate_in_file`, `failed`). */
export const importRows = new Counter({
  name: 'herald_import_rows_total',
  help: 'Bulk import rows written, by outcome',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** Customer events stored by /track and /batch (`accepted`) or recognised as repeats of a messageId (`duplicate`). */
export const customerEventsIngested = new Counter({
  name: 'herald_customer_events_total',
  help: 'Customer events ingested, by result',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});
