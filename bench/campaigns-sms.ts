import { createEmailChannel } from '../channels/email';
import { createSmsChannel } from '../channels/sms';
import { startFakeTwilio } from '../test/support/fakeTwilio';
import { openCampaignBench } from './campaigns-shared';
import { runLoad } from './load';
import { envInt, printFigure, printRatio, round } from './report';

/**
 * campaigns-sms: a whole SMS campaign through Herald beside a raw loop of the same `twilio`
 * client calls (`client.messages.create`) against the same local fake of Twilio's Messages API,
 * in the same run. Status callbacks are off in the fake so both sides do the same HTTP work.
 * Goal: Herald ≥ 0.5 × raw messages/s.
 */
const BENCH = 'campaigns-sms';
const CONCURRENCY = 20;
const TWILIO = { accountSid: `AC${'b2'.repeat(16)}`, authToken: 'bench-auth-token', from: '+15005550006' };

/** Runs the benchmark; BENCH_MESSAGES (default 20,000) sets the audience and the raw count. */
export async function run(): Promise<void> {
  const count = envInt('BENCH_MESSAGES', 20_000);
  const fake = await startFakeTwilio({ ...TWILIO, callbacks: false, keepMessages: false });
  const sms = createSmsChannel({ ...TWILIO, apiBase: fake.url, maxSockets: CONCURRENCY });
  const bench = await openCampaignBench(
    BENCH,
    count,
    { sms, email: createEmailChannel({ url: 'smtp://127.0.0.1:9', from: 'x <x@x.x>', poolSize: 1 }) },
    { pageSize: envInt('BENCH_PAGE_SIZE', 500), concurrency: CONCURRENCY },
  );
  try {
    const raw = createSmsChannel({ ...TWILIO, apiBase: fake.url, maxSockets: CONCURRENCY });
    const rawResult = await runLoad({ count, concurrency: CONCURRENCY, maxSeconds: 3600 }, async (i) => {
      await raw.send({
        ledgerId: String(i),
        tenantId: bench.tenantId,
        to: `+1555${String(i).padStart(7, '0')}`,
        body: `Hi Cust${i}, our spring sale starts today.`,
        statusCallback: `${bench.herald.url}/api/v1/messaging/twilio/status?ledgerId=00000000-0000-4000-8000-000000000000`,
      });
    });
    printFigure(BENCH, 'raw_twilio_client', {
      concurrency: CONCURRENCY,
      messages: rawResult.operations,
      seconds: round(rawResult.seconds, 2),
      messages_per_s: Math.round(rawResult.perSecond),
    });
    const before = fake.accepted();
    const herald = await bench.runCampaign('sms', { body: 'Hi {{ firstName }}, our spring sale starts today.' });
    const received = fake.accepted() - before;
    if (received !== count || herald.sent !== count) throw new Error(`expected ${count} messages, the fake accepted ${received}, ledger says ${herald.sent}`);
    const perSecond = count / herald.seconds;
    printFigure(BENCH, 'herald_campaign', {
      concurrency: CONCURRENCY,
      messages: count,
      seconds: round(herald.seconds, 2),
      messages_per_s: Math.round(perSecond),
    });
    printRatio(BENCH, 'herald_vs_raw', perSecond, rawResult.perSecond);
  } finally {
    await bench.close();
    await fake.close();
  }
}
