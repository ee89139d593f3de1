import type { Knex } from 'knex';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import { notFound, validationFailed } from '../../lib/errors';
import { API_KEY_PREFIX, apiKeyDisplayPrefix, hashApiKey, newApiKey } from '../../lib/ids';
import { recordAudit } from '../audit/repo';
import { findCustomer } from '../customers/repo';
import type { CommandContext } from '../shared/context';
import type { PageRequest } from '../shared/listing';
import type { DefaultLanguageCache } from './languageCache';
import * as repo from './repo';
import type { TenantSettingsChanges } from './settings';
import { ROLES, type ApiKey, type CreatedApiKey, type Principal, type Role, type Tenant, type TenantSummary } from './types';

/** What creating a key needs. */
export interface NewApiKey {
  name: string;
  role: Role;
  customerId?: string;
  expiresAt?: Date;
}

/** What PATCH /tenant may change: the name, and settings (see {@link TenantSettingsChanges}). */
export interface TenantChanges {
  name?: string;
  settings?: TenantSettingsChanges;
}

/** How long a verified API key is trusted without asking the database again. */
const KEY_CACHE_MS = 10000;
/** Bound on remembered keys, so a flood of distinct keys cannot grow memory. */
const KEY_CACHE_LIMIT = 10000;

const JwtClaims = z.object({
  tenant: z.uuid(),
  role: z.enum(ROLES),
  sub: z.string().min(1),
  customer: z.uuid().optional(),
});

