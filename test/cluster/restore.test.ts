import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { persistenceStore } from '../../scripts/services/temporalCluster';
import { seedCustomers } from '../integration/campaignHarness';
import { buildTenant, testDb } from '../support/factories';
import { freePort } from '../support/freePort';
import { startWorkerProcess, type HeraldProcess } from '../support/heraldProcess';
import { startSmtpSink, type SmtpSink } from '../support/smtpSink';
import { until } from '../support/until';
import { startApiProcess } from './clusterStack';
import { api, dropDatabases, envWith, herald, queryRows } from './restoreStack';

/**
 * Issue 21's backup and restore, as an operator runs them: `herald backup` while the API and a
 * worker run on the real Temporal server (scripts/cluster-test.sh), with a scheduled campaign (a
 * workflow waiting on a Temporal timer) and journey runs waiting on a delay step in flight; the
 * original stack is then killed, and `herald restore` puts the backup into new databases of other
 * names, served by a new Temporal server process on another port (`herald services up --cluster`
 * with its own data folder) and a new `herald serve` and `herald worker`. The data is there, and
 * the in-flight work is done once, by the restored stack only.
 */
const RESTORED_TEMPORAL_PORT = process.env.HERALD_RESTORE_TEST_PORT ?? '8033';
const RESTORED_TEMPORAL_DB = 'temporal_restore_test';
const SEEDED = 40;
const JOURNEY_ENTRIES = 5;
/** When the campaign is due and how long the journey's delay is, from the moment both are set up: past the backup. */
const CAMPAIGN_DELAY_MS = 40_000;
const JOURNEY_DELAY = '30s';

const heraldUrl = process.env.DATABASE_URL!;
const restoredHeraldUrl = `${heraldUrl}_restored`;
const restoredDatabases = [new URL(restoredHeraldUrl).pathname.slice(1), RESTORED_TEMPORAL_DB, `${RESTORED_TEMPORAL_DB}_visibility`];
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-backup-'));
/** The restored Temporal server's data folder: its pid and generated configuration, apart from the original's. */
const restoredDataDir = path.resolve(__dirname, '../../.data/restore-test');
/** Everything the restored cluster's commands see: its own port, database names and data folder. */
const restoredEnv = envWith({
  DATABASE_URL: restoredHeraldUrl,
  TEMPORAL_PORT: RESTORED_TEMPORAL_PORT,
  TEMPORAL_CLUSTER_DATABASE: RESTORED_TEMPORAL_DB,
  HERALD_DATA_DIR: restoredDataDir,
});

const processes: HeraldProcess[] = [];
const sinks: SmtpSink[] = [];
const db = testDb();

/** An API process and a worker on `env`, mail into a sink of their own. */
async function startStack(env: Record<string, string>) {
  const sink = await startSmtpSink({ keepRaw: false });
  sinks.push(sink);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const common = { ...env, PUBLIC_URL: url, SMTP_URL: sink.url, RATE_LIMIT_GENERAL_PER_MINUTE: '1000000' };
  const apiProcess = await startApiProcess({ ...common, HOST: '127.0.0.1', PORT: String(port) });
  const worker = await startWorkerProcess(common);
  processes.push(apiProcess, worker);
  return { url, sink, apiProcess, worker };
}

beforeAll(async () => {
  expect(await persistenceStore(process.env.TEMPORAL_ADDRESS!)).toBe('postgres12');
  // Leftovers of an interrupted run: its server (by the pid in its own data folder) and its databases.
  await herald(['services', 'down', '--only', 'cluster'], restoredEnv);
  await dropDatabases(heraldUrl, restoredDatabases);
}, 60_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await herald(['services', 'down', '--only', 'cluster'], restoredEnv).catch(() => undefined);
  await dropDatabases(heraldUrl, restoredDatabases);
  await Promise.all(sinks.map((s) => s.close()));
  fs.rmSync(backupDir, { recursive: true, force: true });
  await db.destroy();
}, 60_000);

