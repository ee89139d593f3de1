import { parentPort, workerData } from 'node:worker_threads';
import { listenLoopback } from './http-load';
import { verifyWebhook } from './webhook-signature';

/**
 * Worker-thread entry of the webhook receiver (see webhook-receiver.ts). It verifies every
 * signature and answers 204, or 401 for a bad one, and reports its counts when told to stop.
 */

/** Messages the receiver sends to its parent. */
export type ReceiverMessage = { kind: 'listening'; url: string } | { kind: 'closed'; verified: number; rejected: number };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('webhook-receiver-worker must run in a worker thread');
  const secret = Buffer.from(workerData.secret as Uint8Array);
  let verified = 0;
  let rejected = 0;
  const server = await listenLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const ok = req.method === 'POST' && verifyWebhook(secret, req.headers, Buffer.concat(chunks).toString('utf8'));
      if (ok) verified++;
      else rejected++;
      res.statusCode = ok ? 204 : 401;
      res.end();
    });
  });
  const send = (message: ReceiverMessage): void => port.postMessage(message);
  port.once('message', () => {
    void server.close().then(() => {
      send({ kind: 'closed', verified, rejected });
      port.close();
    });
  });
  send({ kind: 'listening', url: server.url });
}

void main();
