import type { Knex } from 'knex';
import { ledgerCounts } from '../../domain/campaigns/ledger';
import { toAnalytics } from '../../domain/campaigns/reports';
import { buildCustomer, buildTenant, testDb } from '../support/factories';
import { insertJourney, insertRun, insertVersion } from '../support/journeysInsight';
import { buildWelcomeScenario, type WelcomeScenario } from '../support/journeysInsightScenario';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Journey insight (issue 17): analytics per version, run lists, a run's step log and a customer's
 * runs, over rows written directly (test/support/journeysInsightScenario.ts tells each run's story)
 * so every number is known: two versions whose node ids overlap, one run moved between them, and
 * the ledger rows of every send. Nothing here is counted twice or across versions.
 */
describe('journey insight', () => {
  let server: TestServer;
  let db: Knex;
  type Tenant = { tenantId: string; adminKey: string };
  let a: Tenant;
  let b: Tenant;
  let s: WelcomeScenario;
  let bJourney: string;
  let bCustomer: string;
  let bRun: string;
  let draftJourney: string;
  const base = new Date('2026-12-01T08:00:00Z');

  const get = (t: Tenant, path: string) => server.request(`/api/v1${path}`, { key: t.adminKey });
  const ok = async (t: Tenant, path: string) => {
    const res = await get(t, path);
    if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const zero = { entered: 0, waiting: 0, completed: 0, failed: 0, exited: 0, exitedByReason: {}, runsCompleted: 0, runsFailed: 0 };
  const noMail = { messages: 0, queued: 0, deferred: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, unsubscribed: 0, failed: 0, skipped: 0, cancelled: 0 };
  const next = (from: string, to: string, taken: number) => ({ from, to, via: [{ kind: 'next', name: null, index: null }], taken });

  beforeAll(async () => {
    db = testDb();
    server = await startTestServer();
    a = await buildTenant(db, 'Insight A');
    b = await buildTenant(db, 'Insight B');
    s = await buildWelcomeScenario(db, a.tenantId, base);
    draftJourney = await insertJourney(db, a.tenantId, 'Never published', 'draft');
    bCustomer = await buildCustomer(db, b.tenantId);
    bJourney = await insertJourney(db, b.tenantId, 'B journey');
    const bVersion = await insertVersion(db, b.tenantId, bJourney, 1, {
      entry: { type: 'segment', segmentId: bCustomer },
      start: 'x',
      nodes: [{ id: 'x', type: 'exit' }],
    });
    bRun = await insertRun(db, { tenantId: b.tenantId, journeyId: bJourney, versionId: bVersion.id, customerId: bCustomer, nodeId: 'x', enteredAt: base });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  it('counts version 1 per node, edge, send node and goal, including the steps of a run that later moved to version 2', async () => {
    const { data } = await ok(a, `/journeys/${s.journeyId}/analytics?version=1`);
    expect(data.version).toEqual({ number: 1, id: s.v1.id, publishedAt: expect.any(String), current: false });
    expect(data.versions).toEqual([1, 2]);
    expect(data.totals).toEqual({ entered: 9, active: 3, completed: 0, exited: 5, failed: 1 });
    expect(data.nodes).toEqual([
      { ...zero, nodeId: 'welcome', type: 'send', name: null, entered: 10, completed: 8, failed: 1, waiting: 1, runsFailed: 1 },
      {
        ...zero,
        nodeId: 'wait',
        type: 'wait_for_event',
        name: null,
        entered: 7,
        completed: 4,
        waiting: 1,
        exited: 2,
        exitedByReason: { exit_rule: 1, converted: 1 },
      },
      { ...zero, nodeId: 'thanks', type: 'update_customer', name: null, entered: 1, completed: 1 },
      { ...zero, nodeId: 'split', type: 'branch', name: null, entered: 3, completed: 3 },
      { ...zero, nodeId: 'sms', type: 'send', name: null, entered: 2, completed: 1, waiting: 1 },
      { ...zero, nodeId: 'reminder', type: 'send', name: null, entered: 1, failed: 1 },
      { ...zero, nodeId: 'done', type: 'exit', name: null, entered: 3, completed: 3, exited: 3, exitedByReason: { exit_node: 3 } },
    ]);
    expect(data.edges).toEqual([
      next('welcome', 'wait', 8),
      next('wait', 'thanks', 1),
      { from: 'wait', to: 'split', via: [{ kind: 'timeout', name: null, index: null }], taken: 3 },
      next('thanks', 'done', 1),
      {
        from: 'split',
        to: 'sms',
        via: [
          { kind: 'branch', name: 'vip', index: 0 },
          { kind: 'branch', name: 'has phone', index: 1 },
        ],
        taken: 2,
      },
      { from: 'split', to: 'reminder', via: [{ kind: 'else', name: null, index: null }], taken: 1 },
      next('sms', 'done', 1),
      next('reminder', 'done', 1),
    ]);
    expect(data.sends).toEqual([
      {
        ...noMail,
        nodeId: 'welcome',
        channel: 'email',
        campaignId: s.v1.sendCampaigns.welcome,
        messages: 9,
        queued: 1,
        sent: 7,
        delivered: 3,
        opened: 4,
        clicked: 1,
        unsubscribed: 1,
        skipped: 1,
      },
      { ...noMail, nodeId: 'sms', channel: 'sms', campaignId: s.v1.sendCampaigns.sms, messages: 2, deferred: 1, sent: 1, delivered: 1 },
      { ...noMail, nodeId: 'reminder', channel: 'email', campaignId: s.v1.sendCampaigns.reminder, messages: 1, failed: 1 },
    ]);
    expect(data.goal).toEqual({
      entered: 9,
      converted: 5,
      conversionRate: 0.5556,
      bySendNode: [
        { nodeId: 'welcome', conversions: 3 },
        { nodeId: 'sms', conversions: 1 },
        { nodeId: 'reminder', conversions: 0 },
      ],
      unattributed: 1,
    });
  });

  it('counts the current version (2) by default, never adding version 1 to its overlapping node ids', async () => {
    const { data } = await ok(a, `/journeys/${s.journeyId}/analytics`);
    expect(data.version).toMatchObject({ number: 2, id: s.v2.id, current: true });
    expect((await ok(a, `/journeys/${s.journeyId}/analytics?version=2`)).data).toEqual({ ...data, asOf: expect.any(String) });
    expect(data.totals).toEqual({ entered: 3, active: 2, completed: 1, exited: 0, failed: 0 });
    expect(data.nodes).toEqual([
      { ...zero, nodeId: 'welcome', type: 'send', name: null, entered: 2, completed: 2 },
      { ...zero, nodeId: 'delay', type: 'delay', name: null, entered: 3, completed: 1, waiting: 2 },
      { ...zero, nodeId: 'final', type: 'send', name: null, entered: 1, completed: 1, runsCompleted: 1 },
    ]);
    expect(data.edges).toEqual([next('welcome', 'delay', 2), next('delay', 'final', 1)]);
    expect(data.sends).toEqual([
      { ...noMail, nodeId: 'welcome', channel: 'email', campaignId: s.v2.sendCampaigns.welcome, messages: 2, sent: 2, delivered: 1, opened: 1 },
      { ...noMail, nodeId: 'final', channel: 'sms', campaignId: s.v2.sendCampaigns.final, messages: 1, sent: 1 },
    ]);
    // s3 converted on the email version 1 sent it: converted here (its run is on version 2), attributed to no node of version 2.
    expect(data.goal).toEqual({
      entered: 3,
      converted: 1,
      conversionRate: 0.3333,
      bySendNode: [
        { nodeId: 'welcome', conversions: 0 },
        { nodeId: 'final', conversions: 0 },
      ],
      unattributed: 1,
    });
  });

  it('equals the ledger: each send node counts what its campaign ledger holds, and steps count every visit', async () => {
    for (const version of [1, 2]) {
      const { data } = await ok(a, `/journeys/${s.journeyId}/analytics?version=${version}`);
      const campaigns = version === 1 ? s.v1.sendCampaigns : s.v2.sendCampaigns;
      for (const send of data.sends) {
        const campaign = await db('campaigns').where({ id: campaigns[send.nodeId] }).first();
        const ledger = toAnalytics(campaign, await ledgerCounts(db, a.tenantId, campaign.id));
        const { nodeId: _n, channel: _c, campaignId: _id, messages, queued, ...counts } = send;
        expect({ messages, queued, ...counts }).toEqual({
          messages: ledger.recipients,
          queued: ledger.queued,
          deferred: ledger.deferred,
          sent: ledger.sent,
          delivered: ledger.delivered,
          opened: ledger.opened,
          clicked: ledger.clicked,
          unsubscribed: ledger.unsubscribed,
          failed: ledger.failed,
          skipped: ledger.skipped,
          cancelled: ledger.cancelled,
        });
      }
      const versionId = version === 1 ? s.v1.id : s.v2.id;
      const steps = Number((await db('journey_steps').where({ version_id: versionId }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
      expect(data.nodes.reduce((sum: number, n: { entered: number }) => sum + n.entered, 0)).toBe(steps);
      const runs = Number((await db('journey_runs').where({ version_id: versionId }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
      expect(data.totals.entered).toBe(runs);
    }
  });

  it('answers 404 for a version that does not exist, a journey never published, and another tenant’s journey; 400 for a bad version', async () => {
    expect((await get(a, `/journeys/${s.journeyId}/analytics?version=3`)).status).toBe(404);
    expect((await get(a, `/journeys/${draftJourney}/analytics`)).body.error.code).toBe('not_found');
    expect((await get(b, `/journeys/${s.journeyId}/analytics`)).status).toBe(404);
    expect((await get(b, `/journeys/${s.journeyId}/analytics?version=1`)).status).toBe(404);
    expect((await get(a, `/journeys/${bJourney}/analytics`)).status).toBe(404);
    expect((await get(a, `/journeys/${s.journeyId}/analytics?version=0`)).status).toBe(400);
    expect((await get(a, `/journeys/${s.journeyId}/analytics?version=one`)).status).toBe(400);
    expect((await get(a, `/journeys/not-a-uuid/analytics`)).status).toBe(400);
  });

  /** Every page of a list, following nextCursor; checks the pages neither overlap nor skip. */
  const walk = async (t: Tenant, path: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: { data: Array<{ id: string }>; pagination: { nextCursor: string | null } } = await ok(t, `${path}${cursor ? `${sep}cursor=${cursor}` : ''}`);
      ids.push(...page.data.map((r) => r.id));
      cursor = page.pagination.nextCursor;
    } while (cursor);
    return ids;
  };

  it("lists a journey's runs newest first, filtered by node, state, customer and version, paged by keyset cursors", async () => {
    const { runs, customers } = s;
    const all = await ok(a, `/journeys/${s.journeyId}/runs`);
    expect(all.data.map((r: { id: string }) => r.id)).toEqual(s.newestFirst);
    expect(all.pagination).toMatchObject({ total: 12, totalExact: true, hasNext: false, nextCursor: null });
    expect(all.data.find((r: { id: string }) => r.id === runs.r5)).toEqual({
      id: runs.r5,
      journeyId: s.journeyId,
      journeyName: 'Welcome series',
      version: 1,
      customerId: customers[4],
      state: 'exited',
      nodeId: 'wait',
      visit: 1,
      entryKey: null,
      dueAt: null,
      steps: 2,
      enteredAt: '2026-12-01T12:00:00.000Z',
      endedAt: '2026-12-01T12:01:00.000Z',
      endReason: 'exit_rule',
      convertedAt: null,
      updatedAt: expect.any(String),
    });
    const ids = async (query: string) => (await ok(a, `/journeys/${s.journeyId}/runs?${query}`)).data.map((r: { id: string }) => r.id);
    expect(await ids('state=active')).toEqual([runs.s3, runs.s2, runs.r7, runs.r6, runs.r3]);
    expect(await ids('node=wait')).toEqual([runs.r9, runs.r5, runs.r3]);
    expect(await ids('node=wait&state=active')).toEqual([runs.r3]);
    expect(await ids(`customerId=${customers[1]}`)).toEqual([runs.s3, runs.r8, runs.r2]);
    expect(await ids('version=2')).toEqual([runs.s3, runs.s2, runs.s1]);
    expect(await ids('version=1&state=exited&node=done')).toEqual([runs.r4, runs.r2, runs.r1]);
    expect(await ids('sortOrder=asc&limit=3')).toEqual([runs.r1, runs.r2, runs.r3]);
    expect(await walk(a, `/journeys/${s.journeyId}/runs?limit=5`)).toEqual(s.newestFirst);
    expect(await walk(a, `/journeys/${s.journeyId}/runs?limit=2&sortOrder=asc&state=exited`)).toEqual([runs.r1, runs.r2, runs.r4, runs.r5, runs.r9]);
    expect(await ids(`node=nowhere`)).toEqual([]);
    expect(await ids(`customerId=${bCustomer}`)).toEqual([]);

    expect((await get(a, `/journeys/${s.journeyId}/runs?version=7`)).status).toBe(404);
    expect((await get(a, `/journeys/${s.journeyId}/runs?state=paused`)).status).toBe(400);
    expect((await get(a, `/journeys/${s.journeyId}/runs?node=not%20an%20id`)).status).toBe(400);
    expect((await get(a, `/journeys/${s.journeyId}/runs?cursor=bm9wZQ`)).status).toBe(400);
    expect((await get(b, `/journeys/${s.journeyId}/runs`)).status).toBe(404);
  });

  it('shows a run with its trigger and step log: each step, when, where it went and why, and the message a send step sent', async () => {
    const { data } = await ok(a, `/journeys/${s.journeyId}/runs/${s.runs.r2}`);
    expect(data).toMatchObject({
      id: s.runs.r2,
      version: 1,
      state: 'exited',
      endReason: 'exit_node',
      convertedAt: '2026-12-01T09:30:00.000Z',
      convertedMessageId: s.messages['r2.sms'],
      lastMessageId: s.messages['r2.sms'],
      trigger: { kind: 'event', eventId: null, name: 'Signed Up', properties: { plan: 'pro' }, occurredAt: '2026-12-01T09:00:00.000Z' },
      waitingFor: null,
      context: {},
      migration: null,
      stepsOmitted: 0,
    });
    expect(
      data.stepLog.map((st: { nodeId: string; kind: string; status: string; nextNodeId: string | null; visit: number; version: number }) => [
        st.nodeId,
        st.kind,
        st.status,
        st.nextNodeId,
        st.visit,
        st.version,
      ]),
    ).toEqual([
      ['welcome', 'send', 'done', 'wait', 1, 1],
      ['wait', 'wait_for_event', 'done', 'split', 1, 1],
      ['split', 'branch', 'done', 'sms', 1, 1],
      ['sms', 'send', 'done', 'done', 1, 1],
      ['done', 'exit', 'done', null, 1, 1],
    ]);
    const [welcome, , split, sms, exit] = data.stepLog;
    expect(split).toMatchObject({
      detail: { branch: 'vip', index: 0 },
      message: null,
      startedAt: '2026-12-01T09:02:00.000Z',
      finishedAt: '2026-12-01T09:02:30.000Z',
    });
    expect(welcome.message).toEqual({
      id: s.messages['r2.welcome'],
      campaignId: s.v1.sendCampaigns.welcome,
      channel: 'email',
      address: 'someone@example.com',
      state: 'sent',
      skipReason: null,
      error: null,
      attempts: 1,
      nextAttemptAt: null,
      deferredReason: null,
      sentAt: expect.any(String),
      deliveredAt: null,
      openedAt: expect.any(String),
      clickedAt: null,
      unsubscribedAt: null,
    });
    expect(sms.message).toMatchObject({ id: s.messages['r2.sms'], channel: 'sms', state: 'delivered', deliveredAt: expect.any(String) });
    expect(exit.message).toBeNull();

    // A held SMS: the step waits, its ledger row says why and until when.
    const held = (await ok(a, `/journeys/${s.journeyId}/runs/${s.runs.r6}`)).data.stepLog[3];
    expect(held).toMatchObject({ nodeId: 'sms', status: 'waiting', finishedAt: null, message: { state: 'pending', deferredReason: 'quiet_hours' } });
    expect(held.message.nextAttemptAt).toEqual(expect.any(String));
    // A skipped send and a failed one keep their reasons.
    expect((await ok(a, `/journeys/${s.journeyId}/runs/${s.runs.r5}`)).data.stepLog[0].message).toMatchObject({ state: 'skipped', skipReason: 'no_consent' });
    expect((await ok(a, `/journeys/${s.journeyId}/runs/${s.runs.r4}`)).data.stepLog[3]).toMatchObject({
      status: 'failed',
      message: { state: 'failed', error: 'mailbox unavailable' },
    });
    // The run moved from version 1: its log shows each step under the version that ran it.
    const moved = (await ok(a, `/journeys/${s.journeyId}/runs/${s.runs.s3}`)).data;
    expect(moved.stepLog.map((st: { nodeId: string; version: number }) => [st.nodeId, st.version])).toEqual([
      ['welcome', 1],
      ['delay', 2],
    ]);
    expect(moved).toMatchObject({ version: 2, nodeId: 'delay', state: 'active' });
  });

  it('shows the latest 500 steps of a run that looped, oldest first, and how many earlier ones it left out', async () => {
    await db.raw(
      `INSERT INTO journey_steps (tenant_id, journey_id, version_id, run_id, node_id, visit, kind, status, next_node_id, started_at, finished_at)
       SELECT r.tenant_id, r.journey_id, r.version_id, r.id, 'x', v, 'exit', 'done', NULL, ?::timestamptz + v * interval '1 second', ?::timestamptz + v * interval '1 second'
         FROM journey_runs r, generate_series(1, 503) AS v WHERE r.id = ?`,
      [base, base, bRun],
    );
    const { data } = await ok(b, `/journeys/${bJourney}/runs/${bRun}`);
    expect(data.stepLog).toHaveLength(500);
    expect([data.stepLog[0].visit, data.stepLog[499].visit, data.stepsOmitted]).toEqual([4, 503, 3]);
  });

  it('answers 404 for a run of another journey or tenant, and for an unknown run', async () => {
    expect((await get(a, `/journeys/${s.otherJourneyId}/runs/${s.runs.r1}`)).status).toBe(404);
    expect((await get(b, `/journeys/${s.journeyId}/runs/${s.runs.r1}`)).status).toBe(404);
    expect((await get(b, `/journeys/${bJourney}/runs/${s.runs.r1}`)).status).toBe(404);
    const unknown = await get(a, `/journeys/${s.journeyId}/runs/00000000-0000-4000-8000-000000000000`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    expect((await get(a, `/journeys/${s.journeyId}/runs/not-a-uuid`)).status).toBe(400);
  });

  it("lists a customer's runs across journeys, newest first, paged; 404 for another tenant's or an unknown customer", async () => {
    const c2 = s.customers[1];
    const { data, pagination } = await ok(a, `/customers/${c2}/journeys`);
    expect(data.map((r: { id: string; journeyName: string; version: number }) => [r.id, r.journeyName, r.version])).toEqual([
      [s.runs.other, 'Order follow-up', 1],
      [s.runs.s3, 'Welcome series', 2],
      [s.runs.r8, 'Welcome series', 1],
      [s.runs.r2, 'Welcome series', 1],
    ]);
    expect(pagination).toMatchObject({ total: 4, hasNext: false });
    expect(await walk(a, `/customers/${c2}/journeys?limit=1`)).toEqual(data.map((r: { id: string }) => r.id));
    expect((await ok(a, `/customers/${c2}/journeys?state=active&journeyId=${s.journeyId}`)).data.map((r: { id: string }) => r.id)).toEqual([s.runs.s3]);
    expect((await get(b, `/customers/${c2}/journeys`)).status).toBe(404);
    expect((await get(a, `/customers/${bCustomer}/journeys`)).status).toBe(404);
    expect((await ok(b, `/customers/${bCustomer}/journeys`)).data).toHaveLength(1);
    await db('customers').where({ id: s.customers[5] }).update({ deleted_at: new Date() });
    expect((await get(a, `/customers/${s.customers[5]}/journeys`)).status).toBe(404);
  });
});
