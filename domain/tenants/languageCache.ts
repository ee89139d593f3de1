import type { Knex } from 'knex';
import { defaultLanguageOf } from './settings';

/**
 * How long a tenant's default language is trusted without reading the tenant again (10 s, as
 * verified API keys are). A change made through this process is seen at once (see
 * {@link DefaultLanguageCache.forget}); one made by another process is seen here within this time.
 */
export const DEFAULT_LANGUAGE_TTL_MS = 10_000;
/** Bound on remembered tenants, so many tenants cannot grow memory without limit. */
const LIMIT = 10_000;

/** The tenant's default language for new customers, read through a short in-process cache. */
export interface DefaultLanguageCache {
  /** The tenant's default language (null for none), from the cache when read less than the TTL ago. */
  defaultLanguageOf(tenantId: string): Promise<string | null>;
  /** Drops what is known of the tenant, after its settings changed (call once the change has committed). */
  forget(tenantId: string): void;
}

/**
 * Caches `defaultLanguageOf` per tenant: every POST /customers without a language needs it, and
 * a read per create was a round trip of its own (docs/benchmarks-history.md, customers-api, issue
 * 15). A read that started before a `forget` does not store its answer, so the settings command's
 * invalidation cannot be undone by a read of the old value that finishes after it.
 */
export function createDefaultLanguageCache(deps: { db: Knex; ttlMs?: number; now?: () => number }): DefaultLanguageCache {
  const ttlMs = deps.ttlMs ?? DEFAULT_LANGUAGE_TTL_MS;
  const now = deps.now ?? Date.now;
  const known = new Map<string, { language: string | null; readAt: number }>();
  // Bumped by every forget: a read stores its answer only when no forget happened while it ran.
  let generation = 0;

  return {
    async defaultLanguageOf(tenantId) {
      const entry = known.get(tenantId);
      if (entry && now() - entry.readAt < ttlMs) return entry.language;
      const startedIn = generation;
      const readAt = now();
      const language = await defaultLanguageOf(deps.db, tenantId);
      if (startedIn === generation) {
        if (known.size >= LIMIT) known.clear();
        known.set(tenantId, { language, readAt });
      }
      return language;
    },
    forget(tenantId) {
      generation += 1;
      known.delete(tenantId);
    },
  };
}
