import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { createSigner, type Signer } from '../channels/webhookSigning';
import { createWebhookTransport, type WebhookTransport } from '../channels/webhookHttp';
import { leaseEndpoint, nextDueAt, readDueDeliveries, releaseEndpointLease, type DispatchEndpoint, type DueCursor, type DueDelivery, type EndpointLease } from '../domain/webhooks/ledger';
import { parseRetryAfter } from '../domain/webhooks/retry';
import type { WebhookSettings } from '../domain/webhooks/settings';
import type { Logger } from '../lib/logger';
import { createWakeup, type NotificationHub } from './webhookNotifications';
import { createWebhookSettler } from './webhookSettler';

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
/**
 * The longest single wait while idle: the loop heartbeats between waits, and the workflow's
 * heartbeat timeout is 20 s (a 30 s idle wait used to time the activity out and start a second one).
 */
const IDLE_SLICE_MS = 5000;
/** How often the lease is renewed and the endpoint re-read (enabled, limits, rotated secrets). */
const RELOAD_MS = 2000;
/** The most deliveries one read takes. */
const MAX_READ = 1000;
/** The longest a read cursor is followed before reading from the start of the due order again. */
const RESTART_MS = 5000;
/** How much work (at the endpoint's current pace) the dispatcher keeps read ahead. */
const AHEAD_MS = 500;

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

/**
 * The per-endpoint dispatcher's activity. It leases its endpoint (one run sends an endpoint's
 * deliveries at a time; the lease is renewed with each reload of the endpoint), reads due
 * deliveries ahead of sending with a keyset cursor (in the background, sized to about half a
 * second of the endpoint's current pace), sends them with the endpoint's concurrency and rate
 * limit, and hands the attempts to the worker's shared settler, which writes them in batches
 * across endpoints. It keeps going while work arrives (its endpoint's NOTIFY from the relay wakes
 * it) and hands back to the workflow when nothing is due soon. Transports (keep-alive pools) are
 * kept per endpoint across activities in this worker.
 */
