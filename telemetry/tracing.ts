import type * as TraceNode from '@opentelemetry/sdk-trace-node';
import type * as TraceBase from '@opentelemetry/sdk-trace-base';
import type * as Resources from '@opentelemetry/resources';
import type * as Instrumentation from '@opentelemetry/instrumentation';
import type * as HttpInst from '@opentelemetry/instrumentation-http';
import type * as PgInst from '@opentelemetry/instrumentation-pg';
import type * as UndiciInst from '@opentelemetry/instrumentation-undici';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type { Resource } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Tracing as it runs in this process: the span processor every span ends in, and the service's resource. */
export interface Tracing {
  processor: SpanProcessor;
  resource: Resource;
  /** Flushes spans not exported yet and stops the provider. */
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/** The tracing this process started, or undefined when tracing is off (the default). */
export const activeTracing = (): Tracing | undefined => active;

/** Paths whose requests are never traced: probes and scrapes would drown the traces that matter. */
const UNTRACED_PATHS = /^\/(metrics|healthz|readyz)(\?|$)/;

/**
 * Starts OpenTelemetry tracing for this process when an exporter is configured: OTLP over HTTP to
 * `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://collector:4318; the exporter adds
 * /v1/traces), or a given exporter (tests use an in-memory one). Incoming and outgoing HTTP
 * (Twilio's client), undici (webhook posts) and pg are instrumented; outgoing calls and queries
 * are traced only inside a trace, so background polling makes no root spans. Temporal's
 * interceptors (temporal/client.ts, temporal/worker.ts) carry the context from the API request
 * into the workflow and its activities. With neither, nothing is loaded and nothing is patched.
 * Must run before the instrumented modules (http, pg, undici) are used, i.e. first in a command.
 */
export function startTracing(options: { service: string; endpoint?: string; exporter?: SpanExporter }): Tracing | undefined {
  if (active) return active;
  if (!options.endpoint && !options.exporter) return undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof TraceNode;
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof TraceBase;
  const { Resource: ResourceClass } = require('@opentelemetry/resources') as typeof Resources;
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof Instrumentation;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof HttpInst;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof PgInst;
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof UndiciInst;
  const exporter =
    options.exporter ??
    new (require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp).OTLPTraceExporter({
      url: `${options.endpoint!.replace(/\/$/, '')}/v1/traces`,
    });
  /* eslint-enable @typescript-eslint/no-require-imports */
  const resource = new ResourceClass({ 'service.name': options.service });
  const processor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.exporter ? 100 : 5000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? ''),
        requireParentforOutgoingSpans: true,
      }),
      new PgInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
    ],
  });
  active = {
    processor,
    resource,
    async shutdown() {
      unregister();
      await provider.shutdown();
      active = undefined;
    },
  };
  return active;
}
