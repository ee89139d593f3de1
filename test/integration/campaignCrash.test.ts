import { buildTenant } from '../support/factories';
import { startWorkerProcess } from '../support/heraldProcess';
import { seedCustomers, startCampaignStack, waitFor, type CampaignStack } from './campaignHarness';

/** Audience size: the 50k by default; CAMPAIGN_CRASH_SIZE lowers it while iterating. */
const SIZE = Number(process.env.CAMPAIGN_CRASH_SIZE ?? 50_000);
const PAGE_SIZE = 200;

let stack: CampaignStack;

beforeAll(async () => {
  stack = await startCampaignStack({ withWorker: false, keepRaw: false });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

/** Starts `herald worker` as a child process sending to the test's SMTP server. */
const spawnWorker = () =>
  startWorkerProcess({
    SMTP_URL: stack.sink.url,
    PUBLIC_URL: stack.server.url,
    CAMPAIGN_PAGE_SIZE: String(PAGE_SIZE),
    CAMPAIGN_CONCURRENCY: '20',
    SMTP_POOL_SIZE: '5',
  });

it(`survives three SIGKILLs of the worker during a ${SIZE}-recipient e-mail campaign: nothing unsettled, nothing lost, repeats only with the same Message-ID`, async () => {
  const t = await buildTenant(stack.db, 'Crash tenant');
  await seedCustomers(stack.db, t.tenantId, SIZE, 'crash');
  const created = await stack.server.request('/api/v1/campaigns', {
    key: t.adminKey,
    method: 'POST',
    body: { name: 'Crash', channel: 'email', subject: 'Hi {{ firstName }}', body: '<p>Hello {{ firstName }}</p>', audience: { type: 'all' } },
  });
  const id = created.body.data.id;
  const started = Date.now();
  let worker = await spawnWorker();
  expect((await stack.server.request(`/api/v1/campaigns/${id}/send`, { key: t.adminKey, method: 'POST' })).status).toBe(202);

  const kills: Array<{ atReceived: number }> = [];
  for (const share of [0.2, 0.45, 0.7]) {
    await waitFor(async () => stack.sink.messages.length >= SIZE * share, 600_000, 20);
    await worker.kill();
    kills.push({ atReceived: stack.sink.messages.length });
    worker = await spawnWorker();
  }
  await waitFor(async () => (await stack.server.request(`/api/v1/campaigns/${id}`, { key: t.adminKey })).body.data.status === 'completed', 900_000, 500);
  const seconds = (Date.now() - started) / 1000;
  await worker.stop();

  const rows = await stack.db('campaign_recipients').where({ campaign_id: id }).select('id', 'address', 'state');
  const unsettled = rows.filter((r) => r.state === 'pending' || r.state === 'sending').length;
  const ledgerIds = new Set(rows.map((r) => `<${r.id}@herald.local>`));
  const received = stack.sink.messages.filter((m) => ledgerIds.has(m.messageId));
  const perId = new Map<string, number>();
  for (const m of received) perId.set(m.messageId, (perId.get(m.messageId) ?? 0) + 1);
  const lost = rows.filter((r) => !perId.has(`<${r.id}@herald.local>`)).length;
  const duplicates = received.length - perId.size;
  const idsPerAddress = new Map<string, Set<string>>();
  for (const m of received) idsPerAddress.set(m.to[0]!, (idsPerAddress.get(m.to[0]!) ?? new Set()).add(m.messageId));
  const addressesWithTwoIds = [...idsPerAddress.values()].filter((s) => s.size > 1).length;
  const analytics = (await stack.server.request(`/api/v1/campaigns/${id}/analytics`, { key: t.adminKey })).body.data;

  console.log(
    JSON.stringify({
      recipients: SIZE,
      seconds,
      messagesPerSecond: Math.round(SIZE / seconds),
      kills,
      received: received.length,
      unique: perId.size,
      duplicates,
      inFlightLimitPerKill: PAGE_SIZE,
      unsettled,
      lost,
      addressesWithTwoIds,
    }),
  );
  expect(rows).toHaveLength(SIZE);
  expect(unsettled).toBe(0);
  expect(lost).toBe(0);
  expect(addressesWithTwoIds).toBe(0);
  expect(duplicates).toBeLessThanOrEqual(3 * PAGE_SIZE);
  expect(analytics).toMatchObject({ recipients: SIZE, sent: SIZE, failed: 0, queued: 0, skipped: 0 });
}, 1_200_000);
