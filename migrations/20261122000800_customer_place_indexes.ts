import type { Knex } from 'knex';

/**
 * City and country filters compare lower(column) with lower(value); these expression indexes let
 * Postgres answer them (and AND them with the tags GIN index) without scanning the tenant.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX customers_city_lower ON customers (tenant_id, lower(address_city)) WHERE deleted_at IS NULL');
  await knex.raw('CREATE INDEX customers_country_lower ON customers (tenant_id, lower(address_country)) WHERE deleted_at IS NULL');
}

/** Drops the place indexes. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX customers_country_lower');
  await knex.raw('DROP INDEX customers_city_lower');
}
