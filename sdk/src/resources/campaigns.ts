import type { CreateOptions, Core, RequestOptions } from '../core';
import { iteratePages } from '../pagination';
import type { BodyOf, Campaign, CampaignCreateParams, CampaignDetail, CampaignListParams, CampaignUpdateParams, QueryOf } from '../types';
import { IDEMPOTENT, WRITE } from './policies';

/** `herald.campaigns`: e-mail and SMS campaigns, their lifecycle, previews and analytics. */
export class Campaigns {
  constructor(private readonly core: Core) {}

  /** One page of campaigns (filters: status, channel). */
  list(query: CampaignListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/campaigns', { params: { query }, signal }), options);
  }

  /** Every campaign matching the filters, page after page. */
  iterate(query: CampaignListParams = {}, options?: RequestOptions): AsyncGenerator<Campaign, void, undefined> {
    const { page, cursor, ...filters } = query;
    return iteratePages((at) => this.list({ includeTotal: 'false', ...filters, ...at }, options), { page, cursor });
  }

  /** One campaign with its progress (ledger counts and workflow state). */
  async get(id: string, options?: RequestOptions): Promise<CampaignDetail> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/campaigns/{id}', { params: { path: { id } }, signal }), options)).data;
  }

  /** Creates a draft campaign; retries reuse one Idempotency-Key. */
  async create(body: CampaignCreateParams, options: CreateOptions = {}): Promise<Campaign> {
    const key = this.core.idempotencyKey(options.idempotencyKey);
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) => this.core.api.POST('/api/v1/campaigns', { params: { header: { 'Idempotency-Key': key } }, body, signal }),
        options,
      )
    ).data;
  }

  /** Changes a draft (PUT). */
  async update(id: string, body: CampaignUpdateParams, options?: RequestOptions): Promise<Campaign> {
    return (await this.core.run(IDEMPOTENT, (signal) => this.core.api.PUT('/api/v1/campaigns/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Changes a draft (PATCH). */
  async patch(id: string, body: CampaignUpdateParams, options?: RequestOptions): Promise<Campaign> {
    return (await this.core.run(WRITE, (signal) => this.core.api.PATCH('/api/v1/campaigns/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Deletes a campaign that is not scheduled, sending or paused. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(IDEMPOTENT, (signal) => this.core.api.DELETE('/api/v1/campaigns/{id}', { params: { path: { id } }, signal }), options);
  }

  /** Starts sending now; the workflow sends in the background (poll {@link get}). */
  async send(id: string, options?: RequestOptions): Promise<Campaign> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/campaigns/{id}/send', { params: { path: { id } }, signal }), options)).data;
  }

  /** Pauses sending. */
  async pause(id: string, options?: RequestOptions): Promise<Campaign> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/campaigns/{id}/pause', { params: { path: { id } }, signal }), options)).data;
  }

  /** Resumes a paused campaign where it stopped. */
  async resume(id: string, options?: RequestOptions): Promise<Campaign> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/campaigns/{id}/resume', { params: { path: { id } }, signal }), options)).data;
  }

  /** Cancels: nothing more is sent. */
  async cancel(id: string, options?: RequestOptions): Promise<Campaign> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/campaigns/{id}/cancel', { params: { path: { id } }, signal }), options)).data;
  }

  /** Schedules a draft: at a time, or recurring by cron (the stored schedule when the body is empty). */
  async schedule(id: string, body: BodyOf<'/api/v1/campaigns/{id}/schedule', 'post'> = {}, options?: RequestOptions): Promise<Campaign> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/campaigns/{id}/schedule', { params: { path: { id } }, body, signal }), options))
      .data;
  }

  /** Seed 003's status change (scheduled, sending, paused, cancelled) through the matching command. */
  async setStatus(id: string, status: BodyOf<'/api/v1/campaigns/{id}/status', 'patch'>['status'], options?: RequestOptions): Promise<Campaign> {
    return (
      await this.core.run(
        WRITE,
        (signal) => this.core.api.PATCH('/api/v1/campaigns/{id}/status', { params: { path: { id } }, body: { status }, signal }),
        options,
      )
    ).data;
  }

  /** Renders the message for one customer (or a sample one); sends nothing. */
  async preview(id: string, body: BodyOf<'/api/v1/campaigns/{id}/preview', 'post'> = {}, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.POST('/api/v1/campaigns/{id}/preview', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Sends the message to up to 10 test addresses; answers the outcome per address. */
  async test(id: string, body: BodyOf<'/api/v1/campaigns/{id}/test', 'post'>, options?: RequestOptions) {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/campaigns/{id}/test', { params: { path: { id } }, body, signal }), options))
      .data;
  }

  /** Queued, sent, delivered, failed, skipped by reason, opened, clicked, unsubscribed. */
  async analytics(id: string, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/campaigns/{id}/analytics', { params: { path: { id } }, signal }), options)).data;
  }

  /** Analytics of the tenant's newest campaigns (without a range the answer is the paged list; `herald.analytics.campaigns` takes one). */
  async overview(options?: RequestOptions) {
    const answer = await this.core.read((signal) => this.core.api.GET('/api/v1/analytics/campaigns', { signal }), options);
    return answer.data as Extract<typeof answer, { pagination: unknown }>['data'];
  }

  /** One row per recipient as CSV, JSON or NDJSON text. */
  export(id: string, query: QueryOf<'/api/v1/campaigns/{id}/export', 'get'> = {}, options?: RequestOptions): Promise<string> {
    return this.core.read(
      (signal) => this.core.api.GET('/api/v1/campaigns/{id}/export', { params: { path: { id }, query }, parseAs: 'text', signal }),
      options,
    );
  }
}
