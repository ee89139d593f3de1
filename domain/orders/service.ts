import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import { notFound, validationFailed } from '../../lib/errors';
import type { ExportFormat } from '../../lib/exportStreams';
import { recordAudit } from '../audit/repo';
import { refreshCustomerStatistics } from '../customers/statistics';
import type { SegmentReevaluator } from '../segments/reevaluator';
import { appendEvent } from '../events/outbox';
import { actorLabel, type CommandContext } from '../shared/context';
import { fetchPage, type Page } from '../shared/listing';
import { exportOrders } from './export';
import { placeOrder } from './placeOrder';
import * as repo from './repo';
import { customerOrderStats } from './stats';
import { assertTransition } from './transitions';
import type { CustomerOrderStats, NewOrder, Order, OrderFilters, OrderPageRequest, OrderSortField, StatusChange } from './types';

/** The most orders recentOrdersForCustomer returns; it feeds a customer page, not an export. */
const MAX_RECENT = 100;

/**
 * Orders: placing them, moving them through their lifecycle, and reading them back. Every
 * write locks the customer, refreshes the customer's statistics and appends its outbox event
 * and audit row in the same transaction as the change; every query is scoped by tenant. The
 * statistics are segment fields, so once a write has committed the customer's segments are
 * re-evaluated.
 */
export function createOrderService(deps: { db: Knex; exportDb?: Knex; segments: SegmentReevaluator }) {
  const { db, segments } = deps;
  const exportDb = deps.exportDb ?? db;

  /** One of the tenant's orders with its items and status history; 404 for other tenants' ids. */
  async function getOrder(tenantId: string, id: string, conn: Knex = db): Promise<Order> {
    const row = await repo.findOrder(conn, tenantId, id);
    if (!row) throw notFound('Order');
    const [items, statusHistory] = await Promise.all([repo.itemsOfOrder(conn, tenantId, id), repo.statusHistoryOfOrder(conn, tenantId, id)]);
    return { ...repo.toOrder(row), items, statusHistory };
  }

  /**
   * Moves an order to a new status if the lifecycle allows it (see transitions.ts), recording
   * the change in the history with its reason and actor. The order row is locked first, so two
   * concurrent changes cannot both start from the same status.
   */
  async function updateOrderStatus(ctx: CommandContext, id: string, change: StatusChange): Promise<Order> {
    const tenantId = ctx.principal.tenantId;
    const order = await db.transaction(async (trx) => {
      const current = await repo.lockOrder(trx, tenantId, id);
      if (!current) throw notFound('Order');
      assertTransition(current.status, change.status);
      const row = await repo.updateOrderStatus(trx, tenantId, id, change.status, change.trackingNumber);
      await repo.insertStatusChange(trx, {
        tenant_id: tenantId,
        order_id: id,
        from_status: current.status,
        to_status: change.status,
        reason: change.reason ?? null,
        changed_by: actorLabel(ctx),
      });
      await refreshCustomerStatistics(trx, tenantId, row.customer_id);
      const transition = { from: current.status, to: change.status };
      await appendEvent(trx, ctx, {
        type: 'order.status_updated',
        subjectType: 'order',
        subjectId: id,
        data: {
          orderId: id,
          orderNumber: row.order_number,
          customerId: row.customer_id,
          ...transition,
          trackingNumber: row.tracking_number,
          reason: change.reason ?? null,
          total: row.total,
          currency: row.currency.trim(),
        },
      });
      await recordAudit(trx, ctx.principal, tenantId, {
        action: 'order.status_updated',
        subjectType: 'order',
        subjectId: id,
        requestId: ctx.requestId,
        ip: ctx.ip,
        changes: {
          status: transition,
          ...(change.trackingNumber === undefined ? {} : { trackingNumber: change.trackingNumber }),
          ...(change.reason ? { reason: change.reason } : {}),
        },
      });
      return getOrder(tenantId, id, trx);
    });
    await segments.customerChanged(ctx, order.customerId);
    return order;
  }

  /** Places an order (see placeOrder.ts for the rules and the transaction), then re-evaluates the customer's segments. */
  async function createOrder(ctx: CommandContext, input: NewOrder): Promise<Order> {
    const order = await placeOrder(db, ctx, input);
    await segments.customerChanged(ctx, order.customerId);
    return order;
  }

  /** A page of the tenant's orders (without items; itemsCount says how many), filtered and sorted. */
  async function listOrders(tenantId: string, filters: OrderFilters, page: OrderPageRequest): Promise<Page<Order>> {
    const sort = repo.orderSortKey(page.sortBy);
    const result = await fetchPage<repo.OrderRow & Record<string, unknown>>(repo.filteredOrders(db, tenantId, filters), sort, page);
    return { data: result.data.map(repo.toOrder), pagination: result.pagination };
  }

  /** A customer's latest orders, newest first, without items: for the customer's own page. */
  async function recentOrdersForCustomer(tenantId: string, customerId: string, limit = 5): Promise<Order[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECENT)
      throw validationFailed([{ path: 'limit', message: `must be an integer from 1 to ${MAX_RECENT}` }]);
    return repo.latestOrdersOfCustomer(db, tenantId, customerId, limit);
  }

  return {
    createOrder,
    getOrder: (tenantId: string, id: string): Promise<Order> => getOrder(tenantId, id),
    updateOrderStatus,
    listOrders,
    recentOrdersForCustomer,
    /** A column for a read of `customers` that brings each customer's latest orders along (see fromRecentOrders). */
    recentOrdersColumn: (conn: Knex, limit: number): Knex.Raw => repo.latestOrdersColumn(conn, limit),
    /** The orders of a recentOrdersColumn value. */
    fromRecentOrders: (value: unknown): Order[] => repo.fromOrdersJson(value as Array<Record<string, unknown>>),
    /** Erases a customer's orders in the caller's transaction (the customers module's permanent delete). */
    eraseOrdersOfCustomer: (trx: Knex, tenantId: string, customerId: string): Promise<void> => repo.deleteOrdersOfCustomer(trx, tenantId, customerId),
    /** A customer's order figures (see stats.ts); zeros when the customer has no orders. */
    orderStatsForCustomer: (tenantId: string, customerId: string): Promise<CustomerOrderStats> => customerOrderStats(db, tenantId, customerId),
    /** The filtered orders as an export body (see export.ts); the caller streams it out. */
    exportOrders: (tenantId: string, filters: OrderFilters, format: ExportFormat, sortBy?: OrderSortField, sortOrder?: 'asc' | 'desc'): Readable =>
      exportOrders(exportDb, tenantId, filters, format, sortBy, sortOrder),
  };
}

/** The order service's interface, for callers (the customers module) that receive it as a dependency. */
export type OrderService = ReturnType<typeof createOrderService>;
