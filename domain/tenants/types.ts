/** Roles a credential can carry, from most to least powerful; `customer` is self-service only. */
export const ROLES = ['admin', 'member', 'readonly', 'customer'] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Who is calling: resolved from an API key or a JWT, never from the request body. */
export interface Principal {
  tenantId: string;
  role: Role;
  actorType: 'api_key' | 'user' | 'customer';
  /** The key id or the JWT subject; recorded in audit rows and created_by columns. */
  actorId: string;
  /** For the customer role: the customer this credential speaks for. */
  customerId?: string;
}

/** A tenant as the API shows it. */
export interface Tenant {
  id: string;
  name: string;
  slug: string;
  settings: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

/** An API key's metadata; the key itself is never stored and shown only once. */
export interface ApiKey {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  role: Role;
  customerId: string | null;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** An API key together with its secret, returned only by the call that creates it. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

/** Counts across a tenant's records, for dashboards and the Temporal wiring check. */
export interface TenantSummary {
  tenantId: string;
  customers: number;
  orders: number;
  events: number;
}
