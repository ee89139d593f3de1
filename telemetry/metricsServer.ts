import http from 'node:http';
import { metricsRegistry } from '../lib/metrics';

/** More exposition text appended to the registry's, e.g. the Temporal SDK's own metrics (temporalMetrics.ts). */
export type MetricsSource = () => Promise<string>;

/** A listening metrics endpoint. */
export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` (Prometheus text format) on its own host and port, apart from the API so
 * the public port never exposes it: the process's registry, then each extra source. Any other path
 * answers 404, any other method 405, in Herald's error shape.
 */
export function startMetricsServer(host: string, port: number, sources: MetricsSource[] = []): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const answer = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code, message } }));
    };
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return answer(404, 'not_found', 'Only /metrics is served on this port');
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, 'method_not_allowed', 'Use GET /metrics');
    Promise.all([metricsRegistry.metrics(), ...sources.map((s) => s().catch(() => ''))]).then(
      (parts) => {
        res.writeHead(200, { 'Content-Type': metricsRegistry.contentType });
        res.end(req.method === 'HEAD' ? undefined : parts.filter(Boolean).join('\n'));
      },
      () => answer(503, 'metrics_unavailable', 'Metrics could not be collected'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${actual}/metrics`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * Starts a process's metrics endpoint on `host:port` as the commands configure it (METRICS_PORT,
 * WORKER_METRICS_PORT): port 0 serves nothing. A port in use stops the start with a line naming
 * the setting, as the API port does.
 */
export async function serveMetrics(host: string, port: number, setting: string, sources: MetricsSource[] = []): Promise<MetricsServer | undefined> {
  if (port === 0) return undefined;
  try {
    return await startMetricsServer(host, port, sources);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new Error(`Port ${port} on ${host} is already in use; set ${setting} (0 turns metrics off)`);
    throw err;
  }
}
