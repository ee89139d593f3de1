import type { Core, RequestOptions } from '../core';
import type { ApiKey, ApiKeyCreateParams, CreatedApiKey } from '../types';
import { IDEMPOTENT, WRITE } from './policies';

/** `herald.apiKeys`: the tenant's API keys (admin only). */
export class ApiKeys {
  constructor(private readonly core: Core) {}

  /** The tenant's keys, newest first (never their secrets). */
  async list(options?: RequestOptions): Promise<ApiKey[]> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/api-keys', { signal }), options)).data;
  }

  /**
   * Creates a key; the key itself is in this answer only. The route takes no Idempotency-Key, so
   * this call is retried on 429/503 (nothing was created) but not after a network error.
   */
  async create(body: ApiKeyCreateParams, options?: RequestOptions): Promise<CreatedApiKey> {
    return (await this.core.run(WRITE, (signal) => this.core.api.POST('/api/v1/api-keys', { body, signal }), options)).data;
  }

  /** Revokes a key: refused at once by the API process that revoked it, by the others within their 10 s key cache. */
  async revoke(id: string, options?: RequestOptions): Promise<ApiKey> {
    return (await this.core.run(IDEMPOTENT, (signal) => this.core.api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } }, signal }), options)).data;
  }
}
