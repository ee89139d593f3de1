import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/** One message the fake accepted. */
export interface FakeSms {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
  /** A WhatsApp template sent instead of a body, and its variables (JSON text as Twilio receives it). */
  contentSid?: string;
  contentVariables?: string;
}

const readForm = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
};

/** The status a status callback reports for a message, with Twilio's error code for failures. */
export interface SmsOutcome {
  status: 'delivered' | 'undelivered' | 'failed' | 'sent';
  errorCode?: string;
  /**
   * Send the callback, and wait for Herald's answer to it, before answering the create request:
   * the order a fast network can produce, where the status arrives before Herald settled the send.
   */
  beforeAnswer?: boolean;
}

/**
 * A local stand-in for Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`),
 * the third-party API the real `twilio` client talks to in tests. It checks Basic auth, answers
 * like Twilio (201 with a message resource, 400 with code 21211 for numbers in `invalid`), and
 * later POSTs a signed status callback, as Twilio does: `delivered`, or what `outcomes` holds
 * for the number (e.g. `undelivered` with ErrorCode 30005).
 */
export async function startFakeTwilio(options: {
  accountSid: string;
  authToken: string;
  invalid?: Set<string>;
  outcomes?: Map<string, SmsOutcome>;
  callbackDelayMs?: number;
  callbacks?: boolean;
  keepMessages?: boolean;
}) {
  let count = 0;
  const messages: FakeSms[] = [];
  const callbacks: Array<Promise<number>> = [];
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${options.accountSid}/Messages.json`)
        return send(404, { code: 20404, message: 'not found', status: 404 });
      if (req.headers.authorization !== expectedAuth) return send(401, { code: 20003, message: 'Authenticate', status: 401 });
      const form = await readForm(req);
      if (!form.To || (!form.Body && !form.ContentSid) || (!form.From && !form.MessagingServiceSid))
        return send(400, { code: 21604, message: 'A To, Body or ContentSid, and From or MessagingServiceSid are required', status: 400 });
      if (options.invalid?.has(form.To)) return send(400, { code: 21211, message: `The 'To' number ${form.To} is not a valid phone number.`, status: 400 });
      const sid = `SM${randomBytes(16).toString('hex')}`;
      count++;
      if (options.keepMessages !== false)
        messages.push({
          sid,
          to: form.To,
          from: form.From,
          messagingServiceSid: form.MessagingServiceSid,
          body: form.Body ?? '',
          statusCallback: form.StatusCallback,
          contentSid: form.ContentSid,
          contentVariables: form.ContentVariables,
        });
      const created = () =>
        send(201, {
          sid,
          account_sid: options.accountSid,
          to: form.To,
          from: form.From ?? null,
          body: form.Body,
          status: 'queued',
          num_segments: '1',
          direction: 'outbound-api',
          date_created: new Date().toUTCString(),
          uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sid}.json`,
        });
      if (!form.StatusCallback || options.callbacks === false) return created();
      const url = form.StatusCallback;
      const outcome = options.outcomes?.get(form.To) ?? { status: 'delivered' };
      const params: Record<string, string> = {
        MessageSid: sid,
        MessageStatus: outcome.status,
        To: form.To,
        AccountSid: options.accountSid,
        ...(outcome.errorCode ? { ErrorCode: outcome.errorCode } : {}),
      };
      const signature = twilio.getExpectedTwilioSignature(options.authToken, url, params);
      const callback = () =>
        fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
          body: new URLSearchParams(params).toString(),
        }).then(
          (r) => r.status,
          () => 0,
        );
      if (outcome.beforeAnswer) {
        // The callback is answered before the create request is: Herald has not settled the send yet.
        const answered = callback();
        callbacks.push(answered);
        await answered;
        return created();
      }
      created();
      callbacks.push(new Promise<void>((r) => setTimeout(r, options.callbackDelayMs ?? 20)).then(callback));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    /** Messages accepted so far (also when they are not kept). */
    accepted: () => count,
    /** Statuses Herald answered to the status callbacks sent so far (waits for them). */
    callbackStatuses: () => Promise.all(callbacks),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