it('restores a backup taken while work is in flight into a fresh cluster, and the work completes there exactly once', async () => {
  const original = await startStack({});
  const t = await buildTenant(db, 'Restore tenant');
  await seedCustomers(db, t.tenantId, SEEDED, 'restore');
  const journey = await api(original.url, t.adminKey, 'POST', '/journeys', {
    name: 'Restore welcome',
    entry: { type: 'event', event: 'Restore Ping' },
    start: 'pause',
    nodes: [
      { id: 'pause', type: 'delay', duration: JOURNEY_DELAY, next: 'welcome' },
      { id: 'welcome', type: 'send', channel: 'email', subject: 'Welcome back', body: 'Hello {{ customer.firstName }}' },
    ],
  });
  await api(original.url, t.adminKey, 'POST', `/journeys/${journey.id}/publish`);
  const campaign = await api(original.url, t.adminKey, 'POST', '/campaigns', {
    name: 'Restore scheduled',
    channel: 'email',
    subject: 'Hi {{ firstName }}',
    body: '<p>Hello {{ firstName }}</p>',
    audience: { type: 'all' },
  });
  const dueAt = new Date(Date.now() + CAMPAIGN_DELAY_MS);
  await api(original.url, t.adminKey, 'POST', `/campaigns/${campaign.id}/schedule`, { scheduledAt: dueAt.toISOString() });
  const batch = Array.from({ length: JOURNEY_ENTRIES }, (_, i) => ({ type: 'track', email: `journey${i}@example.com`, event: 'Restore Ping' }));
  await api(original.url, t.adminKey, 'POST', '/batch', { batch });
  const waiting = () => db('journey_runs').where({ journey_id: journey.id, state: 'active', node_id: 'pause' }).count<{ n: string }[]>({ n: '*' });
  await until(
    async () => Number((await waiting())[0]!.n),
    (n) => n === JOURNEY_ENTRIES,
    { timeoutMs: 30_000, everyMs: 250, label: 'journey runs to wait on the delay' },
  );
  const customers = Number((await db('customers').where({ tenant_id: t.tenantId }).count<{ n: string }[]>({ n: '*' }))[0]!.n);

  // The backup, with the API and the worker running; then the original stack is lost.
  const backupStarted = Date.now();
  await herald(['backup', backupDir], envWith({}));
  const backupMs = Date.now() - backupStarted;
  await original.worker.kill();
  await original.apiProcess.kill();
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
  expect(manifest.databases.map((d: { role: string }) => d.role)).toEqual(['temporal', 'temporal_visibility', 'herald']);
  expect(original.sink.messages).toEqual([]);

  // Restore into new databases, a new Temporal server on them, a new API and worker.
  const restoreStarted = Date.now();
  await herald(['restore', backupDir], restoredEnv);
  const services = JSON.parse((await herald(['services', 'up', '--cluster', '--json'], restoredEnv)).trim().split('\n').pop()!);
  expect(services).toMatchObject({ temporalAddress: `127.0.0.1:${RESTORED_TEMPORAL_PORT}`, started: { temporal: true } });
  expect(await persistenceStore(services.temporalAddress)).toBe('postgres12');
  const restored = await startStack({ DATABASE_URL: restoredHeraldUrl, TEMPORAL_ADDRESS: services.temporalAddress });
  const restoreMs = Date.now() - restoreStarted;

  // The data is there, served by the restored API with the tenant's key.
  const restoredCustomers = await queryRows<{ n: string }>(restoredHeraldUrl, 'SELECT count(*) AS n FROM customers WHERE tenant_id = $1', [t.tenantId]);
  expect(Number(restoredCustomers[0]!.n)).toBe(customers);
  expect((await api(restored.url, t.adminKey, 'GET', `/campaigns/${campaign.id}`)).status).toBe('scheduled');

  // The in-flight work completes on the restored stack: the campaign at its time (a timer in the restored Temporal), the journey after its delay.
  await until(
    async () => (await api(restored.url, t.adminKey, 'GET', `/campaigns/${campaign.id}`)).status as string,
    (s) => s === 'completed',
    {
      timeoutMs: 120_000,
      everyMs: 500,
      label: 'the scheduled campaign to complete after the restore',
    },
  );
  const runsEnded = () => queryRows<{ state: string }>(restoredHeraldUrl, 'SELECT state FROM journey_runs WHERE journey_id = $1', [journey.id]);
  await until(runsEnded, (rs) => rs.length === JOURNEY_ENTRIES && rs.every((r) => r.state === 'completed'), {
    timeoutMs: 120_000,
    everyMs: 500,
    label: 'the journey runs to complete after the restore',
  });

  // Exactly once: one message per ledger row, none twice, none from the original stack; the original database untouched.
  const ledger = await queryRows<{ id: string }>(restoredHeraldUrl, 'SELECT id FROM campaign_recipients WHERE campaign_id = $1', [campaign.id]);
  const ledgerIds = new Set(ledger.map((r) => `<${r.id}@herald.local>`));
  const received = restored.sink.messages.filter((m) => ledgerIds.has(m.messageId));
  const journeyMails = restored.sink.messages.filter((m) => !ledgerIds.has(m.messageId));
  console.log(
    JSON.stringify({
      backupMs,
      restoreMs,
      customers,
      ledger: ledger.length,
      received: received.length,
      journeyMails: journeyMails.length,
      dump: manifest.databases,
    }),
  );
  // The campaign's audience is every customer, the journey's included.
  expect(ledger).toHaveLength(customers);
  expect(received.map((m) => m.messageId).sort()).toEqual([...ledgerIds].sort());
  expect(journeyMails.map((m) => m.to[0]).sort()).toEqual(batch.map((b) => b.email).sort());
  expect(original.sink.messages).toEqual([]);
  const [originalCampaign] = await db('campaigns').where({ id: campaign.id }).select('status');
  expect(originalCampaign.status).toBe('scheduled');
  expect(Number((await db('journey_runs').where({ journey_id: journey.id, state: 'active' }).count<{ n: string }[]>({ n: '*' }))[0]!.n)).toBe(JOURNEY_ENTRIES);
}, 300_000);
