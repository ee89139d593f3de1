// Only the signature helper, as Herald's route imports only validateRequest.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

/**
 * autocannon setupRequest module for conversations-inbound: every request is one inbound message
 * as Twilio posts it (form-encoded, Twilio's parameter set) with `X-Twilio-Signature` computed by
 * the twilio library over `context.url` (PUBLIC_URL + path) and the parameters, as Twilio signs.
 * Senders: one message in `context.newEvery` comes from a number never seen before (a new customer),
 * the others from one of the `context.knownCustomers` seeded customers (+1 212 2000000 + i);
 * `context.whatsappEvery` − 1 in `context.whatsappEvery` arrive on WhatsApp, the rest by SMS.
 * MessageSids are `SM` + `context.prefix` + a counter private to this worker thread, so nothing
 * dedupes; the sid is left in the context for twilio-inbound-response.ts. autocannon `require`s
 * this file in its worker thread, so it exports the function itself.
 */
interface Request {
  body?: string;
  headers?: Record<string, string>;
}

interface Context {
  prefix?: string;
  url?: string;
  token?: string;
  to?: string;
  knownCustomers?: number;
  /** First number of this run's new senders (area code 415 and up, 8,000,000 numbers each). */
  newBase?: number;
  newEvery?: number;
  whatsappEvery?: number;
  sid?: string;
}

const NEW_AREA_CODES = [415, 617, 312, 305, 713, 206, 303, 404];
const PER_AREA = 8_000_000;
const BODIES = [
  'Hi, where is my order?',
  'Thanks!',
  'Can I change the delivery address?',
  'The parcel arrived damaged',
  'ok',
  'What time do you open tomorrow?',
];
let counter = 0;

/** A seeded customer's phone (E.164); conversations-inbound seeds the same numbers in SQL. */
const knownPhone = (i: number) => `+1212${2_000_000 + i}`;

/** The n-th new sender: a valid US number outside the seeded range. */
function newPhone(n: number): string {
  const area = NEW_AREA_CODES[Math.floor(n / PER_AREA) % NEW_AREA_CODES.length]!;
  return `+1${area}${2_000_000 + (n % PER_AREA)}`;
}

export = function twilioInbound(request: Request, context: Context): Request {
  const n = counter++;
  const whatsapp = n % (context.whatsappEvery ?? 5) !== 0;
  const known = context.knownCustomers ?? 1000;
  const newEvery = context.newEvery ?? 5;
  const phone = n % newEvery === 1 ? newPhone((context.newBase ?? 0) + Math.floor(n / newEvery)) : knownPhone((n * 7919) % known);
  const sid = `SM${context.prefix ?? 'run'}${String(n).padStart(10, '0')}`;
  const to = context.to ?? '+15005550100';
  const params: Record<string, string> = {
    ToCountry: 'US',
    ToState: 'CA',
    SmsMessageSid: sid,
    NumMedia: '0',
    ToCity: '',
    FromZip: '',
    SmsSid: sid,
    FromState: 'NY',
    SmsStatus: 'received',
    FromCity: 'NEW YORK',
    Body: BODIES[n % BODIES.length]!,
    FromCountry: 'US',
    To: whatsapp ? `whatsapp:${to}` : to,
    MessagingServiceSid: '',
    ToZip: '',
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: sid,
    AccountSid: 'AC00000000000000000000000000000000',
    From: whatsapp ? `whatsapp:${phone}` : phone,
    ApiVersion: '2010-04-01',
    ...(whatsapp ? { ProfileName: `Customer ${n % 997}`, WaId: phone.slice(1) } : {}),
  };
  context.sid = sid;
  return {
    ...request,
    headers: {
      ...request.headers,
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': getExpectedTwilioSignature(context.token ?? '', context.url ?? '', params),
    },
    body: new URLSearchParams(params).toString(),
  };
};
