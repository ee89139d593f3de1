import { z } from 'zod';
import type { Range } from '../domain/shared/filters';
import { dateTimeField } from './timeFields';
import type { PageRequest } from '../domain/shared/listing';

/** Query parameters every list accepts: page/limit (max 100) or a cursor, and sort order. */
export const PageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .meta({ description: 'Opaque: the `nextCursor` of the previous page of this list, with the same sort; pages by keyset instead of page number' }),
  sortOrder: z.enum(['asc', 'desc']).default('desc'),
  /** true (default): count up to 1,000 matches; exact: count them all (slow on big results); false: no count. */
  includeTotal: z
    .enum(['true', 'false', 'exact'])
    .default('true')
    .transform((v) => (({ true: 'capped', false: 'none', exact: 'exact' }) as const)[v]),
};

/** A query parsed with {@link PageQuery}'s fields. */
export type PageQueryValues = { page: number; limit: number; cursor?: string; sortOrder: 'asc' | 'desc'; includeTotal: PageRequest['total'] };

/** The domain's page request for a list query: one mapping, so every list pages the same way. */
export const pageRequestOf = (q: PageQueryValues): PageRequest => ({
  page: q.page,
  limit: q.limit,
  cursor: q.cursor,
  sortOrder: q.sortOrder,
  total: q.includeTotal,
});

/** The pagination block of list responses. */
export const PaginationView = z
  .object({
    page: z.number().int().nullable(),
    limit: z.number().int(),
    total: z.number().int().nullable(),
    totalPages: z.number().int().nullable(),
    totalExact: z
      .boolean()
      .nullable()
      .meta({ description: 'false when more than 1,000 match and total is that lower bound (ask includeTotal=exact for the full count)' }),
    hasNext: z.boolean(),
    hasPrevious: z.boolean(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'Pagination' });

const OPS = ['gte', 'lte', 'gt', 'lt'] as const;

/**
 * The four `name[op]` query parameters of a numeric range filter (seed 003's style). A count
 * compared with an integer column is a whole number within the column's range: Postgres refuses
 * to compare an integer with 2^70.
 */
export const numberRange = (name: string, kind: 'amount' | 'count' = 'amount') =>
  Object.fromEntries(
    OPS.map((op) => [
      `${name}[${op}]`,
      // Number('') is 0: a blank bound is made NaN, so it is refused as not a number instead of filtering on zero.
      z
        .preprocess(
          (v) => (typeof v === 'string' && v.trim() === '' ? Number.NaN : v),
          kind === 'count' ? z.coerce.number().int().min(-2147483648).max(2147483647) : z.coerce.number().finite(),
        )
        .optional(),
    ]),
  ) as Record<string, z.ZodOptional<z.ZodType<number>>>;

/**
 * The four `name[op]` query parameters of a date range filter (ISO dates or date-times), as
 * UTC text for Postgres (see {@link utcDateTime}).
 */
export const dateRange = (name: string) =>
  Object.fromEntries(OPS.map((op) => [`${name}[${op}]`, z.union([dateTimeField, z.iso.date()]).optional()])) as Record<
    string,
    z.ZodOptional<z.ZodType<string>>
  >;

/** Collects `name[op]` values from parsed query parameters into a {@link Range}. */
export function rangeFrom<T>(query: Record<string, unknown>, name: string): Range<T> | undefined {
  const range: Range<T> = {};
  for (const op of OPS) {
    const v = query[`${name}[${op}]`];
    if (v !== undefined) range[op] = v as T;
  }
  return Object.keys(range).length ? range : undefined;
}
