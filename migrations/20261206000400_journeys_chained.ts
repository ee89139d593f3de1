import type { Knex } from 'knex';

/**
 * Chained journeys (issue 17: journey.* events as triggers for other journeys).
 *
 * - `journeys.entry_journey_id` and `entry_journey_event`: the journey and which of its events
 *   (journey.entered, journey.converted, journey.exited) the CURRENT version enters on (set at
 *   publish; null: another entry). The queue trigger and the publish-time cycle check read them
 *   instead of each version's definition. Not a foreign key: the named journey may be deleted
 *   later (its events then never come).
 * - The queue trigger's function queues the journey.* events again, but only those some journey
 *   enters on: the tenant has an ACTIVE journey (only active journeys take entries) whose
 *   `entry_journey_event` is the event's type and `entry_journey_id` its `data.journeyId`. Every entry, conversion and exit writes a
 *   journey.* event, so queueing them all for every tenant with a live journey would route one more
 *   event per run (a 100,000-customer burst: 100,000 more) for nothing; the probe is the
 *   `journeys_live` index, as for the other types. The other routed types are unchanged
 *   (20261206000200_journeys_router.ts).
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
const JOURNEY_TYPES = ['journey.entered', 'journey.converted', 'journey.exited'];

const list = (types: string[]) => types.map((t) => `'${t}'`).join(', ');
const LIVE = `EXISTS (SELECT 1 FROM journeys j WHERE j.tenant_id = n.tenant_id AND j.status IN ('active', 'paused', 'archived'))`;
const CHAINED = `EXISTS (SELECT 1 FROM journeys j WHERE j.tenant_id = n.tenant_id AND j.status = 'active' AND j.entry_journey_event = n.type
                            AND j.entry_journey_id::text = n.payload #>> '{data,journeyId}')`;

const queueFunction = (condition: string) => `
  CREATE OR REPLACE FUNCTION herald_queue_events_for_journeys() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO journey_event_queue (seq, id, tenant_id, type)
      SELECT n.seq, n.id, n.tenant_id, n.type FROM new_events n WHERE ${condition};
    RETURN NULL;
  END $$`;

/** Adds the columns (filled from the current versions) and queues the journey.* events chained journeys enter on. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE journeys ADD COLUMN entry_journey_id uuid, ADD COLUMN entry_journey_event text');
  await knex.raw(`COMMENT ON COLUMN journeys.entry_journey_id IS 'the journey whose journey.* events the current version enters on'`);
  await knex.raw(`COMMENT ON COLUMN journeys.entry_journey_event IS 'which of that journey''s events (journey.entered, journey.converted, journey.exited)'`);
  await knex.raw(
    `UPDATE journeys j SET entry_journey_id = (v.definition #>> '{entry,journeyId}')::uuid, entry_journey_event = v.definition #>> '{entry,eventType}'
       FROM journey_versions v WHERE v.id = j.current_version_id AND v.definition #>> '{entry,journeyId}' IS NOT NULL`,
  );
  await knex.raw(queueFunction(`(n.type IN (${list(ROUTED_TYPES)}) AND ${LIVE}) OR (n.type IN (${list(JOURNEY_TYPES)}) AND ${CHAINED})`));
}

/** Back to the router's function (no journey.* events queued) and no columns. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(queueFunction(`n.type IN (${list(ROUTED_TYPES)}) AND ${LIVE}`));
  await knex.raw('ALTER TABLE journeys DROP COLUMN entry_journey_id, DROP COLUMN entry_journey_event');
}
