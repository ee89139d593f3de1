import type { Range } from '../shared/filters';
import type { PageRequest } from '../shared/listing';

/** Every state an order can be in; the database's check constraint holds the same list. */
export const ORDER_STATUSES = ['placed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;

/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Orders in these states no longer count as spending: customer statistics, average order value
 * and monthly spend all leave them out, so a cancel or a refund takes the money back out.
 */
export const NON_SPENDING_STATUSES: readonly OrderStatus[] = ['cancelled', 'refunded'];

/** Where an order ships to; `zipCode` from seed 003 is stored as `postalCode`. */
export interface ShippingAddress {
  street: string;
  city: string;
  state?: string;
  country?: string;
  postalCode?: string;
}

/** One line of an order, as stored: its total is unit price × quantity, computed in cents. */
export interface OrderItem {
  id: string;
  productId: string | null;
  sku: string | null;
  name: string;
  category: string | null;
  price: number;
  quantity: number;
  total: number;
}

/** One recorded change of status; the first row of every order has `from` null. */
export interface OrderStatusChange {
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
  changedBy: string | null;
  changedAt: Date;
}

/** An order as the domain hands it out; items and history only where the caller asked for them. */
export interface Order {
  id: string;
  orderNumber: string;
  customerId: string;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  tax: number;
  shipping: number;
  discount: number;
  total: number;
  itemsCount: number;
  shippingAddress: ShippingAddress | null;
  trackingNumber: string | null;
  notes: string | null;
  metadata: Record<string, unknown>;
  placedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  items?: OrderItem[];
  statusHistory?: OrderStatusChange[];
}

/** One line of a new order as the client sends it (seed 003's item plus sku). */
export interface NewOrderItem {
  productId?: string;
  sku?: string;
  name: string;
  price: number;
  quantity: number;
  category?: string;
}

/**
 * What placing an order needs. Amounts are decimal currency units with at most two decimals;
 * `total` and `subtotal` are optional cross-checks: the server computes both from the items.
 */
export interface NewOrder {
  customerId: string;
  items: NewOrderItem[];
  shippingAddress?: ShippingAddress;
  currency?: string;
  tax?: number;
  shipping?: number;
  discount?: number;
  notes?: string;
  orderNumber?: string;
  metadata?: Record<string, unknown>;
  total?: number;
  subtotal?: number;
}

/** A requested status change (seed 003's `PATCH /orders/{id}/status` body plus a reason). */
export interface StatusChange {
  status: OrderStatus;
  trackingNumber?: string;
  reason?: string;
}

/** Filters shared by the order list, the export and the customer's order list. */
export interface OrderFilters {
  customerId?: string;
  status?: OrderStatus[];
  total?: Range<number>;
  /** Bounds on `placed_at` (seed 003 calls it `orderDate`). */
  placedAt?: Range<Date>;
}

/** Fields an order list can be sorted by; each maps to a non-null, indexed column. */
export const ORDER_SORT_FIELDS = ['placedAt', 'total', 'createdAt'] as const;

/** One of {@link ORDER_SORT_FIELDS}. */
export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];

/** Paging for order lists: the shared page request plus the sort field (default placedAt). */
export interface OrderPageRequest extends PageRequest {
  sortBy?: OrderSortField;
}

/** Order figures for one customer, for the customer's statistics endpoints. */
export interface CustomerOrderStats {
  /** Counts by status, every status present (zero when none). */
  ordersByStatus: Record<OrderStatus, number>;
  /** Every order whatever its status: the sum of ordersByStatus (seed 002's meaning). */
  totalOrders: number;
  /** The following figures leave out cancelled and refunded orders; paidOrders counts the rest. */
  paidOrders: number;
  totalSpent: number;
  averageOrderValue: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  /** The last 12 calendar months (UTC), oldest first, including months without orders. */
  spendByMonth: Array<{ month: string; orders: number; total: number }>;
}
