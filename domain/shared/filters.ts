import type { Knex } from 'knex';

/** Bounds of a range filter. */
export interface Range<T> {
  gte?: T;
  lte?: T;
  gt?: T;
  lt?: T;
}

/** Applies a range to a column or SQL expression, binding every value. */
export function whereRange<T extends Knex.Value>(q: Knex.QueryBuilder, column: string, range: Range<T> | undefined): void {
  if (!range) return;
  if (range.gte !== undefined) q.where(column, '>=', range.gte);
  if (range.lte !== undefined) q.where(column, '<=', range.lte);
  if (range.gt !== undefined) q.where(column, '>', range.gt);
  if (range.lt !== undefined) q.where(column, '<', range.lt);
}
