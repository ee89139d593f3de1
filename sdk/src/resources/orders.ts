import type { CreateOptions, Core, RequestOptions } from '../core';
import { iteratePages } from '../pagination';
import type { Order, OrderCreateParams, OrderListParams, OrderStatusParams, QueryOf } from '../types';
import { IDEMPOTENT, WRITE } from './policies';

/** `herald.orders`: orders with server-computed totals and their status lifecycle. */
export class Orders {
  constructor(private readonly core: Core) {}

  /** One page of orders (without items). */
  list(query: OrderListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/orders', { params: { query }, signal }), options);
  }

  /** Every order matching the filters, page after page. */
  iterate(query: OrderListParams = {}, options?: RequestOptions): AsyncGenerator<Order, void, undefined> {
    const { page, cursor, ...filters } = query;
    return iteratePages((at) => this.list({ includeTotal: 'false', ...filters, ...at }, options), { page, cursor });
  }

  /** One order with its items and status history. */
  async get(id: string, options?: RequestOptions): Promise<Order> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/orders/{id}', { params: { path: { id } }, signal }), options)).data;
  }

  /** Places an order; retries reuse one Idempotency-Key. */
  async create(body: OrderCreateParams, options: CreateOptions = {}): Promise<Order> {
    const key = this.core.idempotencyKey(options.idempotencyKey);
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) => this.core.api.POST('/api/v1/orders', { params: { header: { 'Idempotency-Key': key } }, body, signal }),
        options,
      )
    ).data;
  }

  /** Moves an order to its next status (409 with the allowed next states otherwise). */
  async updateStatus(id: string, body: OrderStatusParams, options?: RequestOptions): Promise<Order> {
    return (await this.core.run(WRITE, (signal) => this.core.api.PATCH('/api/v1/orders/{id}/status', { params: { path: { id } }, body, signal }), options))
      .data;
  }

  /** Every matching order as CSV, JSON or NDJSON text. */
  export(query: QueryOf<'/api/v1/orders/export', 'get'> = {}, options?: RequestOptions): Promise<string> {
    return this.core.read((signal) => this.core.api.GET('/api/v1/orders/export', { params: { query }, parseAs: 'text', signal }), options);
  }
}
