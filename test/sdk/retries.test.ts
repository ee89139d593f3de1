import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoffMs } from '../../sdk/src/core';
import { Herald, HeraldConnectionError, HeraldServerError, retryAfterMs } from '../../sdk/src';

/** What the scripted peer saw of one request. */
interface Seen {
  method: string;
  url: string;
  idempotencyKey?: string;
  at: number;
}

/**
 * A tiny HTTP peer that answers each request as the test scripts it: the SDK's retry rules for
 * answers Herald gives rarely on purpose (503, a dropped connection, a hung request) are checked
 * against it; 429 and the rest are checked against a real Herald in the other SDK suites.
 */
async function scriptedPeer(script: Array<(res: http.ServerResponse, req: http.IncomingMessage) => void>) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, idempotencyKey: req.headers['idempotency-key'] as string | undefined, at: Date.now() });
    req.resume();
    const step = script[Math.min(seen.length - 1, script.length - 1)]!;
    step(res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: http.ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-1', ...headers });
    res.end(JSON.stringify(body));
  };
const drop = (_res: http.ServerResponse, req: http.IncomingMessage) => req.socket.destroy();
const tenant = {
  data: {
    id: '00000000-0000-4000-8000-000000000000',
    name: 'T',
    slug: 't',
    createdAt: '2026-01-01T00:00:00Z',
    principal: { role: 'admin', actorType: 'api_key', actorId: 'k' },
  },
};
const unavailable = { error: { code: 'service_unavailable', message: 'Temporal is unreachable' } };

describe('SDK retries', () => {
  const peers: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(peers.map((p) => p.close()));
  });
  const peer = async (script: Parameters<typeof scriptedPeer>[0]) => {
    const p = await scriptedPeer(script);
    peers.push(p);
    return p;
  };

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:02 GMT' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped at 8 s', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect(backoffMs(10, () => 1)).toBe(8000);
  });

  it('retries a 503 after the HTTP date its Retry-After names, then answers the data', async () => {
    const p = await peer([(res) => json(503, unavailable, { 'retry-after': new Date(Date.now() + 1500).toUTCString() })(res), json(200, tenant)]);
    const herald = new Herald({ baseUrl: p.url, apiKey: 'hk_test' });
    await expect(herald.tenant.get()).resolves.toEqual(tenant.data);
    expect(p.seen).toHaveLength(2);
    // An HTTP date has whole seconds: the wait is at least 0.5 s and at most the 1.5 s asked.
    expect(p.seen[1]!.at - p.seen[0]!.at).toBeGreaterThanOrEqual(450);
    expect(p.seen[1]!.at - p.seen[0]!.at).toBeLessThan(2500);
  });

  it('gives up after maxRetries with a typed server error carrying code and request id', async () => {
    const p = await peer([json(503, unavailable, { 'retry-after': '0' })]);
    const herald = new Herald({ baseUrl: p.url, apiKey: 'hk_test', maxRetries: 3 });
    const error = await herald.tenant.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeraldServerError);
    expect(error).toMatchObject({ kind: 'server', status: 503, code: 'service_unavailable', message: 'Temporal is unreachable', requestId: 'req-1' });
    expect(p.seen).toHaveLength(4);
  });

  it('retries a dropped connection for reads and idempotent creates (same key), never for other writes', async () => {
    const p = await peer([drop, json(200, tenant)]);
    await expect(new Herald({ baseUrl: p.url, apiKey: 'k' }).tenant.get()).resolves.toEqual(tenant.data);
    expect(p.seen).toHaveLength(2);

    const created = { data: { id: '00000000-0000-4000-8000-000000000001' } };
    const c = await peer([drop, json(201, created)]);
    await new Herald({ baseUrl: c.url, apiKey: 'k' }).customers.create({ email: 'a@example.com' });
    expect(c.seen).toHaveLength(2);
    expect(c.seen[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.seen[1]!.idempotencyKey).toBe(c.seen[0]!.idempotencyKey);

    const w = await peer([drop, json(202, { data: {} })]);
    const error = await new Herald({ baseUrl: w.url, apiKey: 'k' }).campaigns.send('00000000-0000-4000-8000-000000000002').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeraldConnectionError);
    expect(error).toMatchObject({ kind: 'connection', code: 'connection_failed', status: undefined });
    expect(w.seen).toHaveLength(1);
  });

  it('times out an attempt after timeoutMs and reports it as a connection error', async () => {
    const p = await peer([() => undefined]);
    const herald = new Herald({ baseUrl: p.url, apiKey: 'k', timeoutMs: 200, maxRetries: 1 });
    const started = Date.now();
    const error = await herald.tenant.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'connection', code: 'timeout' });
    expect(p.seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('sends the key as a bearer token to the API paths whatever form the base URL takes', async () => {
    const seenAuth: string[] = [];
    const p = await peer([
      (res, req) => {
        seenAuth.push(String(req.headers.authorization));
        json(200, tenant)(res);
      },
    ]);
    await new Herald({ baseUrl: `${p.url}/api/v1/`, apiKey: 'hk_abc' }).tenant.get();
    expect(p.seen[0]!.url).toBe('/api/v1/tenant');
    expect(seenAuth).toEqual(['Bearer hk_abc']);
  });
});
