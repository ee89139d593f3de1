import { z } from 'zod';
import { canonicalLanguageTag } from '../../../domain/tenants/settings';
import { ROLES } from '../../../domain/tenants/types';
import { text } from '../../text';

/** A BCP 47 language tag, returned in canonical form (`en-us` → `en-US`). */
const LanguageTag = z
  .string()
  .trim()
  .max(35)
  .refine((tag) => canonicalLanguageTag(tag) !== undefined, 'must be a BCP 47 language tag such as "es" or "en-US"')
  .transform((tag) => canonicalLanguageTag(tag)!);

const DEFAULT_LANGUAGE_DESCRIPTION =
  'The language a customer gets when created without preferences.language (POST and PUT /customers, POST /customers/bulk/import, POST /imports). ' +
  'A BCP 47 tag such as "es" or "en-US", stored in canonical form; null (the default) leaves such customers without a language. ' +
  'Seed 001 tenants set "es". Changing it does not touch existing customers.';

const EVENTS_CREATE_DESCRIPTION =
  'Whether POST /track, /identify and /batch create the customer when userId (externalId) or email names none (true, the default); ' +
  'false answers 404 for such events (per item in a batch). null restores the default.';
const EVENT_RETENTION_DESCRIPTION =
  'How many months customer events are kept (1 to 120, default 13); older events are deleted by the daily partition job. null restores the default.';

/** The tenant's settings as returned. */
export const TenantSettingsView = z
  .object({
    defaultLanguage: z.string().nullable().meta({ description: DEFAULT_LANGUAGE_DESCRIPTION }),
    eventsCreateCustomers: z.boolean().meta({ description: EVENTS_CREATE_DESCRIPTION }),
    eventRetentionMonths: z.number().int().meta({ description: EVENT_RETENTION_DESCRIPTION }),
  })
  .meta({ id: 'TenantSettings' });

/** The tenant as returned by GET and PATCH /tenant. */
const TenantView = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  createdAt: z.string(),
  settings: TenantSettingsView,
});

/** The caller's tenant and how they are signed in. */
export const TenantResponse = z
  .object({ data: TenantView.extend({ principal: z.object({ role: z.enum(ROLES), actorType: z.string(), actorId: z.string() }) }) })
  .meta({ id: 'TenantResponse' });

/** Body of PATCH /tenant: the name and settings to change (a key left out stays as it is, a setting's null clears it). */
export const UpdateTenant = z
  .object({
    name: text({ min: 1, max: 200 })
      .optional()
      .meta({ description: 'The workspace name people see (console, invitation e-mails); surrounding spaces are trimmed. The slug does not change.' }),
    settings: z
      .object({
        defaultLanguage: LanguageTag.nullable().optional().meta({ description: DEFAULT_LANGUAGE_DESCRIPTION }),
        eventsCreateCustomers: z.boolean().nullable().optional().meta({ description: EVENTS_CREATE_DESCRIPTION }),
        eventRetentionMonths: z.number().int().min(1).max(120).nullable().optional().meta({ description: EVENT_RETENTION_DESCRIPTION }),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'UpdateTenant' });

/** Record counts of the caller's tenant, computed by a Temporal workflow. */
export const TenantSummaryResponse = z
  .object({ data: z.object({ tenantId: z.uuid(), customers: z.number().int(), orders: z.number().int(), events: z.number().int() }) })
  .meta({ id: 'TenantSummaryResponse' });
