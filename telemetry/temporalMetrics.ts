import http from 'node:http';
import net from 'node:net';
import type { MetricsSource } from './metricsServer';

/** The Temporal runtime's Prometheus exporter: where it listens, and its text as a metrics source. */
export interface TemporalCoreMetrics {
  /** `telemetryOptions.metrics` for `Runtime.install` (@temporalio/worker). */
  options: {
    prometheus: { bindAddress: string; countersTotalSuffix: boolean; unitSuffix: boolean; useSecondsForDurations: boolean };
  };
  /** The exporter's current text, appended to the worker's own `/metrics`. */
  source: MetricsSource;
}

/** A free loopback port, chosen by the operating system. */
async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** GETs a loopback URL's body, or '' when nothing answers in time. */
function fetchText(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 ? body : ''));
      res.on('error', () => resolve(''));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(''));
  });
}

/**
 * The Temporal SDK's core metrics (worker task slots, poll and schedule-to-start latencies,
 * sticky cache, activity and workflow task execution) come from the Rust core's own Prometheus
 * exporter. It listens on a loopback port picked at start and is never scraped directly: the
 * worker's `/metrics` appends its text, so each worker process is one scrape target. Durations are
 * in seconds and counters end in `_total`, as Prometheus names them; every name starts `temporal_`.
 */
export async function temporalCoreMetrics(): Promise<TemporalCoreMetrics> {
  const port = await freeLoopbackPort();
  return {
    options: { prometheus: { bindAddress: `127.0.0.1:${port}`, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true } },
    source: () => fetchText(`http://127.0.0.1:${port}/metrics`, 2000),
  };
}
