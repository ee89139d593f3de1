import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildTenant } from '../support/factories';
import { webhookHarness } from '../support/webhookHarness';
import { until } from '../support/webhookReceiver';

/**
 * Killing the worker mid-burst loses nothing. `herald worker` runs as a child process (no worker
 * in this process, so the child does all the work); while 200 events are being delivered to a
 * slowish receiver it is killed with SIGKILL — no graceful shutdown, leases held, activities
 * mid-flight — then started again. Every event must arrive, verified, and any repeat must carry
 * the webhook-id it had before (only deliveries in flight at the kill may repeat).
 */

const root = path.resolve(__dirname, '../..');

/** Starts `herald worker` on the run's database and task queue; resolves once it is polling. */
function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/herald'), 'worker'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('webhook delivery across a worker crash', () => {
  const h = webhookHarness({ worker: false });
  let worker: ChildProcess | undefined;

  afterAll(async () => {
    // Workflows left on the queue are picked up by whichever worker polls next; nothing to drain.
    if (worker) await Promise.race([killed(worker, 'SIGKILL'), new Promise((res) => setTimeout(res, 5000))]);
  });

  it('delivers every event after SIGKILL mid-burst and a restart', async () => {
    worker = await startWorkerProcess();
    const t = await buildTenant(h.db);
    const { r, endpoint } = await h.endpointWithReceiver(t, { maxConcurrency: 5 });
    r.setBehaviour(() => ({ status: 204, delayMs: 30 }));
    const total = 200;
    const creating = (async () => {
      for (let i = 0; i < total; i += 10) await Promise.all(Array.from({ length: 10 }, () => h.newCustomer(t)));
    })();
    await until(() => r.requests.length, (n) => n >= 40, 60_000);
    await killed(worker, 'SIGKILL');
    const atKill = r.acceptedIds().size;
    await creating;
    expect(atKill).toBeLessThan(total);
    await new Promise((res) => setTimeout(res, 1000));
    expect(r.requests.length - atKill).toBeLessThanOrEqual(10);

    worker = await startWorkerProcess();
    const accepted = await until(() => r.acceptedIds(), (ids) => ids.size >= total, 120_000);
    expect(accepted.size).toBe(total);
    expect(r.unverified()).toEqual([]);
    const deliveries = await h.db('webhook_deliveries').where({ endpoint_id: endpoint.id });
    expect(deliveries).toHaveLength(total);
    expect(new Set(deliveries.map((d) => d.id))).toEqual(accepted);
    const repeats = r.requests.length - accepted.size;
    console.log(`SIGKILL after ${atKill} of ${total} deliveries; ${repeats} repeated (same webhook-id) after the restart`);
    expect(repeats).toBeLessThanOrEqual(2 * 5 + 5);
  }, 200_000);
});
