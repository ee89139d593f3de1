import type { Knex } from 'knex';
import { notFound, validationFailed } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { assertUrlAllowed, SsrfError } from '../../lib/ssrf';
import type { TemporalProvider } from '../../temporal/client';
import { recordAudit } from '../audit/repo';
import { actorLabel, type CommandContext } from '../shared/context';
import { EVENT_TYPES, filterProblem } from './eventTypes';
import { insertWebhookEvent } from './events';
import { wakeDispatcherFromApi } from './lifecycle';
import { notifyDispatchers } from './relay';
import { encryptSecret, generateSecret, secretProblem } from './secrets';
import type { WebhookSettings } from './settings';
import { toDelivery, toEndpoint, type DeliveryRow, type EndpointRow, type WebhookDelivery, type WebhookEndpoint } from './types';

/** What creating an endpoint takes (seed 003's body is `url`, `events`, `secret`). */
export interface EndpointInput {
  url: string;
  events: string[];
  secret?: string;
  description?: string | null;
  enabled?: boolean;
  rateLimit?: number | null;
  maxConcurrency?: number;
  headers?: Record<string, string>;
}

/** Headers a tenant may not set: the signature headers and what HTTP itself owns. */
const RESERVED_HEADERS = /^(webhook-.*|content-type|content-length|host|connection|transfer-encoding|user-agent)$/i;

/** An endpoint together with its secret: only create and rotate-secret return one. */
export type EndpointWithSecret = WebhookEndpoint & { secret: string };

/** What the endpoint service needs. */
export interface WebhookServiceDeps {
  db: Knex;
  temporal: TemporalProvider;
  settings: WebhookSettings;
  logger?: Logger;
}

/**
 * Webhook endpoints: CRUD with validation (URL through the SSRF guard, event filter against the
 * catalogue, secret form, headers), secret rotation, and test events. Every query is scoped by
 * the caller's tenant; another tenant's endpoint is a 404.
 */
