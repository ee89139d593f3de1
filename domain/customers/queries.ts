import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import { exportStream, type ExportFormat } from '../../lib/exportStreams';
import { notFound } from '../../lib/errors';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import { customersCsv } from './csvExport';
import * as repo from './repo';
import { toCustomer, type CustomerRow } from './rows';
import type { Customer, CustomerFilters, SortField } from './types';
import { streamRows } from '../../db/streams';
import type { ConversationQueries } from '../conversations/queries';

/** What the customer reads need from the orders module (kept narrow so the modules stay apart). */
export interface OrderReader {
  recentOrdersForCustomer(tenantId: string, customerId: string, limit: number): Promise<unknown[]>;
  /** A select column with each customer's latest orders, so a detail view is one statement. */
  recentOrdersColumn(conn: Knex, limit: number): Knex.Raw;
  fromRecentOrders(value: unknown): unknown[];
  orderStatsForCustomer(tenantId: string, customerId: string): Promise<object>;
}

/** Customer reads: one, lists, search, per-customer statistics, self-service and export. */
export function createCustomerQueries(deps: { db: Knex; exportDb?: Knex; orders: OrderReader; conversations: ConversationQueries }) {
  const { db } = deps;
  const exportDb = deps.exportDb ?? db;

  /** One customer, or 404 (also for other tenants' customers and soft-deleted ones). */
  async function get(tenantId: string, id: string): Promise<Customer> {
    const row = await repo.findCustomer(db, tenantId, id);
    if (!row) throw notFound('Customer');
    return toCustomer(row);
  }

  /**
   * A customer with its statistics, most recent orders and, from the conversation statistics,
   * seed 001's conversation figures, seed 002's complaint counts and the 5 latest conversations
   * (the detail view). The customer row and its orders are one statement; the conversation reads
   * follow once the customer is known to exist in this tenant.
   */
  async function getWithRecentOrders(tenantId: string, id: string) {
    const row = await repo.findCustomerWith(db, tenantId, id, deps.orders.recentOrdersColumn(db, 5));
    if (!row) throw notFound('Customer');
    const [statistics, recentConversations] = await Promise.all([
      deps.conversations.customerStatistics(tenantId, id),
      deps.conversations.recentConversations(tenantId, id, 5),
    ]);
    return {
      customer: toCustomer(row),
      recentOrders: deps.orders.fromRecentOrders(row.recent_orders),
      conversationStatistics: statistics.conversations,
      complaintStatistics: statistics.complaints,
      recentConversations,
    };
  }

  /**
   * The signed-in customer's own profile (seed 002's GET /customers/me): the customer with its
   * complaint counts and last complaint date beside it, as the seed shows them.
   */
  async function self(tenantId: string, id: string) {
    const customer = await get(tenantId, id);
    const complaints = await deps.conversations.complaintStatistics(tenantId, id);
    return {
      ...customer,
      totalComplaints: complaints.totalComplaints,
      openComplaints: complaints.openComplaints,
      lastComplaintDate: complaints.lastComplaintDate,
    };
  }

  /** A page of the customer's conversations, newest message first (seed 001); 404 for an unknown or deleted customer. */
  async function conversations(tenantId: string, id: string, page: PageRequest) {
    await get(tenantId, id);
    return deps.conversations.conversationsOfCustomer(tenantId, id, page);
  }

  /** A filtered, sorted page of customers (offset or cursor). */
  async function list(tenantId: string, filters: CustomerFilters, sortBy: SortField, page: PageRequest): Promise<Page<Customer>> {
    const result = await fetchPage(repo.filteredCustomers(db, tenantId, filters), repo.sortKeyFor(sortBy), page);
    return { data: (result.data as unknown as CustomerRow[]).map(toCustomer), pagination: result.pagination };
  }

  /** Per-customer order and complaint statistics (seed 004's /stats and seed 002's /me/statistics). */
  async function statistics(tenantId: string, id: string) {
    const customer = await get(tenantId, id);
    const [orders, complaints] = await Promise.all([deps.orders.orderStatsForCustomer(tenantId, id), deps.conversations.complaintStatistics(tenantId, id)]);
    const since = new Date(customer.createdAt);
    return {
      customerId: id,
      email: customer.email,
      fullName: customer.fullName,
      totalComplaints: complaints.totalComplaints,
      openComplaints: complaints.openComplaints,
      orderStatistics: orders,
      complaintStatistics: complaints,
      customerProfile: {
        status: customer.status,
        tier: customer.tier,
        customerSince: customer.createdAt,
        daysSinceRegistration: Math.floor((Date.now() - since.getTime()) / 86400000),
      },
    };
  }

  /** Streams every customer matching the filters in the format asked, oldest first (CSV rendered by Postgres). */
  function exportCustomers(tenantId: string, filters: CustomerFilters, format: ExportFormat): Readable {
    if (format === 'csv') return customersCsv(exportDb, repo.filteredCustomers(exportDb, tenantId, filters));
    const rows = streamRows(
      exportDb,
      repo
        .filteredCustomers(exportDb, tenantId, filters)
        .select('*')
        .orderBy([{ column: 'created_at' }, { column: 'id' }]),
    );
    return exportStream(rows, format, (row) => toCustomer(row as unknown as CustomerRow) as unknown as Record<string, unknown>, []);
  }

  return { get, getWithRecentOrders, self, conversations, list, statistics, exportCustomers };
}
