import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Channels } from '../channels/types';
import type { Principal } from '../domain/tenants/types';
import { createLogger } from '../lib/logger';
import { createHeraldWorker } from '../temporal/worker';
import { createBenchTenant, createDatabase, dropDatabase, migrate, openBenchServer, startHeraldInProcess, type InProcessHerald } from './herald';

/**
 * What the campaign benchmarks share: a database of their own, Herald's API and Herald's real
 * Temporal worker in this process (on a task queue of their own), customers seeded by SQL, and
 * one campaign run end to end — from `send` to `completed` — timed.
 */
export interface CampaignBench {
  herald: InProcessHerald;
  tenantId: string;
  /** The tenant's first admin key (for benchmarks that drive the API). */
  key: string;
  /** Creates a campaign to every seeded customer and times it from the send command to `completed`. */
  runCampaign(channel: 'email' | 'sms', body: Record<string, unknown>): Promise<{ seconds: number; sent: number; id: string }>;
  close(): Promise<void>;
}

/** Sets up the database, API, tenant and `count` customers, and a worker using `channels`. */
export async function openCampaignBench(
  bench: string,
  count: number,
  channels: Channels,
  worker: { pageSize: number; concurrency: number },
): Promise<CampaignBench> {
  const server = await openBenchServer(bench);
  const database = `herald_bench_${bench.replace(/-/g, '_')}`;
  await dropDatabase(server, database);
  await createDatabase(server, database);
  const url = server.urlFor(database);
  await migrate(url);
  process.env.TEMPORAL_TASK_QUEUE = `bench-${bench}-${process.pid}`;
  const herald = await startHeraldInProcess(url);
  const { db } = herald.runtime;
  const { tenantId, key } = await createBenchTenant(db, bench);
  await db.raw(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, phone)
     SELECT ?, 'Cust' || g, 'N', 'Cust' || g || ' N', 'c' || g || '@example.com', '+1555' || lpad(g::text, 7, '0') FROM generate_series(1, ?) g`,
    [tenantId, count],
  );
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // installed already
  }
  const settings = { address: herald.config.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', namespace: 'default', taskQueue: process.env.TEMPORAL_TASK_QUEUE };
  const messaging = { channels, publicUrl: herald.url, trackingSecret: herald.config.TRACKING_SECRET, ...worker };
  const { worker: w, connection } = await createHeraldWorker(settings, { db, logger: createLogger('silent'), messaging });
  const running = w.run();
  const ctx = { principal: { tenantId, role: 'admin', actorType: 'api_key', actorId: 'bench' } as Principal };
  return {
    herald,
    tenantId,
    key,
    async runCampaign(channel, body) {
      const campaign = await herald.runtime.domain.campaigns.create(ctx, {
        name: `${bench} ${Date.now()}`,
        channel,
        audience: { type: 'all' },
        body: String(body.body),
        subject: body.subject as string | undefined,
      });
      const started = performance.now();
      await herald.runtime.domain.campaigns.send(ctx, campaign.id);
      for (;;) {
        const row = await db('campaigns').where({ id: campaign.id }).first('status');
        if (row.status === 'completed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - started) / 1000;
      const a = await herald.runtime.domain.campaigns.analytics(tenantId, campaign.id);
      return { seconds, sent: a.sent, id: campaign.id };
    },
    async close() {
      w.shutdown();
      await running;
      await connection.close();
      await herald.close();
      await dropDatabase(server, database);
      await server.close();
    },
  };
}
