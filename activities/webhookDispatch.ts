import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { createSigner, type Signer } from '../channels/webhookSigning';
import { createWebhookTransport, type WebhookTransport } from '../channels/webhookHttp';
import { claimDueDeliveries, loadDispatchEndpoint, nextDueAt, settleAttempts, type AttemptResult, type ClaimedDelivery, type DispatchEndpoint } from '../domain/webhooks/ledger';
import { parseRetryAfter } from '../domain/webhooks/retry';
import type { WebhookSettings } from '../domain/webhooks/settings';
import type { Logger } from '../lib/logger';
import { createWakeup, type NotificationHub } from './webhookNotifications';

/** What one dispatch activity ended with; the workflow sleeps accordingly. */
export interface DispatchResult {
  /** Why the dispatcher should stop (endpoint deleted or disabled), or null. */
  stopped: 'deleted' | 'disabled' | null;
  /** When the next pending delivery is due (ms since epoch), or null when nothing is pending. */
  nextDueAt: number | null;
}

/** How long one activity runs before handing back to its workflow. */
const RUN_MS = 4 * 60_000;
/** Nothing pending for this long: the activity returns and the workflow waits for a wake-up. */
const IDLE_MS = 30_000;
/** A retry due within this long is waited for inside the activity; later ones on a workflow timer. */
const HOLD_MS = 10_000;
/** How often the endpoint row is re-read (enabled, limits, rotated secrets). */
const RELOAD_MS = 2000;
/** Attempts settled per statement. */
const SETTLE_BATCH = 500;
/** How long a finished attempt may wait to be settled with others in one statement. */
const SETTLE_DELAY_MS = 10;

/** A token bucket for the endpoint's deliveries/s: `take()` is 0 when one may go now, else ms to wait. */
function rateLimiter(perSecond: () => number | null) {
  let tokens = 1;
  let at = Date.now();
  return {
    take(): number {
      const rate = perSecond();
      if (!rate) return 0;
      const now = Date.now();
      tokens = Math.min(Math.max(1, rate), tokens + ((now - at) / 1000) * rate);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) / rate) * 1000);
    },
  };
}

/** The body of a delivery: Standard Webhooks' `{ type, timestamp, data }`, the same on every attempt. */
const bodyOf = (d: ClaimedDelivery) => JSON.stringify({ type: d.eventType, timestamp: new Date(d.eventCreatedAt).toISOString(), data: d.data });

/**
 * The per-endpoint dispatcher's activity: claims due deliveries in small batches (leases),
 * sends them with the endpoint's concurrency and rate limit, and settles the attempts in
 * batches. It keeps going while work arrives (its endpoint's NOTIFY from the relay wakes it) and
 * hands back to the workflow when nothing is due soon. Transports (keep-alive pools) are kept per
 * endpoint across activities in this worker.
 */
