import type { CreateOptions, Core, RequestOptions } from '../core';
import { iteratePages } from '../pagination';
import type {
  BodyOf,
  QueryOf,
  WebhookCreateParams,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryListParams,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookReplay,
  WebhookUpdateParams,
} from '../types';
import { IDEMPOTENT, WRITE } from './policies';

/** `herald.webhooks`: endpoints, their deliveries, retries, replays, secret rotation and test events. */
export class Webhooks {
  constructor(private readonly core: Core) {}

  /** The event types an endpoint can subscribe to. */
  async eventTypes(options?: RequestOptions) {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/webhooks/event-types', { signal }), options)).data;
  }

  /** Creates an endpoint; its secret is in this answer only. Retries reuse one Idempotency-Key. */
  async create(body: WebhookCreateParams, options: CreateOptions = {}): Promise<WebhookEndpointWithSecret> {
    const key = this.core.idempotencyKey(options.idempotencyKey);
    return (
      await this.core.run(
        IDEMPOTENT,
        (signal) => this.core.api.POST('/api/v1/webhooks', { params: { header: { 'Idempotency-Key': key } }, body, signal }),
        options,
      )
    ).data;
  }

  /** One page of the tenant's endpoints. */
  list(query: QueryOf<'/api/v1/webhooks', 'get'> = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/webhooks', { params: { query }, signal }), options);
  }

  /** Every endpoint, page after page. */
  iterate(query: QueryOf<'/api/v1/webhooks', 'get'> = {}, options?: RequestOptions): AsyncGenerator<WebhookEndpoint, void, undefined> {
    const { page, cursor, ...rest } = query;
    return iteratePages((at) => this.list({ includeTotal: 'false', ...rest, ...at }, options), { page, cursor });
  }

  /** One endpoint (without its secret). */
  async get(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/webhooks/{id}', { params: { path: { id } }, signal }), options)).data;
  }

  /** Changes an endpoint; enabling a disabled one delivers what it missed. */
  async update(id: string, body: WebhookUpdateParams, options?: RequestOptions): Promise<WebhookEndpoint> {
    return (await this.core.run(WRITE, (signal) => this.core.api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body, signal }), options)).data;
  }

  /** Deletes an endpoint with its deliveries. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(IDEMPOTENT, (signal) => this.core.api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } }, signal }), options);
  }

  /** Issues a new secret (or sets the one given); the old one keeps signing for 24 h. */
  async rotateSecret(id: string, secret?: string, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return (
      await this.core.run(
        WRITE,
        (signal) =>
          this.core.api.POST('/api/v1/webhooks/{id}/rotate-secret', { params: { path: { id } }, body: secret === undefined ? {} : { secret }, signal }),
        options,
      )
    ).data;
  }

  /** Sends a `webhook.test` event to this endpoint; answers the queued delivery. */
  async test(id: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/webhooks/{id}/test', { params: { path: { id } }, signal }), options)).data;
  }

  /** One page of an endpoint's deliveries, filtered by status, type and time. */
  deliveries(id: string, query: WebhookDeliveryListParams = {}, options?: RequestOptions) {
    return this.core.read((signal) => this.core.api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query }, signal }), options);
  }

  /** Every delivery of an endpoint, page after page. */
  iterateDeliveries(id: string, query: WebhookDeliveryListParams = {}, options?: RequestOptions): AsyncGenerator<WebhookDelivery, void, undefined> {
    const { page, cursor, ...filters } = query;
    return iteratePages((at) => this.deliveries(id, { includeTotal: 'false', ...filters, ...at }, options), { page, cursor });
  }

  /** One delivery with its payload and every attempt. */
  async delivery(deliveryId: string, options?: RequestOptions): Promise<WebhookDeliveryDetail> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/deliveries/{id}', { params: { path: { id: deliveryId } }, signal }), options)).data;
  }

  /** Sends a delivery again now, with the same webhook-id. */
  async retry(deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return (
      await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/deliveries/{id}/retry', { params: { path: { id: deliveryId } }, signal }), options)
    ).data;
  }

  /** Replays all or the failed deliveries of a time range, as a job with progress. */
  async replay(id: string, body: BodyOf<'/api/v1/webhooks/{id}/replay', 'post'> = {}, options?: RequestOptions): Promise<WebhookReplay> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/webhooks/{id}/replay', { params: { path: { id } }, body, signal }), options))
      .data;
  }

  /** A replay job and its progress. */
  async getReplay(id: string, replayId: string, options?: RequestOptions): Promise<WebhookReplay> {
    return (
      await this.core.read((signal) => this.core.api.GET('/api/v1/webhooks/{id}/replays/{replayId}', { params: { path: { id, replayId } }, signal }), options)
    ).data;
  }
}
