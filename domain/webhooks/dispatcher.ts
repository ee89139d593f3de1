import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { HttpOutcome } from '../../channels/webhookHttp';
import { createSigner, type Signer } from '../../channels/webhookSigning';
import type { Logger } from '../../lib/logger';
import { createWakeup } from '../../lib/wakeup';
import { inStoredTrace } from '../../lib/traceContext';
import {
  attemptFor,
  createRateLimiter,
  idleStep,
  isFailedResponse,
  leaseMsFor,
  notLeasedResult,
  paceAt,
  readAheadDepth,
  requestHeaders,
  type DispatchResult,
  type Pace,
} from './dispatchPolicy';
import { createDueQueue } from './dueQueue';
import {
  leaseEndpoint,
  nextDueAt,
  readDueDeliveries,
  releaseEndpointLease,
  type AttemptResult,
  type DispatchEndpoint,
  type DueDelivery,
  type EndpointLease,
} from './ledger';
import type { NotificationHub } from './notifications';
import type { WebhookSettings } from './settings';
import type { WebhookSettler } from './settler';

/** How long one dispatcher run lasts before handing back to its workflow. */
const RUN_MS = 4 * 60_000;
/** How often the lease is renewed and the endpoint re-read (enabled, limits, rotated secrets). */
const RELOAD_MS = 2000;
/** How often a run heartbeats. */
const HEARTBEAT_MS = 1000;

/** Posts requests to one endpoint over its keep-alive pool (channels/webhookHttp.ts). */
export interface EndpointTransport {
  post(url: string, headers: Record<string, string>, body: string): Promise<HttpOutcome>;
}

/** What a dispatcher run needs from its worker: the database, the shared LISTEN hub and settler, and the endpoints' transports. */
export interface DispatcherDeps {
  db: Knex;
  settings: WebhookSettings;
  logger: Logger;
  hub: NotificationHub;
  settler: WebhookSettler;
  /** The endpoint's transport at its current concurrency (the worker keeps them across runs). */
  transportFor(endpoint: DispatchEndpoint): EndpointTransport;
  /** Closes a deleted endpoint's transport. */
  forgetTransport(endpointId: string): void;
}

/** One run: which endpoint, and the activity's cancellation and heartbeat. */
export interface DispatchRun {
  tenantId: string;
  endpointId: string;
  signal: AbortSignal;
  heartbeat(): void;
}

/** Signs and posts one delivery and returns its attempt to settle; rejects only when no attempt could be made at all. */
export async function sendDelivery(
  transport: EndpointTransport,
  signer: Signer,
  endpoint: DispatchEndpoint,
  delivery: DueDelivery,
  clock: () => Date = () => new Date(),
): Promise<AttemptResult> {
  const startedAt = clock();
  // The relay and this dispatcher poll outside any trace: the attempt joins the trace of the request that wrote the event.
  const attributes = { 'herald.webhook.endpoint_id': endpoint.id, 'herald.webhook.delivery_id': delivery.id, 'herald.webhook.attempt': delivery.attempts + 1 };
  const out = await inStoredTrace(delivery.traceParent, 'webhook deliver', attributes, () =>
    transport.post(endpoint.url, requestHeaders(endpoint, signer, delivery, startedAt), delivery.body),
  );
  return attemptFor(endpoint, delivery, startedAt, out);
}

/**
 * One run of an endpoint's dispatcher. It leases the endpoint (one run sends an endpoint's
 * deliveries at a time; the lease is renewed with each reload of the endpoint), reads due
 * deliveries ahead of sending (dueQueue.ts), sends them with the endpoint's concurrency and rate
 * limit, and hands each attempt to the worker's shared settler, which writes them in batches
 * across endpoints. It keeps going while work arrives (its endpoint's NOTIFY from the relay wakes
 * it) and hands back to the workflow when nothing is due soon (dispatchPolicy.ts `idleStep`).
 */
