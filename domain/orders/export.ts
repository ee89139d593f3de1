import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import { exportStream, type ExportFormat } from '../../lib/exportStreams';
import { filteredOrders, orderSortKey } from './repo';
import type { OrderFilters, OrderSortField } from './types';
import { streamRows } from '../../db/streams';

/** The columns of an order export, in order; CSV headers use these names. */
export const ORDER_EXPORT_COLUMNS = [
  'id',
  'orderNumber',
  'customerId',
  'customerEmail',
  'customerName',
  'status',
  'currency',
  'subtotal',
  'tax',
  'shipping',
  'discount',
  'total',
  'itemsCount',
  'items',
  'trackingNumber',
  'notes',
  'placedAt',
  'createdAt',
  'updatedAt',
];

interface ExportItem {
  name: string;
  sku: string | null;
  productId: string | null;
  category: string | null;
  price: number;
  quantity: number;
  total: number;
}

/**
 * One exported order. JSON formats carry the items as objects; CSV, one row per order, gets
 * "name × quantity" strings (joined by ';' in the cell, each formula-escaped by exportStream).
 */
const exportView =
  (format: ExportFormat) =>
  (r: Record<string, unknown>): Record<string, unknown> => {
    const items = (r.items as ExportItem[] | null) ?? [];
    return {
      id: r.id,
      orderNumber: r.order_number,
      customerId: r.customer_id,
      customerEmail: r.customer_email,
      customerName: r.customer_name,
      status: r.status,
      currency: String(r.currency).trim(),
      subtotal: r.subtotal,
      tax: r.tax,
      shipping: r.shipping,
      discount: r.discount,
      total: r.total,
      itemsCount: r.items_count,
      items: format === 'csv' ? items.map((i) => `${i.name} × ${i.quantity}`) : items,
      trackingNumber: r.tracking_number,
      notes: r.notes,
      placedAt: r.placed_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  };

/**
 * Streams the tenant's filtered orders as CSV, JSON or NDJSON with constant memory: a server-side
 * cursor (pg-query-stream on a connection of its own, db/streams.ts) feeds rows with backpressure, each with
 * its customer's name and email and its items gathered by a correlated subquery.
 * If the consumer goes away early (client disconnect), the database stream is destroyed too,
 * so its pooled connection is released instead of waiting paused forever.
 */
export function exportOrders(
  db: Knex,
  tenantId: string,
  filters: OrderFilters,
  format: ExportFormat,
  sortBy: OrderSortField = 'placedAt',
  sortOrder: 'asc' | 'desc' = 'desc',
): Readable {
  const sort = orderSortKey(sortBy);
  const query = filteredOrders(db, tenantId, filters)
    .join('customers', (j) => j.on('customers.id', 'orders.customer_id').andOn('customers.tenant_id', 'orders.tenant_id'))
    .select('orders.*', 'customers.full_name as customer_name', 'customers.email as customer_email')
    .select(
      db.raw(
        `(SELECT coalesce(json_agg(json_build_object('name', i.name, 'sku', i.sku, 'productId', i.product_id, 'category', i.category,
          'price', i.unit_price, 'quantity', i.quantity, 'total', i.total) ORDER BY i.id), '[]'::json)
        FROM order_items i WHERE i.order_id = orders.id AND i.tenant_id = orders.tenant_id) AS items`,
      ),
    )
    .orderByRaw(`${sort.expression} ${sortOrder}, orders.id ${sortOrder}`);
  return exportStream(streamRows(db, query), format, exportView(format), ORDER_EXPORT_COLUMNS);
}
