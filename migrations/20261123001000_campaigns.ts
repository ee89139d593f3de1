import type { Knex } from 'knex';

/**
 * Campaigns and their send ledger. `campaign_recipients` is both the audience snapshot and the
 * ledger: one row per (campaign, customer), claimed before the provider call and settled after
 * it; its id is the message's idempotency key (email Message-ID). `message_suppressions` holds
 * addresses that must never be messaged again (one-click unsubscribe), and `dev_outbox` what the
 * development SMTP catcher and the log SMS provider received.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('campaigns', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('parent_id').references('campaigns.id').onDelete('SET NULL');
    t.text('name').notNullable();
    t.text('kind').notNullable().defaultTo('campaign').checkIn(['campaign', 'direct', 'test'], 'campaigns_kind_check');
    t.text('channel').notNullable().checkIn(['email', 'sms'], 'campaigns_channel_check');
    t.text('subject');
    t.text('body').notNullable();
    t.jsonb('audience').notNullable();
    t.jsonb('schedule').notNullable();
    t.jsonb('options').notNullable().defaultTo('{}');
    t.text('status')
      .notNullable()
      .defaultTo('draft')
      .checkIn(['draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled', 'failed'], 'campaigns_status_check');
    t.text('status_reason');
    t.timestamp('snapshot_at', { useTz: true });
    t.timestamp('scheduled_at', { useTz: true });
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.text('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at', 'id']);
  });
  await knex.schema.createTable('campaign_recipients', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('campaign_id').notNullable().references('campaigns.id').onDelete('CASCADE');
    t.uuid('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.text('channel').notNullable();
    t.text('address');
    t.text('state')
      .notNullable()
      .defaultTo('pending')
      .checkIn(['pending', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'cancelled'], 'campaign_recipients_state_check');
    t.text('skip_reason');
    t.text('provider_id');
    t.text('error');
    t.text('error_kind').checkIn(['permanent', 'transient'], 'campaign_recipients_error_kind_check');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.text('deferred_reason');
    t.timestamp('claimed_at', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
    t.timestamp('opened_at', { useTz: true });
    t.timestamp('clicked_at', { useTz: true });
    t.timestamp('unsubscribed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['campaign_id', 'customer_id']);
  });
  // The sender's page query: pending rows of one campaign, due now, in id order.
  await knex.raw(`CREATE INDEX campaign_recipients_pending ON campaign_recipients (campaign_id, id) WHERE state IN ('pending', 'sending')`);
  // The frequency cap counts a customer's recent messages across campaigns.
  await knex.raw('CREATE INDEX campaign_recipients_customer_sent ON campaign_recipients (tenant_id, customer_id, sent_at) WHERE sent_at IS NOT NULL');
  await knex.raw('CREATE INDEX campaign_recipients_provider ON campaign_recipients (provider_id) WHERE provider_id IS NOT NULL');
  await knex.schema.createTable('message_suppressions', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('channel').notNullable();
    t.text('address').notNullable();
    t.text('reason').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'channel', 'address']);
  });
  await knex.schema.createTable('dev_outbox', (t) => {
    t.bigIncrements('id');
    // Taken from the message's X-Herald-Tenant header, so each tenant lists only its own messages.
    t.uuid('tenant_id');
    t.text('channel').notNullable();
    t.text('to').notNullable();
    t.text('from');
    t.text('subject');
    t.text('body').notNullable();
    t.text('message_id');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

/** Drops the campaign tables. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('dev_outbox');
  await knex.schema.dropTable('message_suppressions');
  await knex.schema.dropTable('campaign_recipients');
  await knex.schema.dropTable('campaigns');
}
