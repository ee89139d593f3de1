import type { CreateOptions, Core, RequestOptions } from '../core';
import { iteratePages, type PagePosition } from '../pagination';
import type { BodyOf, Customer, CustomerListParams, QueryOf, Segment, SegmentBestHour, SegmentCreateParams, SegmentUpdateParams } from '../types';
import { IDEMPOTENT, WRITE } from './policies';

/** The query of the segment list: the document's, or paging alone while it documents none. */
export type SegmentListParams = [QueryOf<'/api/v1/segments', 'get'>] extends [never] ? PagePosition & { limit?: number } : QueryOf<'/api/v1/segments', 'get'>;

/** `herald.segments`: rule-defined audiences, their counts and members. */
export class Segments {
  constructor(private readonly core: Core) {}

  /** The tenant's segments (one page of them once the list is paged). */
  list(query: SegmentListParams = {}, options?: RequestOptions) {
    // The cast lets the call compile both before and after the list documents paging parameters.
    return this.core.read((signal) => this.core.api.GET('/api/v1/segments', { params: { query: query as never }, signal }), options);
  }

  /** Every segment, page after page. */
  iterate(query: SegmentListParams = {}, options?: RequestOptions): AsyncGenerator<Segment, void, undefined> {
    const { page, cursor, ...rest } = query;
    return iteratePages((at) => this.list({ ...rest, ...at } as SegmentListParams, options), { page, cursor });
  }

  /** One segment with its normalised rules. */
  async get(id: string, options?: RequestOptions): Promise<Segment> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/segments/{id}', { params: { path: { id } }, signal }), options)).data;
  }

  /** The segment's best send hour from its members' opens (null with a reason when the model finds none). */
  async bestHour(id: string, options?: RequestOptions): Promise<SegmentBestHour> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/segments/{id}/best-hour', { params: { path: { id } }, signal }), options)).data;
  }

  /** Creates a segment (membership is computed in the background); retries reuse one Idempotency-Key. */
  async create(body: SegmentCreateParams, options: CreateOptions = {}): Promise<Segment> {
    const key = this.core.idempotencyKey(options.idempotencyKey);
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) => this.core.api.POST('/api/v1/segments', { params: { header: { 'Idempotency-Key': key } }, body, signal }),
        options,
      )
    ).data;
  }

  /** Changes name, description or rules (PUT). */
  async update(id: string, body: SegmentUpdateParams, options?: RequestOptions): Promise<Segment> {
    return (await this.core.run(IDEMPOTENT, (signal) => this.core.api.PUT('/api/v1/segments/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Changes name, description or rules (PATCH). */
  async patch(id: string, body: SegmentUpdateParams, options?: RequestOptions): Promise<Segment> {
    return (await this.core.run(WRITE, (signal) => this.core.api.PATCH('/api/v1/segments/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Deletes a segment. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(IDEMPOTENT, (signal) => this.core.api.DELETE('/api/v1/segments/{id}', { params: { path: { id } }, signal }), options);
  }

  /** How many customers the segment selects now. */
  async count(id: string, options?: RequestOptions): Promise<number> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/segments/{id}/count', { params: { path: { id } }, signal }), options)).data.count;
  }

  /** One page of the segment's customers, filtered like the customer list. */
  customers(id: string, query: CustomerListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/segments/{id}/customers', { params: { path: { id }, query }, signal }), options);
  }

  /** Every customer of the segment, page after page. */
  iterateCustomers(id: string, query: CustomerListParams = {}, options?: RequestOptions): AsyncGenerator<Customer, void, undefined> {
    const { page, cursor, ...filters } = query;
    return iteratePages((at) => this.customers(id, { includeTotal: 'false', ...filters, ...at }, options), { page, cursor });
  }

  /** Counts and samples the audience of rules without saving them. */
  async preview(body: BodyOf<'/api/v1/segments/preview', 'post'>, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.POST('/api/v1/segments/preview', { body, signal }), options)).data;
  }

  /** The segmentable fields, their types and operators. */
  async fields(options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/segments/fields', { signal }), options)).data;
  }

  /** Segment suggestions for a phrase ("vip customers in New York"), most confident first. */
  async suggest(query: string, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.POST('/api/v1/segments/suggestions', { body: { query }, signal }), options)).suggestions;
  }
}
