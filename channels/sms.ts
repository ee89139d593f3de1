import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import { ChannelError, type Channel, type OutgoingSms, type SendResult } from './types';

/** Settings of the Twilio client. */
export interface SmsSettings {
  accountSid: string;
  authToken: string;
  /** Sender number (E.164), unless a messaging service picks it. */
  from?: string;
  messagingServiceSid?: string;
  /** WhatsApp sender (`whatsapp:+E164`): messages to `whatsapp:` addresses are sent from it. */
  whatsappFrom?: string;
  /** Base URL replacing https://api.twilio.com (a local fake in tests and benchmarks). */
  apiBase?: string;
  /** Sockets kept open to the API. */
  maxSockets?: number;
}

/**
 * Twilio's own request client with the API host replaced: the real `twilio` client builds and
 * authenticates every request, and only the base URL changes. This is the client's documented
 * `httpClient` hook, so nothing of Herald is mocked when tests point it at a fake API.
 */
class RebasedRequestClient extends RequestClient {
  constructor(
    private readonly base: string,
    opts: RequestClient.RequestClientOptions,
  ) {
    super(opts);
  }

  override request<T>(opts: RequestClient.RequestOptions<T>) {
    return super.request({ ...opts, uri: opts.uri.replace(/^https:\/\/[^/]+/, this.base.replace(/\/$/, '')) });
  }
}

/**
 * Classifies a Twilio failure: 429 and 5xx (and network errors) are transient; other 4xx —
 * invalid number, unsubscribed recipient (21610), bad parameters — are permanent.
 */
export function classifyTwilioError(err: unknown): ChannelError {
  const e = err as { status?: number; code?: number | string; message?: string };
  const message = e.message ?? String(err);
  if (typeof e.status === 'number') return new ChannelError(message, e.status === 429 || e.status >= 500 ? 'transient' : 'permanent', e.code ?? e.status);
  return new ChannelError(message, 'transient', e.code);
}

/**
 * SMS and WhatsApp through the real twilio client, one client (with its keep-alive agent) per
 * worker: a `whatsapp:` address is sent from the WhatsApp sender, a template by its Content SID.
 */
export function createSmsChannel(settings: SmsSettings): Channel<OutgoingSms> {
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets ?? 50 };
  const client = twilio(settings.accountSid, settings.authToken, {
    ...agentOptions,
    ...(settings.apiBase ? { httpClient: new RebasedRequestClient(settings.apiBase, agentOptions) } : {}),
  });
  return {
    async send(message: OutgoingSms): Promise<SendResult> {
      try {
        const whatsapp = message.to.startsWith('whatsapp:');
        if (whatsapp && !settings.whatsappFrom) throw new ChannelError('No WhatsApp sender is configured (TWILIO_WHATSAPP_FROM)', 'permanent');
        const sent = await client.messages.create({
          to: message.to,
          ...(message.contentSid
            ? { contentSid: message.contentSid, contentVariables: JSON.stringify(message.contentVariables ?? {}) }
            : { body: message.body }),
          ...(whatsapp
            ? { from: settings.whatsappFrom }
            : settings.messagingServiceSid
              ? { messagingServiceSid: settings.messagingServiceSid }
              : { from: settings.from }),
          ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
        });
        return { providerId: sent.sid };
      } catch (err) {
        throw classifyTwilioError(err);
      }
    },
    async close() {},
  };
}

/**
 * The development SMS provider: records each message (to the dev outbox) instead of sending it,
 * so the whole flow works on a machine without a Twilio account.
 */
export function createLogSmsChannel(record: (message: OutgoingSms) => Promise<void>): Channel<OutgoingSms> {
  return {
    async send(message: OutgoingSms): Promise<SendResult> {
      await record(message);
      return { providerId: `log-${message.ledgerId}` };
    },
    async close() {},
  };
}
