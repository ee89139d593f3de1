import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, and what it answered. */
export interface ReceivedRequest {
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
  /** Parsed `{ type, timestamp, data }`. */
  payload: any;
  /** For each configured secret (by index), whether `Webhook.verify` accepted the request. */
  verifiedWith: boolean[];
  headers: http.IncomingHttpHeaders;
  status: number;
  at: number;
}

/**
 * How the receiver answers: a status per request (default 204), or a function deciding it from
 * the webhook-id, how many requests carried it so far, and which secrets verified it.
 */
export type Behaviour = (req: {
  webhookId: string;
  count: number;
  verifiedWith: boolean[];
}) => number | { status: number; headers?: Record<string, string>; delayMs?: number };

/** A running receiver. */
export interface WebhookReceiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Sets the secrets to verify with (a string is `whsec_…` or, with `raw`, the raw key). */
  setSecrets(secrets: Array<{ secret: string; raw?: boolean }>): void;
  setBehaviour(behaviour: Behaviour): void;
  /** Stops listening (connections are refused) until {@link up}. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Requests whose signature no configured secret verified. */
  unverified(): ReceivedRequest[];
  /** The most requests that were open at once. */
  maxInFlight(): number;
  /** The distinct webhook-ids answered with 2xx. */
  acceptedIds(): Set<string>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver for webhook tests: it verifies every request with the `standardwebhooks`
 * library's `Webhook.verify` (what Herald's users run), records it, and answers as told — so
 * tests can take it down, make it fail half the time, or answer 410/429.
 */
export async function startWebhookReceiver(secrets: Array<{ secret: string; raw?: boolean }> = []): Promise<WebhookReceiver> {
  let verifiers = secrets.map((s) => new Webhook(s.secret, s.raw ? { format: 'raw' } : undefined));
  let behaviour: Behaviour = () => 204;
  const requests: ReceivedRequest[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const h = req.headers;
      const webhookId = String(h['webhook-id'] ?? '');
      const verifiedWith = verifiers.map((v) => {
        try {
          v.verify(body, {
            'webhook-id': webhookId,
            'webhook-timestamp': String(h['webhook-timestamp'] ?? ''),
            'webhook-signature': String(h['webhook-signature'] ?? ''),
          });
          return true;
        } catch {
          return false;
        }
      });
      const count = (counts.get(webhookId) ?? 0) + 1;
      counts.set(webhookId, count);
      const decided = behaviour({ webhookId, count, verifiedWith });
      const { status, headers, delayMs } = typeof decided === 'number' ? { status: decided, headers: {}, delayMs: 0 } : decided;
      let payload: unknown = null;
      try {
        payload = JSON.parse(body);
      } catch {
        payload = null;
      }
      const answer = () => {
        inFlight--;
        requests.push({
          webhookId,
          timestamp: String(h['webhook-timestamp']),
          signature: String(h['webhook-signature']),
          body,
          payload,
          verifiedWith,
          headers: h,
          status,
          at: Date.now(),
        });
        res.writeHead(status, { 'content-type': 'text/plain', ...(headers ?? {}) });
        res.end(status >= 300 ? `answered ${status}` : '');
      };
      if (delayMs) setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    requests,
    setSecrets(next) {
      verifiers = next.map((s) => new Webhook(s.secret, s.raw ? { format: 'raw' } : undefined));
    },
    setBehaviour(next) {
      behaviour = next;
    },
    down: stop,
    up: () => listen(port),
    maxInFlight: () => maxInFlight,
    unverified: () => requests.filter((r) => !r.verifiedWith.some(Boolean)),
    acceptedIds: () => new Set(requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.webhookId)),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

/** Re-exported so webhook tests (and test/sdk) keep one import: the suite's shared wait helper, which throws on timeout. */
export { until } from './until';
