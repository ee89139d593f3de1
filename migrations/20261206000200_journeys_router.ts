import type { Knex } from 'knex';

/**
 * The journey router's queue trigger (issue 17, ROUTER part), replacing the foundation's list of
 * queued types with exactly the ones the router acts on:
 * - entries: `customer.event` (tracked events), the Herald entry events (`customer.created`,
 *   `customer.updated`, `customer.tags_changed`, `order.created`, `order.status_updated`) and
 *   `segment.entered`;
 * - open runs: `customer.event` (waits, goals, exit rules), `segment.entered` (segment goals),
 *   `segment.exited` (exit rules) and `customer.deleted` (ends the customer's runs).
 * The journey.* events are no longer queued: no entry, goal or exit rule listens for them, and
 * each entry would otherwise queue a second event per run for nothing.
 *
 * The cost for a tenant without a published journey stays the type test and one probe of the
 * `journeys_live` index per queued-type row, nothing written.
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

const FOUNDATION_TYPES = [
  'customer.event',
  'customer.created',
  'customer.updated',
  'customer.tags_changed',
  'order.created',
  'order.status_updated',
  'segment.entered',
  'segment.exited',
  'journey.entered',
  'journey.converted',
  'journey.exited',
];

const queueFunction = (types: string[]) => `
  CREATE OR REPLACE FUNCTION herald_queue_events_for_journeys() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO journey_event_queue (seq, id, tenant_id, type)
      SELECT n.seq, n.id, n.tenant_id, n.type FROM new_events n
       WHERE n.type IN (${types.map((t) => `'${t}'`).join(', ')})
         AND EXISTS (SELECT 1 FROM journeys j WHERE j.tenant_id = n.tenant_id AND j.status IN ('active', 'paused', 'archived'));
    RETURN NULL;
  END $$`;

/** Queues exactly the types the router acts on. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(queueFunction(ROUTED_TYPES));
}

/** Back to the foundation's list. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(queueFunction(FOUNDATION_TYPES));
}
