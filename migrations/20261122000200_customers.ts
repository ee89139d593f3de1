import type { Knex } from 'knex';

/**
 * The customer model: the union of the seed APIs' fields, with address, preferences and
 * statistics as columns (filterable and indexable) and free-form data in custom_fields.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.schema.createTable('customers', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('first_name');
    t.text('last_name');
    t.text('full_name');
    t.text('email');
    t.text('phone');
    t.specificType('alternative_phones', 'text[]').notNullable().defaultTo('{}');
    t.text('external_id');
    t.text('avatar_url');
    t.text('address_street');
    t.text('address_city');
    t.text('address_state');
    t.text('address_country');
    t.text('address_postal_code');
    t.double('address_lat');
    t.double('address_lng');
    t.specificType('tags', 'text[]').notNullable().defaultTo('{}');
    t.text('status').notNullable().defaultTo('active').checkIn(['active', 'inactive', 'blocked', 'suspended'], 'customers_status_check');
    t.text('status_reason');
    t.text('tier').notNullable().defaultTo('regular').checkIn(['regular', 'premium', 'vip'], 'customers_tier_check');
    t.text('segment_label').checkIn(['vip', 'regular', 'new', 'inactive'], 'customers_segment_label_check');
    t.text('source')
      .notNullable()
      .defaultTo('api')
      .checkIn(['whatsapp', 'referral', 'website', 'social_media', 'import', 'api', 'other'], 'customers_source_check');
    t.text('language');
    t.text('timezone');
    t.boolean('consent_email').notNullable().defaultTo(true);
    t.boolean('consent_sms').notNullable().defaultTo(true);
    t.boolean('consent_newsletter').notNullable().defaultTo(false);
    t.text('communication_hours_start');
    t.text('communication_hours_end');
    t.jsonb('custom_fields').notNullable().defaultTo('{}');
    t.text('notes');
    t.boolean('is_blocked').notNullable().defaultTo(false);
    t.text('block_reason');
    t.timestamp('blocked_at', { useTz: true });
    t.integer('total_orders').notNullable().defaultTo(0);
    t.decimal('total_spent', 14, 2).notNullable().defaultTo(0);
    t.decimal('average_order_value', 14, 2).notNullable().defaultTo(0);
    t.timestamp('first_order_at', { useTz: true });
    t.timestamp('last_order_at', { useTz: true });
    t.timestamp('last_interaction_at', { useTz: true });
    t.text('created_by');
    t.text('updated_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deleted_at', { useTz: true });
  });
  await knex.raw(`
    ALTER TABLE customers
      ADD CONSTRAINT customers_email_lowercase CHECK (email = lower(email)),
      ADD CONSTRAINT customers_phone_e164 CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
      ADD CONSTRAINT customers_hours_format CHECK (
        (communication_hours_start IS NULL OR communication_hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$') AND
        (communication_hours_end IS NULL OR communication_hours_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'))`);
  // Uniqueness holds among live customers, so a soft-deleted address can be used again.
  await knex.raw('CREATE UNIQUE INDEX customers_tenant_email_unique ON customers (tenant_id, email) WHERE email IS NOT NULL AND deleted_at IS NULL');
  await knex.raw('CREATE UNIQUE INDEX customers_tenant_phone_unique ON customers (tenant_id, phone) WHERE phone IS NOT NULL AND deleted_at IS NULL');
  await knex.raw(
    'CREATE UNIQUE INDEX customers_tenant_external_id_unique ON customers (tenant_id, external_id) WHERE external_id IS NOT NULL AND deleted_at IS NULL',
  );
  await knex.raw('CREATE INDEX customers_tags_gin ON customers USING gin (tags)');
  // Sort keys are non-null expressions so keyset cursors never meet a NULL; each list sort has
  // an index on exactly the expression the query orders by.
  for (const [name, expr] of SORT_INDEXES) {
    await knex.raw(`CREATE INDEX customers_sort_${name} ON customers (tenant_id, (${expr}), id) WHERE deleted_at IS NULL`);
  }
  // `search` matches name, email and phone with trigrams, so a substring search uses an index.
  await knex.raw(`CREATE INDEX customers_search_trgm ON customers USING gin ((${SEARCH_EXPRESSION}) gin_trgm_ops)`);
  await knex.schema.createTable('customer_notes', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.text('content').notNullable();
    t.text('added_by');
    t.timestamp('added_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['customer_id', 'added_at']);
  });
  await knex.schema.createTable('customer_config', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.text('key').notNullable();
    t.jsonb('value').notNullable();
    t.text('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['customer_id', 'key']);
  });
}

/** The text the trigram search index covers; queries must use the identical expression. */
export const SEARCH_EXPRESSION = "lower(coalesce(full_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, ''))";

/** Sortable fields and their non-null sort expressions (also used by the list query). */
export const SORT_INDEXES: Array<[string, string]> = [
  ['created_at', 'created_at'],
  ['updated_at', 'updated_at'],
  ['full_name', "lower(coalesce(full_name, ''))"],
  ['email', "coalesce(email, '')"],
  ['total_spent', 'total_spent'],
  ['total_orders', 'total_orders'],
  ['last_order_at', "coalesce(last_order_at, '-infinity'::timestamptz)"],
  ['last_interaction_at', "coalesce(last_interaction_at, '-infinity'::timestamptz)"],
];

/** Drops the customer tables. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('customer_config');
  await knex.schema.dropTable('customer_notes');
  await knex.schema.dropTable('customers');
}
