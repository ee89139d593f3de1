import type { Knex } from 'knex';
import { whereRange } from '../shared/filters';
import type { SortKey } from '../shared/listing';
import type { Order, OrderFilters, OrderItem, OrderSortField, OrderStatus, OrderStatusChange, ShippingAddress } from './types';

/** An orders row as stored (numeric columns arrive as numbers, see db/knex.ts). */
export interface OrderRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  order_number: string;
  status: OrderStatus;
  tracking_number: string | null;
  shipping_address: ShippingAddress | null;
  currency: string;
  subtotal: number;
  tax: number;
  shipping: number;
  discount: number;
  total: number;
  items_count: number;
  notes: string | null;
  metadata: Record<string, unknown>;
  placed_at: Date;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** An order_items row as stored. */
export interface OrderItemRow {
  id: string;
  tenant_id: string;
  order_id: string;
  product_id: string | null;
  sku: string | null;
  name: string;
  category: string | null;
  quantity: number;
  unit_price: number;
  total: number;
}

interface StatusHistoryRow {
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  reason: string | null;
  changed_by: string | null;
  changed_at: Date;
}

/** The customer columns that decide whether the customer may place an order. */
export interface CustomerStanding {
  status: string;
  is_blocked: boolean;
  deleted_at: Date | null;
}

