import type { Knex } from 'knex';

/** Orders and their line items; customer statistics are derived from these in the same transaction. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('customer_id').notNullable().references('customers.id').onDelete('RESTRICT');
    t.text('order_number').notNullable();
    t.text('status')
      .notNullable()
      .defaultTo('placed')
      .checkIn(['placed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'], 'orders_status_check');
    t.text('tracking_number');
    t.jsonb('shipping_address');
    t.specificType('currency', 'char(3)').notNullable().defaultTo('USD');
    t.decimal('subtotal', 14, 2).notNullable().defaultTo(0);
    t.decimal('tax', 14, 2).notNullable().defaultTo(0);
    t.decimal('shipping', 14, 2).notNullable().defaultTo(0);
    t.decimal('discount', 14, 2).notNullable().defaultTo(0);
    t.decimal('total', 14, 2).notNullable().defaultTo(0);
    t.integer('items_count').notNullable().defaultTo(0);
    t.text('notes');
    t.jsonb('metadata').notNullable().defaultTo('{}');
    t.timestamp('placed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'order_number']);
    t.index(['tenant_id', 'customer_id', 'placed_at']);
    t.index(['tenant_id', 'placed_at']);
    t.index(['tenant_id', 'status', 'placed_at']);
    t.index(['tenant_id', 'total']);
  });
  await knex.raw(
    'ALTER TABLE orders ADD CONSTRAINT orders_amounts_non_negative CHECK (subtotal >= 0 AND tax >= 0 AND shipping >= 0 AND discount >= 0 AND total >= 0)',
  );
  await knex.schema.createTable('order_items', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('order_id').notNullable().references('orders.id').onDelete('CASCADE');
    t.text('product_id');
    t.text('sku');
    t.text('name').notNullable();
    t.text('category');
    t.integer('quantity').notNullable().checkPositive('order_items_quantity_positive');
    t.decimal('unit_price', 14, 2).notNullable();
    t.decimal('total', 14, 2).notNullable();
    t.jsonb('metadata').notNullable().defaultTo('{}');
    t.index(['order_id']);
  });
  await knex.schema.createTable('order_status_history', (t) => {
    t.bigIncrements('id');
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('order_id').notNullable().references('orders.id').onDelete('CASCADE');
    t.text('from_status');
    t.text('to_status').notNullable();
    t.text('reason');
    t.text('changed_by');
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['order_id', 'changed_at']);
  });
}

/** Drops order tables, children first. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('order_status_history');
  await knex.schema.dropTable('order_items');
  await knex.schema.dropTable('orders');
}
