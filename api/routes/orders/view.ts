import type { Order, OrderFilters, OrderStatus } from '../../../domain/orders/types';
import { rangeFrom } from '../../pagination';

/** An order as the API shows it: dates as ISO strings, items and history only when loaded. */
export const orderView = (o: Order) => ({
  id: o.id,
  orderNumber: o.orderNumber,
  customerId: o.customerId,
  status: o.status,
  currency: o.currency,
  subtotal: o.subtotal,
  tax: o.tax,
  shipping: o.shipping,
  discount: o.discount,
  total: o.total,
  itemsCount: o.itemsCount,
  ...(o.items ? { items: o.items } : {}),
  ...(o.statusHistory ? { statusHistory: o.statusHistory.map((c) => ({ ...c, changedAt: c.changedAt.toISOString() })) } : {}),
  shippingAddress: o.shippingAddress,
  trackingNumber: o.trackingNumber,
  notes: o.notes,
  metadata: o.metadata,
  placedAt: o.placedAt.toISOString(),
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

/** The parsed query's filter parameters as the domain's filters (seed 003's `orderDate` is placed_at). */
export function orderFiltersFrom(query: Record<string, unknown> & { customerId?: string; status?: OrderStatus[] }): OrderFilters {
  return {
    customerId: query.customerId,
    status: query.status,
    total: rangeFrom<number>(query, 'total'),
    placedAt: rangeFrom<Date>(query, 'orderDate'),
  };
}
