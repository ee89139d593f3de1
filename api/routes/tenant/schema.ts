import { z } from 'zod';
import { ROLES } from '../../../domain/tenants/types';

/** The caller's tenant and how they are signed in. */
export const TenantResponse = z
  .object({
    data: z.object({
      id: z.uuid(),
      name: z.string(),
      slug: z.string(),
      createdAt: z.string(),
      principal: z.object({ role: z.enum(ROLES), actorType: z.string(), actorId: z.string() }),
    }),
  })
  .meta({ id: 'TenantResponse' });

/** Record counts of the caller's tenant, computed by a Temporal workflow. */
export const TenantSummaryResponse = z
  .object({ data: z.object({ tenantId: z.uuid(), customers: z.number().int(), orders: z.number().int(), events: z.number().int() }) })
  .meta({ id: 'TenantSummaryResponse' });
