import type { SortField } from './types';

/**
 * The SQL expressions the customers indexes cover. A query uses an expression index only when
 * it repeats the indexed expression exactly, so the list sorts and the search read them from
 * here. The migrations that created the indexes keep their own copies (migrations are history
 * and never change); an index that changes comes with a new migration and a change here.
 */

/** The text the trigram search index covers (customers_search_trgm). */
export const SEARCH_EXPRESSION = "lower(coalesce(full_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, ''))";

/**
 * Each list sort and the non-null expression its index covers (customers_sort_<column>), so
 * keyset cursors never meet a NULL.
 */
export const SORT_EXPRESSIONS: Readonly<Record<SortField, string>> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  fullName: "lower(coalesce(full_name, ''))",
  email: "coalesce(email, '')",
  totalSpent: 'total_spent',
  totalOrders: 'total_orders',
  lastOrderAt: "coalesce(last_order_at, '-infinity'::timestamptz)",
  lastInteractionAt: "coalesce(last_interaction_at, '-infinity'::timestamptz)",
};
