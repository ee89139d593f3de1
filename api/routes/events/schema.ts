import { z } from 'zod';
import { phoneInput } from '../../../domain/customers/phoneInput';
import { PageQuery, PaginationView, dateRange } from '../../pagination';
import { text } from '../../text';
import { dateTimeField } from '../../timeFields';

/**
 * Customer events in the Segment spec's shape (track / identify / batch), so existing senders
 * work unchanged: fields Segment's libraries add (`type`, `sentAt`, `integrations`, `channel`…)
 * are accepted and ignored. Rules no schema states (a timestamp at most 24 h ahead, properties
 * and context up to 32 KB as JSON, an identity) are checked by domain/customerEvents.
 */

const id = (what: string) => text({ min: 1, max: 200 }).meta({ description: what });
const userId = id("The customer's externalId (Segment's userId)");
const anonymousId = id('An id of someone not identified yet; their events are attached to the customer when an identify carries it with a userId');
const email = z.email('must be a valid email address').max(254);
const jsonObject = z.record(z.string(), z.unknown());

/** The identity fields of a track, of which at least one is required. */
const IDENTITY_REQUIRED = { anyOf: ['userId', 'externalId', 'anonymousId', 'email'].map((k) => ({ required: [k] })) };

/** Rules of a track that its schema cannot state. */
export const TRACK_RULES = [
  { status: 422, rule: 'timestamp must not be more than 24 hours ahead of the server clock (older ones are stored as backfills)' },
  { status: 422, rule: 'properties and context must each be at most 32 KB as JSON (UTF-8)' },
  { status: 404, rule: 'when the tenant setting eventsCreateCustomers is false, a userId or email that names no customer is refused' },
  { status: 409, rule: 'a userId that names no customer, sent with an email that another customer (with another externalId) holds' },
] as const;

/** The fields of one track call (also a batch item with type "track"). */
const trackFields = {
  type: z.literal('track').optional(),
  userId: userId.optional(),
  externalId: id("Same as userId (Herald's name); userId wins when both are sent").optional(),
  anonymousId: anonymousId.optional(),
  email: email.optional().meta({ description: 'Identifies the customer by email when no userId is sent' }),
  event: text({ min: 1, max: 200 }).meta({ description: 'The event name ("Viewed Product"), 1 to 200 characters' }),
  properties: jsonObject.default({}).meta({ description: 'What happened, as a JSON object (at most 32 KB)' }),
  timestamp: dateTimeField
    .optional()
    .meta({ description: 'When it happened (RFC 3339); the time of receipt when absent. More than 24 h in the past marks a backfill' }),
  messageId: id('Unique per tenant: a repeat within 30 days (35 kept) answers deduplicated: true and stores nothing').optional(),
  context: jsonObject.optional().meta({ description: 'Segment context (library, page, ip…), stored as sent (at most 32 KB)' }),
};

/** Body of POST /track. */
export const TrackCall = z
  .object(trackFields)
  .meta({ id: 'TrackCall', description: 'A Segment track call; one of userId, externalId, anonymousId or email is required', ...IDENTITY_REQUIRED } as never);

/** Traits Herald maps onto customer fields; every other trait goes to customFields. */
const Traits = z
  .looseObject({
    email: email.nullish(),
    phone: phoneInput().nullish(),
    firstName: text({ max: 100 }).nullish(),
    lastName: text({ max: 100 }).nullish(),
    name: text({ max: 100 }).nullish().meta({ description: "The customer's full name" }),
    avatar: z.url().max(2000).nullish(),
    tags: z
      .array(text({ min: 1, max: 50, message: 'each tag must be at most 50 characters' }))
      .max(100)
      .optional(),
    address: z
      .looseObject({
        street: text({ max: 200 }).nullish(),
        city: text({ max: 100 }).nullish(),
        state: text({ max: 100 }).nullish(),
        country: text({ max: 100 }).nullish(),
        postalCode: text({ max: 20 }).nullish(),
      })
      .nullish(),
  })
  .meta({
    description:
      'Traits: email, phone, firstName, lastName, name, avatar, tags and address set those fields; any other trait is kept in customFields as text (null removes it)',
  });

/** The fields of one identify call (also a batch item with type "identify"). */
const identifyFields = {
  type: z.literal('identify').optional(),
  userId: userId.optional(),
  anonymousId: anonymousId.optional(),
  email: email.optional().meta({ description: 'Identifies the customer when no userId is sent (traits.email does too)' }),
  traits: Traits.default({}),
  messageId: id('Accepted for Segment compatibility; identify is idempotent by itself').optional(),
  timestamp: dateTimeField.optional(),
  context: jsonObject.optional(),
};

