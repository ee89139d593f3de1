import type { Knex } from 'knex';

/**
 * Analytics over time (issue 19). Rollups of orders, new customers and campaign ledger marks in
 * 15-minute UTC slots, materialised by a Temporal Schedule (domain/analytics/rollups.ts); requests
 * add a live tail of the base tables after `analytics_rollup_state.materialised_until`. Fifteen
 * minutes divide every offset the zone database uses today (India +5:30, Nepal +5:45), so any
 * timezone's days, weeks, months and years are whole sets of slots.
 *
 * `segment_size_snapshots` holds each segment's member count once a day (another schedule).
 *
 * The (tenant_id, placed_at) index of orders is replaced by the same index carrying customer_id,
 * so "active customers" (distinct customers who ordered in a bucket) is an index-only scan and
 * orders keep the same number of indexes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('analytics_order_slots', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.timestamp('slot', { useTz: true }).notNullable();
    t.integer('orders').notNullable();
    t.integer('paid_orders').notNullable();
    t.decimal('revenue', 18, 2).notNullable();
    t.primary(['tenant_id', 'slot']);
  });
  await knex.schema.createTable('analytics_customer_slots', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.timestamp('slot', { useTz: true }).notNullable();
    t.integer('new_customers').notNullable();
    t.primary(['tenant_id', 'slot']);
  });
  await knex.schema.createTable('analytics_campaign_slots', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.timestamp('slot', { useTz: true }).notNullable();
    t.uuid('campaign_id').notNullable().references('campaigns.id').onDelete('CASCADE');
    t.integer('sent').notNullable();
    t.integer('opened').notNullable();
    t.integer('clicked').notNullable();
    t.primary(['tenant_id', 'slot', 'campaign_id']);
    t.index(['campaign_id']);
  });
  await knex.schema.createTable('analytics_rollup_state', (t) => {
    t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    t.timestamp('materialised_until', { useTz: true }).notNullable();
    t.timestamp('materialised_at', { useTz: true }).notNullable();
    t.timestamp('rebuilt_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('segment_size_snapshots', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('segment_id').notNullable().references('segments.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.integer('members').notNullable();
    t.timestamp('taken_at', { useTz: true }).notNullable();
    t.primary(['segment_id', 'day']);
    t.index(['tenant_id', 'taken_at']);
  });
  await knex.raw('CREATE INDEX orders_tenant_placed_customer ON orders (tenant_id, placed_at) INCLUDE (customer_id)');
  await knex.raw('DROP INDEX orders_tenant_id_placed_at_index');
}

/** Drops the analytics tables and restores the plain (tenant_id, placed_at) index. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX orders_tenant_id_placed_at_index ON orders (tenant_id, placed_at)');
  await knex.raw('DROP INDEX orders_tenant_placed_customer');
  for (const table of ['segment_size_snapshots', 'analytics_rollup_state', 'analytics_campaign_slots', 'analytics_customer_slots', 'analytics_order_slots'])
    await knex.schema.dropTable(table);
}
