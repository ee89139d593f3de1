import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the catcher extracted from one message. */
export interface CaughtMail {
  tenantId: string | null;
  to: string;
  from: string | null;
  subject: string | null;
  messageId: string | null;
  body: string;
}

/** Splits a raw message into unfolded, lower-cased headers and its body. */
function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const cut = raw.search(/\r?\n\r?\n/);
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body: cut < 0 ? '' : raw.slice(cut).trim() };
}

/**
 * The development SMTP catcher `herald dev` starts when no SMTP_URL is configured: a real SMTP
 * server on localhost that accepts every message and hands it to `record` (the dev outbox), so
 * campaigns can be tried end to end on a fresh machine. Bodies are kept raw (MIME as sent).
 */
export async function startDevSmtpCatcher(
  port: number,
  record: (mail: CaughtMail) => Promise<void>,
  onError: (err: Error) => void = () => undefined,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { headers, body } = splitMessage(Buffer.concat(chunks).toString('utf8'));
        const mails = session.envelope.rcptTo.map((r) => ({
          tenantId: headers['x-herald-tenant'] ?? null,
          to: r.address,
          from: headers.from ?? null,
          subject: headers.subject ?? null,
          messageId: headers['message-id'] ?? null,
          body,
        }));
        Promise.all(mails.map(record)).then(
          () => callback(),
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.removeListener('error', reject);
      // Client connections that break (a killed worker) are reported, never fatal.
      server.on('error', onError);
      resolve();
    });
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
