import { EXPORT_CONTENT_TYPES } from '../../../lib/exportStreams';
import { EXPORT_CONTENT } from '../../routeDocs';
import { addRoute, type RouteTarget } from '../../route';
import { commandContext, READERS, tenantOf, WRITERS } from '../../routeContext';
import { CreateOrder, OrderExportQuery, OrderListQuery, OrderListResponse, OrderParams, OrderResponse, UpdateOrderStatus } from './schema';
import { orderFiltersFrom, orderView } from './view';
import { pageRequestOf } from '../../pagination';

/**
 * Orders (seed 003): place, list, export, read one, and move through the lifecycle.
 * `/orders/export` is registered before `/orders/:id` so "export" is never taken for an id.
 */
export function orderRoutes(target: RouteTarget): void {
  addRoute(target, {
    method: 'post',
    path: '/api/v1/orders',
    summary: 'Place an order; totals are computed from the items',
    tag: 'Orders',
    auth: WRITERS,
    body: CreateOrder,
    idempotent: true,
    unexpressed: [
      { status: 404, rule: 'customerId must name a customer of this tenant' },
      {
        status: 422,
        rule: 'subtotal, when sent, must equal the sum of price × quantity, and total must equal subtotal + tax + shipping − discount (never below zero)',
      },
    ],
    responses: {
      201: { description: 'The order with its items', schema: OrderResponse },
      409: { description: 'The customer is blocked or suspended, or the order number is taken' },
    },
    handler: async (ctx, { body }) => {
      const order = await ctx.domain.orders.createOrder(commandContext(ctx), body);
      ctx.status = 201;
      ctx.set('Location', `/api/v1/orders/${order.id}`);
      ctx.body = { data: orderView(order) };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/orders',
    summary: 'List orders with filters, sorting and page or cursor pagination',
    tag: 'Orders',
    auth: READERS,
    query: OrderListQuery,
    responses: { 200: { description: 'A page of orders (without items)', schema: OrderListResponse } },
    handler: async (ctx, { query }) => {
      const page = await ctx.domain.orders.listOrders(tenantOf(ctx), orderFiltersFrom(query), { ...pageRequestOf(query), sortBy: query.sortBy });
      ctx.body = { data: page.data.map(orderView), pagination: page.pagination };
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/orders/export',
    summary: 'Export orders as CSV, JSON or NDJSON (streamed)',
    tag: 'Orders',
    auth: READERS,
    query: OrderExportQuery,
    responses: { 200: { description: 'The export file, one order per row with its items', content: EXPORT_CONTENT } },
    handler: async (ctx, { query }) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
      ctx.set('Content-Type', EXPORT_CONTENT_TYPES[query.format]);
      ctx.set('Content-Disposition', `attachment; filename="orders-${stamp}.${query.format}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = ctx.domain.orders.exportOrders(tenantOf(ctx), orderFiltersFrom(query), query.format, query.sortBy, query.sortOrder);
    },
  });
  addRoute(target, {
    method: 'get',
    path: '/api/v1/orders/:id',
    summary: 'One order with its items and status history',
    tag: 'Orders',
    auth: READERS,
    params: OrderParams,
    responses: { 200: { description: 'The order', schema: OrderResponse }, 404: { description: 'No such order in this tenant' } },
    handler: async (ctx, { params }) => {
      ctx.body = { data: orderView(await ctx.domain.orders.getOrder(tenantOf(ctx), params.id)) };
    },
  });
  addRoute(target, {
    method: 'patch',
    path: '/api/v1/orders/:id/status',
    summary: 'Move an order to its next status',
    tag: 'Orders',
    auth: WRITERS,
    params: OrderParams,
    body: UpdateOrderStatus,
    responses: {
      200: { description: 'The updated order with its history', schema: OrderResponse },
      404: { description: 'No such order in this tenant' },
      409: { description: 'The lifecycle does not allow this move; details list the allowed next states' },
    },
    handler: async (ctx, { params, body }) => {
      ctx.body = { data: orderView(await ctx.domain.orders.updateOrderStatus(commandContext(ctx), params.id, body)) };
    },
  });
}
