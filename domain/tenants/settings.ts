import type { Knex } from 'knex';
import { runPrepared } from '../../db/prepared';

/**
 * Tenant-wide settings kept on the tenant (`tenants.settings`, jsonb). `defaultLanguage` is the
 * language a customer gets when created without one (seed 001's tenants set `es`); without it
 * (Herald's default) such customers keep no language (null).
 */
export interface TenantSettings {
  /** A BCP 47 language tag in canonical form (`es`, `en-US`), or null for none. */
  defaultLanguage: string | null;
  /**
   * Whether a tracked event or identify naming an unknown userId or email creates the customer
   * (the Segment behaviour, the default); false answers 404 for such events instead.
   */
  eventsCreateCustomers: boolean;
  /** How many months customer events are kept (default 13): older ones are deleted daily. */
  eventRetentionMonths: number;
}

/** Customer events are kept this many months unless the tenant sets eventRetentionMonths. */
export const DEFAULT_EVENT_RETENTION_MONTHS = 13;

/** Changes to the settings: a value sets, null clears, an absent key stays as it is. */
export type TenantSettingsChanges = { [K in keyof TenantSettings]?: TenantSettings[K] | null };

/**
 * The canonical form of a BCP 47 language tag (`en-us` → `en-US`), or undefined when the text is
 * not one. Intl's own parser decides, so Herald accepts exactly what the runtime's locale
 * machinery (and so every Intl formatter a template may use) understands.
 */
export function canonicalLanguageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The settings as the API shows them, from the stored jsonb (unknown keys, such as messaging, left out). */
export function toTenantSettings(stored: Record<string, unknown> | null | undefined): TenantSettings {
  const language = stored?.defaultLanguage;
  const create = stored?.eventsCreateCustomers;
  const retention = stored?.eventRetentionMonths;
  return {
    defaultLanguage: typeof language === 'string' ? language : null,
    eventsCreateCustomers: typeof create === 'boolean' ? create : true,
    eventRetentionMonths: typeof retention === 'number' ? retention : DEFAULT_EVENT_RETENTION_MONTHS,
  };
}

/** The tenant's settings as {@link toTenantSettings} reads them, in one query (customer event ingestion asks per batch). */
export async function tenantSettingsOf(db: Knex, tenantId: string): Promise<TenantSettings> {
  const row = await db('tenants').where({ id: tenantId }).first('settings');
  return toTenantSettings(row?.settings as Record<string, unknown> | undefined);
}

/**
 * SQL of every tenant's customer event retention in months (tenant_id, months), for the daily
 * retention pass (domain/customerEvents/partitions.ts).
 */
export const EVENT_RETENTION_SQL = `SELECT id AS tenant_id, coalesce((settings->>'eventRetentionMonths')::int, ${DEFAULT_EVENT_RETENTION_MONTHS}) AS months FROM tenants`;

/**
 * SQL for the tenant's default language as a scalar subquery, for statements that create
 * customers in bulk (imports): one binding, the tenant id. NULL when the tenant has none.
 */
export const DEFAULT_LANGUAGE_SQL = "(SELECT t.settings->>'defaultLanguage' FROM tenants t WHERE t.id = ?::uuid)";

/** The tenant's default language for new customers, or null when it has none (prepared: every create without a language asks). */
export async function defaultLanguageOf(db: Knex, tenantId: string): Promise<string | null> {
  const rows = await runPrepared<{ language: string | null }>(db, `SELECT ${DEFAULT_LANGUAGE_SQL} AS language`, [tenantId]);
  return rows[0]?.language ?? null;
}
