import type { Knex } from 'knex';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';
import type { TenantSettingsChanges } from './settings';
import type { ApiKey, Role, Tenant, TenantSummary } from './types';

/** Row shapes as stored. */
interface TenantRow {
  id: string;
  name: string;
  slug: string;
  settings: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Role;
  customer_id: string | null;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const toTenant = (r: TenantRow): Tenant => ({ id: r.id, name: r.name, slug: r.slug, settings: r.settings, createdAt: r.created_at, updatedAt: r.updated_at });

const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  prefix: r.prefix,
  role: r.role,
  customerId: r.customer_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const KEY_COLUMNS = ['id', 'tenant_id', 'name', 'prefix', 'role', 'customer_id', 'created_by', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'];

/** Inserts a tenant and returns it. */
export async function insertTenant(db: Knex, values: { name: string; slug: string }): Promise<Tenant> {
  const [row] = await db<TenantRow>('tenants').insert(values).returning('*');
  return toTenant(row as TenantRow);
}

/** The tenant with this id, if any; `forUpdate` locks its row for the caller's transaction. */
export async function findTenantById(db: Knex, id: string, options: { forUpdate?: boolean } = {}): Promise<Tenant | undefined> {
  const query = db<TenantRow>('tenants').where({ id });
  const row = await (options.forUpdate ? query.forUpdate() : query).first();
  return row ? toTenant(row) : undefined;
}

/** Gives a tenant another name (its slug stays); returns the tenant as changed. */
export async function renameTenant(db: Knex, id: string, name: string): Promise<Tenant | undefined> {
  const [row] = await db<TenantRow>('tenants')
    .where({ id })
    .update({ name, updated_at: db.fn.now() as unknown as Date })
    .returning('*');
  return row ? toTenant(row as TenantRow) : undefined;
}

/**
 * Applies setting changes to a tenant in one statement: keys with a value are set, keys with
 * null removed, other keys (messaging and the rest) left alone. Returns the tenant as changed.
 */
export async function updateTenantSettings(db: Knex, id: string, changes: TenantSettingsChanges): Promise<Tenant | undefined> {
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
  const set = Object.fromEntries(entries.filter(([, v]) => v !== null));
  const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
  const [row] = await db<TenantRow>('tenants')
    .where({ id })
    .update({
      settings: db.raw("(coalesce(settings, '{}'::jsonb) || ?::jsonb) - ?::text[]", [JSON.stringify(set), removed]) as unknown as Record<string, unknown>,
      updated_at: db.fn.now() as unknown as Date,
    })
    .returning('*');
  return row ? toTenant(row as TenantRow) : undefined;
}

/**
 * Replaces one section of a tenant's settings (`messaging`: the messaging module's defaults),
 * leaving the other keys alone, in one statement.
 */
export async function replaceTenantSettingsSection(db: Knex, id: string, section: 'messaging', value: object): Promise<void> {
  await db<TenantRow>('tenants')
    .where({ id })
    .update({
      settings: db.raw("coalesce(settings, '{}'::jsonb) || jsonb_build_object(?::text, ?::jsonb)", [section, JSON.stringify(value)]) as unknown as Record<
        string,
        unknown
      >,
      updated_at: db.fn.now() as unknown as Date,
    });
}

/** The tenant with this slug, if any. */
export async function findTenantBySlug(db: Knex, slug: string): Promise<Tenant | undefined> {
  const row = await db<TenantRow>('tenants').where({ slug }).first();
  return row ? toTenant(row) : undefined;
}

/** Inserts an API key row (hash only) and returns its metadata. */
export async function insertApiKey(
  db: Knex,
  values: {
    tenant_id: string;
    name: string;
    prefix: string;
    key_hash: string;
    role: Role;
    customer_id?: string | null;
    created_by?: string | null;
    expires_at?: Date | null;
  },
): Promise<ApiKey> {
  const [row] = await db<ApiKeyRow>('api_keys').insert(values).returning(KEY_COLUMNS);
  return toApiKey(row as ApiKeyRow);
}

/** A live key (not revoked, not expired) by its hash, across tenants: the hash is the credential. */
export async function findLiveApiKeyByHash(db: Knex, keyHash: string): Promise<ApiKey | undefined> {
  const row: ApiKeyRow | undefined = await db('api_keys')
    .select(KEY_COLUMNS)
    .where({ key_hash: keyHash })
    .whereNull('revoked_at')
    .andWhere((q) => q.whereNull('expires_at').orWhere('expires_at', '>', db.fn.now()))
    .first();
  return row ? toApiKey(row) : undefined;
}

/** Records use of a key, at most once a minute per key so busy keys don't write on every request. */
export async function touchApiKey(db: Knex, id: string): Promise<void> {
  await db('api_keys')
    .where({ id })
    .andWhere((q) => q.whereNull('last_used_at').orWhere('last_used_at', '<', db.raw("now() - interval '1 minute'")))
    .update({ last_used_at: db.fn.now() });
}

/** A page of a tenant's keys by creation time (newest first unless the page asks asc); never the hashes. */
export async function listApiKeys(db: Knex, tenantId: string, page: PageRequest): Promise<Page<ApiKey>> {
  const result = await fetchPage<Record<string, unknown>>(db('api_keys').where({ tenant_id: tenantId }), { expression: 'created_at' }, page);
  return { data: result.data.map((r) => toApiKey(r as unknown as ApiKeyRow)), pagination: result.pagination };
}

/** Revokes one of a tenant's keys; returns it, or undefined when the tenant has no such key. */
export async function revokeApiKey(db: Knex, tenantId: string, id: string): Promise<ApiKey | undefined> {
  const [row] = await db<ApiKeyRow>('api_keys')
    .where({ tenant_id: tenantId, id })
    .update({ revoked_at: db.raw('coalesce(revoked_at, now())') as unknown as Date })
    .returning(KEY_COLUMNS);
  return row ? toApiKey(row as ApiKeyRow) : undefined;
}

/** Counts a tenant's customers, orders and events in one round trip. */
export async function summarizeTenant(db: Knex, tenantId: string): Promise<TenantSummary> {
  const row = await db
    .select({
      customers: db('customers').count('*').where({ tenant_id: tenantId }).whereNull('deleted_at'),
      orders: db('orders').count('*').where({ tenant_id: tenantId }),
      events: db('events').count('*').where({ tenant_id: tenantId }),
    })
    .first();
  return { tenantId, customers: Number(row?.customers ?? 0), orders: Number(row?.orders ?? 0), events: Number(row?.events ?? 0) };
}