/** Maps a stored row to the domain's order (without items). */
export const toOrder = (r: OrderRow): Order => ({
  id: r.id,
  orderNumber: r.order_number,
  customerId: r.customer_id,
  status: r.status,
  currency: r.currency.trim(),
  subtotal: r.subtotal,
  tax: r.tax,
  shipping: r.shipping,
  discount: r.discount,
  total: r.total,
  itemsCount: r.items_count,
  shippingAddress: r.shipping_address,
  trackingNumber: r.tracking_number,
  notes: r.notes,
  metadata: r.metadata,
  placedAt: r.placed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Maps a stored item row to the domain's item. */
export const toItem = (r: OrderItemRow): OrderItem => ({
  id: r.id,
  productId: r.product_id,
  sku: r.sku,
  name: r.name,
  category: r.category,
  price: r.unit_price,
  quantity: r.quantity,
  total: r.total,
});

const toChange = (r: StatusHistoryRow): OrderStatusChange => ({
  from: r.from_status,
  to: r.to_status,
  reason: r.reason,
  changedBy: r.changed_by,
  changedAt: r.changed_at,
});

/**
 * Locks the customer's row for the rest of the transaction and returns what decides whether it
 * may order. Every order write for one customer takes this lock first, so concurrent orders
 * queue here and each statistics refresh sees every order committed before it.
 */
export async function lockCustomerStanding(trx: Knex.Transaction, tenantId: string, customerId: string): Promise<CustomerStanding | undefined> {
  return trx('customers').select('status', 'is_blocked', 'deleted_at').where({ tenant_id: tenantId, id: customerId }).forUpdate().first();
}

/** Inserts the order row and returns it. */
export async function insertOrder(trx: Knex.Transaction, values: Record<string, unknown>): Promise<OrderRow> {
  const [row] = await trx('orders').insert(values).returning('*');
  return row as OrderRow;
}

/** Inserts an order's lines in one statement and returns them in the client's order. */
export async function insertItems(trx: Knex.Transaction, values: Array<Record<string, unknown>>): Promise<OrderItemRow[]> {
  const rows: OrderItemRow[] = await trx('order_items').insert(values).returning('*');
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Appends one row to an order's status history. */
export async function insertStatusChange(
  trx: Knex.Transaction,
  values: { tenant_id: string; order_id: string; from_status: OrderStatus | null; to_status: OrderStatus; reason: string | null; changed_by: string },
): Promise<void> {
  await trx('order_status_history').insert(values);
}

/** Locks one of the tenant's orders for a status change; undefined when the tenant has no such order. */
export async function lockOrder(trx: Knex.Transaction, tenantId: string, id: string): Promise<OrderRow | undefined> {
  return trx('orders').where({ tenant_id: tenantId, id }).forUpdate().first();
}

/** Sets an order's status (and tracking number when one is given) and returns the row. */
export async function updateOrderStatus(trx: Knex.Transaction, tenantId: string, id: string, status: OrderStatus, trackingNumber?: string): Promise<OrderRow> {
  const [row] = await trx('orders')
    .where({ tenant_id: tenantId, id })
    .update({ status, ...(trackingNumber === undefined ? {} : { tracking_number: trackingNumber }), updated_at: trx.fn.now() })
    .returning('*');
  return row as OrderRow;
}

/** Deletes every order of a customer (items and status history cascade): a permanent delete of the customer erases them. */
export async function deleteOrdersOfCustomer(trx: Knex, tenantId: string, customerId: string): Promise<void> {
  await trx('orders').where({ tenant_id: tenantId, customer_id: customerId }).delete();
}

/** One of the tenant's orders, if any. */
export async function findOrder(db: Knex, tenantId: string, id: string): Promise<OrderRow | undefined> {
  return db('orders').where({ tenant_id: tenantId, id }).first();
}

/** An order's lines in the order the client sent them (see itemIds.ts). */
export async function itemsOfOrder(db: Knex, tenantId: string, orderId: string): Promise<OrderItem[]> {
  const rows: OrderItemRow[] = await db('order_items').where({ tenant_id: tenantId, order_id: orderId }).orderBy('id');
  return rows.map(toItem);
}

/** An order's status history, oldest first. */
export async function statusHistoryOfOrder(db: Knex, tenantId: string, orderId: string): Promise<OrderStatusChange[]> {
  const rows: StatusHistoryRow[] = await db('order_status_history')
    .select('from_status', 'to_status', 'reason', 'changed_by', 'changed_at')
    .where({ tenant_id: tenantId, order_id: orderId })
    .orderBy('id');
  return rows.map(toChange);
}

/** Sort keys: non-null columns, so keyset cursors never meet a NULL. */
const SORT_COLUMNS: Record<OrderSortField, string> = { placedAt: 'placed_at', total: 'total', createdAt: 'created_at' };

/**
 * The sort key for a field, its columns qualified by `table` so the same key works in queries
 * that join customers. placed_at and total have (tenant_id, column) indexes; created_at has
 * none (it equals placed_at for orders created through the API).
 */
export function orderSortKey(field: OrderSortField = 'placedAt', table = 'orders'): SortKey {
  return { expression: `${table}.${SORT_COLUMNS[field]}` };
}

/**
 * The tenant's orders narrowed by the filters, with no select or order yet: the list pages it,
 * the export streams it. Columns are qualified so callers may join.
 */
export function filteredOrders(db: Knex, tenantId: string, filters: OrderFilters): Knex.QueryBuilder {
  const q = db('orders').where('orders.tenant_id', tenantId);
  if (filters.customerId) q.where('orders.customer_id', filters.customerId);
  if (filters.status?.length) q.whereIn('orders.status', filters.status);
  whereRange(q, 'orders.total', filters.total);
  whereRange(q, 'orders.placed_at', filters.placedAt);
  return q;
}

/**
 * A select column holding the latest orders of the `customers` row being read, as a JSON array:
 * the customer's detail view reads the customer and its recent orders in one statement.
 */
export function latestOrdersColumn(db: Knex, limit: number): Knex.Raw {
  return db.raw(
    `(SELECT coalesce(json_agg(o ORDER BY o.placed_at DESC, o.id DESC), '[]') FROM (SELECT * FROM orders WHERE orders.tenant_id = customers.tenant_id AND orders.customer_id = customers.id ORDER BY placed_at DESC, id DESC LIMIT ?) o) AS recent_orders`,
    [limit],
  );
}

/** Maps the JSON rows of latestOrdersColumn (timestamps as text there) to orders. */
export const fromOrdersJson = (rows: Array<Record<string, unknown>>): Order[] =>
  rows.map((r) =>
    toOrder({
      ...r,
      placed_at: new Date(r.placed_at as string),
      created_at: new Date(r.created_at as string),
      updated_at: new Date(r.updated_at as string),
    } as unknown as OrderRow),
  );

/** A customer's latest orders, newest first (the (tenant_id, customer_id, placed_at) index). */
export async function latestOrdersOfCustomer(db: Knex, tenantId: string, customerId: string, limit: number): Promise<Order[]> {
  const rows: OrderRow[] = await db('orders')
    .where({ tenant_id: tenantId, customer_id: customerId })
    .orderBy([
      { column: 'placed_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
  return rows.map(toOrder);
}
