import type { Knex } from 'knex';

/**
 * Exact active customers from rollups (issue 19's gap: distinct counts do not add across slots).
 *
 * A customer ordered in a range [A, B) exactly when one of their orders in it follows an order
 * placed before A (or is their first); so distinct customers = orders in [A, B) − orders in [A, B)
 * whose previous order (same customer) is also at or after A. `analytics_active_pairs` counts a
 * tenant's repeat orders per (local day of the previous order, local day of the order) in one
 * timezone: a range's repeats are a triangle of rows (prev_day in [A, B), day < B), read through the
 * primary key (index-only: it carries the count). Days are local to a timezone, so the pairs are
 * kept per timezone asked for: `analytics_active_zones` records the zones requested and up to
 * which instant each zone's pairs hold (null until the schedule has built them).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE analytics_active_zones (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      timezone text NOT NULL,
      requested_at timestamptz NOT NULL,
      materialised_until timestamptz,
      PRIMARY KEY (tenant_id, timezone)
    )`);
  await knex.raw(`
    CREATE TABLE analytics_active_pairs (
      tenant_id uuid NOT NULL,
      timezone text NOT NULL,
      prev_day date NOT NULL,
      day date NOT NULL,
      repeat_orders integer NOT NULL,
      PRIMARY KEY (tenant_id, timezone, prev_day, day) INCLUDE (repeat_orders),
      FOREIGN KEY (tenant_id, timezone) REFERENCES analytics_active_zones (tenant_id, timezone) ON DELETE CASCADE
    )`);
}

/** Drops the active-customer pairs and their zones. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('analytics_active_pairs');
  await knex.schema.dropTable('analytics_active_zones');
}
