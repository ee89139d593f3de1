import type { Knex } from 'knex';
import { createEmailChannel } from '../../channels/email';
import { createSmsChannel } from '../../channels/sms';
import { startFakeTwilio, type SmsOutcome } from '../support/fakeTwilio';
import { testDb } from '../support/factories';
import { startSmtpSink } from '../support/smtpSink';
import { startTestServer, type TestServer } from '../support/testServer';
import { startTestWorker } from '../support/testWorker';

/** Twilio test credentials the fake API and Herald share. */
export const TWILIO = { accountSid: `AC${'a1'.repeat(16)}`, authToken: 'fake-twilio-auth-token', from: '+15005550006', whatsappFrom: 'whatsapp:+14155238886' };

/**
 * Everything a campaign test needs, all real: the API, Herald's worker (with nodemailer and the
 * twilio client), an SMTP server receiving the mail and a local Twilio Messages API, on the test
 * file's own database and task queue.
 */
export async function startCampaignStack(
  options: {
    pageSize?: number;
    concurrency?: number;
    now?: () => Date;
    withWorker?: boolean;
    keepRaw?: boolean;
    pageTimeBudgetMs?: number;
    pagesPerRun?: number;
    env?: Record<string, string>;
  } = {},
) {
  // Addresses the SMTP server refuses (550) and numbers the fake Twilio rejects (21211); tests add to them.
  const rejectEmails = new Set<string>();
  const invalidPhones = new Set<string>();
  const tempFailEmails = new Map<string, number>();
  // What the fake Twilio's status callback reports per number (delivered when absent).
  const smsOutcomes = new Map<string, SmsOutcome>();
  const sink = await startSmtpSink({ reject: rejectEmails, tempFail: tempFailEmails, keepRaw: options.keepRaw });
  const twilioApi = await startFakeTwilio({ ...TWILIO, invalid: invalidPhones, outcomes: smsOutcomes });
  // Tests poll campaign status through the API several times a second: the per-key budget is raised for that.
  const server: TestServer = await startTestServer({
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_FROM: TWILIO.from,
    TWILIO_WHATSAPP_FROM: TWILIO.whatsappFrom,
    RATE_LIMIT_GENERAL_PER_MINUTE: '100000',
    ...options.env,
  });
  const db: Knex = testDb();
  const channels = {
    email: createEmailChannel({ url: sink.url, from: 'Herald Test <test@herald.local>', poolSize: 5 }),
    sms: createSmsChannel({ ...TWILIO, apiBase: twilioApi.url }),
  };
  const messaging = {
    channels,
    publicUrl: server.url,
    trackingSecret: server.runtime.config.TRACKING_SECRET,
    pageSize: options.pageSize ?? 100,
    concurrency: options.concurrency ?? 10,
    now: options.now,
    pageTimeBudgetMs: options.pageTimeBudgetMs ?? 5000,
    pagesPerRun: options.pagesPerRun,
  };
  const stopWorker = options.withWorker === false ? undefined : await startTestWorker(db, { messaging });
  return {
    server,
    db,
    sink,
    twilioApi,
    messaging,
    rejectEmails,
    invalidPhones,
    tempFailEmails,
    smsOutcomes,
    async close() {
      await stopWorker?.();
      await Promise.all([channels.email.close(), channels.sms.close()]);
      await server.close();
      await db.destroy();
      await sink.close();
      await twilioApi.close();
    },
  };
}

/** The stack's interface. */
export type CampaignStack = Awaited<ReturnType<typeof startCampaignStack>>;

/** Inserts `count` customers tagged `tag` in one statement (emails c<i>-<tag>@example.com, phones +1555…). */
export async function seedCustomers(db: Knex, tenantId: string, count: number, tag: string): Promise<void> {
  await db.raw(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, phone, tags)
     SELECT ?, 'Cust' || g, 'N', 'Cust' || g || ' N', 'c' || g || '-' || ? || '@example.com', '+1555' || lpad(g::text, 7, '0'), ARRAY[?]
       FROM generate_series(1, ?) g`,
    [tenantId, tag, tag, count],
  );
}

/** Re-exported so campaign tests keep one import: the suite's shared wait helper, which throws on timeout. */
export { waitFor } from '../support/until';
