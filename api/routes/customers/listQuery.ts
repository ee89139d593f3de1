import { z } from 'zod';
import { SEGMENT_LABELS, SORT_FIELDS, SOURCES, STATUSES, TIERS, type CustomerFilters, type SortField } from '../../../domain/customers/types';
import type { PageRequest } from '../../../domain/shared/listing';
import { dateRange, numberRange, PageQuery, pageRequestOf, rangeFrom } from '../../pagination';
import { enumList } from '../../queryFields';
import { text } from '../../text';

const SORT_ALIASES: Record<string, SortField> = {
  name: 'fullName',
  orderCount: 'totalOrders',
  lastInteraction: 'lastInteractionAt',
  lastOrderDate: 'lastOrderAt',
};

/**
 * Query of the customer list, search and export: paging, sorting and every filter, with the
 * seeds' spellings (`customerType`, `segment`, `fromDate`/`toDate`, `orderByField`/`orderBy`,
 * `totalSpent[gte]`).
 */
export const CustomerListQuery = z.object({
  ...PageQuery,
  sortBy: z.enum([...SORT_FIELDS, ...Object.keys(SORT_ALIASES)] as [string, ...string[]]).optional(),
  orderByField: z.enum([...SORT_FIELDS, ...Object.keys(SORT_ALIASES)] as [string, ...string[]]).optional(),
  orderBy: z.enum(['asc', 'desc']).optional(),
  search: text({ min: 1, max: 100 }).optional(),
  status: enumList([...STATUSES, 'vip'] as const).optional(),
  tier: enumList(TIERS).optional(),
  customerType: enumList(TIERS).optional(),
  segment: enumList(SEGMENT_LABELS).optional(),
  source: enumList(SOURCES).optional(),
  tags: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .optional(),
  tagsMatch: z.enum(['any', 'all']).default('any'),
  city: text({ min: 1, max: 100 }).optional(),
  country: text({ min: 1, max: 100 }).optional(),
  isBlocked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  externalId: text({ min: 1, max: 200 }).optional(),
  segmentId: z.uuid().optional(),
  status_customer: enumList(['a', 'i', 'f'] as const)
    .transform((v) => v.map((s) => s.toUpperCase() as 'A' | 'I' | 'F'))
    .optional(),
  fromDate: z.iso.date().optional(),
  toDate: z.iso.date().optional(),
  ...numberRange('totalSpent'),
  ...numberRange('orderCount', 'count'),
  ...dateRange('createdAt'),
  ...dateRange('lastOrderAt'),
});

/** Parsed list query. */
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

/** Seed 004's one-letter statuses: A(ctive), I(nactive), F(rozen, Herald's suspended). */
const SEED_004_STATUS = { A: 'active', I: 'inactive', F: 'suspended' } as const;

/** The domain filters a list query asks for. */
export function filtersFrom(q: CustomerListQuery): CustomerFilters {
  const statuses = [...(q.status?.filter((s) => s !== 'vip') ?? []), ...(q.status_customer?.map((c) => SEED_004_STATUS[c]) ?? [])] as NonNullable<
    CustomerFilters['status']
  >;
  const tiers = [...(q.tier ?? []), ...(q.customerType ?? []), ...(q.status?.includes('vip') ? (['vip'] as const) : [])];
  const createdAt = rangeFrom<string>(q, 'createdAt') ?? {};
  if (q.fromDate) createdAt.gte = `${q.fromDate}T00:00:00Z`;
  if (q.toDate) createdAt.lt = new Date(new Date(`${q.toDate}T00:00:00Z`).getTime() + 86400000).toISOString();
  return {
    status: statuses.length ? statuses : undefined,
    externalId: q.externalId,
    tier: tiers.length ? tiers : undefined,
    segment: q.segment,
    source: q.source,
    tags: q.tags?.length ? q.tags : undefined,
    tagsMatch: q.tagsMatch,
    city: q.city,
    country: q.country,
    isBlocked: q.isBlocked,
    search: q.search,
    totalSpent: rangeFrom<number>(q, 'totalSpent'),
    orderCount: rangeFrom<number>(q, 'orderCount'),
    createdAt: Object.keys(createdAt).length ? createdAt : undefined,
    lastOrderAt: rangeFrom<string>(q, 'lastOrderAt'),
  };
}

/** The sort field a list query asks for (createdAt by default). */
export function sortFrom(q: CustomerListQuery): SortField {
  const asked = q.sortBy ?? q.orderByField ?? 'createdAt';
  return SORT_ALIASES[asked] ?? (asked as SortField);
}

/** The page a list query asks for. */
export const pageFrom = (q: CustomerListQuery): PageRequest => pageRequestOf({ ...q, sortOrder: q.orderBy ?? q.sortOrder });
