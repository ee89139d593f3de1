import type { Knex } from 'knex';
import * as tenantsAndApiKeys from './20261122000100_tenants_and_api_keys';
import * as customers from './20261122000200_customers';
import * as orders from './20261122000300_orders';
import * as eventsAndAuditLog from './20261122000400_events_and_audit_log';
import * as rateLimits from './20261122000500_rate_limits';
import * as idempotencyKeys from './20261122000600_idempotency_keys';
import * as segments from './20261122000700_segments';
import * as customerPlaceIndexes from './20261122000800_customer_place_indexes';
import * as orderCreatedAtIndex from './20261123000800_order_created_at_index';
import * as imports from './20261123000900_imports';
import * as campaigns from './20261123001000_campaigns';
import * as webhooks from './20261123001100_webhooks';
import * as webhookLedgerSpeed from './20261123001200_webhook_ledger_speed';
import * as eventsRelayPolls from './20261123001300_events_relay_polls';
import * as importChunks from './20261123001400_import_chunks';
import * as webhookEndpointLease from './20261123001500_webhook_endpoint_lease';
import * as webhookDeliveryEndpointCascade from './20261123001600_webhook_delivery_endpoint_cascade';
import * as eventRelayQueue from './20261123001700_event_relay_queue';
import * as paidOrders from './20261205000100_paid_orders';
import * as customerEvents from './20261205000200_customer_events';
import * as customerEventNameShards from './20261205001000_customer_event_name_shards';
import * as journeys from './20261206000100_journeys';
import * as journeysRouter from './20261206000200_journeys_router';
import * as journeysInsight from './20261206000300_journeys_insight';
import * as journeysChained from './20261206000400_journeys_chained';
import * as conversations from './20261207000100_conversations';
import * as conversationJourneyTriggers from './20261207000200_conversation_journey_triggers';
import * as conversationReplySweep from './20261207000300_conversation_reply_sweep';
import * as sendTime from './20261208000200_send_time';
import * as campaignVariants from './20261208000300_campaign_variants';
import * as conversationsInbox from './20261207000400_conversations_inbox';
import * as conversationInboundQueue from './20261207000500_conversation_inbound_queue';
import * as insightsIndexes from './20261208000400_insights_indexes';
import * as analyticsRollups from './20261208000100_analytics_rollups';
import * as analyticsActivePairs from './20261208000600_analytics_active_pairs';
import * as users from './20261209000100_users';
import * as eventsTraceParent from './20261210000100_events_trace_parent';

/** One migration module: reversible. */
interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/**
 * Every migration in order, imported statically so the same list runs under tsx, jest and a
 * bundler alike (knex's directory loader would need a TypeScript hook at runtime). Add new
 * migrations at the end; the name is the file name and is what knex records.
 */
const migrations: Array<[string, Migration]> = [
  ['20261122000100_tenants_and_api_keys', tenantsAndApiKeys],
  ['20261122000200_customers', customers],
  ['20261122000300_orders', orders],
  ['20261122000400_events_and_audit_log', eventsAndAuditLog],
  ['20261122000500_rate_limits', rateLimits],
  ['20261122000600_idempotency_keys', idempotencyKeys],
  ['20261122000700_segments', segments],
  ['20261122000800_customer_place_indexes', customerPlaceIndexes],
  ['20261123000800_order_created_at_index', orderCreatedAtIndex],
  ['20261123000900_imports', imports],
  ['20261123001000_campaigns', campaigns],
  ['20261123001100_webhooks', webhooks],
  ['20261123001200_webhook_ledger_speed', webhookLedgerSpeed],
  ['20261123001300_events_relay_polls', eventsRelayPolls],
  ['20261123001400_import_chunks', importChunks],
  ['20261123001500_webhook_endpoint_lease', webhookEndpointLease],
  ['20261123001600_webhook_delivery_endpoint_cascade', webhookDeliveryEndpointCascade],
  ['20261123001700_event_relay_queue', eventRelayQueue],
  ['20261205000100_paid_orders', paidOrders],
  ['20261205000200_customer_events', customerEvents],
  ['20261205001000_customer_event_name_shards', customerEventNameShards],
  ['20261206000100_journeys', journeys],
  ['20261206000200_journeys_router', journeysRouter],
  ['20261206000300_journeys_insight', journeysInsight],
  ['20261206000400_journeys_chained', journeysChained],
  ['20261207000100_conversations', conversations],
  ['20261207000200_conversation_journey_triggers', conversationJourneyTriggers],
  ['20261207000300_conversation_reply_sweep', conversationReplySweep],
  ['20261207000400_conversations_inbox', conversationsInbox],
  ['20261207000500_conversation_inbound_queue', conversationInboundQueue],
  ['20261208000100_analytics_rollups', analyticsRollups],
  ['20261208000200_send_time', sendTime],
  ['20261208000300_campaign_variants', campaignVariants],
  ['20261208000400_insights_indexes', insightsIndexes],
  ['20261208000600_analytics_active_pairs', analyticsActivePairs],
  ['20261209000100_users', users],
  ['20261210000100_events_trace_parent', eventsTraceParent],
];

/** knex's MigrationSource over the static list above. */
export const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => migrations,
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};