/** Rules of an identify that its schema cannot state. */
export const IDENTIFY_RULES = [
  { status: 422, rule: 'userId, email or traits.email must name the customer (an anonymousId alone names no one)' },
  {
    status: 422,
    rule: 'traits that are not customer fields become customFields: keys of at most 100 characters, values of at most 2,000 characters as text; phone must be a valid number',
  },
  { status: 404, rule: 'when the tenant setting eventsCreateCustomers is false, a customer that does not exist is not created' },
  { status: 409, rule: 'an email (or phone) that another customer holds' },
] as const;

/** Body of POST /identify. */
export const IdentifyCall = z
  .object(identifyFields)
  .meta({ id: 'IdentifyCall', description: 'A Segment identify call: creates or updates the customer named by userId or email' });

/** Most items of a batch. */
export const MAX_BATCH_ITEMS = 500;
/** Largest batch body, in bytes. */
export const MAX_BATCH_BYTES = 500 * 1024;

/** Body of POST /batch: items are checked one by one, each answering its own error. */
export const BatchCall = z
  .object({
    batch: z
      .array(
        z.record(z.string(), z.unknown()).meta({
          description: 'A TrackCall or IdentifyCall with its `type` ("track" or "identify"); an item that is not valid gets its own error in the results',
        }),
      )
      .min(1)
      .max(MAX_BATCH_ITEMS),
    context: jsonObject.optional().meta({ description: 'Context shared by the items (used where an item has none)' }),
  })
  .meta({ id: 'BatchCall', description: `Up to ${MAX_BATCH_ITEMS} items and ${MAX_BATCH_BYTES / 1024} KB` });

/** The schemas a batch item is checked with, by its type. */
export const BATCH_ITEM_SCHEMAS = { track: TrackCall, identify: IdentifyCall } as const;

/** An item's or a request's error, in the API's error shape. */
const ItemErrorView = z.object({ status: z.number().int(), code: z.string(), message: z.string(), details: z.unknown().optional() });

/** What a track answers. */
export const TrackResultView = z.object({
  id: z.uuid().meta({ description: "The event id (the first one's for a deduplicated repeat)" }),
  customerId: z.uuid().nullable().meta({ description: 'null for an event known only by anonymousId' }),
  deduplicated: z.boolean(),
});

/** What an identify answers. */
export const IdentifyResultView = z.object({
  customerId: z.uuid(),
  created: z.boolean(),
  mergedEvents: z.number().int().meta({ description: 'Anonymous events of anonymousId attached to the customer by this call' }),
});

/** One item's outcome in a batch answer. */
const BatchResultView = z.object({
  index: z.number().int(),
  type: z.string(),
  ok: z.boolean(),
  id: z.uuid().optional(),
  customerId: z.uuid().nullable().optional(),
  deduplicated: z.boolean().optional(),
  created: z.boolean().optional(),
  mergedEvents: z.number().int().optional(),
  error: ItemErrorView.optional(),
});

/** What a batch answers. */
export const BatchResponse = z
  .object({
    data: z.object({
      accepted: z.number().int(),
      deduplicated: z.number().int(),
      failed: z.number().int(),
      results: z.array(BatchResultView).meta({ description: 'One per item, in order' }),
    }),
  })
  .meta({ id: 'BatchResponse' });

/** A stored event as listed. */
export const CustomerEventView = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    anonymousId: z.string().nullable(),
    name: z.string(),
    properties: jsonObject,
    context: jsonObject.nullable(),
    messageId: z.string().nullable(),
    occurredAt: z.string(),
    receivedAt: z.string(),
    backfill: z.boolean().meta({ description: 'True when the event occurred more than 24 h before it was received' }),
  })
  .meta({ id: 'CustomerEvent' });

/** Path of GET /customers/:id/events. */
export const CustomerEventParams = z.object({ id: z.uuid('must be a customer id (UUID)') });

/** Query of GET /customers/:id/events. */
export const CustomerEventListQuery = z.object({
  ...PageQuery,
  name: z.string().max(2000).optional().meta({ description: 'Only these event names (comma-separated)' }),
  ...dateRange('occurredAt'),
});

/** A page of a customer's events. */
export const CustomerEventListResponse = z.object({ data: z.array(CustomerEventView), pagination: PaginationView }).meta({ id: 'CustomerEventList' });

/** Query of GET /events/names. */
export const EventNamesQuery = z.object({
  prefix: z.string().max(200).optional().meta({ description: 'Only names that start with this text' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The names seen. */
export const EventNamesResponse = z
  .object({
    data: z.array(
      z.object({
        name: z.string(),
        count: z.number().int().meta({ description: 'Events received under this name (retention does not lower it)' }),
        firstSeenAt: z.string(),
        lastSeenAt: z.string().meta({ description: 'The latest occurrence' }),
      }),
    ),
  })
  .meta({ id: 'EventNames' });
