import { z } from 'zod';
import { phoneInput } from '../../../domain/customers/phoneInput';
import { SEGMENT_LABELS, SOURCES, STATUSES, TIERS } from '../../../domain/customers/types';
import { text } from '../../text';

/** An enum that accepts any letter case ("Active", "VIP"), as the seeds send them. */
const looseEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(values));

/** Optional-length text, trimmed, at most `max` characters. */
const upTo = (max: number) => text({ max });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');
/** Phones as people write them, normalised to E.164 (and checked) by the customer service. */
const phone = phoneInput();

const Coordinates = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).strict();

/** A postal address; `zipCode` is seed 003's name for postalCode. */
const AddressInput = z
  .object({
    street: upTo(200).nullish(),
    city: upTo(100).nullish(),
    state: upTo(100).nullish(),
    country: upTo(100).nullish(),
    postalCode: upTo(20).nullish(),
    zipCode: upTo(20).nullish(),
    coordinates: Coordinates.nullish(),
  })
  .strict();

/** Seed 004's billing address (ids of its own lookup tables are accepted and ignored). */
const BillingAddressInput = z
  .object({
    address_street_1: upTo(200).nullish(),
    address_street_2: upTo(200).nullish(),
    city: upTo(100).nullish(),
    state: upTo(100).nullish(),
    country: upTo(100).nullish(),
    zip: upTo(20).nullish(),
    state_id: z.unknown().optional(),
    country_id: z.unknown().optional(),
  })
  .strict();

/** Preferences, with the seeds' names for channel consent (`smsNotifications`, `channel`, …). */
const PreferencesInput = z
  .object({
    language: upTo(20).nullish(),
    timezone: upTo(60).nullish(),
    email: z.boolean().optional(),
    sms: z.boolean().optional(),
    newsletter: z.boolean().optional(),
    emailNotifications: z.boolean().optional(),
    smsNotifications: z.boolean().optional(),
    channel: z.enum(['email', 'sms']).optional(),
    frequency: upTo(30).optional(),
    preferredAgent: upTo(100).optional(),
    communicationHours: z.object({ start: hhmm, end: hhmm }).strict().nullish(),
  })
  .strict();

/**
 * The customer body of create, PUT and PATCH: Herald's names plus every seed's aliases
 * (name, phoneNumber, contactNumber, location, billing_address, customerType, segment…).
 * Unknown fields are refused so typos don't vanish silently.
 */
export const CustomerInput = z
  .object({
    firstName: upTo(100).nullish(),
    lastName: upTo(100).nullish(),
    fullName: upTo(100).nullish(),
    name: upTo(100).nullish(),
    contact_name: upTo(100).nullish(),
    email: z.email('must be a valid email address').max(254).nullish(),
    phone: phone.nullish(),
    phoneNumber: phoneInput('Seed alias of phone').nullish(),
    contactNumber: phoneInput('Seed alias of phone').nullish(),
    alternativePhones: z.array(phone).max(10).optional(),
    externalId: upTo(200).nullish(),
    avatar: z.url().max(2000).nullish(),
    address: AddressInput.nullish(),
    location: AddressInput.nullish(),
    billing_address: BillingAddressInput.nullish(),
    tags: z
      .array(text({ min: 1, max: 50, message: 'each tag must be at most 50 characters' }))
      .max(100)
      .optional(),
    status: looseEnum(STATUSES).optional(),
    customerStatus: looseEnum(STATUSES).optional(),
    tier: looseEnum(TIERS).optional(),
    customerType: looseEnum(TIERS).optional(),
    segment: looseEnum(SEGMENT_LABELS).nullish(),
    segmentLabel: looseEnum(SEGMENT_LABELS).nullish(),
    source: looseEnum(SOURCES).optional(),
    preferences: PreferencesInput.optional(),
    customFields: z
      .record(z.string(), text({ max: 2000, trim: false }))
      .refine((m) => Object.keys(m).every((k) => [...k].length <= 100), 'keys must be at most 100 characters')
      .meta({ propertyNames: { maxLength: 100 } } as never)
      .optional(),
    notes: upTo(5000).nullish(),
    authentication: z.unknown().optional(),
    send_after_created_email: z.unknown().optional(),
  })
  .strict()
  .meta({ id: 'CustomerInput' });

/** Parsed customer body. */
export type CustomerInput = z.infer<typeof CustomerInput>;

/** The fields that identify a person: create and PUT need at least one of them. */
const IDENTIFYING = ['email', 'phone', 'phoneNumber', 'contactNumber', 'name', 'fullName', 'firstName', 'lastName', 'externalId'] as const;

/** Create and PUT need something to identify the person by. */
export const CustomerCreateInput = CustomerInput.refine((b) => IDENTIFYING.some((field) => Boolean(b[field])), {
  message: 'a customer needs at least a name, an email, a phone or an externalId',
  path: ['email'],
}).meta({
  id: 'CustomerCreateInput',
  // The refinement above, as JSON Schema: at least one identifying field holds something besides white space.
  anyOf: IDENTIFYING.map((field) => ({
    required: [field],
    properties: { [field]: { type: 'string', pattern: '[^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]' } },
  })),
} as never);

/** Path parameter naming one customer. */
export const CustomerParams = z.object({ id: z.uuid('must be a customer id (UUID)') });

/** Body of PATCH /customers/:id/tags. */
export const TagsInput = z
  .object({ tags: z.array(text({ min: 1, max: 50 })).max(100), action: z.enum(['set', 'add', 'remove']).default('set') })
  .strict()
  .meta({ id: 'TagsInput' });

/** Body of PATCH /customers/:id/block. */
export const BlockInput = z
  .object({ isBlocked: z.boolean(), blockReason: upTo(500).optional() })
  .strict()
  .meta({ id: 'BlockInput' });

/** Body of PATCH /customers/:id/status. */
export const StatusInput = z
  .object({ status: looseEnum(STATUSES), reason: upTo(500).optional() })
  .strict()
  .meta({ id: 'StatusInput' });

/** Body of PATCH /customers/:id/type. */
export const TypeInput = z
  .object({ customerType: looseEnum(TIERS), notes: text({ min: 10, max: 1000, message: 'a note must be 10 to 1000 characters' }).optional() })
  .strict()
  .meta({ id: 'TypeInput' });

/** Body of POST /customers/:id/notes (seed 002: 10–1000 characters). */
export const NoteInput = z
  .object({ content: text({ min: 10, max: 1000, message: 'must be 10 to 1000 characters' }) })
  .strict()
  .meta({ id: 'NoteInput' });

/** A configuration key: ASCII letters, digits, `_`, `.` or `-`, 1 to 100 of them. */
const CONFIG_KEY = /^[A-Za-z0-9_.-]{1,100}$/;

/** Body of PUT /customers/:id/config: keys to set (null removes one). */
export const ConfigInput = z
  .record(z.string().regex(CONFIG_KEY, 'keys are 1 to 100 letters, digits, _ . or -'), z.unknown())
  .meta({ id: 'ConfigInput', propertyNames: { pattern: CONFIG_KEY.source } } as never);

/** Body of seed 004's POST /customer/config: `{ customer_id, <key>: <value>, … }`. */
export const SeedConfigInput = z.object({ customer_id: z.uuid() }).catchall(z.unknown()).meta({ id: 'SeedConfigInput' });

/** Query of DELETE /customers/:id. */
export const DeleteQuery = z.object({
  permanent: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
