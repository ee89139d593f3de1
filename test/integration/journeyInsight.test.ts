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
    await insertRun(db, { tenantId: b.tenantId, journeyId: bJourney, versionId: bVersion.id, customerId: bCustomer, nodeId: 'x', enteredAt: base });
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
});
