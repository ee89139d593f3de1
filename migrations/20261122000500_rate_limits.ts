import type { Knex } from 'knex';

/**
 * Counters for rate-limiter-flexible's Postgres store (RATE_LIMIT_STORE=postgres), so several
 * API processes share one budget per key. Created here rather than by the library at runtime.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rate_limits', (t) => {
    t.string('key', 255).primary();
    t.integer('points').notNullable().defaultTo(0);
    t.bigInteger('expire');
  });
}

/** Drops the counters. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rate_limits');
}
