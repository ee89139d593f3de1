import { buildTenant } from '../support/factories';
import { useImportStack, type Tenant } from '../support/importStack';

/**
 * Seed 001's customers default to `preferences.language: "es"`. Herald keeps no language by
 * default; a tenant sets its own default (`PATCH /api/v1/tenant { settings: { defaultLanguage } }`,
 * a BCP 47 tag) and every path that creates a customer without a language applies it: POST and PUT
 * /customers, the synchronous bulk import and the asynchronous import (SQL in domain/imports),
 * run here by the real worker.
 */
describe('tenant default language', () => {
  const stack = useImportStack();
  const call = (t: Tenant, method: string, path: string, body?: unknown) => stack.server.request(`/api/v1${path}`, { method, key: t.adminKey, body });
  const ok = async (t: Tenant, method: string, path: string, body?: unknown) => {
    const res = await call(t, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const setDefault = (t: Tenant, defaultLanguage: string | null) => ok(t, 'PATCH', '/tenant', { settings: { defaultLanguage } });
  const languageOf = async (t: Tenant, email: string) => (await stack.db('customers').where({ tenant_id: t.tenantId, email }).first('language'))?.language;

  it('is read and set through /tenant, validated as a BCP 47 tag, admin only, and leaves other settings alone', async () => {
    const t = await buildTenant(stack.db);
    expect((await ok(t, 'GET', '/tenant')).data.settings).toEqual({ defaultLanguage: null, eventsCreateCustomers: true, eventRetentionMonths: 13 });
    await ok(t, 'PUT', '/messaging/settings', { timezone: 'Europe/Madrid' });
    expect((await setDefault(t, 'es')).data).toMatchObject({ id: t.tenantId, settings: { defaultLanguage: 'es' }, principal: { role: 'admin' } });
    expect((await setDefault(t, 'en-us')).data.settings).toMatchObject({ defaultLanguage: 'en-US' });
    for (const bad of ['en_US', 'x', '*', '', 'a'.repeat(40), 12]) {
      const res = await call(t, 'PATCH', '/tenant', { settings: { defaultLanguage: bad } });
      expect([bad, res.status, res.body.error.code, res.body.error.details[0].path]).toEqual([bad, 422, 'validation_failed', 'settings.defaultLanguage']);
    }
    expect((await call(t, 'PATCH', '/tenant', { settings: { language: 'es' } })).status).toBe(422);
    expect((await call(t, 'PATCH', '/tenant', { name: '' })).status).toBe(422);
    const member = (await ok(t, 'POST', '/api-keys', { name: 'member', role: 'member' })).data.key;
    expect((await stack.server.request('/api/v1/tenant', { method: 'PATCH', key: member, body: { settings: { defaultLanguage: 'fr' } } })).status).toBe(403);
    expect((await ok(t, 'GET', '/tenant')).data.settings).toMatchObject({ defaultLanguage: 'en-US' });
    expect((await ok(t, 'GET', '/messaging/settings')).data).toMatchObject({ timezone: 'Europe/Madrid' });
    expect((await setDefault(t, null)).data.settings).toMatchObject({ defaultLanguage: null });
    expect((await ok(t, 'GET', '/messaging/settings')).data).toMatchObject({ timezone: 'Europe/Madrid' });
    expect((await stack.db('audit_log').where({ tenant_id: t.tenantId, action: 'tenant.settings_changed' })).length).toBe(3);
  });

  it('applies to POST and PUT /customers without a language, not to PATCH, and not to other tenants', async () => {
    const t = await buildTenant(stack.db);
    const other = await buildTenant(stack.db);
    await setDefault(t, 'es');
    const created = (await ok(t, 'POST', '/customers', { name: 'Juan Pérez', phoneNumber: '529991234567', email: 'juan@example.com' })).data;
    expect(created.preferences.language).toBe('es');
    expect(await languageOf(t, 'juan@example.com')).toBe('es');
    const event = await stack.db('events').where({ tenant_id: t.tenantId, subject_id: created.id, type: 'customer.created' }).first();
    expect(event.payload.data.customer.preferences.language).toBe('es');
    expect((await ok(t, 'POST', '/customers', { name: 'Ann', email: 'ann@example.com', preferences: { language: 'fr' } })).data.preferences.language).toBe(
      'fr',
    );
    expect((await ok(t, 'POST', '/customers', { name: 'Nul', email: 'nul@example.com', preferences: { language: null } })).data.preferences.language).toBe(
      'es',
    );

    const fr = (await ok(t, 'POST', '/customers', { name: 'Replaced', email: 'put@example.com', preferences: { language: 'fr' } })).data.id;
    expect((await ok(t, 'PUT', `/customers/${fr}`, { name: 'Replaced', email: 'put@example.com' })).data.preferences.language).toBe('es');
    expect((await ok(t, 'PATCH', `/customers/${fr}`, { preferences: { language: 'de' } })).data.preferences.language).toBe('de');
    expect((await ok(t, 'PATCH', `/customers/${fr}`, { notes: 'changed' })).data.preferences.language).toBe('de');
    expect((await ok(t, 'PATCH', `/customers/${fr}`, { preferences: { language: null } })).data.preferences.language).toBeNull();

    expect((await ok(other, 'POST', '/customers', { name: 'Other', email: 'other@example.com' })).data.preferences.language).toBeNull();
  });

  it('applies to the synchronous bulk import and to asynchronous imports, for new customers only', async () => {
    const t = await buildTenant(stack.db);
    await ok(t, 'POST', '/customers', { name: 'Existing', email: 'existing@example.com', preferences: { language: 'pt' } });
    await setDefault(t, 'es');
    const bulk = await ok(t, 'POST', '/customers/bulk/import', {
      customers: [
        { name: 'Bulk One', email: 'bulk1@example.com' },
        { name: 'Bulk Two', email: 'bulk2@example.com', preferences: { language: 'en' } },
        { name: 'Existing Again', email: 'existing@example.com' },
      ],
      options: { duplicateMode: 'upsert' },
    });
    expect([bulk.results, bulk.details.failed]).toMatchObject([{ imported: 2, updated: 1, failed: 0 }, []]);
    expect([await languageOf(t, 'bulk1@example.com'), await languageOf(t, 'bulk2@example.com'), await languageOf(t, 'existing@example.com')]).toEqual([
      'es',
      'en',
      'pt',
    ]);

    await setDefault(t, 'ca');
    const res = await stack.upload(
      t,
      ['email,name,language', 'csv1@example.com,Csv One,', 'csv2@example.com,Csv Two,it'].join('\n'),
      'text/csv',
      '?emitCustomerEvents=true',
    );
    expect(res.status).toBe(202);
    expect((await stack.settled(t, res.body.data.id)).progress).toMatchObject({ imported: 2, failed: 0 });
    expect([await languageOf(t, 'csv1@example.com'), await languageOf(t, 'csv2@example.com')]).toEqual(['ca', 'it']);
    const events = await stack
      .db('events')
      .where({ tenant_id: t.tenantId, type: 'customer.created' })
      .whereRaw("payload->'data'->>'importId' = ?", [res.body.data.id]);
    expect(events.map((e) => e.payload.data.customer.preferences.language).sort()).toEqual(['ca', 'it']);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await stack.server.request('/api/v1/openapi.json')).body;
    expect(doc.paths['/api/v1/tenant'].patch).toBeDefined();
    expect(doc.components.schemas.UpdateTenant.properties.settings.properties.defaultLanguage.description).toMatch(/BCP 47/);
    expect(doc.components.schemas.TenantSettings.properties.defaultLanguage.description).toMatch(/created without preferences\.language/);
  });
});