export function createWebhookService(deps: WebhookServiceDeps) {
  const { db, settings } = deps;
  const wake = (tenantId: string, endpointId: string) =>
    wakeDispatcherFromApi(deps.temporal, tenantId, endpointId).catch((err: unknown) =>
      deps.logger?.warn({ err, endpointId }, 'dispatcher not woken; the relay sweep will start it'),
    );

  async function validate(input: Partial<EndpointInput>): Promise<void> {
    const details: Array<{ location: string; path: string; message: string }> = [];
    const problem = (path: string, message: string) => details.push({ location: 'body', path, message });
    if (input.url !== undefined) {
      try {
        await assertUrlAllowed(settings.ssrf, input.url);
      } catch (err) {
        if (!(err instanceof SsrfError) && !(err instanceof TypeError)) throw err;
        problem('url', err instanceof SsrfError ? err.message : 'must be a valid URL');
      }
    }
    input.events?.forEach((e, i) => {
      const why = filterProblem(e);
      if (why) problem(`events.${i}`, `"${e}" ${why}`);
    });
    if (input.secret !== undefined) {
      const why = secretProblem(input.secret);
      if (why) problem('secret', why);
    }
    for (const name of Object.keys(input.headers ?? {})) {
      if (RESERVED_HEADERS.test(name)) problem(`headers.${name}`, 'is set by Herald and cannot be overridden');
    }
    if (details.length) throw validationFailed(details);
  }

  async function findRow(tenantId: string, id: string, trx: Knex = db): Promise<EndpointRow> {
    const row = await trx('webhook_endpoints').where({ tenant_id: tenantId, id }).first();
    if (!row) throw notFound('Webhook endpoint');
    return row;
  }

  /** Creates an endpoint; the secret (given or generated) is in the answer and nowhere else later. */
  async function create(ctx: CommandContext, input: EndpointInput): Promise<EndpointWithSecret> {
    await validate(input);
    const secret = input.secret ?? generateSecret();
    const row = await db.transaction(async (trx) => {
      const [inserted] = await trx('webhook_endpoints')
        .insert({
          tenant_id: ctx.principal.tenantId,
          url: input.url,
          description: input.description ?? null,
          event_types: [...new Set(input.events)],
          enabled: input.enabled ?? true,
          rate_limit_per_second: input.rateLimit ?? null,
          max_concurrency: input.maxConcurrency ?? 10,
          headers: JSON.stringify(input.headers ?? {}),
          secret_ciphertext: encryptSecret(settings.secretsKey, secret),
          created_by: actorLabel(ctx),
        })
        .returning('*');
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'webhook.created',
        subjectType: 'webhook_endpoint',
        subjectId: inserted.id,
        changes: { url: input.url, events: input.events },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return inserted as EndpointRow;
    });
    return { ...toEndpoint(row), secret };
  }

  /**
   * Changes an endpoint. Re-enabling clears the failure state and re-queues what piled up while
   * it failed (pending deliveries, and those that ran out of retries during the outage), then
   * wakes its dispatcher.
   */
  async function update(ctx: CommandContext, id: string, input: Partial<Omit<EndpointInput, 'secret'>>): Promise<WebhookEndpoint> {
    await validate(input);
    const tenantId = ctx.principal.tenantId;
    const { row, reenabled } = await db.transaction(async (trx) => {
      const before = await trx('webhook_endpoints').where({ tenant_id: tenantId, id }).forUpdate().first();
      if (!before) throw notFound('Webhook endpoint');
      const reenabling = input.enabled === true && !before.enabled;
      const [updated] = await trx('webhook_endpoints')
        .where({ tenant_id: tenantId, id })
        .update({
          ...(input.url === undefined ? {} : { url: input.url }),
          ...(input.description === undefined ? {} : { description: input.description }),
          ...(input.events === undefined ? {} : { event_types: [...new Set(input.events)] }),
          ...(input.rateLimit === undefined ? {} : { rate_limit_per_second: input.rateLimit }),
          ...(input.maxConcurrency === undefined ? {} : { max_concurrency: input.maxConcurrency }),
          ...(input.headers === undefined ? {} : { headers: JSON.stringify(input.headers) }),
          ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
          ...(input.enabled === false && before.enabled ? { disabled_reason: 'manual', disabled_at: trx.fn.now() } : {}),
          ...(reenabling ? { disabled_reason: null, disabled_at: null, failing_since: null } : {}),
          updated_at: trx.fn.now(),
        })
        .returning('*');
      if (reenabling) {
        await trx('webhook_deliveries')
          .where({ tenant_id: tenantId, endpoint_id: id })
          .andWhere((q) => {
            q.where('status', 'pending');
            if (before.failing_since) q.orWhere((f) => f.where('status', 'failed').andWhere('created_at', '>=', before.failing_since));
          })
          .update({ status: 'pending', next_attempt_at: trx.fn.now() });
        await notifyDispatchers(trx, [id]);
      }
      await recordAudit(trx, ctx.principal, tenantId, {
        action: 'webhook.updated',
        subjectType: 'webhook_endpoint',
        subjectId: id,
        changes: { fields: Object.keys(input) },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return { row: updated as EndpointRow, reenabled: reenabling };
    });
    if (reenabled) await wake(tenantId, id);
    return toEndpoint(row);
  }

  /** Deletes an endpoint with its deliveries and attempts; its dispatcher stops on its next look. */
  async function remove(ctx: CommandContext, id: string): Promise<void> {
    await db.transaction(async (trx) => {
      const deleted = await trx('webhook_endpoints').where({ tenant_id: ctx.principal.tenantId, id }).delete();
      if (!deleted) throw notFound('Webhook endpoint');
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'webhook.deleted',
        subjectType: 'webhook_endpoint',
        subjectId: id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    });
  }

  /**
   * Issues a new secret (given or generated). The old one keeps signing for the grace period:
   * deliveries carry both signatures, space-separated, so receivers can switch without a gap.
   */
  async function rotateSecret(ctx: CommandContext, id: string, given?: string): Promise<EndpointWithSecret> {
    if (given !== undefined) await validate({ secret: given });
    const secret = given ?? generateSecret();
    const row = await db.transaction(async (trx) => {
      const before = await trx('webhook_endpoints').where({ tenant_id: ctx.principal.tenantId, id }).forUpdate().first();
      if (!before) throw notFound('Webhook endpoint');
      const [updated] = await trx('webhook_endpoints')
        .where({ tenant_id: ctx.principal.tenantId, id })
        .update({
          secret_ciphertext: encryptSecret(settings.secretsKey, secret),
          previous_secret_ciphertext: before.secret_ciphertext,
          previous_secret_expires_at: new Date(Date.now() + settings.secretGraceMs),
          updated_at: trx.fn.now(),
        })
        .returning('*');
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'webhook.secret_rotated',
        subjectType: 'webhook_endpoint',
        subjectId: id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return updated as EndpointRow;
    });
    return { ...toEndpoint(row), secret };
  }

  /** Sends a `webhook.test` event to this endpoint only; answers with the delivery to follow. */
  async function sendTest(ctx: CommandContext, id: string): Promise<WebhookDelivery> {
    const tenantId = ctx.principal.tenantId;
    const delivery = await db.transaction(async (trx) => {
      // Key-share locked: a concurrent DELETE (which deletes the endpoint's deliveries) waits for this
      // transaction, so the test delivery cannot outlive its endpoint.
      const endpoint = await trx('webhook_endpoints').where({ tenant_id: tenantId, id }).forKeyShare().first();
      if (!endpoint) throw notFound('Webhook endpoint');
      const event = await insertWebhookEvent(trx, {
        tenantId,
        type: 'webhook.test',
        endpointId: id,
        requestId: ctx.requestId,
        actor: { type: ctx.principal.actorType, id: ctx.principal.actorId },
        data: { endpointId: id, url: endpoint.url, message: 'This is a test event from Herald' },
      });
      const [inserted] = await trx('webhook_deliveries')
        .insert({ tenant_id: tenantId, endpoint_id: id, event_id: event.id, event_type: 'webhook.test' })
        .returning('*');
      await notifyDispatchers(trx, [id]);
      return inserted as DeliveryRow;
    });
    await wake(tenantId, id);
    return toDelivery(delivery);
  }

  return {
    create,
    update,
    remove,
    rotateSecret,
    sendTest,
    /** One endpoint, or 404. */
    get: async (tenantId: string, id: string) => toEndpoint(await findRow(tenantId, id)),
    /** The subscribable event types. */
    eventTypes: () => EVENT_TYPES,
  };
}

/** The endpoint service's interface. */
export type WebhookService = ReturnType<typeof createWebhookService>;
