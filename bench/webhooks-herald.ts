import { randomBytes } from 'node:crypto';
import { createDb, type Knex } from '../db/knex';
import { encryptSecret } from '../domain/webhooks/secrets';
import { webhookSettings, type WebhookSettings } from '../domain/webhooks/settings';
import { loadConfig } from '../lib/config';
import { startWorkerChild, stopChild } from './herald';

/**
 * Herald's webhook engine for the benchmarks: `herald worker` from the production build (relay +
 * dispatchers, as a deployment runs it; not this process's TypeScript-through-tsx, whose added
 * function-name helpers cost ~5 % of the dispatcher's CPU) on a task queue of its own, against the
 * benchmark database, with loopback allowed so it can reach the local receiver (development mode:
 * production refuses plain http). Events are committed straight into the outbox, as every domain
 * command does, so the figures measure relay → dispatcher → HTTP → ledger, not the API.
 */
export interface WebhookEngine {
  db: Knex;
  settings: WebhookSettings;
  /** Creates an endpoint whose secret is `whsec_` + base64(secret). */
  addEndpoint(tenantId: string, url: string, secret: Buffer, maxConcurrency: number): Promise<string>;
  /** Commits `count` customer.updated events in one statement; returns when committed. */
  commitEvents(tenantId: string, count: number): Promise<void>;
  /** Commits one event in its own transaction (as one API write does). */
  commitEvent(tenantId: string): Promise<void>;
  /** Counts succeeded deliveries of a tenant. */
  succeeded(tenantId: string): Promise<number>;
  /** How many of a tenant's deliveries succeeded, and when the last was recorded (ms since epoch; null when none). */
  successes(tenantId: string): Promise<{ count: number; lastAt: number | null }>;
  /**
   * Whether a tenant's work is drained: no event left in the relay queue and no delivery pending.
   * Cheap (a scan of the small queue and an index probe) so that polling it does not load the
   * database the engine is measured on, as counting a growing table ten times a second would.
   */
  drained(tenantId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts the worker (which starts the relay). */
export async function startWebhookEngine(databaseUrl: string): Promise<WebhookEngine> {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    TEMPORAL_TASK_QUEUE: `herald-bench-webhooks-${Date.now().toString(36)}`,
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url'),
  };
  const settings = webhookSettings(loadConfig(env));
  const db = createDb({ url: databaseUrl, poolMax: 4 });
  const worker = await startWorkerChild(env);
  const payload = JSON.stringify({
    data: { customer: { id: '00000000-0000-4000-8000-000000000000', email: 'bench@example.com', tags: ['vip'], status: 'active' } },
    actor: { type: 'system', id: null },
    requestId: null,
  });
  return {
    db,
    settings,
    async addEndpoint(tenantId, url, secret, maxConcurrency) {
      const [row] = await db('webhook_endpoints')
        .insert({
          tenant_id: tenantId,
          url,
          event_types: ['customer.*'],
          max_concurrency: maxConcurrency,
          secret_ciphertext: encryptSecret(settings.secretsKey, `whsec_${secret.toString('base64')}`),
        })
        .returning('id');
      return (row as { id: string }).id;
    },
    async commitEvents(tenantId, count) {
      await db.raw(
        "INSERT INTO events (tenant_id, type, subject_type, subject_id, payload) SELECT ?, 'customer.updated', 'customer', gen_random_uuid(), ?::jsonb FROM generate_series(1, ?)",
        [tenantId, payload, count],
      );
    },
    async commitEvent(tenantId) {
      await db('events').insert({ tenant_id: tenantId, type: 'customer.updated', subject_type: 'customer', subject_id: db.raw('gen_random_uuid()'), payload });
    },
    async succeeded(tenantId) {
      const [row] = await db('webhook_deliveries').where({ tenant_id: tenantId, status: 'succeeded' }).count<{ n: number }[]>({ n: '*' });
      return Number(row?.n ?? 0);
    },
    async successes(tenantId) {
      const [row] = await db('webhook_deliveries')
        .where({ tenant_id: tenantId, status: 'succeeded' })
        .select(db.raw('count(*)::int AS count, max(succeeded_at) AS "lastAt"'));
      return { count: Number(row?.count ?? 0), lastAt: row?.lastAt ? new Date(row.lastAt).getTime() : null };
    },
    async drained(tenantId) {
      const { rows } = await db.raw(
        `SELECT NOT EXISTS (SELECT 1 FROM event_relay_queue WHERE tenant_id = ?)
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE status = 'pending'
                              AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE tenant_id = ?)) AS drained`,
        [tenantId, tenantId],
      );
      return Boolean(rows[0]?.drained);
    },
    async close() {
      await stopChild(worker.child);
      await db.destroy();
    },
  };
}
