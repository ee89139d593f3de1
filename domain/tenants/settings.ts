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
}

/** Changes to the settings: a value sets, null clears, an absent key stays as it is. */
export type TenantSettingsChanges = Partial<TenantSettings>;

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
  return { defaultLanguage: typeof language === 'string' ? language : null };
}

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
