import type { paths, webhooks } from './generated/openapi';

/**
 * Names for the shapes Herald's API takes and returns, all derived from the generated OpenAPI
 * types (never written by hand), by path and method rather than by component name, so they stay
 * right when the document renames or inlines a schema.
 */

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type SuccessStatus = 200 | 201 | 202;

/** The JSON body of an operation's successful (2xx) response. */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? { [S in keyof R]: S extends SuccessStatus ? Json<R[S]> : never }[keyof R] : never;

/** The `data` of an operation's `{ data, pagination? }` envelope. */
export type DataOf<P extends keyof paths, M extends Method> = ResponseOf<P, M> extends { data: infer D } ? D : never;

/** The query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends Method> = Json<NonNullable<Operation<P, M>['requestBody']>>;

/** The pagination block of list responses. */
export type Pagination = NonNullable<ResponseOf<'/api/v1/customers', 'get'>['pagination']>;

/** One page of a list: the items and, for paged lists, where the next page starts. */
export interface Page<T> {
  data: T[];
  pagination?: Pagination | null;
}

/** A customer as every customer call returns it. */
export type Customer = DataOf<'/api/v1/customers', 'post'>;
/** A customer with statistics and recent orders (`customers.get`). */
export type CustomerDetail = DataOf<'/api/v1/customers/{id}', 'get'>;
/** The body of a customer create or replace (PUT). */
export type CustomerCreateParams = BodyOf<'/api/v1/customers', 'post'>;
/** The body of a customer PATCH: any subset of the fields. */
export type CustomerPatchParams = BodyOf<'/api/v1/customers/{id}', 'patch'>;
/** Filters, sorting and paging of the customer list. */
export type CustomerListParams = QueryOf<'/api/v1/customers', 'get'>;
/** One entry of a customer's notes log. */
export type CustomerNote = DataOf<'/api/v1/customers/{id}/notes', 'post'>;

/** An order (with items and history when read one at a time). */
export type Order = DataOf<'/api/v1/orders', 'post'>;
/** The body of an order create. */
export type OrderCreateParams = BodyOf<'/api/v1/orders', 'post'>;
/** Filters, sorting and paging of the order list. */
export type OrderListParams = QueryOf<'/api/v1/orders', 'get'>;
/** The body of an order status change. */
export type OrderStatusParams = BodyOf<'/api/v1/orders/{id}/status', 'patch'>;

/** A segment with its normalised rules. */
export type Segment = DataOf<'/api/v1/segments', 'post'>;
/** A segment's best send hour from its members' opens, with the evidence. */
export type SegmentBestHour = DataOf<'/api/v1/segments/{id}/best-hour', 'get'>;
/** A customer's best send hour from their opens, in their timezone, with the evidence. */
export type CustomerBestHour = DataOf<'/api/v1/customers/{id}/best-hour', 'get'>;
/** The body of a segment create. */
export type SegmentCreateParams = BodyOf<'/api/v1/segments', 'post'>;
/** The body of a segment change. */
export type SegmentUpdateParams = BodyOf<'/api/v1/segments/{id}', 'patch'>;

/** A campaign as the lifecycle calls return it. */
export type Campaign = DataOf<'/api/v1/campaigns', 'post'>;
/** A campaign with its progress (`campaigns.get`). */
export type CampaignDetail = DataOf<'/api/v1/campaigns/{id}', 'get'>;
/** The body of a campaign create (Herald's form or seed 003's). */
export type CampaignCreateParams = BodyOf<'/api/v1/campaigns', 'post'>;
/** The body of a draft campaign change. */
export type CampaignUpdateParams = BodyOf<'/api/v1/campaigns/{id}', 'patch'>;
/** Filters, sorting and paging of the campaign list. */
export type CampaignListParams = QueryOf<'/api/v1/campaigns', 'get'>;
/** One A/B variant of a campaign (issue 19): a key, a name and the subject and/or body it sends. */
export type CampaignVariant = NonNullable<Campaign['variants']>[number];
/** A campaign's A/B test: share, winning metric, duration. */
export type CampaignTest = NonNullable<Campaign['test']>;

