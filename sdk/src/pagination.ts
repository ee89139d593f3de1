import type { Pagination } from './types';

/** Where a page starts: a page number, or a cursor from the previous page's `nextCursor`. */
export interface PagePosition {
  page?: number;
  cursor?: string;
}

/**
 * Every item of every page of a list, fetched one page at a time as the loop asks for more.
 * It follows `pagination.nextCursor` when the list gives one (keyset paging: no page is skipped
 * or repeated while records are added), else the next page number while `hasNext` holds; a list
 * without a pagination block is one page.
 */
export async function* iteratePages<T>(
  fetchPage: (position: PagePosition) => Promise<{ data: T[]; pagination?: unknown }>,
  start: PagePosition = {},
): AsyncGenerator<T, void, undefined> {
  let position = start;
  for (;;) {
    const page = await fetchPage(position);
    yield* page.data;
    const p = (page.pagination ?? {}) as Partial<Pagination>;
    if (p.hasNext !== true || page.data.length === 0) return;
    if (typeof p.nextCursor === 'string' && p.nextCursor !== position.cursor) position = { cursor: p.nextCursor };
    else if (typeof p.page === 'number' && !position.cursor) position = { page: p.page + 1 };
    else return;
  }
}
