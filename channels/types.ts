/** One rendered e-mail, ready for the transport. */
export interface OutgoingEmail {
  /** The ledger row id: the Message-ID is built from it, so a repeat after a crash carries the same id. */
  ledgerId: string;
  tenantId: string;
  to: string;
  from?: string;
  subject: string;
  html: string;
  /** One-click unsubscribe URL (RFC 8058), sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
}

/** One rendered SMS. */
export interface OutgoingSms {
  ledgerId: string;
  tenantId: string;
  to: string;
  body: string;
  /** Where Twilio reports delivery status for this message. */
  statusCallback?: string;
  /** An approved WhatsApp template sent instead of `body` (Twilio's Content SID), with its variables. */
  contentSid?: string;
  contentVariables?: Record<string, string>;
}

/** What a provider answered: its id for the message. */
export interface SendResult {
  providerId: string;
}

/**
 * A provider refusal, classified: permanent errors (bad address, unsubscribed number) are never
 * retried; transient ones (timeouts, 4xx SMTP replies, 429/5xx HTTP) are retried with backoff.
 */
export class ChannelError extends Error {
  override name = 'ChannelError';
  constructor(
    message: string,
    readonly kind: 'permanent' | 'transient',
    readonly code?: string | number,
  ) {
    super(message);
  }
}

/** A message transport the send activities depend on. */
export interface Channel<M> {
  send(message: M): Promise<SendResult>;
  close(): Promise<void>;
}

/** The transports a worker holds: created once per process and shared by every activity call. */
export interface Channels {
  email: Channel<OutgoingEmail>;
  sms: Channel<OutgoingSms>;
}

/** The Message-ID of a ledger row: deterministic, so a re-send is recognisable as the same message. */
export const messageIdFor = (ledgerId: string, domain = 'herald.local') => `<${ledgerId}@${domain}>`;
