import path from 'node:path';
import type { Knex } from 'knex';
import { buildTenant, testDb } from '../support/factories';
import { freePort } from '../support/freePort';
import { startHeraldProcess, startWorkerProcess, type HeraldProcess } from '../support/heraldProcess';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlpReceiver';
import { startSmtpSink, type SmtpSink } from '../support/smtpSink';
import { startWebhookReceiver } from '../support/webhookReceiver';
import { until, waitFor } from '../support/until';

const herald = path.resolve(__dirname, '../../bin/herald');

/** OTLP's span kinds. */
const SERVER = 2;
const CLIENT = 3;

let db: Knex;
let sink: SmtpSink;
let receiver: OtlpReceiver;
let tenant: { tenantId: string; adminKey: string };

beforeAll(async () => {
  db = testDb();
  tenant = await buildTenant(db, 'Traced tenant');
  sink = await startSmtpSink();
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await sink?.close();
  await db?.destroy();
});

/** `herald serve` and `herald worker` as child processes with `env` on top of the test file's. */
async function startHerald(env: Record<string, string>) {
  const port = await freePort();
  const own = { ...env, PORT: String(port), SMTP_URL: sink.url, PUBLIC_URL: `http://127.0.0.1:${port}` };
  const processes: HeraldProcess[] = [];
  const stop = () => Promise.all(processes.map((p) => p.stop()));
  try {
    processes.push(await startHeraldProcess([herald, 'serve'], own, 'API listening'));
    processes.push(await startWorkerProcess(own));
  } catch (err) {
    await stop();
    throw err;
  }
  const [api, worker] = processes as [HeraldProcess, HeraldProcess];
  const request = async (route: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${route}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tenant.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { url: `http://127.0.0.1:${port}`, api, worker, request, stop };
}

type Herald = Awaited<ReturnType<typeof startHerald>>;

/** Creates an e-mail campaign and sends it to one test address (the API waits for the worker's send). */
async function testSend(h: Herald, address: string) {
  const created = await h.request('/api/v1/campaigns', {
    name: `Traced ${address}`,
    channel: 'email',
    subject: 'Traced',
    body: 'Hello',
    audience: { type: 'all' },
  });
  expect(created.status).toBe(201);
  const sent = await h.request(`/api/v1/campaigns/${created.body.data.id}/test`, { addresses: [address] });
  expect(sent).toMatchObject({ status: 200, body: { data: [{ address, ok: true }] } });
  expect(sink.messages.some((m) => m.to.includes(address))).toBe(true);
  return created.body.data.id as string;
}

/** The spans of one trace, with a lookup of each span's ancestors. */
function traceOf(traceId: string) {
  const spans = receiver.spans.filter((s) => s.traceId === traceId);
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
    const parent = byId.get(span.parentSpanId);
    return parent ? [parent, ...ancestors(parent)] : [];
  };
  return { spans, ancestors };
}

/** Names and parents of a trace's spans, for a failure message. */
const outline = (spans: ReceivedSpan[]) => spans.map((s) => `${s.service} ${s.traceId} ${s.spanId}<-${s.parentSpanId || 'root'} ${s.name}`);

