import type { CustomerListParams } from '@herald/sdk';

/** The account statuses a customer can have (the list's status filter). */
export const STATUSES = ['active', 'inactive', 'blocked', 'suspended'] as const;
/** The tiers (customerType) a customer can have. */
export const TIERS = ['regular', 'premium', 'vip'] as const;
/** Where customers come from. */
export const SOURCES = ['whatsapp', 'sms', 'referral', 'website', 'social_media', 'import', 'api', 'other'] as const;
/** The columns the list sorts by, with their labels. */
export const SORTS = [
  { value: 'createdAt', label: 'Created' },
  { value: 'updatedAt', label: 'Updated' },
  { value: 'fullName', label: 'Name' },
  { value: 'email', label: 'Email' },
  { value: 'totalSpent', label: 'Total spent' },
  { value: 'totalOrders', label: 'Orders' },
  { value: 'lastOrderAt', label: 'Last order' },
  { value: 'lastInteractionAt', label: 'Last interaction' },
] as const;
/** Rows per page the list offers. */
export const PAGE_SIZES = ['25', '50', '100'] as const;

/**
 * The customer list's state, as it lives in the URL's query string (shareable; the back button
 * walks through it). `cursors` is the trail of keyset cursors of the pages before this one:
 * its last entry is the page shown, and Previous drops it.
 */
export interface ListState {
  q: string;
  status: string[];
  tier: string[];
  source: string | null;
  tags: string[];
  tagsMatch: 'any' | 'all';
  blocked: 'true' | 'false' | null;
  from: string | null;
  to: string | null;
  sort: string;
  order: 'asc' | 'desc';
  limit: string;
  cursors: string[];
}

const list = (v: string | null): string[] => (v ? v.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(v: string | null, values: readonly T[], fallback: T): T => (values.includes(v as T) ? (v as T) : fallback);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the list's state from the query string; anything unknown falls back to the default. */
export function readState(params: URLSearchParams): ListState {
  const pick = (key: string, values: readonly string[]) => list(params.get(key)).filter((v) => values.includes(v));
  return {
    q: params.get('q') ?? '',
    status: pick('status', STATUSES),
    tier: pick('tier', TIERS),
    source: oneOf(params.get('source'), [...SOURCES, ''], '') || null,
    tags: list(params.get('tags')),
    tagsMatch: oneOf(params.get('tagsMatch'), ['any', 'all'], 'any'),
    blocked: (oneOf(params.get('blocked'), ['true', 'false', ''], '') || null) as ListState['blocked'],
    from: DATE.test(params.get('from') ?? '') ? params.get('from') : null,
    to: DATE.test(params.get('to') ?? '') ? params.get('to') : null,
    sort: oneOf(
      params.get('sort'),
      SORTS.map((s) => s.value),
      'createdAt',
    ),
    order: oneOf(params.get('order'), ['asc', 'desc'], 'desc'),
    limit: oneOf(params.get('limit'), PAGE_SIZES, '25'),
    cursors: (params.get('after') ?? '').split('.').filter((c) => /^[A-Za-z0-9_-]+$/.test(c)),
  };
}

/** Writes the state back as a query string, leaving defaults out so URLs stay short. */
export function writeState(state: ListState): URLSearchParams {
  const out = new URLSearchParams();
  const set = (key: string, value: string | null | undefined, fallback = '') => {
    if (value && value !== fallback) out.set(key, value);
  };
  set('q', state.q.trim());
  set('status', state.status.join(','));
  set('tier', state.tier.join(','));
  set('source', state.source);
  set('tags', state.tags.join(','));
  set('tagsMatch', state.tagsMatch, 'any');
  set('blocked', state.blocked);
  set('from', state.from);
  set('to', state.to);
  set('sort', state.sort, 'createdAt');
  set('order', state.order, 'desc');
  set('limit', state.limit, '25');
  set('after', state.cursors.join('.'));
  return out;
}

/** The `GET /api/v1/customers` query for a state: filters, sort, and the keyset cursor of the page shown. */
export function toQuery(state: ListState): CustomerListParams {
  const query: CustomerListParams = {
    limit: Number(state.limit),
    sortBy: state.sort as CustomerListParams['sortBy'],
    sortOrder: state.order,
    tagsMatch: state.tagsMatch,
  };
  if (state.q.trim()) query.search = state.q.trim();
  if (state.status.length) query.status = state.status.join(',');
  if (state.tier.length) query.tier = state.tier.join(',');
  if (state.source) query.source = state.source;
  if (state.tags.length) query.tags = state.tags.join(',');
  if (state.blocked) query.isBlocked = state.blocked;
  if (state.from) query.fromDate = state.from;
  if (state.to) query.toDate = state.to;
  const cursor = state.cursors.at(-1);
  if (cursor) query.cursor = cursor;
  return query;
}
