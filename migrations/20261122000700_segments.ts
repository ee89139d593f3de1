import type { Knex } from 'knex';

/**
 * Segments (a stored, normalised rule) and their memberships. A membership row is one stay of a
 * customer in a segment: entered_at, and exited_at once they leave, so history is kept and the
 * current members are the rows with exited_at null (unique per segment and customer).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('segments', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('description');
    t.jsonb('rules').notNullable();
    t.boolean('time_relative').notNullable().defaultTo(false);
    t.integer('member_count').notNullable().defaultTo(0);
    t.timestamp('refreshed_at', { useTz: true });
    t.text('created_by');
    t.text('updated_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'name']);
    t.index(['tenant_id', 'created_at']);
  });
  await knex.schema.createTable('segment_memberships', (t) => {
    t.bigIncrements('id');
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('segment_id').notNullable().references('segments.id').onDelete('CASCADE');
    t.uuid('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.timestamp('entered_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('exited_at', { useTz: true });
  });
  await knex.raw('CREATE UNIQUE INDEX segment_memberships_current ON segment_memberships (segment_id, customer_id) WHERE exited_at IS NULL');
  await knex.raw('CREATE INDEX segment_memberships_customer ON segment_memberships (customer_id) WHERE exited_at IS NULL');
}

/** Drops memberships and segments. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('segment_memberships');
  await knex.schema.dropTable('segments');
}
