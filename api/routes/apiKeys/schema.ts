import { z } from 'zod';
import { ROLES } from '../../../domain/tenants/types';
import { text } from '../../text';
import { dateTimeField } from '../../timeFields';
import { PageQuery, PaginationView } from '../../pagination';

/** Body of `POST /api/v1/api-keys`. */
export const CreateApiKey = z
  .object({
    name: text({ min: 1, max: 100 }),
    role: z.enum(ROLES).default('member'),
    customerId: z.uuid().optional(),
    expiresAt: dateTimeField.optional(),
  })
  .strict()
  .refine((v) => v.role !== 'customer' || v.customerId !== undefined, { path: ['customerId'], message: 'is required for the customer role' })
  .meta({ id: 'CreateApiKey' });

/** Body of `POST /api/v1/api-keys`, parsed. */
export type CreateApiKey = z.infer<typeof CreateApiKey>;

/** Path parameters naming one key. */
export const ApiKeyParams = z.object({ id: z.uuid() });

/** An API key as listed: never the secret. */
export const ApiKeyView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters of the key, to tell keys apart' }),
    role: z.enum(ROLES),
    customerId: z.uuid().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

/** Response of key creation: the only time the key itself is shown. */
export const CreatedApiKeyResponse = z
  .object({ data: ApiKeyView.extend({ key: z.string().meta({ description: 'The key; shown once, store it now' }) }) })
  .meta({ id: 'CreatedApiKey' });

/** Query of the key list: the shared paging parameters. */
export const ApiKeyListQuery = z.object(PageQuery);

/** Response of the key list: a page of keys. */
export const ApiKeyListResponse = z.object({ data: z.array(ApiKeyView), pagination: PaginationView }).meta({ id: 'ApiKeyList' });

/** Response with one key. */
export const ApiKeyResponse = z.object({ data: ApiKeyView }).meta({ id: 'ApiKeyResponse' });
