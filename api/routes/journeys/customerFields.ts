import type { z } from 'zod';
import { text } from '../../text';
import { CustomerInput } from '../customers/schema';

/** The PATCH /customers/:id fields an update_customer node may set (null clears, as in a PATCH). */
const SETTABLE = {
  firstName: true,
  lastName: true,
  fullName: true,
  email: true,
  phone: true,
  externalId: true,
  avatar: true,
  address: true,
  status: true,
  tier: true,
  segment: true,
  source: true,
  preferences: true,
  notes: true,
} as const;

/** `customFields.<key>`: one custom field, its key as custom field keys are written. */
const CUSTOM_FIELD = /^customFields\.[\w.-]{1,100}$/;

/**
 * What an update_customer node sets: PATCH /customers/:id's fields, validated by the same schema,
 * plus `customFields.<key>` entries (text, or null to clear). Stored as given; the runner applies it
 * through the customer commands, so events, audit and segment re-evaluation follow.
 */
export const SetCustomerFields = CustomerInput.pick(SETTABLE)
  .catchall(text({ max: 2000, trim: false }).nullable())
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(key in SETTABLE) && !CUSTOM_FIELD.test(key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'is not a customer field or customFields.<key>' });
    }
  })
  .meta({
    description: 'Customer fields to set (PATCH /customers/:id names) and customFields.<key> entries; null clears',
    propertyNames: { pattern: `^(${Object.keys(SETTABLE).join('|')}|customFields\\.[\\w.-]{1,100})$` },
  } as never) as unknown as z.ZodType<Record<string, unknown>, Record<string, unknown>>;
