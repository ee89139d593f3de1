import type { HttpOutcome } from '../../channels/webhookHttp';
import type { Signer } from '../../channels/webhookSigning';
import type { AttemptResult, DispatchEndpoint, DueDelivery, EndpointLease } from './ledger';
import { parseRetryAfter } from './retry';
import type { WebhookSettings } from './settings';

/**
 * The dispatcher's decisions as pure functions of their inputs and a clock: how fast it may send
 * (token bucket), how far it reads ahead, what a request carries, what a response means for the
 * ledger, and what it does when nothing is left to send. The loop that applies them is dispatcher.ts.
 */

/** Nothing pending for this long: the activity returns and the workflow waits for a wake-up. */
export const IDLE_MS = 30_000;
/** A retry due within this long is waited for inside the activity; later ones on a workflow timer. */
export const HOLD_MS = 10_000;
/** While the endpoint fails, only retries due within this long are waited for in the activity. */
export const FAILING_HOLD_MS = 1000;
/**
 * The longest single wait while idle: the loop heartbeats between waits, and the workflow's
 * heartbeat timeout is 20 s (a 30 s idle wait used to time the activity out and start a second one).
 */
export const IDLE_SLICE_MS = 5000;
/** The most deliveries one read takes. */
export const MAX_READ = 1000;
/** How much work (at the endpoint's current pace) the dispatcher keeps read ahead. */
export const AHEAD_MS = 500;

/** What one dispatch activity ended with; the workflow sleeps accordingly. */
export interface DispatchResult {
  /** Why the dispatcher should stop (endpoint deleted or disabled), or null. */
  stopped: 'deleted' | 'disabled' | null;
  /** When the next pending delivery is due (ms since epoch), or null when nothing is pending. */
  nextDueAt: number | null;
}

/** How long a dispatcher's lease lasts: at least 30 s, and twice the request timeout, so a slow request never outlives it. */
export const leaseMsFor = (settings: Pick<WebhookSettings, 'timeoutMs'>): number => Math.max(30_000, 2 * settings.timeoutMs);

/**
 * What a lease that could not be taken means for the workflow: stop for a deleted or disabled
 * endpoint; when another run holds it (a retried activity whose predecessor still runs, or
 * died), try again when it expires, or sooner if woken.
 */
export function notLeasedResult(lease: Exclude<EndpointLease, { state: 'leased' }>): DispatchResult {
  return lease.state === 'held' ? { stopped: null, nextDueAt: lease.until } : { stopped: lease.state, nextDueAt: null };
}

/** A token bucket for the endpoint's deliveries/s: `take()` is 0 when one may go now, else ms to wait. No rate: never waits. */
export function createRateLimiter(perSecond: () => number | null, now: () => number = Date.now) {
  let tokens = 1;
  let at = now();
  return {
    take(): number {
      const rate = perSecond();
      if (!rate) return 0;
      const t = now();
      tokens = Math.min(Math.max(1, rate), tokens + ((t - at) / 1000) * rate);
      at = t;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) / rate) * 1000);
    },
  };
}

/** Deliveries started in the current and the previous second: the pace that sizes reads. */
export interface Pace {
  second: number;
  current: number;
  previous: number;
}

/** The pace at `nowMs`: a new second carries the last one's count as `previous` (0 after a quiet second). */
export function paceAt(pace: Pace, nowMs: number): Pace {
  const second = Math.floor(nowMs / 1000);
  if (second === pace.second) return pace;
  return { second, current: 0, previous: second === pace.second + 1 ? pace.current : 0 };
}

/**
 * How many deliveries to keep read ahead: about AHEAD_MS of the endpoint's current pace, at least
 * twice its concurrency, at most MAX_READ, and no more than five seconds of its rate limit.
 */
export function readAheadDepth(endpoint: Pick<DispatchEndpoint, 'maxConcurrency' | 'rateLimit'>, previousSecond: number): number {
  const ahead = Math.max(2 * endpoint.maxConcurrency, Math.min(MAX_READ, Math.ceil((previousSecond * AHEAD_MS) / 1000)));
  return Math.max(1, endpoint.rateLimit ? Math.min(ahead, endpoint.rateLimit * 5) : ahead);
}

/** The headers of one attempt: the endpoint's own, then content type and agent, then the Standard Webhooks signature. */
export function requestHeaders(
  endpoint: Pick<DispatchEndpoint, 'headers'>,
  signer: Signer,
  delivery: Pick<DueDelivery, 'id' | 'body'>,
  startedAt: Date,
): Record<string, string> {
  return {
    ...endpoint.headers,
    'content-type': 'application/json',
    'user-agent': 'Herald-Webhooks/1.0',
    ...signer.headers(delivery.id, startedAt, delivery.body),
  };
}

/** Whether a response counts as a failure: no response at all, or a status outside 2xx. */
export const isFailedResponse = (statusCode: number | null): boolean => statusCode === null || statusCode < 200 || statusCode >= 300;

/**
 * The attempt to settle for one response: its number, timing, status and excerpt; the transport's
 * error, else `HTTP <status>` for a non-2xx answer; and the Retry-After it asked for, in ms.
 */
export function attemptFor(
  endpoint: Pick<DispatchEndpoint, 'id' | 'tenantId'>,
  delivery: Pick<DueDelivery, 'id' | 'attempts'>,
  startedAt: Date,
  out: HttpOutcome,
  nowMs = Date.now(),
): AttemptResult {
  return {
    tenantId: endpoint.tenantId,
    endpointId: endpoint.id,
    deliveryId: delivery.id,
    attempt: delivery.attempts + 1,
    startedAt,
    latencyMs: out.latencyMs,
    statusCode: out.statusCode,
    responseExcerpt: out.excerpt,
    error: out.error ?? (out.statusCode !== null && isFailedResponse(out.statusCode) ? `HTTP ${out.statusCode}` : null),
    retryAfterMs: out.retryAfter === null ? null : parseRetryAfter(out.retryAfter, nowMs),
  };
}

/** What an idle dispatcher does next: hand back to its workflow with a result, or wait (and then read again if `fresh`). */
export type IdleStep = { action: 'return'; result: DispatchResult } | { action: 'wait'; ms: number; fresh: boolean };

/**
 * Nothing read and nothing in flight: with nothing pending, wait in slices until idle for IDLE_MS,
 * then return; with a delivery due soon (HOLD_MS, or FAILING_HOLD_MS while the endpoint fails),
 * wait for it here; with one due later, return its time so the workflow sleeps on a durable timer.
 */
export function idleStep(due: number | null, nowMs: number, lastWorkMs: number, failing: boolean): IdleStep {
  if (due === null) {
    const idleFor = nowMs - lastWorkMs;
    if (idleFor > IDLE_MS) return { action: 'return', result: { stopped: null, nextDueAt: null } };
    return { action: 'wait', ms: Math.min(IDLE_SLICE_MS, IDLE_MS - idleFor), fresh: false };
  }
  if (due - nowMs > (failing ? FAILING_HOLD_MS : HOLD_MS)) return { action: 'return', result: { stopped: null, nextDueAt: due } };
  return { action: 'wait', ms: due - nowMs, fresh: true };
}
