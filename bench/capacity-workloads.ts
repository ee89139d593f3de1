import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import type { Knex } from '../db/knex';
import { startSegmentRefresh } from '../domain/segments/lifecycle';
import type { Principal } from '../domain/tenants/types';
import { encryptSecret } from '../domain/webhooks/secrets';
import { webhookSettings } from '../domain/webhooks/settings';
import type { SmtpSink } from '../test/support/smtpSink';
import { segmentRefreshWorkflowId } from '../workflows/segmentRefresh';
import { createBenchTenant, type InProcessHerald } from './herald';
import { api, publishJourney } from './journeys-api';
import { startWebhookReceiver } from './webhook-receiver';

/**
 * The worker workloads of the capacity benchmark. Each is prepared once the `herald worker`
 * processes poll (a journey's segment needs its first refresh), then run and timed; each run makes
 * new tenants, so the rounds with one and with two workers do the same work on the same kind of data.
 * Every workload is two or more independent units (two campaigns, two imports, ten endpoints), since
 * a single campaign or import runs one activity at a time and cannot use a second worker.
 */

/** What a workload needs from the stack: the in-process API (domain commands), the SMTP sink, the worker's env. */
export interface WorkloadStack {
  herald: InProcessHerald;
  sink: SmtpSink;
  /** The environment every `herald worker` of the run shares (its WEBHOOK_SECRETS_KEY encrypts endpoint secrets). */
  env: Record<string, string>;
  /** The generated upload file of the imports workload. */
  importFile: string;
}

/** A prepared workload: `run` does the work and answers how many units it completed. */
export interface PreparedWorkload {
  run(): Promise<number>;
  /** Cleans up what lives outside the database (a receiver). */
  close?(): Promise<void>;
}

/** One workload: its name, the unit it counts, any env it needs on the workers, and how to prepare it. */
export interface Workload {
  name: string;
  unit: string;
  workerEnv?: Record<string, string>;
  prepare(stack: WorkloadStack, round: number): Promise<PreparedWorkload>;
}

/** Polls `probe` every `everyMs` until it answers true; throws after `timeoutMs`. */
async function waitUntil(label: string, probe: () => Promise<boolean>, timeoutMs = 1_800_000, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(everyMs);
  }
}

/** Inserts `count` customers into a tenant by SQL (setup, not measured). */
async function seedCustomers(db: Knex, tenantId: string, count: number, tags = '{}'): Promise<void> {
  await db.raw(
    `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, phone, tags)
     SELECT ?, 'Cust' || g, 'N', 'Cust' || g || ' N', 'c' || g || '@example.com', '+1555' || lpad(g::text, 7, '0'), ?::text[] FROM generate_series(1, ?) g`,
    [tenantId, tags, count],
  );
}

const SUBJECT = 'Hello {{ customer.firstName }}';
const BODY = '<p>Hi {{ customer.firstName }}, our <a href="https://shop.example.com/sale">spring sale</a> starts today.</p>';
const adminOf = (tenantId: string): Principal => ({ tenantId, role: 'admin', actorType: 'api_key', actorId: 'bench' });

/** Two e-mail campaigns of `perCampaign` recipients each, in two tenants, sent at once; units: messages in the sink. */
export const campaigns = (perCampaign: number): Workload => ({
  name: 'campaigns',
  unit: 'messages',
  async prepare({ herald, sink }, round) {
    const { db, domain } = herald.runtime;
    const tenants = await Promise.all([0, 1].map((i) => createBenchTenant(db, `capacity campaigns ${round}.${i}`)));
    for (const t of tenants) await seedCustomers(db, t.tenantId, perCampaign);
    const created = await Promise.all(
      tenants.map((t) =>
        domain.campaigns.create(
          { principal: adminOf(t.tenantId) },
          { name: `capacity ${round}`, channel: 'email', audience: { type: 'all' }, subject: SUBJECT, body: BODY },
        ),
      ),
    );
    return {
      async run() {
        const before = sink.messages.length;
        await Promise.all(created.map((c, i) => domain.campaigns.send({ principal: adminOf(tenants[i]!.tenantId) }, c.id)));
        const ids = created.map((c) => c.id);
        await waitUntil('both campaigns completed', async () => {
          const done = await db('campaigns').whereIn('id', ids).where({ status: 'completed' }).count<{ n: string }[]>({ n: '*' });
          return Number(done[0]!.n) === ids.length;
        });
        const received = sink.messages.length - before;
        if (received !== 2 * perCampaign) throw new Error(`campaigns: sink received ${received} of ${2 * perCampaign}`);
        return received;
      },
    };
  },
});

