import type { Knex } from 'knex';
import { webhookAttemptDuration, webhookAttempts, webhookDeliveries } from '../../lib/metrics';
import { insertWebhookEvent } from './events';
import type { AttemptResult } from './ledger';
import { preparedQuery } from './prepared';
import { nextAttemptDelayMs } from './retry';
import type { WebhookSettings } from './settings';

/** Attempt rows, delivery states and cleared failure clocks of one batch ($1 rows, $2 their ids, $3 healthy endpoints). */
const SETTLE_SQL = `WITH r AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, endpoint_id uuid, id uuid, attempt int, started_at timestamptz, latency_ms int, status_code int, excerpt text, error text, status text, next_at timestamptz)
  ), attempts AS (
    INSERT INTO webhook_attempts (tenant_id, delivery_id, endpoint_id, attempt, started_at, latency_ms, status_code, response_excerpt, error)
    SELECT r.tenant_id, r.id, r.endpoint_id, r.attempt, r.started_at, r.latency_ms, r.status_code, r.excerpt, r.error FROM r
  ), healthy AS (
    UPDATE webhook_endpoints ep SET failing_since = NULL, last_success_at = now()
    FROM jsonb_to_recordset($3::jsonb) AS h(tenant_id uuid, endpoint_id uuid)
    WHERE ep.tenant_id = h.tenant_id AND ep.id = h.endpoint_id
      AND (ep.failing_since IS NOT NULL OR ep.last_success_at IS NULL OR ep.last_success_at < now() - interval '1 second')
  )
  UPDATE webhook_deliveries d SET
    attempts = greatest(d.attempts, r.attempt), status = r.status, next_attempt_at = coalesce(r.next_at, d.next_attempt_at),
    last_attempt_at = r.started_at, last_status_code = r.status_code, last_error = r.error,
    succeeded_at = CASE WHEN r.status = 'succeeded' THEN now() ELSE d.succeeded_at END
  FROM r WHERE d.id = ANY($2::uuid[]) AND d.id = r.id AND d.tenant_id = r.tenant_id AND d.endpoint_id = r.endpoint_id AND d.status <> 'succeeded'`;

const isSuccess = (code: number | null) => code !== null && code >= 200 && code < 300;

/**
 * Settles a batch of attempts — of any endpoints and tenants, so a worker sending to many
 * endpoints writes its ledger in one statement per batch rather than one per endpoint: one
 * attempt row each, and the delivery's next state — succeeded on 2xx; kept pending on 410 (the
 * endpoint is disabled, the event kept); otherwise retried per the schedule (or Retry-After)
 * until it runs out, then failed. Then each endpoint's failure clock: a success clears it;
 * failures start it, and once it has run for the configured window (or on 410) the endpoint is
 * disabled and `endpoint.disabled` emitted. Every row is matched on its own tenant.
 */
export async function settleAttempts(db: Knex, settings: WebhookSettings, results: AttemptResult[]): Promise<void> {
  if (!results.length) return;
  const now = Date.now();
  const endpoints = new Map<string, { tenantId: string; endpointId: string; success: boolean; gone: boolean }>();
  const rows = results.map((r) => {
    const ep = endpoints.get(r.endpointId) ?? { tenantId: r.tenantId, endpointId: r.endpointId, success: false, gone: false };
    endpoints.set(r.endpointId, ep);
    let status = 'pending';
    let next: number | null = null;
    if (isSuccess(r.statusCode)) {
      status = 'succeeded';
      ep.success = true;
    } else if (r.statusCode === 410) {
      next = now;
      ep.gone = true;
    } else {
      const delay = nextAttemptDelayMs(settings.retryScheduleMs, r.attempt, r.statusCode === 429 || r.statusCode === 503 ? r.retryAfterMs : null);
      if (delay === null) status = 'failed';
      else next = now + delay;
    }
    return {
      tenant_id: r.tenantId,
      endpoint_id: r.endpointId,
      id: r.deliveryId,
      attempt: r.attempt,
      started_at: r.startedAt.toISOString(),
      latency_ms: Math.round(r.latencyMs),
      status_code: r.statusCode,
      excerpt: r.responseExcerpt,
      error: r.error,
      status,
      next_at: next === null ? null : new Date(next).toISOString(),
    };
  });
  const healthy = [...endpoints.values()].filter((e) => e.success && !e.gone);
  // One prepared statement (atomic without a transaction, one round trip): attempt rows, delivery
  // states, and the failure clock cleared for endpoints with a success (at most once a second).
  // The id list lets the planner fetch the deliveries by primary key whatever it thinks of the
  // table's size (joined to the JSON rows alone it scans a small or freshly grown table whole).
  const ids = results.map((r) => r.deliveryId);
  await preparedQuery(db, 'herald_webhook_settle', SETTLE_SQL, [
    JSON.stringify(rows),
    ids,
    JSON.stringify(healthy.map((e) => ({ tenant_id: e.tenantId, endpoint_id: e.endpointId }))),
  ]);
  countAttempts(results, rows);
  for (const ep of endpoints.values()) {
    if (!ep.success || ep.gone) await recordFailure(db, settings, ep, now);
  }
}

/** Counts a settled batch (attempts by result, their latency, deliveries that reached a final state). */
function countAttempts(results: AttemptResult[], rows: Array<{ status: string }>): void {
  results.forEach((r, i) => {
    webhookAttempts.inc({ result: isSuccess(r.statusCode) ? 'success' : r.statusCode === null ? 'network_error' : 'http_error' });
    webhookAttemptDuration.observe(r.latencyMs / 1000);
    const status = rows[i]!.status;
    if (status === 'succeeded' || status === 'failed') webhookDeliveries.inc({ state: status });
  });
}

/**
 * Starts an endpoint's failure clock if it is not running, and disables the endpoint (emitting
 * `endpoint.disabled`) on a 410 or once the clock has run for the configured window.
 */
async function recordFailure(
  db: Knex,
  settings: WebhookSettings,
  endpoint: { tenantId: string; endpointId: string; gone: boolean },
  now: number,
): Promise<void> {
  await db.transaction(async (trx) => {
    const scope = trx('webhook_endpoints').where({ tenant_id: endpoint.tenantId, id: endpoint.endpointId });
    const [row] = await scope
      .clone()
      .update({ failing_since: trx.raw('coalesce(failing_since, now())') })
      .returning(['enabled', 'failing_since']);
    if (!row?.enabled) return;
    const failingFor = now - new Date(row.failing_since).getTime();
    if (!endpoint.gone && failingFor < settings.disableAfterMs) return;
    const reason = endpoint.gone ? 'gone' : 'failing';
    await scope.clone().update({ enabled: false, disabled_reason: reason, disabled_at: trx.fn.now() });
    await insertWebhookEvent(trx, {
      tenantId: endpoint.tenantId,
      type: 'endpoint.disabled',
      endpointId: endpoint.endpointId,
      actor: { type: 'system', id: null },
      data: { endpointId: endpoint.endpointId, reason, failingSince: new Date(row.failing_since).toISOString() },
    });
  });
}
