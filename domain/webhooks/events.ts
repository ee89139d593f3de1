import type { Knex } from 'knex';
import { appendEventAs, type EventData } from '../events/outbox';

/**
 * The two events the webhook engine emits itself. They go into the same outbox as every other
 * event, through the events module, in the caller's transaction. A test event is for one endpoint
 * only: the relay queue skips it, and the caller writes its delivery.
 */
export async function insertWebhookEvent<T extends 'endpoint.disabled' | 'webhook.test'>(
  trx: Knex,
  input: { tenantId: string; type: T; endpointId: string; data: EventData<T>; actor: { type: string; id: string | null }; requestId?: string },
): Promise<{ id: string; created_at: Date }> {
  return appendEventAs(trx, { tenantId: input.tenantId, actor: input.actor, requestId: input.requestId }, {
    type: input.type,
    subjectType: 'webhook_endpoint',
    subjectId: input.endpointId,
    data: input.data,
  } as Parameters<typeof appendEventAs<T>>[2]);
}
