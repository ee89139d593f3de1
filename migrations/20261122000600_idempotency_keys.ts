import type { Knex } from 'knex';

/**
 * Responses to creating POSTs sent with an Idempotency-Key, so a retried request gets the first
 * response instead of creating a second record. Rows expire after a day.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('idempotency_keys', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('key').notNullable();
    t.text('request_hash').notNullable();
    t.text('state').notNullable().checkIn(['in_progress', 'done'], 'idempotency_keys_state_check');
    t.integer('status');
    t.jsonb('response');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('locked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'key']);
    t.index(['created_at']);
  });
}

/** Drops the stored responses. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('idempotency_keys');
}
