import { createJourneyAnalytics } from '../../domain/journeys/analytics';
import { buildTenant } from '../support/factories';
import { startWorkerProcess } from '../support/heraldProcess';
import { eventTrigger, insertJourney, insertRunsForAll } from '../support/journeysRunner';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

/** Runs due at once; JOURNEY_CRASH_SIZE lowers it while iterating. */
const SIZE = Number(process.env.JOURNEY_CRASH_SIZE ?? 2000);
const CONCURRENCY = 20;

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack({ withWorker: false, keepRaw: false });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

/** Starts `herald worker` as a child process (it starts the journey runner itself) sending to the test's SMTP server. */
const spawnWorker = () =>
  startWorkerProcess({ SMTP_URL: stack.sink.url, PUBLIC_URL: stack.server.url, CAMPAIGN_CONCURRENCY: String(CONCURRENCY), SMTP_POOL_SIZE: '5' });

it(`runs ${SIZE} journey runs due at once through a send node while the worker is SIGKILLed three times: every run completes, every customer gets the e-mail, repeats only with the same Message-ID, analytics equal the ledger`, async () => {
  const t = await buildTenant(stack.db, 'Journey crash');
  await seedCustomers(stack.db, t.tenantId, SIZE, 'jcrash');
  const journey = {
    ...(await insertJourney(stack.db, t.tenantId, {
      entry: { type: 'event', event: 'Added To Cart' },
      start: 'mail',
      nodes: [
        {
          id: 'mail',
          type: 'send',
          channel: 'email',
          subject: 'Hi {{ customer.firstName }}',
          body: '<p>Your {{ event.item }} waits</p>',
          respectQuietHours: false,
        },
      ],
    })),
    tenantId: t.tenantId,
  };
  let worker = await spawnWorker();
  const started = Date.now();
  expect(await insertRunsForAll(stack.db, journey, { nodeId: 'mail', dueAt: new Date(), trigger: eventTrigger('Added To Cart', { item: 'teapot' }) })).toBe(
    SIZE,
  );

  // The runner's pace once warm: e-mails reaching the sink between 10 % and 30 % of the runs.
  await waitFor(async () => stack.sink.messages.length >= SIZE * 0.1, 300_000, 20);
  const warm = { at: Date.now(), received: stack.sink.messages.length };
  const kills: Array<{ atReceived: number; seconds: number }> = [];
  for (const share of [0.25, 0.5, 0.75]) {
    await waitFor(async () => stack.sink.messages.length >= SIZE * share, 300_000, 20);
    await worker.kill();
    kills.push({ atReceived: stack.sink.messages.length, seconds: (Date.now() - started) / 1000 });
    worker = await spawnWorker();
  }
  const open = () => stack.db('journey_runs').where({ journey_id: journey.journeyId, state: 'active' }).count<{ count: string }[]>('* as count');
  await waitFor(async () => Number((await open())[0]!.count) === 0, 600_000, 500, 'every run to end');
  const seconds = (Date.now() - started) / 1000;
  await worker.stop();

  const runs = await stack.db('journey_runs').where({ journey_id: journey.journeyId }).select('state', 'end_reason', 'last_message_id');
  const steps = await stack.db('journey_steps').where({ journey_id: journey.journeyId }).select('id', 'status');
  const ledger = await stack.db('campaign_recipients').where({ campaign_id: journey.sendCampaigns.mail }).select('id', 'address', 'state', 'journey_step_id');
  const ledgerIds = new Set(ledger.map((r) => `<${r.id}@herald.local>`));
  const received = stack.sink.messages.filter((m) => ledgerIds.has(m.messageId));
  const perId = new Map<string, number>();
  for (const m of received) perId.set(m.messageId, (perId.get(m.messageId) ?? 0) + 1);
  const idsPerAddress = new Map<string, Set<string>>();
  for (const m of received) idsPerAddress.set(m.to[0]!, (idsPerAddress.get(m.to[0]!) ?? new Set()).add(m.messageId));
  const repeats = received.length - perId.size;
  const warmRunsPerSecond = Math.round((kills[0]!.atReceived - warm.received) / ((started + kills[0]!.seconds * 1000 - warm.at) / 1000));

  console.log(JSON.stringify({ runs: SIZE, seconds, kills, received: received.length, unique: perId.size, repeats, warmRunsPerSecond }));
  expect(runs).toHaveLength(SIZE);
  expect(runs.filter((r) => r.state === 'completed' && r.end_reason === 'completed')).toHaveLength(SIZE);
  expect(steps).toHaveLength(SIZE);
  expect(steps.every((s) => s.status === 'done')).toBe(true);
  expect(ledger).toHaveLength(SIZE);
  expect(ledger.every((r) => r.state === 'sent')).toBe(true);
  expect(new Set(ledger.map((r) => r.journey_step_id))).toEqual(new Set(steps.map((s) => s.id)));
  expect(new Set(runs.map((r) => r.last_message_id))).toEqual(new Set(ledger.map((r) => r.id)));
  // Every customer got the e-mail, and a customer's repeats carry the same Message-ID.
  expect(idsPerAddress.size).toBe(SIZE);
  expect([...idsPerAddress.values()].filter((ids) => ids.size > 1)).toHaveLength(0);
  expect(perId.size).toBe(SIZE);
  // Only messages in flight at a kill can repeat: at most the effects made but not yet recorded per kill.
  expect(repeats).toBeLessThanOrEqual(kills.length * 2 * CONCURRENCY);
  // The journey's analytics count what the ledger and the steps hold: no run or message counted twice or lost.
  const analytics = await createJourneyAnalytics({ db: stack.db }).analytics(t.tenantId, journey.journeyId);
  expect(analytics.totals).toMatchObject({ entered: SIZE, active: 0, completed: SIZE, exited: 0, failed: 0 });
  expect(analytics.nodes.find((n) => n.nodeId === 'mail')).toMatchObject({ entered: SIZE, completed: SIZE, failed: 0, waiting: 0 });
  expect(analytics.sends).toEqual([expect.objectContaining({ nodeId: 'mail', messages: SIZE, sent: SIZE, failed: 0, skipped: 0 })]);
}, 900_000);
