import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../campaigns/types';
import { CONVERSATION_CHANNELS, CONVERSATION_TYPES } from '../conversations/types';
import { STATUSES, TIERS } from '../customers/types';
import { CustomerView } from '../customers/view';
import type { EndReason } from '../journeys/types';
import { ORDER_STATUSES } from '../orders/types';

/**
 * The `data` of every event type, one schema each (named and described in catalogue.ts). Objects
 * are strict: a field an emitter adds without adding it here fails the event schema test, so
 * what receivers are told is what they get. Fields are as the API names them (camelCase, ISO
 * timestamps, amounts in currency units).
 */

const uuid = z.uuid();
const timestamp = z.iso.datetime({ offset: true });
const reason = z.string().nullable().meta({ description: 'Why, as given by whoever made the change; null when none was given' });

/** Fields of the customer events that carry the customer as it is after the change. */
const withCustomer = { customer: CustomerView };

/** customer.created: the new customer (from the API, or from an import that emits customer events). */
export const CustomerCreatedData = z.strictObject({
  ...withCustomer,
  importId: uuid.optional().meta({ description: 'The import that created the customer (only with the import option emitCustomerEvents)' }),
});

/** customer.updated: the customer after the change and the names of the changed fields. */
export const CustomerUpdatedData = z.strictObject({
  ...withCustomer,
  changed: z
    .array(z.string())
    .min(1)
    .meta({ description: 'The changed fields, named as the API names them (`email`, `preferences.email`, `address.city`, …)' }),
  from: z.enum(TIERS).optional().meta({ description: 'The previous tier (only for PUT /customers/:id/type)' }),
  to: z.enum(TIERS).optional().meta({ description: 'The new tier (only for PUT /customers/:id/type)' }),
  reason: z.literal('unsubscribed').optional().meta({ description: 'Present when the customer unsubscribed through a message link' }),
  campaignId: uuid.optional().meta({ description: 'The campaign whose message the customer unsubscribed from' }),
});

/** customer.deleted: only the id (the customer is gone from every read). */
export const CustomerDeletedData = z.strictObject({
  customerId: uuid,
  permanent: z.boolean().meta({ description: 'True when the customer and their orders were erased; false for a soft delete' }),
});

/** customer.blocked and customer.unblocked: the customer and the reason given. */
export const CustomerBlockedData = z.strictObject({ ...withCustomer, reason });

/** customer.status_changed: the customer, the previous and the new status. */
export const CustomerStatusChangedData = z.strictObject({ ...withCustomer, from: z.enum(STATUSES), to: z.enum(STATUSES), reason });

/** customer.tags_changed: the customer, the tags before and after. */
export const CustomerTagsChangedData = z.strictObject({
  ...withCustomer,
  action: z.enum(['set', 'add', 'remove']).meta({ description: 'How the tags were changed (`set` for PUT/PATCH of the customer)' }),
  from: z.array(z.string()),
  to: z.array(z.string()),
});

/** customer.event: an event a customer did, tracked through POST /track or /batch (issue 16). */
export const CustomerEventData = z.strictObject({
  eventId: uuid,
  customerId: uuid.nullable().meta({ description: 'The customer; null for an event known only by anonymousId (until an identify merges it)' }),
  anonymousId: z.string().nullable(),
  name: z.string().meta({ description: 'The event name as tracked ("Viewed Product")' }),
  properties: z.record(z.string(), z.unknown()),
  messageId: z.string().nullable(),
  occurredAt: timestamp,
  receivedAt: timestamp,
  backfill: z.boolean().meta({ description: 'True when the event occurred more than 24 h before Herald received it' }),
});

const orderStatus = z.enum(ORDER_STATUSES);
const money = z.number().meta({ description: 'In currency units, two decimals' });
const currency = z.string().length(3).meta({ description: 'ISO 4217 code' });

/** order.created: a summary of the order placed. */
export const OrderCreatedData = z.strictObject({
  orderId: uuid,
  orderNumber: z.string(),
  customerId: uuid,
  status: orderStatus,
  total: money,
  currency,
  itemsCount: z.number().int(),
});

/** order.status_updated: the order's transition and its tracking number. */
export const OrderStatusUpdatedData = z.strictObject({
  orderId: uuid,
  orderNumber: z.string(),
  customerId: uuid,
  from: orderStatus,
  to: orderStatus,
  trackingNumber: z.string().nullable(),
  reason,
  total: money,
  currency,
});

/** segment.entered and segment.exited; also written by SQL (domain/segments/membership.ts). */
export const segmentChangeData = (change: 'entered' | 'exited') => z.strictObject({ segmentId: uuid, customerId: uuid, change: z.literal(change) });

const importCounts = z.strictObject({
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int().meta({ description: 'duplicatesInFile + duplicatesExisting' }),
  duplicatesInFile: z.number().int(),
  duplicatesExisting: z.number().int(),
  failed: z.number().int(),
});

