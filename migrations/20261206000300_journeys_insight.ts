import type { Knex } from 'knex';

/**
 * Indexes for the journey run lists (issue 17, INSIGHT part). Both lists page newest first with
 * keyset cursors over (entered_at, id), which the foundation's indexes cannot serve:
 *
 * - `journey_runs_journey_entered` (journey_id, entered_at, id): `GET /journeys/:id/runs` without a
 *   node or customer filter. `journey_runs_journey_node` leads with version and node, so without
 *   this index every page would sort all of a journey's runs (a top-N sort of a million rows per page).
 * - `journey_runs_customer_entered` (customer_id, entered_at, id): `GET /customers/:id/journeys`,
 *   a customer's runs across journeys. `journey_runs_journey_customer` leads with journey_id and
 *   `journey_runs_customer_open` holds only open runs, so finding a customer's ended runs would
 *   otherwise scan the table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX journey_runs_journey_entered ON journey_runs (journey_id, entered_at, id)');
  await knex.raw('CREATE INDEX journey_runs_customer_entered ON journey_runs (customer_id, entered_at, id)');
}

/** Drops the two list indexes. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX journey_runs_customer_entered');
  await knex.raw('DROP INDEX journey_runs_journey_entered');
}
