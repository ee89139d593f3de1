import { z } from 'zod';
import { SEGMENT_LABELS, SOURCES, STATUSES, TIERS, type Customer } from './types';

const nullableText = z.string().nullable();
const timestamp = z.string().meta({ format: 'date-time' });

/**
 * A customer as every endpoint returns it and as customer events carry it (the OpenAPI
 * `Customer` component). It lives in the domain, not the API, because the event schemas
 * (domain/events) embed it and domain code may not import the API.
 */
export const CustomerView = z
  .object({
    id: z.uuid(),
    firstName: nullableText,
    lastName: nullableText,
    fullName: nullableText,
    email: nullableText,
    phone: nullableText.meta({ description: 'E.164' }),
    alternativePhones: z.array(z.string()),
    externalId: nullableText,
    avatar: nullableText,
    address: z.object({
      street: nullableText,
      city: nullableText,
      state: nullableText,
      country: nullableText,
      postalCode: nullableText,
      coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    }),
    tags: z.array(z.string()),
    status: z.enum(STATUSES),
    statusReason: nullableText,
    tier: z.enum(TIERS),
    segment: z.enum(SEGMENT_LABELS).nullable(),
    source: z.enum(SOURCES),
    preferences: z.object({
      language: nullableText,
      timezone: nullableText,
      email: z.boolean(),
      sms: z.boolean(),
      newsletter: z.boolean(),
      communicationHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    }),
    customFields: z.record(z.string(), z.string()),
    notes: nullableText,
    isBlocked: z.boolean(),
    blockReason: nullableText,
    blockedAt: timestamp.nullable(),
    statistics: z.object({
      totalOrders: z.number().int().meta({ description: 'Every order of the customer, whatever its status (cancelled and refunded included)' }),
      paidOrders: z.number().int().meta({ description: 'Orders not cancelled or refunded: the ones totalSpent and averageOrderValue count' }),
      totalSpent: z.number(),
      averageOrderValue: z.number(),
      firstOrderAt: timestamp.nullable(),
      lastOrderAt: timestamp.nullable(),
      lastInteractionAt: timestamp.nullable(),
    }),
    metadata: z.object({ createdBy: nullableText, lastModifiedBy: nullableText, createdAt: timestamp, lastModifiedAt: timestamp }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Customer' });

/** True when A and B are the same type (each assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time guard: the schema and the `Customer` type that toCustomer returns describe the
// same object, so a field changed in one place and not the other fails the type check.
const _customerViewMatchesType: Same<z.infer<typeof CustomerView>, Customer> = true;
void _customerViewMatchesType;