/** An import with live progress. */
export type Import = DataOf<'/api/v1/imports/{id}', 'get'>;
/** Import options: duplicate handling, dedupe keys, mapping, dry run, file name. */
export type ImportOptions = QueryOf<'/api/v1/imports', 'post'>;
/** Filters and paging of the import list. */
export type ImportListParams = QueryOf<'/api/v1/imports', 'get'>;
/** One failed row of an import. */
export type ImportRowError = DataOf<'/api/v1/imports/{id}/errors', 'get'>[number];

/** A webhook endpoint (never with its secret). */
export type WebhookEndpoint = DataOf<'/api/v1/webhooks/{id}', 'get'>;
/** A webhook endpoint with its secret (create and rotate-secret only). */
export type WebhookEndpointWithSecret = DataOf<'/api/v1/webhooks', 'post'>;
/** The body of a webhook endpoint create. */
export type WebhookCreateParams = BodyOf<'/api/v1/webhooks', 'post'>;
/** The body of a webhook endpoint change. */
export type WebhookUpdateParams = BodyOf<'/api/v1/webhooks/{id}', 'patch'>;
/** One delivery of an event to an endpoint. */
export type WebhookDelivery = DataOf<'/api/v1/webhooks/{id}/test', 'post'>;
/** A delivery with its payload and every attempt. */
export type WebhookDeliveryDetail = DataOf<'/api/v1/deliveries/{id}', 'get'>;
/** Filters and paging of an endpoint's deliveries. */
export type WebhookDeliveryListParams = QueryOf<'/api/v1/webhooks/{id}/deliveries', 'get'>;
/** A replay job and its progress. */
export type WebhookReplay = DataOf<'/api/v1/webhooks/{id}/replay', 'post'>;

/** A journey: its draft definition, the draft's problems, status and current version. */
export type Journey = DataOf<'/api/v1/journeys/{id}', 'get'>;
/** The body of a journey create. */
export type JourneyCreateParams = BodyOf<'/api/v1/journeys', 'post'>;
/** Paging of the journey list. */
export type JourneyListParams = QueryOf<'/api/v1/journeys', 'get'>;
/** A published, immutable version of a journey. */
export type JourneyVersion = DataOf<'/api/v1/journeys/{id}/versions', 'get'>[number];
/** A version's analytics: nodes, edges, sends and goal. */
export type JourneyAnalytics = DataOf<'/api/v1/journeys/{id}/analytics', 'get'>;
/** A journey run as listed. */
export type JourneyRun = DataOf<'/api/v1/journeys/{id}/runs', 'get'>[number];
/** A run with its step log. */
export type JourneyRunDetail = DataOf<'/api/v1/journeys/{id}/runs/{runId}', 'get'>;
/** Filters and paging of a journey's runs. */
export type JourneyRunListParams = QueryOf<'/api/v1/journeys/{id}/runs', 'get'>;

/** GET /ai/insights's answer: the insights, best first, and the windows they compare. */
export type InsightList = ResponseOf<'/api/v1/ai/insights', 'get'>;
/** One insight: seed 003's fields and Herald's metric, evidence and score. */
export type Insight = InsightList['insights'][number];
/** The period, type filter and limit of GET /ai/insights. */
export type InsightListParams = QueryOf<'/api/v1/ai/insights', 'get'>;

/** An API key as listed (never the key itself). */
export type ApiKey = DataOf<'/api/v1/api-keys/{id}', 'delete'>;
/** A new API key with the key itself, shown once. */
export type CreatedApiKey = DataOf<'/api/v1/api-keys', 'post'>;
/** The body of an API key create. */
export type ApiKeyCreateParams = BodyOf<'/api/v1/api-keys', 'post'>;

/** The caller's tenant and how the caller is signed in. */
export type Tenant = DataOf<'/api/v1/tenant', 'get'>;

/** The payload of each webhook event type the document lists under `webhooks`. */
type DocumentedEvents = {
  [K in keyof webhooks]: webhooks[K] extends { post?: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
}[keyof webhooks];

/** A webhook event as Herald sends it: `{ type, timestamp, data }`. */
export interface UntypedWebhookEvent {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * A verified webhook event: one of the payloads of the document's `webhooks` section, or the
 * untyped `{ type, timestamp, data }` envelope while the document lists no event types.
 */
export type WebhookEvent = string extends keyof webhooks ? UntypedWebhookEvent : DocumentedEvents;
