import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { iso } from '../../lib/time';
import { findCustomer } from '../customers/repo';
import { whereRange, type Range } from '../shared/filters';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import type { CustomerEvent, EventName } from './types';

/** Filters of a customer's event timeline. */
export interface CustomerEventFilters {
  /** Only events with one of these names. */
  names?: string[];
  /** Bounds on when the events occurred (UTC text or Dates). */
  occurredAt?: Range<string | Date>;
}

/** A stored row as knex returns it. */
interface EventRecord {
  id: string;
  customer_id: string | null;
  anonymous_id: string | null;
  name: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown> | null;
  message_id: string | null;
  occurred_at: Date;
  received_at: Date;
  backfill: boolean;
}

const toEvent = (r: EventRecord): CustomerEvent => ({
  id: r.id,
  customerId: r.customer_id,
  anonymousId: r.anonymous_id,
  name: r.name,
  properties: r.properties,
  context: r.context,
  messageId: r.message_id,
  occurredAt: iso(r.occurred_at),
  receivedAt: iso(r.received_at),
  backfill: r.backfill,
});

/** Reads of customer events: a customer's timeline and the names seen in the tenant. */
export function createCustomerEventQueries(deps: { db: Knex }) {
  const { db } = deps;

  /** A page of a live customer's events by occurrence (newest first by default); 404 for an unknown customer. */
  async function listForCustomer(tenantId: string, customerId: string, filters: CustomerEventFilters, page: PageRequest): Promise<Page<CustomerEvent>> {
    if (!(await findCustomer(db, tenantId, customerId))) throw notFound('Customer');
    const q = db('customer_events').where({ tenant_id: tenantId, customer_id: customerId });
    if (filters.names?.length) q.whereIn('name', filters.names);
    whereRange(q, 'occurred_at', filters.occurredAt);
    const result = await fetchPage<Record<string, unknown>>(q, { expression: 'occurred_at' }, page);
    return { data: result.data.map((r) => toEvent(r as unknown as EventRecord)), pagination: result.pagination };
  }

  /**
   * The event names seen in the tenant, most frequent first, with how many events were received
   * under each and when they first and last occurred; `prefix` narrows by the start of the name.
   */
  async function names(tenantId: string, options: { prefix?: string; limit: number }): Promise<EventName[]> {
    // A name's count is kept in a few rows (shards, written by concurrent batches): added up here.
    const q = db('customer_event_names').where({ tenant_id: tenantId }).groupBy('name').orderByRaw('sum(count) DESC, name ASC').limit(options.limit);
    if (options.prefix) q.whereRaw('starts_with(name, ?)', [options.prefix]);
    const rows: Array<{ name: string; count: string | number; first_seen_at: Date; last_seen_at: Date }> = await q.select(
      'name',
      db.raw('sum(count) AS count'),
      db.raw('min(first_seen_at) AS first_seen_at'),
      db.raw('max(last_seen_at) AS last_seen_at'),
    );
    return rows.map((r) => ({ name: r.name, count: Number(r.count), firstSeenAt: iso(r.first_seen_at), lastSeenAt: iso(r.last_seen_at) }));
  }

  return { listForCustomer, names };
}