export async function runDispatcher(deps: DispatcherDeps, run: DispatchRun): Promise<DispatchResult> {
  const { db, settings } = deps;
  const { tenantId, endpointId, signal } = run;
  const owner = randomUUID();
  const leaseMs = leaseMsFor(settings);
  const notLeased = (lease: Exclude<EndpointLease, { state: 'leased' }>) => {
    if (lease.state === 'deleted') deps.forgetTransport(endpointId);
    return notLeasedResult(lease);
  };
  const first = await leaseEndpoint(db, settings, tenantId, endpointId, owner, leaseMs);
  if (first.state !== 'leased') return notLeased(first);
  let endpoint = first.endpoint;
  let signer = createSigner(endpoint.keys);
  let transport = deps.transportFor(endpoint);
  const wakeup = createWakeup(signal);
  const queue = createDueQueue((cursor, skip, limit) => readDueDeliveries(db, endpoint, owner, cursor, skip, limit), {
    onReadDone: () => wakeup.wake(),
    onReadError: (err) => deps.logger.warn({ err, endpointId }, 'reading webhook deliveries failed; will retry'),
  });
  const unsubscribe = await deps.hub.subscribe('herald_deliveries', (payload) => {
    if (payload === '' || payload.includes(endpointId)) {
      queue.notice();
      wakeup.wake();
    }
  });
  const limiter = createRateLimiter(() => endpoint.rateLimit);
  let inflight = 0;
  // Called once nothing is in flight, when the run ends waiting for that.
  let allSent: (() => void) | null = null;
  // While the endpoint fails, retries wait on the workflow's timer rather than in this run, so a
  // dead endpoint does not hold a worker's activity slot between its retries.
  let failing = false;
  let pace: Pace = { second: 0, current: 0, previous: 0 };

  /** Sends one delivery and hands its attempt to the settler; never rejects. */
  const send = async (d: DueDelivery, target: DispatchEndpoint) => {
    inflight++;
    try {
      const attempt = await sendDelivery(transport, signer, target, d);
      // Settled within a few ms, batched with every other attempt this worker finished meanwhile:
      // only attempts in flight (or waiting for that statement) at a crash are sent again.
      deps.settler.add(attempt, () => queue.release(d.id));
      failing = isFailedResponse(attempt.statusCode);
    } catch (err) {
      // Nothing was recorded: the delivery stays pending and is read again.
      queue.release(d.id);
      deps.logger.error({ err, endpointId, deliveryId: d.id }, 'sending a webhook failed unexpectedly');
    } finally {
      if (--inflight === 0) allSent?.();
      wakeup.wake();
    }
  };

  const started = Date.now();
  let lastWork = Date.now();
  let lastReload = Date.now();
  let lastHeartbeat = 0;
  let result: DispatchResult = { stopped: null, nextDueAt: Date.now() };
  try {
    for (;;) {
      if (signal.aborted) break;
      const now = Date.now();
      if (now - lastHeartbeat > HEARTBEAT_MS) {
        lastHeartbeat = now;
        run.heartbeat();
      }
      if (now - started > RUN_MS) break;
      if (now - lastReload > RELOAD_MS) {
        lastReload = now;
        const renewed = await leaseEndpoint(db, settings, tenantId, endpointId, owner, leaseMs);
        if (renewed.state !== 'leased') {
          result = notLeased(renewed);
          break;
        }
        endpoint = renewed.endpoint;
        signer = createSigner(endpoint.keys);
        transport = deps.transportFor(endpoint);
      }
      pace = paceAt(pace, now);
      queue.readAhead(readAheadDepth(endpoint, pace.previous));
      let rateWait = 0;
      while (queue.queued > 0 && inflight < endpoint.maxConcurrency) {
        rateWait = limiter.take();
        if (rateWait > 0) break;
        void send(queue.take()!, endpoint);
        pace = { ...pace, current: pace.current + 1 };
        lastWork = now;
      }
      if (queue.queued > 0 || inflight || queue.reading) {
        await wakeup.wait(rateWait || 1000);
        continue;
      }
      // Nothing read and nothing in flight: settle, then decide how long to wait.
      await deps.settler.flush();
      const step = idleStep(await nextDueAt(db, endpoint), Date.now(), lastWork, failing);
      if (step.action === 'return') {
        result = step.result;
        break;
      }
      await wakeup.wait(step.ms);
      if (step.fresh) queue.due();
    }
  } finally {
    unsubscribe();
    if (inflight) await new Promise<void>((resolve) => (allSent = resolve));
    await queue.reading;
    await deps.settler.flush();
    await releaseEndpointLease(db, endpoint, owner).catch((err: unknown) =>
      deps.logger.warn({ err, endpointId }, 'could not release the endpoint lease; it will expire'),
    );
  }
  return result;
}
