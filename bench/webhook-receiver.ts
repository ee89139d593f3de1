import path from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { ReceiverMessage } from './webhook-receiver-worker';

/** A running receiver and how to stop it. */
export interface WebhookReceiver {
  url: string;
  /** Stops the receiver and returns how many deliveries it verified and rejected. */
  close(): Promise<{ verified: number; rejected: number }>;
}

/**
 * Starts a signature-verifying webhook receiver on a loopback port in a worker thread, so
 * the sender under test has the main thread's core to itself, as it would when the
 * receiver is another company's server.
 */
export async function startWebhookReceiver(secret: Buffer): Promise<WebhookReceiver> {
  // Under tsx on Node 20 a worker's .ts entry fails with ERR_UNKNOWN_FILE_EXTENSION (the
  // ESM loader tsx installs does not handle it); tsx's CommonJS hook does, and suffices here.
  const worker = new Worker(path.join(__dirname, 'webhook-receiver-worker.ts'), {
    workerData: { secret },
    execArgv: ['--require', require.resolve('tsx/cjs')],
  });
  const [first] = (await once(worker, 'message')) as [ReceiverMessage];
  if (first.kind !== 'listening') throw new Error('webhook receiver did not start');
  return {
    url: first.url,
    async close() {
      worker.postMessage('close');
      const [last] = (await once(worker, 'message')) as [ReceiverMessage];
      await worker.terminate();
      if (last.kind !== 'closed') throw new Error('webhook receiver did not report its counts');
      return { verified: last.verified, rejected: last.rejected };
    },
  };
}