export function createWebhookDispatchActivities(deps: { db: Knex; logger: Logger; hub: NotificationHub; settings: WebhookSettings }) {
  const { db, settings } = deps;
  const transports = new Map<string, { connections: number; transport: WebhookTransport }>();
  const leaseMs = Math.max(30_000, 2 * settings.timeoutMs);

  function transportFor(endpoint: DispatchEndpoint): WebhookTransport {
    const cached = transports.get(endpoint.id);
    if (cached && cached.connections === endpoint.maxConcurrency) return cached.transport;
    void cached?.transport.close().catch(() => undefined);
    const transport = createWebhookTransport({ policy: settings.ssrf, timeoutMs: settings.timeoutMs, connections: endpoint.maxConcurrency });
    transports.set(endpoint.id, { connections: endpoint.maxConcurrency, transport });
    return transport;
  }

  function forget(endpointId: string): void {
    void transports.get(endpointId)?.transport.close().catch(() => undefined);
    transports.delete(endpointId);
  }

  async function dispatchEndpoint(tenantId: string, endpointId: string): Promise<DispatchResult> {
    const ctx = Context.current();
    let endpoint = await loadDispatchEndpoint(db, settings, tenantId, endpointId);
    if (!endpoint) {
      forget(endpointId);
      return { stopped: 'deleted', nextDueAt: null };
    }
    if (!endpoint.enabled) return { stopped: 'disabled', nextDueAt: null };
    let signer: Signer = createSigner(endpoint.keys);
    let transport = transportFor(endpoint);
    const wakeup = createWakeup(ctx.cancellationSignal);
    let fresh = true;
    const unsubscribe = await deps.hub.subscribe('herald_deliveries', (payload) => {
      if (payload === '' || payload.includes(endpointId)) {
        fresh = true;
        wakeup.wake();
      }
    });
    const limiter = rateLimiter(() => endpoint?.rateLimit ?? null);
    const queue: ClaimedDelivery[] = [];
    const inflight = new Set<Promise<void>>();
    const results: AttemptResult[] = [];
    // While the endpoint fails, retries wait on the workflow's timer rather than in this activity, so
    // a dead endpoint does not hold a worker's activity slot between its retries.
    let failing = false;
    let settling: Promise<void> = Promise.resolve();
    const settle = () => {
      settling = settling.then(async () => {
        while (results.length) await settleAttempts(db, settings, endpoint!, results.splice(0, SETTLE_BATCH));
      });
      return settling;
    };

    const send = async (d: ClaimedDelivery, target: DispatchEndpoint) => {
      const body = bodyOf(d);
      const startedAt = new Date();
      const headers = { ...target.headers, 'content-type': 'application/json', 'user-agent': 'Herald-Webhooks/1.0', ...signer.headers(d.id, startedAt, body) };
      const out = await transport.post(target.url, headers, body);
      results.push({
        deliveryId: d.id, attempt: d.attempts + 1, startedAt, latencyMs: out.latencyMs, statusCode: out.statusCode,
        responseExcerpt: out.excerpt, error: out.error ?? (out.statusCode !== null && (out.statusCode < 200 || out.statusCode >= 300) ? `HTTP ${out.statusCode}` : null),
        retryAfterMs: parseRetryAfter(out.retryAfter ?? undefined),
      });
      failing = out.statusCode === null || out.statusCode < 200 || out.statusCode >= 300;
      // Settled within a few ms (batched with whatever else finished meanwhile): only attempts in
      // flight at a crash are sent again.
      settleSoon();
    };
    let settleTimer: NodeJS.Timeout | undefined;
    const settleSoon = () => {
      settleTimer ??= setTimeout(() => {
        settleTimer = undefined;
        settle().catch((err: unknown) => deps.logger.warn({ err }, 'settling webhook attempts failed; will retry'));
      }, SETTLE_DELAY_MS);
    };

    const started = Date.now();
    let lastWork = Date.now();
    let lastReload = Date.now();
    let lastHeartbeat = 0;
    let result: DispatchResult = { stopped: null, nextDueAt: Date.now() };
    try {
      for (;;) {
        if (ctx.cancellationSignal.aborted) break;
        if (Date.now() - lastHeartbeat > 1000) {
          lastHeartbeat = Date.now();
          ctx.heartbeat();
        }
        if (Date.now() - started > RUN_MS) break;
        if (Date.now() - lastReload > RELOAD_MS) {
          lastReload = Date.now();
          const reloaded = await loadDispatchEndpoint(db, settings, tenantId, endpointId);
          if (!reloaded || !reloaded.enabled) {
            result = { stopped: reloaded ? 'disabled' : 'deleted', nextDueAt: null };
            break;
          }
          endpoint = reloaded;
          signer = createSigner(endpoint.keys);
          transport = transportFor(endpoint);
        }
        const concurrency = endpoint.maxConcurrency;
        const want = Math.max(1, Math.min(2 * concurrency, endpoint.rateLimit ? endpoint.rateLimit * 5 : Infinity)) - queue.length;
        if (fresh && queue.length <= concurrency / 2 && want > 0) {
          const claimed = await claimDueDeliveries(db, endpoint, want, leaseMs);
          if (claimed.length < want) fresh = false;
          queue.push(...claimed);
        }
        let rateWait = 0;
        while (queue.length && inflight.size < concurrency) {
          rateWait = limiter.take();
          if (rateWait > 0) break;
          const job = send(queue.shift()!, endpoint).finally(() => {
            inflight.delete(job);
            wakeup.wake();
          });
          inflight.add(job);
          lastWork = Date.now();
        }
        if (queue.length || inflight.size) {
          await wakeup.wait(rateWait || 1000);
          continue;
        }
        // Nothing claimed and nothing in flight: settle, then decide how long to wait.
        await settle();
        const due = await nextDueAt(db, endpoint);
        const now = Date.now();
        if (due === null) {
          if (now - lastWork > IDLE_MS) {
            result = { stopped: null, nextDueAt: null };
            break;
          }
          await wakeup.wait(IDLE_MS - (now - lastWork));
        } else if (due - now > (failing ? 1000 : HOLD_MS)) {
          result = { stopped: null, nextDueAt: due };
          break;
        } else {
          await wakeup.wait(due - now);
          fresh = true;
        }
      }
    } finally {
      unsubscribe();
      await Promise.allSettled(inflight);
      clearTimeout(settleTimer);
      await settle();
    }
    if (ctx.cancellationSignal.aborted) await ctx.cancelled;
    return result;
  }

  return { dispatchEndpoint };
}
