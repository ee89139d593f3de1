import type { Knex } from 'knex';

/**
 * Conversations (issue 18): two-way threads with one customer on one channel (SMS, WhatsApp, or an
 * agent-logged `note` channel for complaints taken by phone or in person).
 *
 * - `conversations`: status open → pending → resolved, type `conversation` | `complaint`,
 *   category, assignee, satisfaction (1–5, once resolved), the times the inbox sorts and the
 *   statistics read (last message, last inbound, first agent reply). `customer_id` is null for
 *   inbound messages from numbers Herald could not parse (listed with `?unmatched=true`).
 * - `conversation_messages`: inbound and outbound messages and internal notes. An outbound message
 *   is a ledger row of its own: `queued → sending → sent | failed`, then `delivered`/`undelivered`
 *   by Twilio's status callback; its id is the idempotency key of the provider call.
 * - `customer_conversation_stats`: one row per customer with conversations, maintained in the same
 *   transaction as each message or status change (as order statistics are), so the customer
 *   detail, seed 002's complaint statistics and the rule catalogue read it instead of scanning.
 * - `customers.source` accepts `sms` beside `whatsapp` (seed 001's phone-first customers).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conversations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('customer_id').references('customers.id').onDelete('CASCADE');
    t.text('channel').notNullable().checkIn(['sms', 'whatsapp', 'note'], 'conversations_channel_check');
    t.text('address').comment('the customer end: E.164 phone, or whatsapp:+E164; the raw sender when unmatched');
    t.text('type').notNullable().defaultTo('conversation').checkIn(['conversation', 'complaint'], 'conversations_type_check');
    t.text('status').notNullable().defaultTo('open').checkIn(['open', 'pending', 'resolved'], 'conversations_status_check');
    t.text('category');
    t.text('subject');
    t.text('assignee');
    t.integer('satisfaction').checkBetween([1, 5], 'conversations_satisfaction_check');
    t.integer('message_count').notNullable().defaultTo(0);
    t.timestamp('last_message_at', { useTz: true });
    t.timestamp('last_inbound_at', { useTz: true });
    t.timestamp('awaiting_reply_since', { useTz: true }).comment('first inbound message not yet answered by an agent');
    t.timestamp('resolved_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // The inbox: a tenant's conversations by last message (filters narrow it), and a customer's.
  await knex.raw('CREATE INDEX conversations_inbox ON conversations (tenant_id, last_message_at DESC, id DESC)');
  await knex.raw('CREATE INDEX conversations_customer ON conversations (customer_id, last_message_at DESC, id DESC)');
  // Inbound routing: the customer's latest thread on a channel.
  await knex.raw('CREATE INDEX conversations_thread ON conversations (tenant_id, customer_id, channel, created_at DESC)');
  await knex.raw('CREATE INDEX conversations_unmatched ON conversations (tenant_id, created_at DESC) WHERE customer_id IS NULL');

  await knex.schema.createTable('conversation_messages', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.text('direction').notNullable().checkIn(['inbound', 'outbound', 'internal'], 'conversation_messages_direction_check');
    t.text('body').notNullable();
    t.text('author');
    t.text('content_sid');
    t.jsonb('content_variables');
    t.text('state').checkIn(['received', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'], 'conversation_messages_state_check');
    t.text('provider_id');
    t.text('error');
    t.jsonb('media').notNullable().defaultTo('[]');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['conversation_id', 'created_at', 'id']);
  });
  await knex.raw('CREATE UNIQUE INDEX conversation_messages_provider ON conversation_messages (provider_id) WHERE provider_id IS NOT NULL');

  await knex.schema.createTable('customer_conversation_stats', (t) => {
    t.uuid('customer_id').primary().references('customers.id').onDelete('CASCADE');
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.integer('total_conversations').notNullable().defaultTo(0);
    t.integer('open_conversations').notNullable().defaultTo(0);
    t.integer('resolved_conversations').notNullable().defaultTo(0);
    t.integer('total_messages').notNullable().defaultTo(0);
    t.bigInteger('response_time_total_ms').notNullable().defaultTo(0);
    t.integer('response_count').notNullable().defaultTo(0);
    t.integer('satisfaction_total').notNullable().defaultTo(0);
    t.integer('satisfaction_count').notNullable().defaultTo(0);
    t.integer('total_complaints').notNullable().defaultTo(0);
    t.integer('open_complaints').notNullable().defaultTo(0);
    t.integer('resolved_complaints').notNullable().defaultTo(0);
    t.jsonb('complaints_by_category').notNullable().defaultTo('{}');
    t.timestamp('last_complaint_at', { useTz: true });
    t.timestamp('first_contact_at', { useTz: true });
    t.timestamp('last_interaction_at', { useTz: true });
    t.timestamp('last_message_at', { useTz: true });
    t.timestamp('last_inbound_at', { useTz: true });
  });
  await knex.raw('CREATE INDEX customer_conversation_stats_tenant ON customer_conversation_stats (tenant_id)');

  await knex.raw('ALTER TABLE customers DROP CONSTRAINT customers_source_check');
  await knex.raw(
    `ALTER TABLE customers ADD CONSTRAINT customers_source_check CHECK (source IN ('whatsapp', 'sms', 'referral', 'website', 'social_media', 'import', 'api', 'other'))`,
  );
}

/** Drops the conversation tables and restores the customer sources (sms customers become `other`). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(`UPDATE customers SET source = 'other' WHERE source = 'sms'`);
  await knex.raw('ALTER TABLE customers DROP CONSTRAINT customers_source_check');
  await knex.raw(
    `ALTER TABLE customers ADD CONSTRAINT customers_source_check CHECK (source IN ('whatsapp', 'referral', 'website', 'social_media', 'import', 'api', 'other'))`,
  );
  await knex.schema.dropTable('customer_conversation_stats');
  await knex.schema.dropTable('conversation_messages');
  await knex.schema.dropTable('conversations');
}
