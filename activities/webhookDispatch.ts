import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { createWebhookTransport, type WebhookTransport } from '../channels/webhookHttp';
import type { DispatchResult } from '../domain/webhooks/dispatchPolicy';
import { runDispatcher } from '../domain/webhooks/dispatcher';
import type { DispatchEndpoint } from '../domain/webhooks/ledger';
import type { NotificationHub } from '../domain/webhooks/notifications';
import type { WebhookSettings } from '../domain/webhooks/settings';
import { createWebhookSettler } from '../domain/webhooks/settler';
import type { Logger } from '../lib/logger';

/**
 * Each endpoint's keep-alive pool, kept across dispatcher runs in this worker and rebuilt when
 * the endpoint's concurrency changes.
 */
function createTransports(settings: WebhookSettings) {
  const transports = new Map<string, { connections: number; transport: WebhookTransport }>();
  return {
    transportFor(endpoint: DispatchEndpoint): WebhookTransport {
      const cached = transports.get(endpoint.id);
      if (cached && cached.connections === endpoint.maxConcurrency) return cached.transport;
      void cached?.transport.close().catch(() => undefined);
      const transport = createWebhookTransport({ policy: settings.ssrf, timeoutMs: settings.timeoutMs, connections: endpoint.maxConcurrency });
      transports.set(endpoint.id, { connections: endpoint.maxConcurrency, transport });
      return transport;
    },
    forgetTransport(endpointId: string): void {
      void transports
        .get(endpointId)
        ?.transport.close()
        .catch(() => undefined);
      transports.delete(endpointId);
    },
  };
}

/**
 * The per-endpoint dispatcher's activity: one run of domain/webhooks/dispatcher.ts with the
 * worker's LISTEN hub, shared settler and transports, heartbeating through the activity context.
 * A run cancelled by Temporal (worker shutdown, workflow cancelled) ends as cancelled.
 */
export function createWebhookDispatchActivities(deps: { db: Knex; logger: Logger; hub: NotificationHub; settings: WebhookSettings }) {
  const dispatcher = { ...deps, ...createTransports(deps.settings), settler: createWebhookSettler(deps) };
  return {
    async dispatchEndpoint(tenantId: string, endpointId: string): Promise<DispatchResult> {
      const ctx = Context.current();
      const result = await runDispatcher(dispatcher, { tenantId, endpointId, signal: ctx.cancellationSignal, heartbeat: () => ctx.heartbeat() });
      if (ctx.cancellationSignal.aborted) await ctx.cancelled;
      return result;
    },
  };
}
