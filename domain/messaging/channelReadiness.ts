import type { Knex } from 'knex';

/**
 * Whether a worker can really send on each channel, and whether anything is waiting to be sent on
 * one it cannot. Without SMTP_URL e-mail goes to the development catcher on localhost, and without
 * Twilio settings SMS and WhatsApp go to the development outbox: right for `herald dev`, silent
 * loss in production. So a production worker refuses to start while campaigns, live journeys or
 * conversations wait on a channel it cannot send on, and every worker says at start where each
 * channel goes.
 */

/** The channels a worker sends on. */
export type SendChannel = 'email' | 'sms' | 'whatsapp';

/** What the worker's settings provide, without the secrets. */
export interface ChannelSettings {
  production: boolean;
  smtpConfigured: boolean;
  twilioConfigured: boolean;
  whatsappSenderConfigured: boolean;
}

/** Where each channel's messages go with these settings. */
export function channelDestinations(s: ChannelSettings): Record<SendChannel, { sends: boolean; to: string }> {
  const outbox = 'the development outbox (GET /api/v1/dev/outbox), not sent';
  return {
    email: s.smtpConfigured ? { sends: true, to: 'SMTP_URL' } : { sends: false, to: 'the development SMTP catcher on localhost, not sent' },
    sms: s.twilioConfigured ? { sends: true, to: 'Twilio' } : { sends: false, to: outbox },
    whatsapp: !s.twilioConfigured
      ? { sends: false, to: outbox }
      : s.whatsappSenderConfigured
        ? { sends: true, to: 'Twilio' }
        : { sends: false, to: 'nowhere: each message fails (no TWILIO_WHATSAPP_FROM)' },
  };
}

/** What waits to be sent, by channel: counts of campaigns, live journeys' send steps and conversations. */
export type PendingSends = Record<SendChannel, { campaigns: number; journeys: number; conversations: number }>;

/**
 * Counts the work a worker would send: campaigns scheduled, sending or paused (a journey's hidden
 * send campaigns only while the journey is active or paused), and SMS/WhatsApp conversations that
 * are not resolved (agents reply through the worker).
 */
export async function pendingSendsByChannel(db: Knex): Promise<PendingSends> {
  const pending: PendingSends = {
    email: { campaigns: 0, journeys: 0, conversations: 0 },
    sms: { campaigns: 0, journeys: 0, conversations: 0 },
    whatsapp: { campaigns: 0, journeys: 0, conversations: 0 },
  };
  const campaigns = await db.raw<{ rows: Array<{ channel: SendChannel; journey: boolean; count: string }> }>(
    `SELECT c.channel, c.kind = 'journey' AS journey, count(*) AS count
       FROM campaigns c
      WHERE c.status IN ('scheduled', 'sending', 'paused')
        AND (c.kind <> 'journey'
             OR EXISTS (SELECT 1 FROM journeys j WHERE j.id::text = c.audience ->> 'journeyId' AND j.status IN ('active', 'paused')))
      GROUP BY 1, 2`,
  );
  for (const r of campaigns.rows) pending[r.channel][r.journey ? 'journeys' : 'campaigns'] += Number(r.count);
  const conversations = await db('conversations')
    .whereIn('channel', ['sms', 'whatsapp'])
    .whereNot('status', 'resolved')
    .groupBy('channel')
    .select<Array<{ channel: 'sms' | 'whatsapp'; count: string }>>('channel', db.raw('count(*) AS count'));
  for (const r of conversations) pending[r.channel].conversations += Number(r.count);
  return pending;
}

/** The verdict at start: a line saying where each channel goes, and a reason to refuse when there is one. */
export interface ChannelCheck {
  summary: string;
  refusal?: string;
}

/** Decides whether a worker may start with these settings while this work waits. */
export function checkChannels(settings: ChannelSettings, pending: PendingSends): ChannelCheck {
  const destinations = channelDestinations(settings);
  const channels = Object.keys(destinations) as SendChannel[];
  const summary = `channels: ${channels.map((c) => `${c} → ${destinations[c].to}`).join('; ')}`;
  if (!settings.production) return { summary };
  const blocked = channels
    .filter((c) => !destinations[c].sends)
    .map((c) => {
      const p = pending[c];
      const parts = [
        p.campaigns ? `${p.campaigns} campaign(s)` : '',
        p.journeys ? `${p.journeys} send step(s) of live journeys` : '',
        p.conversations ? `${p.conversations} open conversation(s)` : '',
      ].filter(Boolean);
      return parts.length ? `${c} (${parts.join(', ')})` : '';
    })
    .filter(Boolean);
  if (blocked.length === 0) return { summary };
  return {
    summary,
    refusal:
      `This worker cannot send ${blocked.join(' or ')} that wait to be sent: ` +
      'set SMTP_URL for e-mail, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID) for SMS, ' +
      'TWILIO_WHATSAPP_FROM for WhatsApp, or cancel that work first (see docs/operations.md, "SMTP and Twilio").',
  };
}
