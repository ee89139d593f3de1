import type { Knex } from 'knex';

/** Orders can be listed by createdAt; this index serves that sort (and its cursor) like placed_at's does. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX orders_tenant_created_at ON orders (tenant_id, created_at, id)');
}

/** Drops the createdAt sort index. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX orders_tenant_created_at');
}
