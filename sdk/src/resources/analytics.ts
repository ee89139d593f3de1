import type { Core, RequestOptions } from '../core';
import type { components } from '../generated/openapi';
import type { QueryOf } from '../types';

/** The time window of every analytics call: period (day, week, month, year), startDate, endDate (YYYY-MM-DD) and timezone. */
export type AnalyticsRange = QueryOf<'/api/v1/analytics/customers', 'get'>;

/** `herald.analytics`: series over time with totals for the range and the previous range of the same length. */
export class Analytics {
  constructor(private readonly core: Core) {}

  /** New customers and active customers (ordered in the bucket) per bucket. */
  async customers(range: AnalyticsRange = {}, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/analytics/customers', { params: { query: range }, signal }), options)).data;
  }

  /** Orders, paid orders, revenue and average order value per bucket. */
  async revenue(range: AnalyticsRange = {}, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/analytics/revenue', { params: { query: range }, signal }), options)).data;
  }

  /**
   * Sends, opens and clicks per bucket, for the tenant and per campaign. The range defaults to
   * the last 30 days by day; `herald.campaigns.overview()` is the paged per-campaign list instead.
   */
  async campaigns(range: AnalyticsRange = {}, options?: RequestOptions) {
    const query = { period: 'day' as const, ...range };
    const answer = await this.core.read((signal) => this.core.api.GET('/api/v1/analytics/campaigns', { params: { query }, signal }), options);
    // The operation also answers a page of per-campaign figures (with `page`/`limit`); with a range it answers the series.
    return (answer as components['schemas']['CampaignAnalyticsOverTime']).data;
  }

  /** Each segment's size per bucket, from the daily snapshots. */
  async segments(range: AnalyticsRange = {}, options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/analytics/segments', { params: { query: range }, signal }), options)).data;
  }
}
