import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { envInt } from './report';

/** A server listening on a loopback ephemeral port, and how to stop it. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 with a port the kernel picks, so benchmarks never collide with a
 * running Herald or each other, and load never leaves the machine.
 */
export async function listenLoopback(handler: http.RequestListener): Promise<LoopbackServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** What an HTTP load produced, in the units the figures print. */
export interface HttpLoadResult {
  connections: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Loads one URL with autocannon for a fixed duration. BENCH_CONNECTIONS (50) and
 * BENCH_SECONDS (10) adjust it. autocannon runs in a worker thread so, on a small machine,
 * the load generator and the server under test get a core each instead of sharing an
 * event loop; Herald's API will be loaded the same way for a fair ratio.
 */
export async function loadHttp(url: string, options: Omit<autocannon.Options, 'url'> = {}): Promise<HttpLoadResult> {
  const connections = options.connections ?? envInt('BENCH_CONNECTIONS', 50);
  const result = await autocannon({
    duration: envInt('BENCH_SECONDS', 10),
    workers: 1,
    ...options,
    url,
    connections,
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`load on ${url} saw ${result.errors} errors and ${result.non2xx} non-2xx answers`);
  }
  return {
    connections,
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/**
 * Loads a GET URL with a bearer key at a given concurrency for BENCH_SECONDS (5), after a 1 s
 * warm-up at one connection: the list benchmarks' measurement of one page.
 */
export async function loadAuthorized(url: string, key: string, connections: number): Promise<HttpLoadResult> {
  const headers = { Authorization: `Bearer ${key}` };
  await loadHttp(url, { headers, connections: 1, duration: 1 });
  return loadHttp(url, { headers, connections, duration: envInt('BENCH_SECONDS', 5) });
}
