import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createDb, type Knex } from '../../db/knex';
import { migrateLatest } from '../../db/migrate';
import { buildTenant } from '../support/factories';
import { withDatabase } from '../support/globalSetup';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWebhookReceiver, until, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * Killing the worker mid-burst loses nothing. `herald worker` runs as a child process (no worker
 * in this process, so the child does all the work); while 200 events are being delivered to a
 * slowish receiver it is killed with SIGKILL — no graceful shutdown, leases held, activities
 * mid-flight — then started again. Every event must arrive, verified, and any repeat must carry
 * the webhook-id it had before (only deliveries in flight at the kill may repeat).
 *
 * The suite has a database and a task queue of its own, so no other suite's worker (they share
 * the run's queue) can take over the work while the child is dead.
 */

const root = path.resolve(__dirname, '../..');

/** Starts `herald worker` on the run's database and task queue; resolves once it is polling. */
function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/herald'), 'worker'], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code}):\n${output}`)));
    const onData = (c: Buffer) => {
      output += c.toString();
      if (output.includes('worker running')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

const killed = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

/** Runs one statement on the run's database (CREATE/DROP DATABASE). */
async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('webhook delivery across a worker crash', () => {
  const database = `herald_crash_${Date.now().toString(36)}_${process.pid}`;
  const env = { DATABASE_URL: withDatabase(process.env.DATABASE_URL!, database), TEMPORAL_TASK_QUEUE: `${process.env.TEMPORAL_TASK_QUEUE}-crash`, RATE_LIMIT_GENERAL_PER_MINUTE: '1000000' };
  let db: Knex;
  let server: TestServer;
  let worker: ChildProcess | undefined;
  let r: WebhookReceiver;

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${database}"`);
    db = createDb({ url: env.DATABASE_URL, poolMax: 3 });
    await migrateLatest(db);
    server = await startTestServer(env);
    r = await startWebhookReceiver();
  });

  afterAll(async () => {
    // Workflows left on the suite's queue die with it; nothing to drain.
    if (worker) await Promise.race([killed(worker, 'SIGKILL'), new Promise((res) => setTimeout(res, 5000))]);
    await r?.close();
    await server?.close();
    await db?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it('delivers every event after SIGKILL mid-burst and a restart', async () => {
    worker = await startWorkerProcess(env);
    const t = await buildTenant(db);
    const endpoint = (await server.request('/api/v1/webhooks', { method: 'POST', key: t.adminKey, body: { url: r.url, events: ['customer.*'], maxConcurrency: 5 } })).body.data;
    r.setSecrets([{ secret: endpoint.secret }]);
    const newCustomer = () => server.request('/api/v1/customers', { method: 'POST', key: t.adminKey, body: { firstName: 'Crash', lastName: Math.random().toString(36).slice(2, 10) } });
    r.setBehaviour(() => ({ status: 204, delayMs: 30 }));
    const total = 200;
    const creating = (async () => {
      for (let i = 0; i < total; i += 10) await Promise.all(Array.from({ length: 10 }, () => newCustomer()));
    })();
    await until(() => r.requests.length, (n) => n >= 40, 60_000);
    await killed(worker, 'SIGKILL');
    const atKill = r.acceptedIds().size;
    await creating;
    expect(atKill).toBeLessThan(total);
    await new Promise((res) => setTimeout(res, 1000));
    expect(r.requests.length - atKill).toBeLessThanOrEqual(10);

    worker = await startWorkerProcess(env);
    const accepted = await until(() => r.acceptedIds(), (ids) => ids.size >= total, 120_000);
    expect(accepted.size).toBe(total);
    expect(r.unverified()).toEqual([]);
    const deliveries = await db('webhook_deliveries').where({ endpoint_id: endpoint.id });
    expect(deliveries).toHaveLength(total);
    expect(new Set(deliveries.map((d) => d.id))).toEqual(accepted);
    const repeats = r.requests.length - accepted.size;
    console.log(`SIGKILL after ${atKill} of ${total} deliveries; ${repeats} repeated (same webhook-id) after the restart`);
    expect(repeats).toBeLessThanOrEqual(2 * 5 + 5);
  }, 200_000);
});
