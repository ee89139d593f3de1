import type { Knex } from 'knex';

/**
 * Cheaper ledger writes per webhook delivery (issue 7, throughput):
 *
 * - The tenant foreign keys of `webhook_deliveries` and `webhook_attempts` go: each cost a
 *   referential check (a row lookup and key-share lock on the tenant) per inserted row, about
 *   as much as the insert itself, and they protect nothing the other keys do not: a delivery
 *   references its endpoint (and through it its tenant, ON DELETE CASCADE) and an attempt its
 *   delivery, so deleting a tenant still removes its deliveries and attempts.
 * - `webhook_deliveries` keeps 30 % of each page free so a claim (which only sets
 *   `claimed_until`, no indexed column) is mostly a HOT update that writes no index entries.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_tenant_id_foreign');
  await knex.raw('ALTER TABLE webhook_attempts DROP CONSTRAINT webhook_attempts_tenant_id_foreign');
  await knex.raw('ALTER TABLE webhook_deliveries SET (fillfactor = 70)');
}

/** Restores the tenant foreign keys and the default fill factor. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE webhook_deliveries RESET (fillfactor)');
  await knex.raw(
    'ALTER TABLE webhook_attempts ADD CONSTRAINT webhook_attempts_tenant_id_foreign FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE',
  );
  await knex.raw(
    'ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_tenant_id_foreign FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE',
  );
}
