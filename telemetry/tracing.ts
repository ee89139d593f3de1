import type * as TraceNode from '@opentelemetry/sdk-trace-node';
import type * as TraceBase from '@opentelemetry/sdk-trace-base';
import type * as Resources from '@opentelemetry/resources';
import type * as Instrumentation from '@opentelemetry/instrumentation';
import type * as HttpInst from '@opentelemetry/instrumentation-http';
import type * as PgInst from '@opentelemetry/instrumentation-pg';
import type * as UndiciInst from '@opentelemetry/instrumentation-undici';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type { Resource } from '@opentelemetry/resources';
import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace-base';

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
 * The worker's polling loops: activities that run for minutes (relayRun.ts, router.ts, runner.ts,
 * the conversation inbound processor: five-minute runs) and query the database every 100–150 ms
 * even when idle. Traced, each run
 * would be one span with thousands of query children, about 30 spans a second from an idle
 * worker; their spans are dropped, and with them everything under them.
 */
const UNTRACED_SPANS = new Set([
  'RunActivity:relayEvents',
  'RunActivity:routeJourneyEvents',
  'RunActivity:runJourneys',
  'RunActivity:processConversationInbound',
]);

/** Records what its parent records (everything, at the root), except the spans in {@link UNTRACED_SPANS} and their children. */
function withoutPollingLoops(base: typeof TraceBase): Sampler {
  const parentBased = new base.ParentBasedSampler({ root: new base.AlwaysOnSampler() });
  return {
    shouldSample: (context, traceId, name, kind, attributes, links) =>
      UNTRACED_SPANS.has(name) ? { decision: base.SamplingDecision.NOT_RECORD } : parentBased.shouldSample(context, traceId, name, kind, attributes, links),
    toString: () => 'WithoutPollingLoops',
  };
}

/**
 * Starts OpenTelemetry tracing for this process when an OTLP endpoint is configured: spans go over
 * OTLP/HTTP (JSON) to `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://collector:4318; the
 * exporter adds /v1/traces), in batches every OTEL_BSP_SCHEDULE_DELAY ms (the SDK's variable,
 * default 5000). Incoming and outgoing HTTP (Twilio's client), undici (webhook posts) and pg are
 * instrumented; outgoing calls and queries are traced only inside a trace, so background polling
 * makes no root spans, and the worker's polling loops are not sampled at all. Temporal's
 * interceptors (temporal/client.ts, temporal/worker.ts) carry the context from the API request
 * into the workflow and its activities. Without an endpoint, nothing is loaded and nothing is
 * patched. Must run before the instrumented modules (http, pg, undici) are used, i.e. first in a
 * command. (Jest's module registry cannot be patched this way: test/e2e/traces.test.ts runs the
 * real commands against an OTLP receiver.)
 */
export function startTracing(options: { service: string; endpoint?: string }): Tracing | undefined {
  if (active) return active;
  if (!options.endpoint) return undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof TraceNode;
  const traceBase = require('@opentelemetry/sdk-trace-base') as typeof TraceBase;
  const { Resource: ResourceClass } = require('@opentelemetry/resources') as typeof Resources;
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof Instrumentation;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof HttpInst;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof PgInst;
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof UndiciInst;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, '')}/v1/traces` });
  const resource = new ResourceClass({ 'service.name': options.service });
  const processor = new traceBase.BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor], sampler: withoutPollingLoops(traceBase) });
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
