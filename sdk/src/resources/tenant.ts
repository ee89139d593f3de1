import type { Core, RequestOptions } from '../core';
import type { DataOf, Tenant as TenantData } from '../types';

/** `herald.tenant`: the caller's own tenant. */
export class Tenant {
  constructor(private readonly core: Core) {}

  /** The tenant of the credential, and how the caller is signed in (role, actor). */
  async get(options?: RequestOptions): Promise<TenantData> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/tenant', { signal }), options)).data;
  }

  /** Counts of the tenant's customers, orders and events. */
  async summary(options?: RequestOptions): Promise<DataOf<'/api/v1/tenant/summary', 'get'>> {
    return (await this.core.read((signal) => this.core.api.GET('/api/v1/tenant/summary', { signal }), options)).data;
  }
}
