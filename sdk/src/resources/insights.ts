import type { Core, RequestOptions } from '../core';
import type { InsightList, InsightListParams } from '../types';

/** `herald.insights`: what changed in the tenant's data (seed 003's GET /ai/insights), computed by statistics. */
export class Insights {
  constructor(private readonly core: Core) {}

  /** Insights over `period` (default 30d) against the period before it, best first; `types` filters, `limit` caps (default 20). */
  async list(query: InsightListParams = {}, options?: RequestOptions): Promise<InsightList> {
    return this.core.read((signal) => this.core.api.GET('/api/v1/ai/insights', { params: { query }, signal }), options);
  }
}
