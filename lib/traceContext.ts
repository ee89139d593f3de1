import { context, isSpanContextValid, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Attributes, type SpanContext } from '@opentelemetry/api';

/**
 * Trace context that travels through the database: work that a request causes but a polling loop
 * does later (the webhook relay and dispatcher, the journey router and runner) is outside any
 * trace, since those loops are not sampled (tracing.ts, UNTRACED_SPANS). The request's context is
 * stored with the event it writes (`events.trace_parent`, W3C `traceparent` text), and the code
 * that finally acts on that event (an HTTP POST to a webhook endpoint, a journey's send) opens its
 * span as a child of the stored context: the request's trace then reaches that call, however
 * much later and on whichever worker it happens. With tracing off, nothing is stored or opened.
 */

/** The global tracer: a no-op until tracing.ts registers a provider. */
const tracer = trace.getTracer('herald');

/** The active span's context as a W3C `traceparent` (`00-<trace>-<span>-<flags>`), or null outside a sampled trace. */
export function currentTraceParent(): string | null {
  const span = trace.getSpanContext(context.active());
  if (!span || !isSpanContextValid(span) || !(span.traceFlags & TraceFlags.SAMPLED)) return null;
  return `00-${span.traceId}-${span.spanId}-${span.traceFlags.toString(16).padStart(2, '0')}`;
}

/** A stored `traceparent` as a remote span context, or undefined when it is absent or malformed. */
export function parseTraceParent(text: string | null | undefined): SpanContext | undefined {
  const m = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const span: SpanContext = { traceId: m[1]!, spanId: m[2]!, traceFlags: Number.parseInt(m[3]!, 16), isRemote: true };
  return isSpanContextValid(span) ? span : undefined;
}

/**
 * Runs `fn` inside a span `name` whose parent is the stored context, so what `fn` traces (the
 * undici request, the SMTP send) joins the trace that stored it; the context active around the
 * call (an unsampled polling loop's) is set aside. Without a stored context, `fn` just runs.
 */
export async function inStoredTrace<T>(traceParent: string | null | undefined, name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  const parent = parseTraceParent(traceParent);
  if (!parent) return fn();
  const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes }, trace.setSpanContext(ROOT_CONTEXT, parent));
  try {
    return await context.with(trace.setSpan(ROOT_CONTEXT, span), fn);
  } catch (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
    throw err;
  } finally {
    span.end();
  }
}