/** import.completed: the import's final counts. */
export const ImportCompletedData = z.strictObject({ importId: uuid, dryRun: z.boolean(), counts: importCounts });

/** import.failed: why it failed and the counts so far. */
export const ImportFailedData = z.strictObject({
  importId: uuid,
  error: z.string().max(2000),
  counts: importCounts.meta({ description: 'The counts when it failed' }),
});

/** What every campaign event carries: the campaign as it is after the change. */
const campaign = { campaignId: uuid, name: z.string(), channel: z.enum(['email', 'sms']), status: z.enum(CAMPAIGN_STATUSES) };

const schedule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('now') }),
  z.strictObject({ type: z.literal('at'), at: z.string() }),
  z.strictObject({ type: z.literal('recurring'), cron: z.string(), timezone: z.string() }),
]);

/** The campaign events with no more than the campaign itself (sent, resumed, cancelled). */
export const CampaignData = z.strictObject(campaign);

/** campaign.scheduled: the campaign and its schedule. */
export const CampaignScheduledData = z.strictObject({ ...campaign, schedule });

/** campaign.started: the audience snapshot's counts. */
export const CampaignStartedData = z.strictObject({
  ...campaign,
  recipients: z.number().int().meta({ description: 'Customers in the audience snapshot' }),
  queued: z.number().int(),
  skipped: z.number().int(),
});

/** campaign.paused: paused through the API or automatically. */
export const CampaignPausedData = z.strictObject({
  ...campaign,
  reason: z.string().meta({ description: 'Why it was paused' }),
  automatic: z.boolean().meta({ description: "True when Herald paused it (the failure rate passed the campaign's autoPauseFailureRate)" }),
});

/** campaign.completed: the final ledger counts. */
export const CampaignCompletedData = z.strictObject({
  ...campaign,
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});

/** endpoint.disabled: which endpoint and why. */
export const EndpointDisabledData = z.strictObject({
  endpointId: uuid,
  reason: z
    .enum(['gone', 'failing'])
    .meta({ description: '`gone`: the endpoint answered 410; `failing`: no success for WEBHOOK_DISABLE_AFTER (5 days by default)' }),
  failingSince: timestamp,
});

/** webhook.test: a fixed message for the endpoint being tested. */
export const WebhookTestData = z.strictObject({ endpointId: uuid, url: z.string(), message: z.string() });

/** What every journey event carries: the journey, the version the run is on, the run and its customer. */
const journeyRun = {
  journeyId: uuid,
  journeyName: z.string().meta({ description: "The journey's name when the event was written" }),
  version: z.number().int().meta({ description: 'The published version the run follows' }),
  runId: uuid,
  customerId: uuid,
};

/** journey.entered: a customer started a run. */
export const JourneyEnteredData = z.strictObject(journeyRun);

/** journey.converted: a run reached the journey's goal within its window. */
export const JourneyConvertedData = z.strictObject({
  ...journeyRun,
  messageId: uuid.nullable().meta({
    description: 'The last message the run sent before converting (its ledger id, the Message-ID), credited with the conversion; null when it sent none',
  }),
});

/** Why a run exits (the run ends with state `exited`). */
const EXIT_REASONS = ['exit_node', 'exit_rule', 'converted', 'migrated_to_exit', 'journey_deleted', 'customer_deleted'] as const satisfies readonly EndReason[];

/** journey.exited: a run ended before its last node. */
export const JourneyExitedData = z.strictObject({
  ...journeyRun,
  reason: z.enum(EXIT_REASONS).meta({
    description:
      '`exit_node`: it reached an exit node; `exit_rule`: an exit rule matched; `converted`: it converted and the journey exits on conversion; `migrated_to_exit`: a new version mapped its node to exit; `journey_deleted`; `customer_deleted`',
  }),
});

/** What every conversation event carries: the thread, its customer and channel. */
const conversation = {
  conversationId: uuid,
  customerId: uuid.nullable().meta({ description: 'The customer; null for an inbound message from a number Herald could not parse' }),
  channel: z.enum(CONVERSATION_CHANNELS),
};

/** conversation.opened: a new thread, by an inbound message or an agent. */
export const ConversationOpenedData = z.strictObject({
  ...conversation,
  type: z.enum(CONVERSATION_TYPES),
  category: z.string().nullable(),
  subject: z.string().nullable(),
});

/** message.received: an inbound message from the customer. */
export const MessageReceivedData = z.strictObject({ ...conversation, messageId: uuid, body: z.string(), receivedAt: timestamp });

/** conversation.resolved: the thread was resolved, with its score when one was given. */
export const ConversationResolvedData = z.strictObject({
  ...conversation,
  type: z.enum(CONVERSATION_TYPES),
  category: z.string().nullable(),
  satisfaction: z.number().int().min(1).max(5).nullable(),
  resolvedAt: timestamp,
});
