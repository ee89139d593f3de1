import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { CommandContext } from '../../domain/shared/context';
import { createDefaultLanguageCache, DEFAULT_LANGUAGE_TTL_MS } from '../../domain/tenants/languageCache';
import { createTenantService } from '../../domain/tenants/service';
import { buildTenant, testDb } from '../support/factories';

/**
 * The tenant default language that every POST /customers without a language needs is cached in
 * process (domain/tenants/languageCache.ts): a change through the settings command is seen at
 * once, one made elsewhere (another process, here a direct UPDATE) within the TTL, and a read that
 * races the settings command never puts the old value back.
 */
describe('default language cache', () => {
  let db: Knex;
  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.destroy();
  });

  const setElsewhere = (tenantId: string, language: string) =>
    db('tenants')
      .where({ id: tenantId })
      .update({ settings: db.raw("coalesce(settings, '{}'::jsonb) || jsonb_build_object('defaultLanguage', ?::text)", [language]) });

  it('answers from memory within the TTL and reads the tenant again after it', async () => {
    const { tenantId } = await buildTenant(db);
    let clock = 1_000_000;
    const cache = createDefaultLanguageCache({ db, now: () => clock });
    expect(await cache.defaultLanguageOf(tenantId)).toBeNull();
    await setElsewhere(tenantId, 'es');
    clock += DEFAULT_LANGUAGE_TTL_MS - 1;
    expect(await cache.defaultLanguageOf(tenantId)).toBeNull();
    clock += 1;
    expect(await cache.defaultLanguageOf(tenantId)).toBe('es');
  });

  it('is cleared by the settings command of the same process once it has committed', async () => {
    const { tenantId } = await buildTenant(db);
    const cache = createDefaultLanguageCache({ db });
    const tenants = createTenantService({ db, defaultLanguages: cache });
    const ctx: CommandContext = { principal: { tenantId, actorType: 'api_key', actorId: randomUUID(), role: 'admin' } };
    await tenants.updateSettings(ctx, { defaultLanguage: 'fr' });
    expect(await cache.defaultLanguageOf(tenantId)).toBe('fr');
    await tenants.updateSettings(ctx, { defaultLanguage: 'de' });
    expect(await cache.defaultLanguageOf(tenantId)).toBe('de');
    await tenants.updateSettings(ctx, { defaultLanguage: null });
    expect(await cache.defaultLanguageOf(tenantId)).toBeNull();
  });

  it('does not store a read that was running when the tenant was forgotten', async () => {
    const { tenantId } = await buildTenant(db);
    const cache = createDefaultLanguageCache({ db });
    const racing = cache.defaultLanguageOf(tenantId);
    cache.forget(tenantId);
    expect(await racing).toBeNull();
    await setElsewhere(tenantId, 'pt');
    // Had the racing read been stored, this would still answer null for the TTL.
    expect(await cache.defaultLanguageOf(tenantId)).toBe('pt');
  });
});