/** Makes a URL-safe slug from a tenant name, with a random suffix so names need not be unique. */
const slugFor = (name: string) =>
  `${
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'tenant'
  }-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Tenants, their API keys, and turning a bearer credential into a {@link Principal}.
 * Every query here is scoped by the tenant the credential belongs to.
 */
export function createTenantService(deps: {
  db: Knex;
  /** Keys JWT bearer tokens verify with: the current one first, then earlier ones (JWT_SECRET_PREVIOUS). */
  jwtSecret?: string | readonly string[];
  /** The cache of default languages the customer commands read; told when the settings change. */
  defaultLanguages?: Pick<DefaultLanguageCache, 'forget'>;
}) {
  const { db } = deps;
  const jwtKeys = [deps.jwtSecret ?? []].flat().map((secret) => new TextEncoder().encode(secret));
  // Verified keys are remembered briefly so a busy key costs no query per request. A key revoked
  // through this process stops at once; one revoked elsewhere works here for at most KEY_CACHE_MS.
  const keyCache = new Map<string, { principal: Principal; expiresAt: number | null; cachedAt: number }>();
  const lastTouched = new Map<string, number>();

  /** Records last use at most once a minute per key, without waiting for it. */
  function touch(keyId: string, now: number): void {
    if (now - (lastTouched.get(keyId) ?? 0) < 60000) return;
    if (lastTouched.size >= KEY_CACHE_LIMIT) lastTouched.clear();
    lastTouched.set(keyId, now);
    repo.touchApiKey(db, keyId).catch(() => lastTouched.delete(keyId));
  }

  /** Creates a tenant with its first admin key; the key is returned here and never again. */
  async function createTenant(name: string): Promise<{ tenant: Tenant; adminKey: CreatedApiKey }> {
    return db.transaction(async (trx) => {
      const tenant = await repo.insertTenant(trx, { name, slug: slugFor(name) });
      const adminKey = await insertKey(trx, tenant.id, { name: 'Initial admin key', role: 'admin' }, null);
      await recordAudit(trx, 'system', tenant.id, { action: 'tenant.created', subjectType: 'tenant', subjectId: tenant.id, changes: { name } });
      return { tenant, adminKey };
    });
  }

  async function insertKey(trx: Knex, tenantId: string, input: NewApiKey, createdBy: string | null): Promise<CreatedApiKey> {
    const key = newApiKey();
    const apiKey = await repo.insertApiKey(trx, {
      tenant_id: tenantId,
      name: input.name,
      prefix: apiKeyDisplayPrefix(key),
      key_hash: hashApiKey(key),
      role: input.role,
      customer_id: input.customerId ?? null,
      created_by: createdBy,
      expires_at: input.expiresAt ?? null,
    });
    return { apiKey, key };
  }

  /** Issues a new key in the caller's tenant. */
  async function createApiKey(ctx: CommandContext, input: NewApiKey): Promise<CreatedApiKey> {
    return db.transaction(async (trx) => {
      if (input.customerId) {
        if (!(await findCustomer(trx, ctx.principal.tenantId, input.customerId)))
          throw validationFailed([{ location: 'body', path: 'customerId', message: 'no such customer' }]);
      }
      const created = await insertKey(trx, ctx.principal.tenantId, input, ctx.principal.actorId);
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'api_key.created',
        subjectType: 'api_key',
        subjectId: created.apiKey.id,
        changes: { name: input.name, role: input.role },
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return created;
    });
  }

  /** Revokes a key of the caller's tenant; 404 for keys of other tenants. */
  async function revokeApiKey(ctx: CommandContext, id: string): Promise<ApiKey> {
    return db.transaction(async (trx) => {
      const key = await repo.revokeApiKey(trx, ctx.principal.tenantId, id);
      if (!key) throw notFound('API key');
      for (const [hash, entry] of keyCache) if (entry.principal.actorId === id) keyCache.delete(hash);
      await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
        action: 'api_key.revoked',
        subjectType: 'api_key',
        subjectId: id,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return key;
    });
  }

  /**
   * Resolves a bearer credential: `hk_…` keys by their hash, anything else as an HS256 JWT
   * with tenant, role and sub claims. Undefined means "not a valid credential".
   */
  async function authenticate(credential: string): Promise<Principal | undefined> {
    if (credential.startsWith(API_KEY_PREFIX)) {
      const hash = hashApiKey(credential);
      const now = Date.now();
      const cached = keyCache.get(hash);
      if (cached && now - cached.cachedAt < KEY_CACHE_MS && (cached.expiresAt === null || cached.expiresAt > now)) {
        touch(cached.principal.actorId, now);
        return cached.principal;
      }
      const key = await repo.findLiveApiKeyByHash(db, hash);
      if (!key) {
        keyCache.delete(hash);
        return undefined;
      }
      const principal: Principal = {
        tenantId: key.tenantId,
        role: key.role,
        actorType: key.role === 'customer' ? 'customer' : 'api_key',
        actorId: key.id,
        customerId: key.customerId ?? undefined,
      };
      if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
      keyCache.set(hash, { principal, expiresAt: key.expiresAt ? key.expiresAt.getTime() : null, cachedAt: now });
      touch(key.id, now);
      return principal;
    }
    if (jwtKeys.length === 0) return undefined;
    try {
      const payload = await verifiedJwtPayload(credential, jwtKeys);
      const claims = JwtClaims.safeParse(payload);
      if (!claims.success) return undefined;
      const { tenant, role, sub, customer } = claims.data;
      return {
        tenantId: tenant,
        role,
        actorType: role === 'customer' ? 'customer' : 'user',
        actorId: sub,
        customerId: customer ?? (role === 'customer' ? sub : undefined),
      };
    } catch {
      return undefined;
    }
  }

  /** The caller's own tenant. */
  async function getTenant(tenantId: string): Promise<Tenant> {
    const tenant = await repo.findTenantById(db, tenantId);
    if (!tenant) throw notFound('Tenant');
    return tenant;
  }

  /**
   * Renames the caller's tenant and/or changes its settings (null clears one) in one transaction,
   * each change with its audit entry; returns the tenant. The slug stays: it is an identifier.
   */
  async function updateTenant(ctx: CommandContext, changes: TenantChanges): Promise<Tenant> {
    const tenantId = ctx.principal.tenantId;
    const audit = { subjectType: 'tenant', subjectId: tenantId, requestId: ctx.requestId, ip: ctx.ip };
    const tenant = await db.transaction(async (trx) => {
      const before = await repo.findTenantById(trx, tenantId, { forUpdate: true });
      if (!before) throw notFound('Tenant');
      let tenant = before;
      if (changes.name !== undefined && changes.name !== before.name) {
        tenant = (await repo.renameTenant(trx, tenantId, changes.name))!;
        await recordAudit(trx, ctx.principal, tenantId, { action: 'tenant.renamed', changes: { name: { from: before.name, to: changes.name } }, ...audit });
      }
      if (changes.settings) {
        tenant = (await repo.updateTenantSettings(trx, tenantId, changes.settings))!;
        await recordAudit(trx, ctx.principal, tenantId, { action: 'tenant.settings_changed', changes: changes.settings, ...audit });
      }
      return tenant;
    });
    // After the commit: forgetting earlier would let a concurrent read cache the old value again.
    if (changes.settings) deps.defaultLanguages?.forget(tenant.id);
    return tenant;
  }

  return {
    createTenant,
    updateTenant,
    /** Changes the caller's tenant settings only (null clears one). */
    updateSettings: (ctx: CommandContext, settings: TenantSettingsChanges) => updateTenant(ctx, { settings }),
    createApiKey,
    revokeApiKey,
    authenticate,
    getTenant,
    findTenantById: (id: string) => repo.findTenantById(db, id),
    listApiKeys: (tenantId: string, page: PageRequest) => repo.listApiKeys(db, tenantId, page),
    summarize: (tenantId: string): Promise<TenantSummary> => repo.summarizeTenant(db, tenantId),
  };
}

/** The tenant service's interface, for callers that receive it as a dependency. */
export type TenantService = ReturnType<typeof createTenantService>;

/** The payload of a JWT signed (HS256) with any of the keys; throws when none verifies it. */
async function verifiedJwtPayload(credential: string, keys: Uint8Array[]) {
  let failure: unknown;
  for (const key of keys) {
    try {
      return (await jwtVerify(credential, key, { algorithms: ['HS256'] })).payload;
    } catch (err) {
      failure = err;
    }
  }
  throw failure;
}
