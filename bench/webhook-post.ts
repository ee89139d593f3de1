import { randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';
import { runLoad, type LoadResult } from './load';
import { envInt, printFigure, printRatio, round } from './report';
import { signWebhook, type SignedHeaders } from './webhook-signature';
import { startWebhookReceiver } from './webhook-receiver';

/**
 * webhook-post: how many signed webhook deliveries one Node process can push. Two raw
 * clients are measured in the same run (undici `request` on a keep-alive Agent, and global
 * `fetch`) to settle which one Herald's webhook channel should use; Herald's dispatcher
 * is later compared with the faster one.
 */

const BENCH = 'webhook-post';
const CONCURRENCY = 50;
const WARMUP_DELIVERIES = 1000;

/** Posts one signed body and resolves with the receiver's status. */
type Post = (url: string, headers: SignedHeaders, body: string) => Promise<number>;

/** A small event like the ones Herald will emit: an envelope around a customer change. */
function eventBody(index: number): string {
  return JSON.stringify({
    type: 'customer.updated',
    timestamp: new Date().toISOString(),
    data: { id: `cus_${index}`, tenant_id: 'ten_1', email: `customer${index}@example.com`, tags: ['vip'], status: 'active' },
  });
}

/** Signs and posts `count` distinct events with bounded concurrency; any non-204 fails the run. */
async function deliverAll(post: Post, url: string, secret: Buffer, prefix: string, count: number, maxSeconds: number): Promise<LoadResult> {
  return runLoad({ count, concurrency: CONCURRENCY, maxSeconds }, async (index) => {
    const body = eventBody(index);
    const status = await post(url, signWebhook(secret, `msg_${prefix}_${index}`, body), body);
    if (status !== 204) throw new Error(`receiver answered ${status}`);
  });
}

/**
 * Warms the client's connections up, then measures it. Warm-up deliveries are not in the
 * figure but are in `delivered`, which the receiver's count is checked against.
 */
async function measureClient(
  post: Post,
  url: string,
  secret: Buffer,
  label: string,
  count: number,
  maxSeconds: number,
): Promise<{ measured: LoadResult; delivered: number }> {
  const warmup = await deliverAll(post, url, secret, `${label}_warmup`, WARMUP_DELIVERIES, maxSeconds);
  const measured = await deliverAll(post, url, secret, label, count, maxSeconds);
  return { measured, delivered: warmup.operations + measured.operations };
}

/** Prints one client's figure in the shared shape. */
function printDeliveries(figure: string, result: LoadResult): void {
  printFigure(BENCH, figure, {
    concurrency: CONCURRENCY,
    deliveries: result.operations,
    seconds: round(result.seconds, 3),
    deliveries_per_s: Math.round(result.perSecond),
    p50_ms: round(result.p50Ms, 3),
    p99_ms: round(result.p99Ms, 3),
  });
}

/**
 * Measures undici and fetch one after the other against the same receiver and prints
 * both figures and their ratio; returns how many deliveries were sent in total.
 */
async function compareClients(url: string, secret: Buffer, agent: Agent, count: number, maxSeconds: number): Promise<number> {
  const viaUndici: Post = async (target, headers, body) => {
    const response = await request(target, { method: 'POST', headers: { ...headers }, body, dispatcher: agent });
    await response.body.dump();
    return response.statusCode;
  };
  const viaFetch: Post = async (target, headers, body) => {
    const response = await fetch(target, { method: 'POST', headers: { ...headers }, body });
    await response.arrayBuffer();
    return response.status;
  };
  const undici = await measureClient(viaUndici, url, secret, 'undici', count, maxSeconds);
  printDeliveries('raw_undici_request', undici.measured);
  const viaGlobalFetch = await measureClient(viaFetch, url, secret, 'fetch', count, maxSeconds);
  printDeliveries('raw_fetch', viaGlobalFetch.measured);
  printRatio(BENCH, 'ratio_undici_vs_fetch', undici.measured.perSecond, viaGlobalFetch.measured.perSecond);
  return undici.delivered + viaGlobalFetch.delivered;
}

/**
 * Runs the benchmark. BENCH_DELIVERIES (default 20,000) per client and BENCH_SECONDS (60)
 * per client bound the load, whichever ends first. The receiver must have verified every
 * delivery, or the rates were measured on failures.
 */
export async function run(): Promise<void> {
  const count = envInt('BENCH_DELIVERIES', 20_000);
  const maxSeconds = envInt('BENCH_SECONDS', 60);
  const secret = randomBytes(32);
  const receiver = await startWebhookReceiver(secret);
  const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
  let delivered: number;
  let counts: { verified: number; rejected: number };
  try {
    delivered = await compareClients(`${receiver.url}/webhooks`, secret, agent, count, maxSeconds);
  } finally {
    await agent.close();
    counts = await receiver.close();
  }
  if (counts.verified !== delivered || counts.rejected > 0) {
    throw new Error(`receiver verified ${counts.verified} of ${delivered} deliveries and rejected ${counts.rejected}`);
  }
}
