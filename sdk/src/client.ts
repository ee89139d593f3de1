import { Analytics } from './resources/analytics';
import { Core, type FetchResult, type HeraldOptions, type RequestOptions, type Success } from './core';
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
  private readonly core: Core;

  constructor(options: HeraldOptions) {
    const core = new Core(options);
    this.core = core;
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

  /**
   * Runs a call made with `api` (the typed client) with the namespaces' error mapping: a non-2xx
   * answer throws a {@link HeraldError}, success resolves with the data. Reads (`idempotent`) are
   * retried like the namespaces' reads; writes are retried only on 429/503.
   */
  call<R extends FetchResult>(
    attempt: (signal: AbortSignal | undefined) => Promise<R>,
    options: RequestOptions & { idempotent?: boolean } = {},
  ): Promise<Success<R>> {
    return this.core.run({ idempotent: options.idempotent ?? false, replayable: true }, attempt, options);
  }
}
