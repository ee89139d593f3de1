import { z } from 'zod';
import * as data from './payloads';

/**
 * The one list of event types: each type's description and the schema of its `data`. Emitters
 * are typed by it (appendEvent), the webhook catalogue (GET /webhooks/event-types) lists it, and
 * the OpenAPI document's `webhooks` section is generated from it.
 */

/** customer.status_changed → CustomerStatusChanged: the stem of a type's component names. */
const pascal = (type: string) =>
  type
    .split(/[._]/)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** One catalogue entry: the data schema named `<Type>Data` in the OpenAPI components. */
function entry<S extends z.ZodType>(type: string, description: string, schema: S) {
  return {
    description,
    data: schema.meta({ id: `${pascal(type)}Data`, description: `The data of ${type}: ${description.charAt(0).toLowerCase()}${description.slice(1)}` }),
  };
}

/** Every event type Herald emits, with what it means and the shape of its data. */
export const EVENT_CATALOGUE = {
  'customer.created': entry('customer.created', 'A customer was created', data.CustomerCreatedData),
  'customer.updated': entry('customer.updated', 'A customer changed (PUT/PATCH, type, or an unsubscribe through a message link)', data.CustomerUpdatedData),
  'customer.deleted': entry('customer.deleted', 'A customer was deleted (soft or permanent)', data.CustomerDeletedData),
  'customer.blocked': entry('customer.blocked', 'A customer was blocked', data.CustomerBlockedData),
  'customer.unblocked': entry('customer.unblocked', 'A customer was unblocked', data.CustomerBlockedData),
  'customer.status_changed': entry('customer.status_changed', "A customer's status changed", data.CustomerStatusChangedData),
  'customer.tags_changed': entry('customer.tags_changed', "A customer's tags changed", data.CustomerTagsChangedData),
  'customer.event': entry(
    'customer.event',
    'A customer event was tracked (POST /track or /batch). Delivered only to endpoints that name it: not through `*` or `customer.*`',
    data.CustomerEventData,
  ),
  'order.created': entry('order.created', 'An order was placed', data.OrderCreatedData),
  'order.status_updated': entry('order.status_updated', "An order's status changed", data.OrderStatusUpdatedData),
  'segment.entered': entry('segment.entered', 'A customer entered a segment', data.segmentChangeData('entered')),
  'segment.exited': entry('segment.exited', 'A customer left a segment', data.segmentChangeData('exited')),
  'import.completed': entry('import.completed', 'A bulk import finished', data.ImportCompletedData),
  'import.failed': entry('import.failed', 'A bulk import failed', data.ImportFailedData),
  'campaign.scheduled': entry('campaign.scheduled', 'A campaign was scheduled', data.CampaignScheduledData),
  'campaign.started': entry('campaign.started', 'A campaign started sending', data.CampaignStartedData),
  'campaign.paused': entry('campaign.paused', 'A campaign was paused', data.CampaignPausedData),
  'campaign.resumed': entry('campaign.resumed', 'A campaign resumed', data.CampaignData),
  'campaign.cancelled': entry('campaign.cancelled', 'A campaign was cancelled', data.CampaignData),
  'campaign.sent': entry(
    'campaign.sent',
    'A campaign was sent (POST /campaigns/:id/send); its messages are handed to providers after campaign.started',
    data.CampaignData,
  ),
  'campaign.completed': entry('campaign.completed', 'A campaign finished', data.CampaignCompletedData),
  'endpoint.disabled': entry('endpoint.disabled', 'A webhook endpoint was disabled (failing for too long, or it answered 410)', data.EndpointDisabledData),
  'journey.entered': entry('journey.entered', 'A customer entered a journey (a run started)', data.JourneyEnteredData),
  'journey.converted': entry('journey.converted', "A journey run reached the journey's goal", data.JourneyConvertedData),
  'journey.exited': entry('journey.exited', 'A journey run exited before its end (exit node, exit rule, conversion, migration)', data.JourneyExitedData),
  'conversation.opened': entry(
    'conversation.opened',
    'A conversation was opened (an inbound message on a new thread, or an agent opened one)',
    data.ConversationOpenedData,
  ),
  'message.received': entry('message.received', 'A customer sent a message on a conversation (SMS or WhatsApp)', data.MessageReceivedData),
  'conversation.resolved': entry('conversation.resolved', 'A conversation was resolved', data.ConversationResolvedData),
  'webhook.test': entry('webhook.test', 'A test event sent by POST /webhooks/:id/test (only to that endpoint)', data.WebhookTestData),
};

/** Every event type Herald emits; webhooks subscribe to these names. */
export type EventType = keyof typeof EVENT_CATALOGUE;

/** The `data` of an event of type T, as its schema describes it. */
export type EventData<T extends EventType> = z.output<(typeof EVENT_CATALOGUE)[T]['data']>;

/** The event types, in catalogue order. */
export const EVENT_TYPE_NAMES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** The body schema of one type's webhooks (see {@link WEBHOOK_BODIES}). */
function bodySchema<T extends EventType>(type: T) {
  return z
    .strictObject({
      type: z.literal(type),
      timestamp: z.iso.datetime().meta({ description: 'When the event happened (UTC, milliseconds); the same on every retry' }),
      data: EVENT_CATALOGUE[type].data as (typeof EVENT_CATALOGUE)[T]['data'],
    })
    .meta({ id: `${pascal(type)}Event`, description: `The body of a ${type} webhook. ${EVENT_CATALOGUE[type].description}.` });
}

/**
 * The JSON body a webhook receiver gets for each type, exactly (Standard Webhooks' payload:
 * `type`, `timestamp`, `data`): built by Postgres from the event row (domain/webhooks/ledger.ts),
 * `timestamp` being when the event was written, in UTC with milliseconds. Built once, so each
 * component name stands for one schema.
 */
export const WEBHOOK_BODIES = Object.fromEntries(EVENT_TYPE_NAMES.map((type) => [type, bodySchema(type)])) as {
  [T in EventType]: ReturnType<typeof bodySchema<T>>;
};

/** Every webhook body, told apart by `type`: what a receiver can be sent. */
export const WebhookEvent = z
  .discriminatedUnion('type', Object.values(WEBHOOK_BODIES) as unknown as [ReturnType<typeof bodySchema>, ...Array<ReturnType<typeof bodySchema>>])
  .meta({ id: 'WebhookEvent', description: 'The body of any webhook Herald sends; `type` says which event it is and what `data` holds' });