export function createWebhookDispatchActivities(deps: { db: Knex; logger: Logger; hub: NotificationHub; settings: WebhookSettings }) {
  const { db, settings } = deps;
  const transports = new Map<string, { connections: number; transport: WebhookTransport }>();
  const leaseMs = Math.max(30_000, 2 * settings.timeoutMs);
  const settler = createWebhookSettler(deps);

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

  /** What a lease that could not be taken means for the workflow. */
  function notLeased(lease: Exclude<EndpointLease, { state: 'leased' }>, endpointId: string): DispatchResult {
    if (lease.state === 'deleted') forget(endpointId);
    // Another run holds the lease (a retried activity whose predecessor still runs, or died):
    // try again when it expires, or sooner if woken.
    return lease.state === 'held' ? { stopped: null, nextDueAt: lease.until } : { stopped: lease.state, nextDueAt: null };
  }

  async function dispatchEndpoint(tenantId: string, endpointId: string): Promise<DispatchResult> {
    const ctx = Context.current();
    const owner = randomUUID();
    const first = await leaseEndpoint(db, settings, tenantId, endpointId, owner, leaseMs);
    if (first.state !== 'leased') return notLeased(first, endpointId);
    let endpoint = first.endpoint;
    let signer: Signer = createSigner(endpoint.keys);
    let transport = transportFor(endpoint);
    const wakeup = createWakeup(ctx.cancellationSignal);
    // `fresh`: there may be due work to read. `notices` counts wake-ups, so a read that comes
    // back short does not clear a notice that arrived while it ran.
    let fresh = true;
    let notices = 0;
    const unsubscribe = await deps.hub.subscribe('herald_deliveries', (payload) => {
      if (payload === '' || payload.includes(endpointId)) {
        fresh = true;
        notices++;
        wakeup.wake();
      }
    });
    const limiter = rateLimiter(() => endpoint.rateLimit);
    // Read and not yet started, oldest first from `head` (an index, so taking one is O(1)).
    let queue: DueDelivery[] = [];
    let head = 0;
    // Every delivery read and not settled yet (queued, in flight, or waiting for the settler):
    // rows still pending in the ledger that a read must not return again.
    const held = new Set<string>();
    let inflight = 0;
    // Called once nothing is in flight, when the run ends waiting for that.
    let allSent: (() => void) | null = null;
    let reading: Promise<void> | null = null;
    // The read position in the due order. It goes back to the start when a read reaches the end
    // and every few seconds, so rows that became due behind it (a retry, a replay, a relay
    // transaction that began before the last read) are found.
    let cursor: DueCursor | null = null;
    let cursorSince = Date.now();
    // While the endpoint fails, retries wait on the workflow's timer rather than in this activity, so
    // a dead endpoint does not hold a worker's activity slot between its retries.
    let failing = false;
    // Deliveries started in the current and the previous second: the pace that sizes reads.
    let pace = { second: 0, current: 0, previous: 0 };

    /** Sends one delivery and hands its attempt to the settler; never rejects. */
    const send = async (d: DueDelivery, target: DispatchEndpoint) => {
      inflight++;
      try {
        const startedAt = new Date();
        const headers = { ...target.headers, 'content-type': 'application/json', 'user-agent': 'Herald-Webhooks/1.0', ...signer.headers(d.id, startedAt, d.body) };
        const out = await transport.post(target.url, headers, d.body);
        // Settled within a few ms, batched with every other attempt this worker finished meanwhile:
        // only attempts in flight (or waiting for that statement) at a crash are sent again.
        settler.add({
          tenantId: target.tenantId, endpointId: target.id, deliveryId: d.id, attempt: d.attempts + 1, startedAt, latencyMs: out.latencyMs, statusCode: out.statusCode,
          responseExcerpt: out.excerpt, error: out.error ?? (out.statusCode !== null && (out.statusCode < 200 || out.statusCode >= 300) ? `HTTP ${out.statusCode}` : null),
          retryAfterMs: out.retryAfter === null ? null : parseRetryAfter(out.retryAfter),
        }, () => held.delete(d.id));
        failing = out.statusCode === null || out.statusCode < 200 || out.statusCode >= 300;
      } catch (err) {
        // Nothing was recorded: the delivery stays pending and is read again.
        held.delete(d.id);
        deps.logger.error({ err, endpointId, deliveryId: d.id }, 'sending a webhook failed unexpectedly');
      } finally {
        if (--inflight === 0) allSent?.();
        wakeup.wake();
      }
    };

    /** Reads in the background so sending never waits for it; sized to ~AHEAD_MS of the current pace. */
    const readAhead = (target: DispatchEndpoint) => {
      const floor = 2 * target.maxConcurrency;
      const ahead = Math.max(floor, Math.min(MAX_READ, Math.ceil((pace.previous * AHEAD_MS) / 1000)));
      const depth = Math.max(1, target.rateLimit ? Math.min(ahead, target.rateLimit * 5) : ahead);
      const queued = queue.length - head;
      const want = depth - queued;
      if (reading || !fresh || queued > depth / 2 || want <= 0) return;
      const seen = notices;
      if (Date.now() - cursorSince > RESTART_MS) cursor = null;
      if (cursor === null) cursorSince = Date.now();
      reading = readDueDeliveries(db, target, owner, cursor, cursor ? [] : [...held], want)
        .then((rows) => {
          if (rows.length < want) {
            cursor = null;
            if (seen === notices) fresh = false;
          } else {
            const last = rows[rows.length - 1]!;
            cursor = { dueKey: last.dueKey, id: last.id };
          }
          if (head > 0) {
            queue = queue.slice(head);
            head = 0;
          }
          for (const d of rows) {
            if (held.has(d.id)) continue;
            held.add(d.id);
            queue.push(d);
          }
        })
        .catch((err: unknown) => deps.logger.warn({ err, endpointId }, 'reading webhook deliveries failed; will retry'))
        .finally(() => {
          reading = null;
          wakeup.wake();
        });
    };

    const started = Date.now();
    let lastWork = Date.now();
    let lastReload = Date.now();
    let lastHeartbeat = 0;
    let result: DispatchResult = { stopped: null, nextDueAt: Date.now() };
    try {
      for (;;) {
        if (ctx.cancellationSignal.aborted) break;
        const now = Date.now();
        if (now - lastHeartbeat > 1000) {
          lastHeartbeat = now;
          ctx.heartbeat();
        }
        if (now - started > RUN_MS) break;
        if (now - lastReload > RELOAD_MS) {
          lastReload = now;
          const renewed = await leaseEndpoint(db, settings, tenantId, endpointId, owner, leaseMs);
          if (renewed.state !== 'leased') {
            result = notLeased(renewed, endpointId);
            break;
          }
          endpoint = renewed.endpoint;
          signer = createSigner(endpoint.keys);
          transport = transportFor(endpoint);
        }
        const second = Math.floor(now / 1000);
        if (second !== pace.second) pace = { second, current: 0, previous: second === pace.second + 1 ? pace.current : 0 };
        readAhead(endpoint);
        let rateWait = 0;
        while (head < queue.length && inflight < endpoint.maxConcurrency) {
          rateWait = limiter.take();
          if (rateWait > 0) break;
          void send(queue[head++]!, endpoint);
          pace.current++;
          lastWork = now;
        }
        if (head < queue.length || inflight || reading) {
          await wakeup.wait(rateWait || 1000);
          continue;
        }
        // Nothing read and nothing in flight: settle, then decide how long to wait.
        await settler.flush();
        const due = await nextDueAt(db, endpoint);
        const idleNow = Date.now();
        if (due === null) {
          if (idleNow - lastWork > IDLE_MS) {
            result = { stopped: null, nextDueAt: null };
            break;
          }
          await wakeup.wait(Math.min(IDLE_SLICE_MS, IDLE_MS - (idleNow - lastWork)));
        } else if (due - idleNow > (failing ? 1000 : HOLD_MS)) {
          result = { stopped: null, nextDueAt: due };
          break;
        } else {
          await wakeup.wait(due - idleNow);
          fresh = true;
        }
      }
    } finally {
      unsubscribe();
      if (inflight) await new Promise<void>((resolve) => (allSent = resolve));
      await reading;
      await settler.flush();
      await releaseEndpointLease(db, endpoint, owner).catch((err: unknown) => deps.logger.warn({ err, endpointId }, 'could not release the endpoint lease; it will expire'));
    }
    if (ctx.cancellationSignal.aborted) await ctx.cancelled;
    return result;
  }

  return { dispatchEndpoint };
}
