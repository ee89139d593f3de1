import type { Knex } from 'knex';

/**
 * The transactional outbox (events) and the audit log. Every domain change writes its event in
 * the same transaction; `seq` gives the relay a total order to follow with a cursor.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('events', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.specificType('seq', 'bigint GENERATED ALWAYS AS IDENTITY').notNullable().unique();
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('type').notNullable();
    t.text('subject_type');
    t.uuid('subject_id');
    t.jsonb('payload').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('relayed_at', { useTz: true });
    t.index(['tenant_id', 'created_at']);
  });
  // The relay only ever looks for events it has not handled yet.
  await knex.raw('CREATE INDEX events_unrelayed ON events (seq) WHERE relayed_at IS NULL');
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('actor_type').notNullable().checkIn(['api_key', 'user', 'customer', 'system'], 'audit_log_actor_type_check');
    t.text('actor_id');
    t.text('action').notNullable();
    t.text('subject_type');
    t.text('subject_id');
    t.jsonb('changes');
    t.text('request_id');
    t.text('ip');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at']);
    t.index(['tenant_id', 'subject_type', 'subject_id']);
  });
}

/** Drops the audit log and the outbox. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('events');
}
