/**
 * Which domain folder writes each table. Every table has exactly one writer: other modules call
 * its functions, so a change to how rows are stored, audited or evented is made in one place.
 * `test/integration/oneWriter.test.ts` reads every source file and fails when a module writes a
 * table its folder does not own, or when a migrated table is missing from this map.
 */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  tenants: 'tenants',
  api_keys: 'tenants',
  audit_log: 'audit',
  customers: 'customers',
  customer_notes: 'customers',
  customer_config: 'customers',
  orders: 'orders',
  order_items: 'orders',
  order_status_history: 'orders',
  segments: 'segments',
  segment_memberships: 'segments',
  campaigns: 'campaigns',
  campaign_recipients: 'campaigns',
  message_suppressions: 'messaging',
  dev_outbox: 'messaging',
  events: 'events',
  customer_events: 'customerEvents',
  customer_event_ids: 'customerEvents',
  customer_event_names: 'customerEvents',
  event_relay_queue: 'webhooks',
  webhook_endpoints: 'webhooks',
  webhook_deliveries: 'webhooks',
  webhook_attempts: 'webhooks',
  webhook_replays: 'webhooks',
  imports: 'imports',
  import_rows: 'imports',
  import_keys: 'imports',
  import_checked: 'imports',
  import_chunks: 'imports',
  import_errors: 'imports',
  idempotency_keys: 'idempotency',
  journeys: 'journeys',
  journey_versions: 'journeys',
  journey_runs: 'journeys',
  journey_steps: 'journeys',
  journey_event_queue: 'journeys',
  conversations: 'conversations',
  conversation_messages: 'conversations',
  customer_conversation_stats: 'conversations',
  analytics_order_slots: 'analytics',
  analytics_customer_slots: 'analytics',
  analytics_campaign_slots: 'analytics',
  analytics_rollup_state: 'analytics',
  segment_size_snapshots: 'analytics',
  conversation_inbound_queue: 'conversations',
  analytics_active_zones: 'analytics',
  analytics_active_pairs: 'analytics',
  users: 'users',
  memberships: 'users',
  sessions: 'users',
  user_tokens: 'users',
};

/**
 * Tables no Herald module writes: a library owns them (the rate limiter's counters, knex's
 * migration ledger). Listed so the map above stays complete.
 */
export const LIBRARY_TABLES: Readonly<Record<string, string>> = {
  rate_limits: 'rate-limiter-flexible, configured in bin/runtime.ts',
  knex_migrations: 'knex, run by db/migrate.ts',
  knex_migrations_lock: 'knex, run by db/migrate.ts',
};
