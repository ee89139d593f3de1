import type { Config } from '../lib/config';
import { createEmailChannel } from './email';
import { createLogSmsChannel, createSmsChannel } from './sms';
import type { Channels, OutgoingSms } from './types';

/**
 * Builds the worker's transports from configuration, once per process. Without SMTP_URL, e-mail
 * goes to the development SMTP catcher on DEV_SMTP_PORT; without Twilio credentials, SMS go to
 * `recordSms` (the development outbox) instead of a provider.
 */
export function createChannels(config: Config, recordSms: (message: OutgoingSms) => Promise<void>): Channels {
  return {
    email: createEmailChannel({ url: config.SMTP_URL ?? `smtp://127.0.0.1:${config.DEV_SMTP_PORT}`, from: config.SMTP_FROM, poolSize: config.SMTP_POOL_SIZE }),
    sms:
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
        ? createSmsChannel({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            from: config.TWILIO_FROM,
            messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
            whatsappFrom: config.TWILIO_WHATSAPP_FROM,
            apiBase: config.TWILIO_API_BASE,
            maxSockets: config.CAMPAIGN_CONCURRENCY,
          })
        : createLogSmsChannel(recordSms),
  };
}

/** The public base URL recipients and providers reach the API at. */
export const publicUrlOf = (config: Config) => config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
