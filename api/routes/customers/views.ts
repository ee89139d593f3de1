import { z } from 'zod';
import { SEGMENT_LABELS, SOURCES, STATUSES, TIERS } from '../../../domain/customers/types';
import { PaginationView } from '../../pagination';

const nullableText = z.string().nullable();
const timestamp = z.string().meta({ format: 'date-time' });

/** A customer as every endpoint returns it. */
export const CustomerView = z
  .object({
    id: z.uuid(),
    firstName: nullableText, lastName: nullableText, fullName: nullableText,
    email: nullableText, phone: nullableText.meta({ description: 'E.164' }), alternativePhones: z.array(z.string()),
    externalId: nullableText, avatar: nullableText,
    address: z.object({
      street: nullableText, city: nullableText, state: nullableText, country: nullableText, postalCode: nullableText,
      coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    }),
    tags: z.array(z.string()),
    status: z.enum(STATUSES), statusReason: nullableText, tier: z.enum(TIERS), segment: z.enum(SEGMENT_LABELS).nullable(), source: z.enum(SOURCES),
    preferences: z.object({
      language: nullableText, timezone: nullableText, email: z.boolean(), sms: z.boolean(), newsletter: z.boolean(),
      communicationHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    }),
    customFields: z.record(z.string(), z.string()),
    notes: nullableText,
    isBlocked: z.boolean(), blockReason: nullableText, blockedAt: timestamp.nullable(),
    statistics: z.object({
      totalOrders: z.number().int().meta({ description: 'Every order of the customer, whatever its status (cancelled and refunded included)' }),
      paidOrders: z.number().int().meta({ description: 'Orders not cancelled or refunded: the ones totalSpent and averageOrderValue count' }),
      totalSpent: z.number(), averageOrderValue: z.number(),
      firstOrderAt: timestamp.nullable(), lastOrderAt: timestamp.nullable(), lastInteractionAt: timestamp.nullable(),
    }),
    metadata: z.object({ createdBy: nullableText, lastModifiedBy: nullableText, createdAt: timestamp, lastModifiedAt: timestamp }),
    createdAt: timestamp, updatedAt: timestamp,
  })
  .meta({ id: 'Customer' });

/** `{ data: customer }`. */
export const CustomerResponse = z.object({ data: CustomerView }).meta({ id: 'CustomerResponse' });

/** One customer with recent orders. */
export const CustomerDetailResponse = z.object({ data: CustomerView.extend({ recentOrders: z.array(z.unknown()) }) }).meta({ id: 'CustomerDetailResponse' });

/** A page of customers. */
export const CustomerListResponse = z.object({ data: z.array(CustomerView), pagination: PaginationView }).meta({ id: 'CustomerList' });

/** A note of the notes log. */
export const NoteView = z.object({ noteId: z.uuid(), content: z.string(), addedBy: nullableText, addedAt: timestamp }).meta({ id: 'CustomerNote' });

/** Free-form JSON objects (statistics, analytics, config). */
export const ObjectResponse = z.object({ data: z.record(z.string(), z.unknown()) });
