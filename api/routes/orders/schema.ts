import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../../../domain/orders/money';
import { ORDER_SORT_FIELDS, ORDER_STATUSES } from '../../../domain/orders/types';
import { dateRange, numberRange, PageQuery, PaginationView } from '../../pagination';
import { enumList } from '../../queryFields';
import { text } from '../../text';

/** An amount in currency units: non-negative, at most 2 decimals, within numeric(14,2). */
const Money = z.number().min(0).max(99_999_999_999.99).refine(hasAtMostTwoDecimals, { message: 'must have at most 2 decimals' });

const label = (max: number) => z.string().trim().min(1).max(max);

/** One line of a new order: seed 003's item (productId, name, price, quantity, category) plus sku. */
export const OrderItemInput = z
  .object({
    productId: label(100).optional(),
    sku: label(100).optional(),
    name: label(500),
    price: Money.meta({ description: 'Unit price', example: 29.99 }),
    quantity: z.number().int().min(1).max(1_000_000),
    category: label(100).optional(),
  })
  .strict()
  .meta({ id: 'OrderItemInput' });

/** A shipping address; seed 003's `zipCode` is accepted and stored as `postalCode`. */
export const ShippingAddressInput = z
  .object({
    street: label(300),
    city: label(100),
    state: label(100).optional(),
    country: label(100).optional(),
    postalCode: label(20).optional(),
    zipCode: label(20).optional(),
  })
  .strict()
  .refine((a) => !(a.postalCode && a.zipCode && a.postalCode !== a.zipCode), { path: ['zipCode'], message: 'differs from postalCode; send one of them' })
  .meta({ id: 'ShippingAddressInput' })
  .transform(({ zipCode, postalCode, ...rest }) => ({ ...rest, ...((postalCode ?? zipCode) ? { postalCode: postalCode ?? zipCode } : {}) }));

/** Body of `POST /api/v1/orders`. Totals are computed on the server; `total`/`subtotal` are optional cross-checks. */
export const CreateOrder = z
  .object({
    customerId: z.uuid(),
    items: z.array(OrderItemInput).min(1).max(500),
    shippingAddress: ShippingAddressInput.optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code')
      .transform((c) => c.toUpperCase())
      .optional()
      .meta({ description: 'Defaults to USD' }),
    tax: Money.optional(),
    shipping: Money.optional(),
    discount: Money.optional(),
    notes: text({ max: 5000, trim: false }).optional(),
    orderNumber: label(64)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._#/-]*$/, 'letters, digits and . _ # / - only')
      .optional()
      .meta({ description: 'Generated when absent; unique per tenant' }),
    metadata: z.record(z.string(), z.unknown()).optional(),
    subtotal: Money.optional().meta({ description: 'If sent, must equal Σ price × quantity' }),
    total: Money.optional().meta({ description: 'If sent, must equal subtotal + tax + shipping − discount' }),
  })
  .strict()
  .meta({ id: 'CreateOrder' });

/** Body of `PATCH /api/v1/orders/:id/status` (seed 003's body plus a reason for the history). */
export const UpdateOrderStatus = z
  .object({
    status: z.enum(ORDER_STATUSES),
    trackingNumber: label(100).optional(),
    reason: label(1000).optional(),
  })
  .strict()
  .meta({ id: 'UpdateOrderStatus' });

/** Path parameters naming one order. */
export const OrderParams = z.object({ id: z.uuid() });

/** The filters the list and the export share (seed 003's `customerId`, `status`, `total[…]`, `orderDate[…]`). */
const OrderFilterQuery = {
  customerId: z.uuid().optional(),
  status: enumList(ORDER_STATUSES)
    .transform((s) => (s.length ? [...new Set(s)] : undefined))
    .optional(),
  ...numberRange('total'),
  ...dateRange('orderDate'),
  sortBy: z.enum(ORDER_SORT_FIELDS).default('placedAt'),
};

/** Query of `GET /api/v1/orders`. */
export const OrderListQuery = z.object({ ...PageQuery, ...OrderFilterQuery });

/** Query of `GET /api/v1/orders/export`. */
export const OrderExportQuery = z.object({
  format: z.enum(['csv', 'json', 'ndjson']).default('csv'),
  ...OrderFilterQuery,
  sortOrder: PageQuery.sortOrder,
});

/** One line of an order as shown. */
export const OrderItemView = z
  .object({
    id: z.uuid(),
    productId: z.string().nullable(),
    sku: z.string().nullable(),
    name: z.string(),
    category: z.string().nullable(),
    price: z.number(),
    quantity: z.number().int(),
    total: z.number(),
  })
  .meta({ id: 'OrderItem' });

/** One status change in an order's history. */
export const OrderStatusChangeView = z
  .object({
    from: z.enum(ORDER_STATUSES).nullable(),
    to: z.enum(ORDER_STATUSES),
    reason: z.string().nullable(),
    changedBy: z.string().nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'OrderStatusChange' });

/** An order as shown; lists leave out items and history (itemsCount says how many items). */
export const OrderView = z
  .object({
    id: z.uuid(),
    orderNumber: z.string(),
    customerId: z.uuid(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    subtotal: z.number(),
    tax: z.number(),
    shipping: z.number(),
    discount: z.number(),
    total: z.number(),
    itemsCount: z.number().int(),
    items: z.array(OrderItemView).optional(),
    statusHistory: z.array(OrderStatusChangeView).optional(),
    shippingAddress: z
      .object({ street: z.string(), city: z.string(), state: z.string().optional(), country: z.string().optional(), postalCode: z.string().optional() })
      .nullable(),
    trackingNumber: z.string().nullable(),
    notes: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    placedAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Order' });

/** Response with one order. */
export const OrderResponse = z.object({ data: OrderView }).meta({ id: 'OrderResponse' });

/** Response of the order list. */
export const OrderListResponse = z.object({ data: z.array(OrderView), pagination: PaginationView }).meta({ id: 'OrderList' });
