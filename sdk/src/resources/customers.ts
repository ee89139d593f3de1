import type { CreateOptions, Core, RequestOptions } from '../core';
import { iteratePages } from '../pagination';
import { IDEMPOTENT, WRITE } from './policies';
import type {
  BodyOf,
  Customer,
  CustomerBestHour,
  CustomerCreateParams,
  CustomerDetail,
  CustomerListParams,
  CustomerNote,
  CustomerPatchParams,
  QueryOf,
} from '../types';

/** `herald.customers`: customer records, their tags, status, notes and configuration. */
export class Customers {
  constructor(private readonly core: Core) {}

  /** One page of customers (filters, sorting, `limit`, `page` or `cursor`). */
  list(query: CustomerListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/customers', { params: { query }, signal }), options);
  }

  /** Every customer matching the filters, page after page: `for await (const c of herald.customers.iterate({ status: 'active' }))`. */
  iterate(query: CustomerListParams = {}, options?: RequestOptions): AsyncGenerator<Customer, void, undefined> {
    const { page, cursor, ...filters } = query;
    return iteratePages((at) => this.list({ includeTotal: 'false', ...filters, ...at }, options), { page, cursor });
  }

  /** Customers whose name, email or phone matches `q` (at least 2 characters). */
  search(query: QueryOf<'/api/v1/customers/search', 'get'>, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/customers/search', { params: { query }, signal }), options);
  }

  /** One customer with order and conversation statistics, complaint statistics, recent orders and recent conversations. */
  async get(id: string, options?: RequestOptions): Promise<CustomerDetail> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/{id}', { params: { path: { id } }, signal }), options)).data;
  }

  /** The customer's best send hour from their opens (null with a reason when the model finds none). */
  async bestHour(id: string, options?: RequestOptions): Promise<CustomerBestHour> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/{id}/best-hour', { params: { path: { id } }, signal }), options)).data;
  }

  /** Creates a customer; retries reuse one Idempotency-Key, so a retried create never makes two. */
  async create(body: CustomerCreateParams, options: CreateOptions = {}): Promise<Customer> {
    const key = this.core.idempotencyKey(options.idempotencyKey);
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) => this.core.api.POST('/api/v1/customers', { params: { header: { 'Idempotency-Key': key } }, body, signal }),
        options,
      )
    ).data;
  }

  /** Replaces a customer (PUT): fields left out are reset. */
  async update(id: string, body: CustomerCreateParams, options?: RequestOptions): Promise<Customer> {
    return (await this.core.run(IDEMPOTENT, (signal) => this.core.api.PUT('/api/v1/customers/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Changes the fields sent (PATCH). */
  async patch(id: string, body: CustomerPatchParams, options?: RequestOptions): Promise<Customer> {
    return (await this.core.run(WRITE, (signal) => this.core.api.PATCH('/api/v1/customers/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** One page of the customer's conversations (without messages), newest message first (`limit`, `page` or `cursor`). */
  conversations(id: string, query: QueryOf<'/api/v1/customers/{id}/conversations', 'get'> = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/customers/{id}/conversations', { params: { path: { id }, query }, signal }), options);
  }

  /** Deletes a customer: soft by default, `{ permanent: true }` removes it with its orders, conversations and messages (409 while orders are active or complaints open). */
  async delete(id: string, query: { permanent?: boolean } = {}, options?: RequestOptions): Promise<void> {
    const permanent = query.permanent ? 'true' : undefined;
    await this.core.run(
      IDEMPOTENT,
      (signal) => this.core.api.DELETE('/api/v1/customers/{id}', { params: { path: { id }, query: { permanent } }, signal }),
      options,
    );
  }

  /** Sets, adds or removes tags. */
  async tags(id: string, body: BodyOf<'/api/v1/customers/{id}/tags', 'patch'>, options?: RequestOptions): Promise<Customer> {
    return (await this.core.run(WRITE, (signal) => this.core.api.PATCH('/api/v1/customers/{id}/tags', { params: { path: { id } }, body, signal }), options))
      .data;
  }

  /** Blocks or unblocks a customer. */
  async block(id: string, body: BodyOf<'/api/v1/customers/{id}/block', 'patch'>, options?: RequestOptions): Promise<Customer> {
    return (
      await this.core.run(IDEMPOTENT, (signal) => this.core.api.PATCH('/api/v1/customers/{id}/block', { params: { path: { id } }, body, signal }), options)
    ).data;
  }

  /** Changes the account status, with a reason. */
  async status(id: string, body: BodyOf<'/api/v1/customers/{id}/status', 'patch'>, options?: RequestOptions): Promise<Customer> {
    return (
      await this.core.run(IDEMPOTENT, (signal) => this.core.api.PATCH('/api/v1/customers/{id}/status', { params: { path: { id } }, body, signal }), options)
    ).data;
  }

  /** Changes the tier (customerType), with an optional note. */
  async type(id: string, body: BodyOf<'/api/v1/customers/{id}/type', 'patch'>, options?: RequestOptions): Promise<Customer> {
    return (
      await this.core.run(IDEMPOTENT, (signal) => this.core.api.PATCH('/api/v1/customers/{id}/type', { params: { path: { id } }, body, signal }), options)
    ).data;
  }

  /** The notes log, newest first. */
  async notes(id: string, options?: RequestOptions): Promise<CustomerNote[]> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/{id}/notes', { params: { path: { id } }, signal }), options)).data;
  }

  /** Adds a note to the notes log (idempotent like every create). */
  async addNote(id: string, content: string, options: CreateOptions = {}): Promise<CustomerNote> {
    const key = this.core.idempotencyKey(options.idempotencyKey);
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) =>
          this.core.api.POST('/api/v1/customers/{id}/notes', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { content }, signal }),
        options,
      )
    ).data;
  }

  /** The customer's key/value configuration. */
  async config(id: string, options?: RequestOptions): Promise<Record<string, unknown>> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/{id}/config', { params: { path: { id } }, signal }), options)).data;
  }

  /** Sets configuration keys (null removes a key); answers the whole map. */
  async setConfig(id: string, values: BodyOf<'/api/v1/customers/{id}/config', 'put'>, options?: RequestOptions): Promise<Record<string, unknown>> {
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) => this.core.api.PUT('/api/v1/customers/{id}/config', { params: { path: { id } }, body: values, signal }),
        options,
      )
    ).data;
  }

  /** The segments the customer belongs to now, with when they entered each, by segment name. */
  async segments(id: string, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/{id}/segments', { params: { path: { id } }, signal }), options)).data;
  }

  /** One customer's orders by status, average order value and spend by month. */
  async stats(id: string, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/{id}/stats', { params: { path: { id } }, signal }), options)).data;
  }

  /** Tenant-wide totals: VIPs, blocked, new this month, counts per segment. */
  async summary(options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/stats/summary', { signal }), options)).data;
  }

  /** Breakdowns by status, tier and segment; new customers; order metrics; top customers. */
  async analytics(options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/customers/analytics', { signal }), options)).data;
  }

  /** Every matching customer as CSV, JSON or NDJSON text (the list's filters apply). */
  export(query: QueryOf<'/api/v1/customers/export', 'get'> = {}, options?: RequestOptions): Promise<string> {
    return this.core.read((signal) => this.core.api.GET('/api/v1/customers/export', { params: { query }, parseAs: 'text', signal }), options);
  }
}
