import { createEmailChannel } from '../channels/email';
import { createLogSmsChannel } from '../channels/sms';
import { startSmtpSink } from '../test/support/smtpSink';
import { openCampaignBench } from './campaigns-shared';
import { runLoad } from './load';
import { envInt, printFigure, printRatio, round } from './report';

/**
 * campaigns-email: a whole e-mail campaign through Herald (snapshot, ledger claims, liquid
 * rendering, tracking links, nodemailer pool, settlements, Temporal workflow) beside raw
 * nodemailer with the same pool settings sending the same number of messages to the same SMTP
 * sink, in the same run. Goal: Herald ≥ 0.5 × raw messages/s.
 */
const BENCH = 'campaigns-email';
const POOL = 5;
const CONCURRENCY = 20;

/** Runs the benchmark; BENCH_MESSAGES (default 100,000) sets the audience and the raw count. */
export async function run(): Promise<void> {
  const count = envInt('BENCH_MESSAGES', 100_000);
  const sink = await startSmtpSink({ keepRaw: false });
  const email = createEmailChannel({ url: sink.url, from: 'Herald Bench <bench@herald.local>', poolSize: POOL });
  const bench = await openCampaignBench(
    BENCH,
    count,
    { email, sms: createLogSmsChannel(async () => undefined) },
    { pageSize: envInt('BENCH_PAGE_SIZE', 500), concurrency: CONCURRENCY },
  );
  try {
    // Raw: the same transport settings and a message of the same shape, no database, no workflow.
    const raw = createEmailChannel({ url: sink.url, from: 'Herald Bench <bench@herald.local>', poolSize: POOL });
    const rawResult = await runLoad({ count, concurrency: CONCURRENCY, maxSeconds: 3600 }, async (i) => {
      await raw.send({
        ledgerId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        tenantId: bench.tenantId,
        to: `c${i}@example.com`,
        subject: `Hello Cust${i}`,
        html: `<p>Hi Cust${i}, our spring sale starts today.</p>`,
        unsubscribeUrl: 'http://127.0.0.1/unsubscribe',
      });
    });
    await raw.close();
    printFigure(BENCH, 'raw_nodemailer_pool', {
      pool: POOL,
      concurrency: CONCURRENCY,
      messages: rawResult.operations,
      seconds: round(rawResult.seconds, 2),
      messages_per_s: Math.round(rawResult.perSecond),
    });
    const before = sink.messages.length;
    const herald = await bench.runCampaign('email', {
      subject: 'Hello {{ firstName }}',
      body: '<p>Hi {{ customer.firstName }}, our <a href="https://shop.example.com/sale">spring sale</a> starts today.</p>',
    });
    const received = sink.messages.length - before;
    if (received !== count || herald.sent !== count) throw new Error(`expected ${count} messages, sink received ${received}, ledger says ${herald.sent}`);
    const perSecond = count / herald.seconds;
    printFigure(BENCH, 'herald_campaign', {
      pool: POOL,
      concurrency: CONCURRENCY,
      messages: count,
      seconds: round(herald.seconds, 2),
      messages_per_s: Math.round(perSecond),
    });
    printRatio(BENCH, 'herald_vs_raw', perSecond, rawResult.perSecond);
  } finally {
    await email.close();
    await bench.close();
    await sink.close();
  }
}
