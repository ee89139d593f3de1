import type { Knex } from 'knex';
import { badRequest } from '../../lib/errors';

/** How a list is paged: by page number (offset) or by an opaque cursor (keyset). */
export interface PageRequest {
  page: number;
  limit: number;
  cursor?: string;
  sortOrder: 'asc' | 'desc';
  /**
   * How to count the result: `capped` counts at most TOTAL_CAP matches (cheap whatever the size),
   * `exact` counts them all (a scan of every match), `none` skips the count.
   */
  total: TotalMode;
}

/** How a list counts its matches; see PageRequest.total. */
export type TotalMode = 'capped' | 'exact' | 'none';

/**
 * The most matches a capped count visits. Counting stops there, so a default list costs
 * milliseconds on a million customers; above it the total is reported as a lower bound.
 */
export const TOTAL_CAP = 1000;

/** The pagination block of every list response. */
export interface Pagination {
  /** The page number; null when the page was addressed by cursor. */
  page: number | null;
  limit: number;
  /** The number of matches; a lower bound (TOTAL_CAP) when totalExact is false. */
  total: number | null;
  totalPages: number | null;
  /** False when the count stopped at TOTAL_CAP (more match); null when no count was asked for. */
  totalExact: boolean | null;
  hasNext: boolean;
  hasPrevious: boolean;
  nextCursor: string | null;
}

/** A page of results. */
export interface Page<T> {
  data: T[];
  pagination: Pagination;
}

/** A sort key: a non-null SQL expression, with an index on exactly that expression. */
export interface SortKey {
  expression: string;
}

/** The column each page query adds to carry the sort value, as Postgres text, into the cursor. */
const SORT_VALUE = '__sort_value';

const encodeCursor = (value: unknown, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

/** A row id a cursor may carry: a UUID, or a bigint key (tables with bigIncrements ids, e.g. import_errors). */
const ROW_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,18})$/i;

/** The 400 for a cursor Herald did not issue (or one issued for another sort). */
const invalidCursor = () =>
  badRequest('The cursor is not valid; pass back nextCursor exactly as received', [{ location: 'query', path: 'cursor', message: 'invalid cursor' }]);

/** Postgres errors that mean a cursor value does not fit the sort expression's type. */
const BAD_VALUE_CODES = new Set(['22P02', '22007', '22008', '22003']);

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      ['string', 'number'].includes(typeof parsed[0]) &&
      typeof parsed[1] === 'string' &&
      ROW_ID.test(parsed[1])
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw invalidCursor();
}

/**
 * The count query of a list: every match (`exact`), or at most TOTAL_CAP + 1 of them (`capped`:
 * the inner LIMIT lets Postgres stop early, and one more row than the cap tells "more" apart).
 */
function countMatches(filtered: Knex.QueryBuilder, mode: TotalMode): Promise<Array<{ count: number }>> | undefined {
  if (mode === 'none') return undefined;
  const matches = filtered.clone().clearSelect().clearOrder();
  if (mode === 'exact') return matches.count<Array<{ count: number }>>({ count: '*' });
  return filtered.client
    .queryBuilder()
    .count<Array<{ count: number }>>({ count: '*' })
    .from(
      matches
        .select(filtered.client.raw('1'))
        .limit(TOTAL_CAP + 1)
        .as('capped'),
    );
}

/**
 * Runs a filtered query as one page: ordered by the sort key then id (a total order, so pages
 * never overlap or skip), limited to limit+1 rows to learn whether more follow. With a cursor
 * the page starts strictly after the cursor's row (keyset: no OFFSET scan); otherwise by page
 * number. The total, when asked for, is counted on the same filtered query.
 *
 * The cursor carries the sort value as Postgres renders it in text: timestamps keep their
 * microseconds (a JS Date would drop them, and the next page would repeat the last row).
 */
export async function fetchPage<Row extends object>(filtered: Knex.QueryBuilder, sort: SortKey, req: PageRequest, idColumn = 'id'): Promise<Page<Row>> {
  const dir = req.sortOrder;
  const db = filtered.client;
  const rowsQuery = filtered
    .clone()
    .select('*', db.raw(`(${sort.expression})::text AS ${SORT_VALUE}`))
    .orderByRaw(`(${sort.expression}) ${dir}, ${idColumn} ${dir}`)
    .limit(req.limit + 1);
  if (req.cursor) {
    const [value, id] = decodeCursor(req.cursor);
    rowsQuery.whereRaw(`((${sort.expression}), ${idColumn}) ${dir === 'asc' ? '>' : '<'} (?, ?)`, [value as Knex.Value, id]);
  } else {
    rowsQuery.offset((req.page - 1) * req.limit);
  }
  const countQuery = countMatches(filtered, req.total);
  const [rows, counted] = await Promise.all([
    (rowsQuery as Promise<Array<Record<string, unknown>>>).catch((err: { code?: string }) => {
      throw req.cursor && BAD_VALUE_CODES.has(err.code ?? '') ? invalidCursor() : err;
    }),
    countQuery,
  ]);
  const hasNext = rows.length > req.limit;
  const page = hasNext ? rows.slice(0, req.limit) : rows;
  const last = page[page.length - 1];
  const data = page.map((row) => {
    const { [SORT_VALUE]: _sortValue, ...rest } = row;
    return rest as unknown as Row;
  });
  const matched = counted === undefined ? null : Number(counted[0]?.count ?? 0);
  const totalExact = matched === null ? null : req.total === 'exact' || matched <= TOTAL_CAP;
  const total = matched === null ? null : Math.min(matched, req.total === 'exact' ? matched : TOTAL_CAP);
  return {
    data,
    pagination: {
      page: req.cursor ? null : req.page,
      limit: req.limit,
      total,
      totalPages: total === null ? null : Math.ceil(total / req.limit),
      totalExact,
      hasNext,
      hasPrevious: req.cursor ? true : req.page > 1,
      nextCursor: hasNext && last ? encodeCursor(last[SORT_VALUE], String(last[idColumn])) : null,
    },
  };
}
