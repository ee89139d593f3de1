import type { Knex } from 'knex';
import { conflict, notFound } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { TemporalProvider } from '../../temporal/client';
import { recordAudit } from '../audit/repo';
import { actorLabel, type CommandContext } from '../shared/context';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import { startReplay, wakeDispatcherFromApi } from './lifecycle';
import { notifyDispatchers } from './relay';
import {
  toAttempt,
  toDelivery,
  toEndpoint,
  toReplay,
  type DeliveryRow,
  type EndpointRow,
  type ReplayRow,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookReplay,
} from './types';

/** Filters of an endpoint's delivery list. */
export interface DeliveryFilters {
  status?: 'pending' | 'succeeded' | 'failed';
  eventType?: string;
  /** created_at bounds (ISO text, compared by Postgres). */
  from?: string;
  to?: string;
}

/** What a replay re-queues: every delivery, or failed ones only, created in [from, to]. */
export interface ReplayRequest {
  scope: 'all' | 'failed';
  from?: string;
  to?: string;
}

/**
 * Reads of endpoints and deliveries, and the commands that send deliveries again (retry one,
 * replay a range). Every query carries the tenant.
 */
export function createDeliveryService(deps: { db: Knex; temporal: TemporalProvider; logger?: Logger }) {
  const { db } = deps;

  const endpointRow = async (tenantId: string, id: string): Promise<EndpointRow> => {
    const row = await db('webhook_endpoints').where({ tenant_id: tenantId, id }).first();
    if (!row) throw notFound('Webhook endpoint');
    return row;
  };

  /** The tenant's endpoints, newest first (or oldest with sortOrder=asc). */
  async function listEndpoints(tenantId: string, page: PageRequest): Promise<Page<WebhookEndpoint>> {
    const result = await fetchPage<EndpointRow>(db('webhook_endpoints').where({ tenant_id: tenantId }), { expression: 'created_at' }, page);
    return { data: result.data.map(toEndpoint), pagination: result.pagination };
  }

  /** An endpoint's deliveries with filters, newest first by default. */
  async function listDeliveries(tenantId: string, endpointId: string, filters: DeliveryFilters, page: PageRequest): Promise<Page<WebhookDelivery>> {
    await endpointRow(tenantId, endpointId);
    const q = db('webhook_deliveries').where({ tenant_id: tenantId, endpoint_id: endpointId });
    if (filters.status) q.where('status', filters.status);
    if (filters.eventType) q.where('event_type', filters.eventType);
    if (filters.from) q.where('created_at', '>=', filters.from);
    if (filters.to) q.where('created_at', '<=', filters.to);
    const result = await fetchPage<DeliveryRow>(q, { expression: 'created_at' }, page);
    return { data: result.data.map(toDelivery), pagination: result.pagination };
  }

  /** One delivery with its payload and every attempt, oldest first. */
  async function getDelivery(tenantId: string, id: string): Promise<WebhookDelivery & { payload: unknown; attemptLog: WebhookAttempt[] }> {
    const row = await db('webhook_deliveries as d')
      .join('events as e', 'e.id', 'd.event_id')
      .where({ 'd.tenant_id': tenantId, 'd.id': id })
      .first('d.*', db.raw("jsonb_build_object('type', e.type, 'timestamp', e.created_at, 'data', e.payload->'data') AS payload"));
    if (!row) throw notFound('Delivery');
    const attempts = await db('webhook_attempts').where({ tenant_id: tenantId, delivery_id: id }).orderBy('id');
    return { ...toDelivery(row), payload: row.payload, attemptLog: attempts.map(toAttempt) };
  }

  /** Sends a delivery again now, with the same webhook-id; 409 while it is still pending. */
  async function retryDelivery(ctx: CommandContext, id: string): Promise<WebhookDelivery> {
    const tenantId = ctx.principal.tenantId;
    const row = await db.transaction(async (trx) => {
      const current = await trx('webhook_deliveries').where({ tenant_id: tenantId, id }).forUpdate().first();
      if (!current) throw notFound('Delivery');
      if (current.status === 'pending') throw conflict('The delivery is already queued', { status: current.status, nextAttemptAt: current.next_attempt_at });
      const [updated] = await trx('webhook_deliveries')
        .where({ tenant_id: tenantId, id })
        .update({ status: 'pending', next_attempt_at: trx.fn.now() })
        .returning('*');
      await notifyDispatchers(trx, [current.endpoint_id]);
      await recordAudit(trx, ctx.principal, tenantId, {
        action: 'webhook.delivery_retried',
        subjectType: 'webhook_delivery',
        subjectId: id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return updated as DeliveryRow;
    });
    await wakeDispatcherFromApi(deps.temporal, tenantId, row.endpoint_id).catch((err: unknown) =>
      deps.logger?.warn({ err }, 'dispatcher not woken; the relay sweep will start it'),
    );
    return toDelivery(row);
  }

  /** Creates a replay job and starts its workflow; progress is read with {@link getReplay}. */
  async function replay(ctx: CommandContext, endpointId: string, request: ReplayRequest): Promise<WebhookReplay> {
    const tenantId = ctx.principal.tenantId;
    const row = await db.transaction(async (trx) => {
      await endpointRow(tenantId, endpointId);
      const [inserted] = await trx('webhook_replays')
        .insert({
          tenant_id: tenantId,
          endpoint_id: endpointId,
          scope: request.scope,
          from: request.from ?? null,
          to: request.to ?? null,
          created_by: actorLabel(ctx),
        })
        .returning('*');
      await recordAudit(trx, ctx.principal, tenantId, {
        action: 'webhook.replay_started',
        subjectType: 'webhook_endpoint',
        subjectId: endpointId,
        changes: request,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return inserted as ReplayRow;
    });
    await startReplay(deps.temporal, tenantId, row.id);
    return toReplay(row);
  }

  /** A page of an endpoint's replay jobs with their progress, newest first by default. */
  async function listReplays(tenantId: string, endpointId: string, page: PageRequest): Promise<Page<WebhookReplay>> {
    await endpointRow(tenantId, endpointId);
    const result = await fetchPage<ReplayRow>(
      db('webhook_replays').where({ tenant_id: tenantId, endpoint_id: endpointId }),
      { expression: 'created_at' },
      page,
    );
    return { data: result.data.map(toReplay), pagination: result.pagination };
  }

  /** A replay job with its progress. */
  async function getReplay(tenantId: string, endpointId: string, replayId: string): Promise<WebhookReplay> {
    const row = await db('webhook_replays').where({ tenant_id: tenantId, endpoint_id: endpointId, id: replayId }).first();
    if (!row) throw notFound('Replay');
    return toReplay(row);
  }

  return {
    listEndpoints,
    listDeliveries,
    getDelivery,
    retryDelivery,
    replay,
    listReplays,
    getReplay,
    endpoint: async (tenantId: string, id: string) => toEndpoint(await endpointRow(tenantId, id)),
  };
}

/** The delivery service's interface. */
export type DeliveryService = ReturnType<typeof createDeliveryService>;