/** `events` customer.updated events fanned out to ten endpoints (10 in flight each); units: succeeded deliveries. */
export const webhooks = (events: number): Workload => ({
  name: 'webhooks',
  unit: 'deliveries',
  // Plain http to a loopback receiver: development mode with loopback allowed, as bench/webhooks-herald.ts.
  workerEnv: { NODE_ENV: 'development', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
  async prepare({ herald }, round) {
    const { db } = herald.runtime;
    const secret = randomBytes(24);
    const receiver = await startWebhookReceiver(secret);
    const { tenantId } = await createBenchTenant(db, `capacity webhooks ${round}`);
    const key = webhookSettings(herald.config).secretsKey;
    for (let i = 0; i < 10; i++) {
      await db('webhook_endpoints').insert({
        tenant_id: tenantId,
        url: `${receiver.url}/e${i}`,
        event_types: ['customer.*'],
        max_concurrency: 10,
        secret_ciphertext: encryptSecret(key, `whsec_${secret.toString('base64')}`),
      });
    }
    const payload = JSON.stringify({
      data: { customer: { id: '00000000-0000-4000-8000-000000000000', email: 'bench@example.com' } },
      actor: { type: 'system', id: null },
      requestId: null,
    });
    const succeeded = async () =>
      Number((await db('webhook_deliveries').where({ tenant_id: tenantId, status: 'succeeded' }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
    return {
      async run() {
        await db.raw(
          "INSERT INTO events (tenant_id, type, subject_type, subject_id, payload) SELECT ?, 'customer.updated', 'customer', gen_random_uuid(), ?::jsonb FROM generate_series(1, ?)",
          [tenantId, payload, events],
        );
        await waitUntil('every delivery succeeded', async () => (await succeeded()) >= events * 10, 1_800_000, 500);
        return succeeded();
      },
      async close() {
        const counts = await receiver.close();
        if (counts.rejected > 0) throw new Error(`webhook receiver rejected ${counts.rejected} deliveries`);
      },
    };
  },
});

/** Two CSV imports of the same generated file into two tenants, uploaded at once; units: rows imported. */
export const imports = (rowsPerImport: number): Workload => ({
  name: 'imports',
  unit: 'rows',
  async prepare({ herald, importFile }, round) {
    const tenants = await Promise.all([0, 1].map((i) => createBenchTenant(herald.runtime.db, `capacity imports ${round}.${i}`)));
    const upload = async (key: string) => {
      const res = await request(`${herald.url}/api/v1/imports?fileName=capacity.csv`, {
        method: 'POST',
        body: fs.createReadStream(importFile),
        headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      const text = await res.body.text();
      if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${text.slice(0, 300)}`);
      return (JSON.parse(text) as { data: { id: string } }).data.id;
    };
    return {
      async run() {
        const ids = await Promise.all(tenants.map((t) => upload(t.key)));
        let imported = 0;
        await waitUntil('both imports finished', async () => {
          const jobs = await Promise.all(
            ids.map((id, i) => api<{ status: string; progress: { imported?: number } }>(herald.url, tenants[i]!.key, 'GET', `/api/v1/imports/${id}`)),
          );
          imported = jobs.reduce((sum, j) => sum + (j.progress.imported ?? 0), 0);
          const failed = jobs.find((j) => !['queued', 'running', 'completed'].includes(j.status));
          if (failed) throw new Error(`an import ended ${failed.status}`);
          return jobs.every((j) => j.status === 'completed');
        });
        if (imported !== 2 * rowsPerImport) throw new Error(`imports: ${imported} of ${2 * rowsPerImport} rows imported`);
        return imported;
      },
    };
  },
});

/** `customers` customers enter a segment-triggered journey (branch → send e-mail) at once; units: e-mails in the sink. */
export const journeys = (customers: number): Workload => ({
  name: 'journeys',
  unit: 'messages',
  async prepare({ herald, sink }, round) {
    const { db } = herald.runtime;
    const { tenantId, key } = await createBenchTenant(db, `capacity journeys ${round}`);
    await seedCustomers(db, tenantId, customers);
    const segment = await api<{ id: string }>(herald.url, key, 'POST', '/api/v1/segments', {
      name: 'Capacity burst',
      rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['burst'] }] },
    });
    const client = await herald.runtime.temporal.client();
    await client.workflow.getHandle(segmentRefreshWorkflowId(tenantId, segment.id)).result();
    await publishJourney(herald.url, key, `Capacity burst ${round}`, {
      entry: { type: 'segment', segmentId: segment.id },
      start: 'check',
      nodes: [
        { id: 'check', type: 'branch', branches: [{ name: 'tagged', rule: { all: [{ fact: 'tags', operator: 'hasAny', value: ['burst'] }] }, next: 'mail' }] },
        { id: 'mail', type: 'send', channel: 'email', subject: SUBJECT, body: BODY, respectQuietHours: false },
      ],
    });
    await db.raw(`UPDATE customers SET tags = array_append(tags, 'burst') WHERE tenant_id = ?`, [tenantId]);
    return {
      async run() {
        const before = sink.messages.length;
        await startSegmentRefresh(herald.runtime.temporal, tenantId, segment.id);
        await waitUntil(`${customers} journey e-mails`, async () => sink.messages.length - before >= customers);
        return sink.messages.length - before;
      },
    };
  },
});
