import type { Knex } from 'knex';
import type { CommandContext } from '../shared/context';

/** Every event type the outbox carries today; webhooks and triggers subscribe to these names. */
export type EventType =
  | 'customer.created' | 'customer.updated' | 'customer.deleted' | 'customer.blocked' | 'customer.unblocked'
  | 'customer.status_changed' | 'customer.tags_changed'
  | 'order.created' | 'order.status_updated'
  | 'segment.entered' | 'segment.exited'
  | 'import.completed' | 'import.failed'
  | 'campaign.scheduled' | 'campaign.started' | 'campaign.paused' | 'campaign.resumed' | 'campaign.cancelled'
  | 'campaign.sent' | 'campaign.completed'
  | 'endpoint.disabled' | 'webhook.test';

/** One domain change, as written to the outbox. */
export interface OutboxEvent {
  type: EventType;
  subjectType: 'customer' | 'order' | 'segment' | 'import' | 'campaign' | 'webhook_endpoint';
  subjectId: string;
  /** The event body webhooks deliver as `data`; ids and the changed values, nothing secret. */
  data: Record<string, unknown>;
}

/** The events row of an event: what appendEvent inserts, for callers that batch it into one statement. */
export function eventRow(ctx: CommandContext, event: OutboxEvent): Record<string, unknown> {
  return {
    tenant_id: ctx.principal.tenantId,
    type: event.type,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    payload: JSON.stringify({ data: event.data, actor: { type: ctx.principal.actorType, id: ctx.principal.actorId }, requestId: ctx.requestId ?? null }),
  };
}

/**
 * Appends an event in the caller's transaction: the change and its event commit together or not
 * at all, so a relay reading committed events never misses one and never sees a phantom.
 */
export async function appendEvent(trx: Knex, ctx: CommandContext, event: OutboxEvent): Promise<void> {
  await trx('events').insert(eventRow(ctx, event));
}
