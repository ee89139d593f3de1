import { Analytics } from './resources/analytics';
import { Core, type HeraldOptions } from './core';
import { Ai } from './resources/ai';
import { ApiKeys } from './resources/apiKeys';
import { Campaigns } from './resources/campaigns';
import { Customers } from './resources/customers';
import { Imports } from './resources/imports';
import { Insights } from './resources/insights';
import { Journeys } from './resources/journeys';
import { Orders } from './resources/orders';
import { Segments } from './resources/segments';
import { Tenant } from './resources/tenant';
import { Webhooks } from './resources/webhooks';

/**
 * Herald's API client: `new Herald({ baseUrl, apiKey })`, then one namespace per resource
 * (`herald.customers.list()`, `herald.campaigns.send(id)`, …). Calls return the `data` of
 * Herald's answers, typed from its OpenAPI document; lists return `{ data, pagination }` and
 * have an `iterate()` that walks every page. Failures throw {@link HeraldError} subclasses;
 * 429 and 503 are retried honouring Retry-After, and creates carry an Idempotency-Key.
 */
export class Herald {
  readonly customers: Customers;
  readonly analytics: Analytics;
  readonly orders: Orders;
  readonly segments: Segments;
  readonly campaigns: Campaigns;
  readonly imports: Imports;
  readonly journeys: Journeys;
  readonly webhooks: Webhooks;
  readonly apiKeys: ApiKeys;
  readonly tenant: Tenant;
  readonly insights: Insights;
  readonly ai: Ai;
  /**
   * The typed openapi-fetch client underneath, for operations the namespaces do not wrap
   * (`herald.api.GET('/api/v1/messaging/settings')`); it has no retries or error mapping.
   */
  readonly api: Core['api'];

  constructor(options: HeraldOptions) {
    const core = new Core(options);
    this.api = core.api;
    this.customers = new Customers(core);
    this.analytics = new Analytics(core);
    this.orders = new Orders(core);
    this.segments = new Segments(core);
    this.campaigns = new Campaigns(core);
    this.imports = new Imports(core);
    this.journeys = new Journeys(core);
    this.webhooks = new Webhooks(core);
    this.apiKeys = new ApiKeys(core);
    this.tenant = new Tenant(core);
    this.insights = new Insights(core);
    this.ai = new Ai(core);
  }
}
