import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted. */
export interface SunkMessage {
  to: string[];
  messageId: string;
  headers: Record<string, string>;
  raw: string;
  /** What `senderOf` said about the client connection the message came over (the cluster test: its pid). */
  sender?: number;
}

/** Unfolds and splits a message's header block into lower-cased names → values. */
function parseHeaders(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

/**
 * A real SMTP server (smtp-server) that accepts everything nodemailer sends and keeps it, the
 * receiving side of the e-mail tests. Recipients in `reject` are refused with 550 (permanent);
 * those in `tempFail` get 451 (try again later) as many times as their count says.
 */
export async function startSmtpSink(
  options: {
    reject?: Set<string>;
    tempFail?: Map<string, number>;
    keepRaw?: boolean;
    /** Names the client of a new connection from its ports (called while the connection is open). */
    senderOf?: (remotePort: number, localPort: number) => number | undefined;
  } = {},
) {
  const messages: SunkMessage[] = [];
  const senders = new Map<string, number | undefined>();
  let port = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    onConnect(session, callback) {
      if (options.senderOf) senders.set(session.id, options.senderOf(session.remotePort, port));
      callback();
    },
    onClose(session) {
      senders.delete(session.id);
    },
    onRcptTo(address, _session, callback) {
      if (options.reject?.has(address.address.toLowerCase())) {
        const err = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        return callback(err);
      }
      const left = options.tempFail?.get(address.address.toLowerCase()) ?? 0;
      if (left > 0) {
        options.tempFail!.set(address.address.toLowerCase(), left - 1);
        return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = parseHeaders(raw);
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: headers['message-id'] ?? '',
          headers,
          raw: options.keepRaw === false ? '' : raw,
          sender: senders.get(session.id),
        });
        callback();
      });
    },
  });
  // A client killed mid-conversation (the SIGKILL test) resets its socket: expected, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The sink's interface. */
export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
