import { Webhook } from 'standardwebhooks';
import { createSigner } from '../../channels/webhookSigning';
import {
  attemptFor,
  createRateLimiter,
  FAILING_HOLD_MS,
  HOLD_MS,
  IDLE_MS,
  IDLE_SLICE_MS,
  idleStep,
  isFailedResponse,
  leaseMsFor,
  MAX_READ,
  notLeasedResult,
  paceAt,
  readAheadDepth,
  requestHeaders,
} from '../../domain/webhooks/dispatchPolicy';

/** The dispatcher's decisions, as pure functions of their inputs and an injected clock. */
describe('webhook dispatch policy', () => {
  it('leases for at least 30 s and twice the request timeout', () => {
    expect(leaseMsFor({ timeoutMs: 5000 })).toBe(30_000);
    expect(leaseMsFor({ timeoutMs: 20_000 })).toBe(40_000);
  });

  it('a refused lease stops the dispatcher for a deleted or disabled endpoint, and retries at expiry when held', () => {
    expect(notLeasedResult({ state: 'deleted' })).toEqual({ stopped: 'deleted', nextDueAt: null });
    expect(notLeasedResult({ state: 'disabled' })).toEqual({ stopped: 'disabled', nextDueAt: null });
    expect(notLeasedResult({ state: 'held', until: 1234 })).toEqual({ stopped: null, nextDueAt: 1234 });
  });

  it('the token bucket lets one through at once, then paces to the rate, and never waits without a rate', () => {
    let now = 10_000;
    let rate: number | null = 2;
    const limiter = createRateLimiter(
      () => rate,
      () => now,
    );
    expect(limiter.take()).toBe(0);
    expect(limiter.take()).toBe(500);
    now += 250;
    expect(limiter.take()).toBe(250);
    now += 250;
    expect(limiter.take()).toBe(0);
    // A long quiet spell fills the bucket to the rate (two at once), not beyond.
    now += 60_000;
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([0, 0, 500]);
    rate = null;
    expect([limiter.take(), limiter.take()]).toEqual([0, 0]);
  });

  it("the pace carries the last second's count into the next second, and forgets it after a quiet second", () => {
    const p = paceAt({ second: 0, current: 0, previous: 0 }, 5_100);
    expect(p).toEqual({ second: 5, current: 0, previous: 0 });
    expect(paceAt(p, 5_900)).toBe(p);
    expect(paceAt({ ...p, current: 40 }, 6_000)).toEqual({ second: 6, current: 0, previous: 40 });
    expect(paceAt({ ...p, current: 40 }, 7_000)).toEqual({ second: 7, current: 0, previous: 0 });
  });

  it('reads ahead half a second of pace, at least twice the concurrency, at most MAX_READ and five seconds of the rate limit', () => {
    expect(readAheadDepth({ maxConcurrency: 10, rateLimit: null }, 0)).toBe(20);
    expect(readAheadDepth({ maxConcurrency: 10, rateLimit: null }, 600)).toBe(300);
    expect(readAheadDepth({ maxConcurrency: 10, rateLimit: null }, 100_000)).toBe(MAX_READ);
    expect(readAheadDepth({ maxConcurrency: 10, rateLimit: 2 }, 600)).toBe(10);
    expect(readAheadDepth({ maxConcurrency: 0, rateLimit: null }, 0)).toBe(1);
  });

  it("signs a request the way Standard Webhooks' own library verifies, after the endpoint's headers", () => {
    const secret = Buffer.alloc(32, 9);
    const headers = requestHeaders(
      { headers: { 'x-team': 'a', 'content-type': 'text/plain' } },
      createSigner([secret]),
      { id: 'msg_1', body: '{"a":1}' },
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(headers).toMatchObject({
      'x-team': 'a',
      'content-type': 'application/json',
      'user-agent': 'Herald-Webhooks/1.0',
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1767225600',
    });
    const verifier = new Webhook(secret.toString('base64'));
    expect(() => verifier.verify('{"a":1}', headers)).toThrow(/timestamp/i);
    const now = new Date();
    const fresh = requestHeaders({ headers: {} }, createSigner([secret]), { id: 'msg_1', body: '{"a":1}' }, now);
    expect(verifier.verify('{"a":1}', fresh)).toEqual({ a: 1 });
  });

  it('turns a response into the attempt to settle: error text for non-2xx, the transport error as is, Retry-After in ms', () => {
    const ep = { id: 'ep', tenantId: 't' };
    const d = { id: 'd', attempts: 2 };
    const at = new Date(1000);
    const base = { latencyMs: 12, excerpt: null, error: null, retryAfter: null };
    expect(attemptFor(ep, d, at, { ...base, statusCode: 204 })).toEqual({
      tenantId: 't',
      endpointId: 'ep',
      deliveryId: 'd',
      attempt: 3,
      startedAt: at,
      latencyMs: 12,
      statusCode: 204,
      responseExcerpt: null,
      error: null,
      retryAfterMs: null,
    });
    expect(attemptFor(ep, d, at, { ...base, statusCode: 503, excerpt: 'busy', retryAfter: '7' })).toMatchObject({
      error: 'HTTP 503',
      responseExcerpt: 'busy',
      retryAfterMs: 7000,
    });
    expect(attemptFor(ep, d, at, { ...base, statusCode: 429, retryAfter: new Date(61_000).toUTCString() }, 1000)).toMatchObject({ retryAfterMs: 60_000 });
    expect(attemptFor(ep, d, at, { ...base, statusCode: null, error: 'connect ECONNREFUSED' })).toMatchObject({
      statusCode: null,
      error: 'connect ECONNREFUSED',
    });
    expect([null, 199, 200, 299, 300, 410, 500].map(isFailedResponse)).toEqual([true, true, false, false, true, true, true]);
  });

  it('when idle: waits in slices until IDLE_MS, holds for a retry due soon, and hands a later one to the workflow', () => {
    expect(idleStep(null, 10_000, 10_000, false)).toEqual({ action: 'wait', ms: IDLE_SLICE_MS, fresh: false });
    expect(idleStep(null, 10_000 + IDLE_MS - 2000, 10_000, false)).toEqual({ action: 'wait', ms: 2000, fresh: false });
    expect(idleStep(null, 10_001 + IDLE_MS, 10_000, false)).toEqual({ action: 'return', result: { stopped: null, nextDueAt: null } });
    expect(idleStep(10_000 + HOLD_MS, 10_000, 0, false)).toEqual({ action: 'wait', ms: HOLD_MS, fresh: true });
    expect(idleStep(10_001 + HOLD_MS, 10_000, 0, false)).toEqual({ action: 'return', result: { stopped: null, nextDueAt: 10_001 + HOLD_MS } });
    // A failing endpoint waits on the workflow's timer for anything beyond FAILING_HOLD_MS.
    expect(idleStep(10_000 + FAILING_HOLD_MS, 10_000, 0, true)).toEqual({ action: 'wait', ms: FAILING_HOLD_MS, fresh: true });
    expect(idleStep(10_001 + FAILING_HOLD_MS, 10_000, 0, true)).toMatchObject({ action: 'return' });
  });
});
