import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './load';

/**
 * What the journeys benchmark does through Herald's API, as a marketer's tools would: create a
 * segment, create and publish a journey, track events at a steady rate. Every call throws unless
 * Herald answered 2xx.
 */

/** One authenticated JSON request; the parsed `data` of the answer. */
export async function api<T = Record<string, unknown>>(base: string, key: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return (text ? (JSON.parse(text) as { data: T }).data : undefined) as T;
}

/** Creates a journey from `definition` and publishes it; answers its id and the published version's id. */
export async function publishJourney(base: string, key: string, name: string, definition: Record<string, unknown>): Promise<{ id: string; versionId: string }> {
  const created = await api<{ id: string; problems: unknown[] }>(base, key, 'POST', '/api/v1/journeys', { name, ...definition });
  if (created.problems.length) throw new Error(`journey ${name} has problems: ${JSON.stringify(created.problems)}`);
  const published = await api<{ currentVersionId: string }>(base, key, 'POST', `/api/v1/journeys/${created.id}/publish`, {});
  return { id: created.id, versionId: published.currentVersionId };
}

/** When each tracked event was answered (ms since the epoch), and the answers' latency. */
export interface TrackRun {
  answeredAt: Map<string, number>;
  latencyMs: Float64Array;
}

/**
 * POST /api/v1/track of `event` for each of `emails`, one every 1/rate s (open loop: a slow answer
 * does not delay the next request). Records when each answer arrived and how long it took.
 */
export async function trackAtRate(base: string, key: string, event: string, emails: string[], rate: number): Promise<TrackRun> {
  const answeredAt = new Map<string, number>();
  const latencyMs = new Float64Array(emails.length);
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < emails.length; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const email = emails[i]!;
    const sent = performance.now();
    pending.push(
      api(base, key, 'POST', '/api/v1/track', { email, event, properties: { n: i } }).then(() => {
        latencyMs[i] = performance.now() - sent;
        answeredAt.set(email, Date.now());
      }),
    );
  }
  await Promise.all(pending);
  return { answeredAt, latencyMs };
}

/** p50, p99 and max of a set of latencies, in ms. */
export function latencySummary(values: Float64Array | number[]): { p50_ms: number; p99_ms: number; max_ms: number; n: number } {
  const sorted = Float64Array.from(values).sort();
  const r = (v: number) => Math.round(v * 10) / 10;
  return { p50_ms: r(percentile(sorted, 0.5)), p99_ms: r(percentile(sorted, 0.99)), max_ms: r(sorted[sorted.length - 1] ?? NaN), n: sorted.length };
}