describe('OpenTelemetry traces (issue 21)', () => {
  it('follow one test send from the API request through the workflow and activity to the SMTP call, exported over OTLP', async () => {
    const h = await startHerald({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' });
    try {
      expect(h.api.output()).toMatch(/"tracing":"on"/);
      expect(h.worker.output()).toMatch(/"tracing":"on"/);
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
      const campaignId = await testSend(h, 'traced@example.com');
      const route = '/api/v1/campaigns/:id/test';
      // The request's server span, named by its route pattern; it ends before the response is sent.
      const request = await waitFor(
        async () => receiver.spans.find((s) => s.kind === SERVER && s.attributes['http.route'] === route),
        15_000,
        50,
        `the server span of POST ${route}`,
      );
      expect(request).toMatchObject({ service: 'herald-api', parentSpanId: '' });
      expect(request.attributes['http.target']).toBe(`/api/v1/campaigns/${campaignId}/test`);
      // The rest of the trace arrives from both processes as their batches are exported.
      const wanted = ['StartWorkflow:campaignTestSendWorkflow', 'RunWorkflow:campaignTestSendWorkflow', 'RunActivity:sendTestMessages', 'smtp send'];
      const trace = await until(
        () => traceOf(request.traceId),
        (t) => wanted.every((name) => t.spans.some((s) => s.name === name)),
        { timeoutMs: 15_000, label: `spans ${wanted.join(', ')} in trace ${request.traceId}` },
      ).catch((err: Error) => {
        throw new Error(`${err.message}\nspans received:\n${outline(receiver.spans).join('\n')}\nworker:\n${h.worker.output()}`);
      });
      const span = (name: string) => trace.spans.find((s) => s.name === name)!;
      const chain = (name: string) => trace.ancestors(span(name)).map((s) => s.name);
      // One chain of parents from the SMTP call up to the request.
      expect(chain('smtp send')).toEqual([
        'RunActivity:sendTestMessages',
        'StartActivity:sendTestMessages',
        'RunWorkflow:campaignTestSendWorkflow',
        'StartWorkflow:campaignTestSendWorkflow',
        request.name,
      ]);
      expect(span('StartWorkflow:campaignTestSendWorkflow').service).toBe('herald-api');
      for (const name of ['RunWorkflow:campaignTestSendWorkflow', 'RunActivity:sendTestMessages', 'smtp send'])
        expect(span(name).service).toBe('herald-worker');
      expect(span('smtp send')).toMatchObject({ kind: CLIENT, attributes: { 'messaging.system': 'smtp' } });
      // Database queries: the request's own (authentication, the campaign's row), and the activity's.
      const queries = trace.spans.filter((s) => s.attributes['db.system'] === 'postgresql');
      expect(queries.filter((q) => q.service === 'herald-api' && trace.ancestors(q).includes(request)).length).toBeGreaterThan(0);
      expect(queries.filter((q) => q.service === 'herald-worker' && trace.ancestors(q).includes(span('RunActivity:sendTestMessages'))).length).toBeGreaterThan(
        0,
      );
      // Probes make no traces; the worker's polling loops (relay, journey router and runner, a query
      // every 100-150 ms in five-minute activity runs) are not sampled: every query the worker
      // exported belongs to a span that has ended and been exported too (a short activity's soon).
      expect(receiver.spans.filter((s) => String(s.attributes['http.target'] ?? '').startsWith('/healthz'))).toEqual([]);
      const orphans = () => {
        const ids = new Set(receiver.spans.map((s) => s.spanId));
        return receiver.spans.filter((s) => s.service === 'herald-worker' && s.parentSpanId && !ids.has(s.parentSpanId));
      };
      await until(orphans, (o) => o.length === 0, { timeoutMs: 5000, label: "the parents of the worker's exported spans" });
    } finally {
      await h.stop();
    }
  }, 60_000);

  it("joins the polling loops' work to the request that caused it: a customer.created webhook delivery and a journey's send", async () => {
    const hooks = await startWebhookReceiver();
    const h = await startHerald({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' });
    try {
      expect((await h.request('/api/v1/webhooks', { url: hooks.url, events: ['customer.created'] })).status).toBe(201);
      const journey = await h.request('/api/v1/journeys', {
        name: 'Traced welcome',
        entry: { type: 'event', event: 'Traced Ping' },
        start: 'welcome',
        nodes: [{ id: 'welcome', type: 'send', channel: 'email', subject: 'Traced welcome', body: 'Hello' }],
      });
      expect(journey.status).toBe(201);
      expect((await h.request(`/api/v1/journeys/${journey.body.data.id}/publish`, {})).status).toBe(200);

      // POST /customers → customer.created (its row keeps the request's traceparent) → the relay (untraced) → the dispatcher's POST.
      const created = await h.request('/api/v1/customers', { email: 'hooked@example.com', firstName: 'Hooked' });
      expect(created.status).toBe(201);
      await until(
        () => hooks.requests.filter((r) => r.payload?.data?.customer?.id === created.body.data.id),
        (rs) => rs.length === 1,
        { timeoutMs: 15_000, label: 'the customer.created delivery' },
      );
      const serverSpan = (route: string) =>
        waitFor(
          async () => receiver.spans.find((s) => s.kind === SERVER && s.attributes['http.route'] === route && s.attributes['http.method'] === 'POST'),
          15_000,
          50,
          `the server span of POST ${route}`,
        );
      const createRequest = await serverSpan('/api/v1/customers');
      const delivery = await until(
        () => traceOf(createRequest.traceId),
        (t) => t.spans.some((s) => s.name === 'webhook deliver') && t.spans.some((s) => s.kind === CLIENT && s.attributes['url.full'] === hooks.url),
        { timeoutMs: 15_000, label: `the delivery's spans in trace ${createRequest.traceId}` },
      ).catch((err: Error) => {
        throw new Error(`${err.message}\nspans received:\n${outline(receiver.spans).join('\n')}`);
      });
      const post = delivery.spans.find((s) => s.kind === CLIENT && s.attributes['url.full'] === hooks.url)!;
      const deliver = delivery.spans.find((s) => s.name === 'webhook deliver')!;
      // The HTTP POST under the delivery, the delivery under the request, across the two processes; the relay's loop in between is not traced.
      expect(delivery.ancestors(post).map((s) => s.name)).toEqual(['webhook deliver', createRequest.name]);
      expect(deliver).toMatchObject({ service: 'herald-worker', parentSpanId: createRequest.spanId, attributes: { 'herald.webhook.attempt': 1 } });
      expect(post.service).toBe('herald-worker');

      // POST /track → customer.event → the journey router and runner (untraced) → the send step's SMTP call.
      const tracked = await h.request('/api/v1/track', { email: 'journeyed@example.com', event: 'Traced Ping' });
      expect(tracked.status).toBeLessThan(300);
      await waitFor(async () => sink.messages.find((m) => m.to.includes('journeyed@example.com')), 20_000, 100, 'the journey mail');
      const trackRequest = await serverSpan('/api/v1/track');
      const send = await until(
        () => traceOf(trackRequest.traceId),
        (t) => t.spans.some((s) => s.name === 'smtp send'),
        { timeoutMs: 15_000, label: `the journey send's spans in trace ${trackRequest.traceId}` },
      ).catch((err: Error) => {
        throw new Error(`${err.message}\nspans received:\n${outline(receiver.spans).join('\n')}`);
      });
      const smtp = send.spans.find((s) => s.name === 'smtp send')!;
      expect(send.ancestors(smtp).map((s) => s.name)).toEqual(['journey send', trackRequest.name]);
      expect(send.spans.find((s) => s.name === 'journey send')).toMatchObject({
        service: 'herald-worker',
        attributes: { 'herald.journey.id': journey.body.data.id, 'herald.journey.node': 'welcome', 'herald.channel': 'email' },
      });
      // Still no span of the polling loops themselves.
      expect(receiver.spans.filter((s) => ['RunActivity:relayEvents', 'RunActivity:routeJourneyEvents', 'RunActivity:runJourneys'].includes(s.name))).toEqual(
        [],
      );
    } finally {
      await h.stop();
      await hooks.close();
    }
  }, 90_000);

  it("exports nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset, even with the SDK's own variables set", async () => {
    const before = receiver.hits.length;
    // The SDK's own variables name the receiver: if anything built an exporter, it would send there.
    const h = await startHerald({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`, OTEL_BSP_SCHEDULE_DELAY: '200' });
    try {
      expect(h.api.output()).toMatch(/"tracing":"off"/);
      expect(h.worker.output()).toMatch(/"tracing":"off"/);
      await testSend(h, 'untraced@example.com');
    } finally {
      // A graceful stop flushes whatever a tracer provider held: after it, an export would have been made.
      await h.stop();
    }
    expect(receiver.hits.slice(before)).toEqual([]);
  }, 60_000);
});
