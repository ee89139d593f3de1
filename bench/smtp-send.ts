import net, { type AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { SMTPServer } from 'smtp-server';
import { runLoad, type LoadResult } from './load';
import { envInt, printFigure, round } from './report';

/**
 * smtp-send: the rate nodemailer's pooled SMTP transport reaches against a sink that does
 * nothing. Herald's email channel (templating, policy gate, ledger writes) is later
 * compared with it; the provider's own limits are not part of either figure.
 */

const BENCH = 'smtp-send';
const MAX_CONNECTIONS = 5;
/** Messages handed to the transport at once: enough to keep every pooled connection busy. */
const CONCURRENCY = MAX_CONNECTIONS * 2;

/** A running SMTP sink and how to stop it. */
interface SmtpSink {
  port: number;
  received(): number;
  close(): Promise<void>;
}

/** Accepts every message on a loopback port and discards it, counting what arrived. */
async function startSmtpSink(): Promise<SmtpSink> {
  let received = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

/**
 * Opens the SMTP socket with Nagle's algorithm off. nodemailer leaves it on, and on
 * loopback each message then waits ~40 ms for a delayed ACK; the second figure shows what
 * the transport can do without that stall (nodemailer documents getSocket for proxies).
 */
const noDelaySocket: NonNullable<SMTPPool.Options['getSocket']> = (options, callback) => {
  const socket = net.connect({ host: options.host, port: options.port ?? 25, noDelay: true });
  socket.once('error', callback);
  socket.once('connect', () => {
    socket.removeListener('error', callback);
    callback(null, { connection: socket });
  });
};

/**
 * Sends `count` small messages through a pooled transport. maxMessages is unlimited so
 * the figure is the per-message cost, not the cost of reconnecting every 100 messages.
 */
async function rawNodemailer(port: number, count: number, maxSeconds: number, noDelay: boolean): Promise<LoadResult> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: MAX_CONNECTIONS,
    maxMessages: Infinity,
    ...(noDelay ? { getSocket: noDelaySocket } : {}),
  });
  try {
    return await runLoad({ count, concurrency: CONCURRENCY, maxSeconds }, async (index) => {
      await transport.sendMail({
        from: 'Herald Bench <bench@example.com>',
        to: `customer${index}@example.com`,
        subject: `Spring sale ${index}`,
        text: `Hello customer ${index},\n\nOur spring sale starts today.\n`,
        html: `<p>Hello customer ${index},</p><p>Our spring sale starts today.</p>`,
      });
    });
  } finally {
    transport.close();
  }
}

/** Prints one transport configuration's figure in the shared shape. */
function printSends(figure: string, result: LoadResult): void {
  printFigure(BENCH, figure, {
    connections: MAX_CONNECTIONS,
    concurrency: CONCURRENCY,
    messages: result.operations,
    seconds: round(result.seconds, 3),
    messages_per_s: Math.round(result.perSecond),
    p50_ms: round(result.p50Ms, 3),
    p99_ms: round(result.p99Ms, 3),
  });
}

/** Runs the benchmark; BENCH_MESSAGES (default 5,000) and BENCH_SECONDS (60) bound each of its two sends. */
export async function run(): Promise<void> {
  const count = envInt('BENCH_MESSAGES', 5_000);
  const maxSeconds = envInt('BENCH_SECONDS', 60);
  const sink = await startSmtpSink();
  try {
    const defaults = await rawNodemailer(sink.port, count, maxSeconds, false);
    printSends('raw_nodemailer_pool', defaults);
    const noDelay = await rawNodemailer(sink.port, count, maxSeconds, true);
    printSends('raw_nodemailer_pool_nodelay', noDelay);
    const sent = defaults.operations + noDelay.operations;
    if (sink.received() !== sent) throw new Error(`sink received ${sink.received()} of ${sent} messages`);
  } finally {
    await sink.close();
  }
}
