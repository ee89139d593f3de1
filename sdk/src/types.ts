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
export type ResponseOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R }
  ? { [S in keyof R]: S extends SuccessStatus ? Json<R[S]> : never }[keyof R]
  : never;

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

export type Customer = DataOf<'/api/v1/customers', 'post'>;
export type CustomerDetail = DataOf<'/api/v1/customers/{id}', 'get'>;
export type CustomerCreateParams = BodyOf<'/api/v1/customers', 'post'>;
export type CustomerPatchParams = BodyOf<'/api/v1/customers/{id}', 'patch'>;
export type CustomerListParams = QueryOf<'/api/v1/customers', 'get'>;
export type CustomerNote = DataOf<'/api/v1/customers/{id}/notes', 'post'>;

export type Order = DataOf<'/api/v1/orders', 'post'>;
export type OrderCreateParams = BodyOf<'/api/v1/orders', 'post'>;
export type OrderListParams = QueryOf<'/api/v1/orders', 'get'>;
export type OrderStatusParams = BodyOf<'/api/v1/orders/{id}/status', 'patch'>;

export type Segment = DataOf<'/api/v1/segments', 'post'>;
export type SegmentCreateParams = BodyOf<'/api/v1/segments', 'post'>;
export type SegmentUpdateParams = BodyOf<'/api/v1/segments/{id}', 'patch'>;

export type Campaign = DataOf<'/api/v1/campaigns', 'post'>;
export type CampaignDetail = DataOf<'/api/v1/campaigns/{id}', 'get'>;
export type CampaignCreateParams = BodyOf<'/api/v1/campaigns', 'post'>;
export type CampaignUpdateParams = BodyOf<'/api/v1/campaigns/{id}', 'patch'>;
export type CampaignListParams = QueryOf<'/api/v1/campaigns', 'get'>;

export type Import = DataOf<'/api/v1/imports/{id}', 'get'>;
export type ImportOptions = QueryOf<'/api/v1/imports', 'post'>;
export type ImportListParams = QueryOf<'/api/v1/imports', 'get'>;
export type ImportRowError = DataOf<'/api/v1/imports/{id}/errors', 'get'>[number];

export type WebhookEndpoint = DataOf<'/api/v1/webhooks/{id}', 'get'>;
export type WebhookEndpointWithSecret = DataOf<'/api/v1/webhooks', 'post'>;
export type WebhookCreateParams = BodyOf<'/api/v1/webhooks', 'post'>;
export type WebhookUpdateParams = BodyOf<'/api/v1/webhooks/{id}', 'patch'>;
export type WebhookDelivery = DataOf<'/api/v1/webhooks/{id}/test', 'post'>;
export type WebhookDeliveryDetail = DataOf<'/api/v1/deliveries/{id}', 'get'>;
export type WebhookDeliveryListParams = QueryOf<'/api/v1/webhooks/{id}/deliveries', 'get'>;
export type WebhookReplay = DataOf<'/api/v1/webhooks/{id}/replay', 'post'>;

export type ApiKey = DataOf<'/api/v1/api-keys/{id}', 'delete'>;
export type CreatedApiKey = DataOf<'/api/v1/api-keys', 'post'>;
export type ApiKeyCreateParams = BodyOf<'/api/v1/api-keys', 'post'>;

export type Tenant = DataOf<'/api/v1/tenant', 'get'>;

/** The payload of each webhook event type the document lists under `webhooks`. */
type DocumentedEvents = { [K in keyof webhooks]: webhooks[K] extends { post?: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never }[keyof webhooks];

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
