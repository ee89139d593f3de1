import type { Knex } from 'knex';

/**
 * Conversation events as journey triggers (issue 18): `conversation.opened`, `message.received`
 * and `conversation.resolved` join the Herald event types the queue trigger hands to the journey
 * router, under the same probe as the others (the tenant has a live journey). Their payloads carry
 * `data.customerId`, which is how the router finds the run's customer. Everything else in the
 * function is as 20261206000400_journeys_chained.ts left it.
 */
const ROUTED_TYPES = [
  'customer.event',
  'customer.created',
  'customer.updated',
  'customer.tags_changed',
  'customer.deleted',
  'order.created',
  'order.status_updated',
  'segment.entered',
  'segment.exited',
];
const CONVERSATION_TYPES = ['conversation.opened', 'message.received', 'conversation.resolved'];
const JOURNEY_TYPES = ['journey.entered', 'journey.converted', 'journey.exited'];
const list = (types: string[]) => types.map((t) => `'${t}'`).join(', ');
const LIVE = `EXISTS (SELECT 1 FROM journeys j WHERE j.tenant_id = n.tenant_id AND j.status IN ('active', 'paused', 'archived'))`;
const CHAINED = `EXISTS (SELECT 1 FROM journeys j WHERE j.tenant_id = n.tenant_id AND j.status = 'active' AND j.entry_journey_event = n.type
                            AND j.entry_journey_id::text = n.payload #>> '{data,journeyId}')`;
const queueFunction = (routed: string[]) => `
  CREATE OR REPLACE FUNCTION herald_queue_events_for_journeys() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO journey_event_queue (seq, id, tenant_id, type)
      SELECT n.seq, n.id, n.tenant_id, n.type FROM new_events n
       WHERE (n.type IN (${list(routed)}) AND ${LIVE}) OR (n.type IN (${list(JOURNEY_TYPES)}) AND ${CHAINED});
    RETURN NULL;
  END $$`;

/** Queues the conversation events for the journey router too. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(queueFunction([...ROUTED_TYPES, ...CONVERSATION_TYPES]));
}

/** Back to the chained-journeys function (no conversation events queued). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(queueFunction(ROUTED_TYPES));
}
