import { createUser } from '../../domain/users/provisioning';
import { PASSWORD, screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';

/** The Settings page in a real Chromium: API keys shown once, messaging settings with Herald's validation, the workspace, roles. */
describe('console: settings', () => {
  let stack: ConsoleStack;

  beforeAll(async () => {
    stack = await startConsoleStack();
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('creates an API key that is shown once and works, then revokes it after confirmation', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/settings');
    await page.getByRole('table', { name: 'Members' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('table', { name: 'Members' }).textContent()).toContain(stack.email);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings');

    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByLabel('Key name').fill('Shop backend');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-api-key');
    await shown.waitFor({ timeout: 30_000 });
    const key = (await shown.textContent())!.trim();
    expect(key.length).toBeGreaterThan(20);
    expect(await seriousViolations(page)).toEqual([]);
    // The key works for machines: the API answers it as this tenant.
    const asKey = await stack.server.request('/api/v1/tenant', { key });
    expect(asKey.status).toBe(200);
    expect(asKey.body.data.id).toBe(stack.tenantId);

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'detached' });
    // Shown once: neither the page nor the list answer holds it any more.
    expect(await page.content()).not.toContain(key);
    const table = page.getByRole('table', { name: 'API keys' });
    await table.getByText('Shop backend').waitFor();
    expect(await table.textContent()).not.toContain(key);

    await page.getByRole('button', { name: 'Revoke Shop backend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this key?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await table.getByText(/revoked/).waitFor({ timeout: 30_000 });
    const row = await stack.db('api_keys').where({ tenant_id: stack.tenantId, name: 'Shop backend' }).first();
    expect(row.revoked_at).not.toBeNull();
    expect((await stack.server.request('/api/v1/tenant', { key })).status).toBe(401);
  });

  it('edits the messaging settings: Herald’s field errors show on the form and change nothing, a valid form is saved', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/settings?tab=messaging');
    const sender = page.getByLabel('Sender (From)');
    await sender.waitFor({ timeout: 30_000 });
    await sender.fill('Shop <news@shop.example>');
    await page.getByLabel('From (HH:MM)').fill('9am');
    await page.getByLabel('Until (HH:MM)').fill('21:00');
    await page.getByRole('button', { name: 'Save messaging settings' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'not saved' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('communicationHours.start');
    expect(await page.getByText('must be HH:MM (24-hour)').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await stack.server.request('/api/v1/messaging/settings', { key: stack.adminKey })).body.data.fromEmail).toBeUndefined();

    await page.getByLabel('From (HH:MM)').fill('09:00');
    await page.getByRole('combobox', { name: 'Timezone' }).fill('Europe/Paris');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save messaging settings' }).click();
    await page.getByText('The messaging settings are saved.').waitFor({ timeout: 30_000 });
    const saved = (await stack.server.request('/api/v1/messaging/settings', { key: stack.adminKey })).body.data;
    expect(saved).toMatchObject({ fromEmail: 'Shop <news@shop.example>', communicationHours: { start: '09:00', end: '21:00' }, timezone: 'Europe/Paris' });
  });

  it('changes the workspace’s default language, in Herald’s canonical form', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/settings?tab=workspace');
    const language = page.getByLabel('Default language');
    await language.waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Workspace name').inputValue()).toBe('Browser tenant');
    await language.fill('not a language!');
    await page.getByRole('button', { name: 'Save workspace settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'not saved' }).waitFor({ timeout: 30_000 });
    await language.fill('en-us');
    await page.getByRole('button', { name: 'Save workspace settings' }).click();
    await page.getByText('The workspace settings are saved.').waitFor({ timeout: 30_000 });
    expect(await language.inputValue()).toBe('en-US');
    expect((await stack.server.request('/api/v1/tenant', { key: stack.adminKey })).body.data.settings.defaultLanguage).toBe('en-US');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a read-only member no people, no keys and no save buttons', async () => {
    const email = `reader-${stack.tenantId.slice(0, 8)}@example.com`;
    await createUser(stack.db, { email, password: PASSWORD, tenantId: stack.tenantId, role: 'readonly' });
    const { page } = await stack.newPage({ email });
    await page.goto('/console/settings');
    await page.getByLabel('Sender (From)').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Messaging', 'Workspace']);
    expect(await page.getByRole('button', { name: /save/i }).count()).toBe(0);
    expect(await page.getByLabel('Sender (From)').isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
