import type { Knex } from 'knex';
import type { EventData } from '../events/outbox';

/**
 * The two events the webhook engine emits itself. They go into the same outbox as every other
 * event (same payload shape as appendEvent writes, data typed by the type's schema), in the
 * caller's transaction.
 */
export async function insertWebhookEvent<T extends 'endpoint.disabled' | 'webhook.test'>(
  trx: Knex,
  input: { tenantId: string; type: T; endpointId: string; data: EventData<T>; actor: { type: string; id: string | null }; requestId?: string },
): Promise<{ id: string; created_at: Date }> {
  const [row] = await trx('events')
    .insert({
      tenant_id: input.tenantId,
      type: input.type,
      subject_type: 'webhook_endpoint',
      subject_id: input.endpointId,
      // A test event is for one endpoint only: the relay queue skips it, and the caller writes its delivery.
      payload: JSON.stringify({ data: input.data, actor: input.actor, requestId: input.requestId ?? null }),
    })
    .returning(['id', 'created_at']);
  return row as { id: string; created_at: Date };
}
