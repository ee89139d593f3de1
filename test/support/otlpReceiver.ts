import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as an OTLP export carried it, flattened with its service's name. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, unknown>;
}

/** A running receiver. */
export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT is set to (the exporter appends /v1/traces). */
  url: string;
  /** Every request that reached the receiver, whatever its path or body: `METHOD path content-type`. */
  hits: string[];
  spans: ReceivedSpan[];
  close(): Promise<void>;
}

/** The JSON encoding of an OTLP value (`{ stringValue }`, `{ intValue }`, …) as a plain value. */
function plainValue(value: Record<string, unknown> | undefined): unknown {
  if (!value) return undefined;
  if ('arrayValue' in value) return ((value.arrayValue as { values?: Record<string, unknown>[] }).values ?? []).map(plainValue);
  const [first] = Object.values(value);
  return first;
}

type KeyValue = { key: string; value?: Record<string, unknown> };
const attributesOf = (list: KeyValue[] | undefined) => Object.fromEntries((list ?? []).map((a) => [a.key, plainValue(a.value)]));

/** Flattens an OTLP/JSON ExportTraceServiceRequest into spans. */
function spansOf(body: {
  resourceSpans?: Array<{ resource?: { attributes?: KeyValue[] }; scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> }> }>;
}): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((rs) => {
    const service = String(attributesOf(rs.resource?.attributes)['service.name'] ?? '');
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        service,
        traceId: String(s.traceId ?? ''),
        spanId: String(s.spanId ?? ''),
        parentSpanId: String(s.parentSpanId ?? ''),
        name: String(s.name ?? ''),
        kind: Number(s.kind ?? 0),
        attributes: attributesOf(s.attributes as KeyValue[] | undefined),
      })),
    );
  });
}

/**
 * A small OpenTelemetry collector for tests: an OTLP/HTTP receiver that accepts
 * `POST /v1/traces` in OTLP's JSON encoding (what @opentelemetry/exporter-trace-otlp-http sends)
 * and keeps the spans, and counts every request it gets, so a test can also show that nothing
 * was exported at all.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const hits: string[] = [];
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const type = req.headers['content-type'] ?? '';
      hits.push(`${req.method} ${req.url} ${type}`);
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !type.startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      spans.push(...spansOf(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    spans,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
