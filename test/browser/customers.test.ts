import type { Page } from 'playwright-core';
import { createUser } from '../../domain/users/provisioning';
import { insertJourney, insertRun, insertVersion } from '../support/journeysInsight';
import { until } from '../support/until';
import { PASSWORD, screenshot, seriousViolations, settled, startConsoleStack, type ConsoleStack } from '../support/browser';

const WAIT = { timeout: 30_000 };

/**
 * The customers pages in a real Chromium: the list's search, filters, sort and keyset paging
 * (all in the URL), and a customer's page with every section read from real data, its edit,
 * note, block and delete (with confirmation); a readonly member sees no write action.
 */
describe('console: customers', () => {
  let stack: ConsoleStack;
  let rita: string;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await stack.server.request(`/api/v1${path}`, { key: stack.adminKey, method, body });
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    stack = await startConsoleStack();
    await api('POST', '/segments', { name: 'VIP club', rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] } });
    // 30 customers, oldest first: every third is tagged gold, every fifth is inactive.
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, '0');
      await api('POST', '/customers', {
        name: `Bulk ${n}`,
        email: `bulk${n}@example.com`,
        tags: i % 3 === 0 ? ['gold'] : [],
        status: i % 5 === 0 ? 'inactive' : 'active',
      });
    }
    rita = (await api('POST', '/customers', { name: 'Rita Rich', email: 'rita@example.com', phone: '+14155550123', tags: ['vip'] })).data.id;
    await api('POST', '/orders', { customerId: rita, orderNumber: 'ORD-RITA-1', items: [{ name: 'Lamp', price: 120, quantity: 1 }] });
    await api('POST', '/track', { email: 'rita@example.com', event: 'Viewed Product', properties: { sku: 'LAMP-1' } });
    await api('POST', '/conversations', { customerId: rita, type: 'complaint', subject: 'Lamp arrived broken', message: 'The lamp was cracked.' });
    await api('POST', `/customers/${rita}/notes`, { content: 'Prefers calls in the morning.' });
    const journeyId = await insertJourney(stack.db, stack.tenantId, 'Welcome series');
    const version = await insertVersion(stack.db, stack.tenantId, journeyId, 1, {
      entry: { type: 'segment', segmentId: rita },
      start: 'x',
      nodes: [{ id: 'x', type: 'exit' }],
    });
    await insertRun(stack.db, { tenantId: stack.tenantId, journeyId, versionId: version.id, customerId: rita, nodeId: 'x', enteredAt: new Date() });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  const rows = (page: Page) => page.getByTestId('customers-table').locator('tbody tr');
  const firstName = async (page: Page) => (await rows(page).first().locator('td').first().textContent())?.trim();

  it('searches, filters, sorts and pages through the list, with the state in the URL', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/customers');
    await rows(page).first().waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'customers-list');
    expect(await rows(page).count()).toBe(25);
    expect(await firstName(page)).toBe('Rita Rich'); // newest first

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2').waitFor(WAIT);
    expect(page.url()).toContain('after=');
    await until(
      () => rows(page).count(),
      (v) => v === 6,
      30_000,
    );
    await page.goBack();
    await page.getByText('Page 1').waitFor(WAIT);
    await until(
      () => rows(page).count(),
      (v) => v === 25,
      30_000,
    );

    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Name' }).click();
    await page.getByRole('combobox', { name: 'Order' }).click();
    await page.getByRole('option', { name: 'Ascending' }).click();
    await until(
      () => firstName(page),
      (v) => v === 'Bulk 01',
      30_000,
    );
    expect(page.url()).toMatch(/sort=fullName.*order=asc/);

    const tagsInput = page.getByLabel('Tags', { exact: true }).and(page.locator('input'));
    await tagsInput.fill('gold');
    await tagsInput.press('Enter');
    await until(
      () => rows(page).count(),
      (v) => v === 10,
      30_000,
    );
    expect(await firstName(page)).toBe('Bulk 03');

    // A shared link restores the whole state: gold and inactive are 15 and 30.
    await page.goto(`/console/customers?tags=gold&status=inactive&sort=fullName&order=asc`);
    await until(
      () => rows(page).count(),
      (v) => v === 2,
      30_000,
    );
    expect(await firstName(page)).toBe('Bulk 15');

    await page.goto('/console/customers');
    await rows(page).first().waitFor(WAIT);
    await page.getByRole('textbox', { name: 'Search' }).fill('rita');
    await until(
      () => rows(page).count(),
      (v) => v === 1,
      30_000,
    );
    expect(page.url()).toContain('q=rita');
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  it('opens a customer with every section filled, edits, adds a note, blocks and deletes after confirming', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/customers?q=rita');
    await page.getByRole('link', { name: 'Rita Rich' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rita Rich' }).waitFor(WAIT);
    const section = (name: string) => page.getByTestId(`section-${name}`);
    for (const [name, text] of [
      ['profile', 'rita@example.com'],
      ['statistics', '120.00'],
      ['tags', 'vip'],
      ['notes', 'Prefers calls in the morning.'],
      ['orders', 'ORD-RITA-1'],
      ['events', 'Viewed Product'],
      ['conversations', 'Lamp arrived broken'],
      ['journeys', 'Welcome series'],
      ['segments', 'VIP club'],
    ]) {
      await section(name!).getByText(text!).first().waitFor(WAIT);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'customer-page');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('dialog', { name: 'Edit customer' }).waitFor(WAIT);
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'City' }).fill('Lisbon');
    await page.getByRole('textbox', { name: 'Email' }).fill('not an email');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').getByRole('alert').waitFor(WAIT); // Herald's 422, shown in the modal
    await page.getByRole('textbox', { name: 'Email' }).fill('rita.rich@example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await section('profile').getByText('Lisbon').waitFor(WAIT);
    await section('profile').getByText('rita.rich@example.com').waitFor(WAIT);

    await page.getByLabel('New note').fill('Called about the broken lamp; refund agreed.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await section('notes').getByText('Called about the broken lamp; refund agreed.').waitFor(WAIT);

    await page.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByRole('textbox', { name: 'Reason (optional)' }).fill('Chargeback');
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Block customer' }).click();
    await page.getByRole('button', { name: 'Unblock' }).waitFor(WAIT);
    await section('profile').getByText('yes — Chargeback').waitFor(WAIT);
    expect((await api('GET', `/customers/${rita}`)).data).toMatchObject({ isBlocked: true, blockReason: 'Chargeback', address: { city: 'Lisbon' } });

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete Rita Rich?' }).waitFor(WAIT);
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await stack.server.request(`/api/v1/customers/${rita}`, { key: stack.adminKey })).status).toBe(200);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete customer' }).click();
    await page.waitForURL(/\/console\/customers$/, WAIT);
    expect((await stack.server.request(`/api/v1/customers/${rita}`, { key: stack.adminKey })).status).toBe(404);
  }, 90_000);

  it('shows a readonly member no write action', async () => {
    const email = `reader-${stack.tenantId.slice(0, 8)}@example.com`;
    await createUser(stack.db, { email, password: PASSWORD, tenantId: stack.tenantId, role: 'readonly' });
    const bulk = (await api('GET', '/customers?search=Bulk%2001')).data[0].id as string;
    const { page } = await stack.newPage({ email });
    await page.goto(`/console/customers/${bulk}`);
    await page.getByRole('heading', { level: 1, name: 'Bulk 01' }).waitFor(WAIT);
    await page.getByTestId('section-notes').getByText('No notes yet.').waitFor(WAIT);
    for (const name of ['Edit', 'Block', 'Unblock', 'Delete', 'Add note', 'Edit tags']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.getByLabel('New note').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('serves the console’s scripts gzipped to browsers that accept it', async () => {
    const html = await (await fetch(stack.server.url + '/console/customers')).text();
    const asset = html.match(/\/console\/assets\/[^"]+\.js/)![0];
    const zipped = await fetch(stack.server.url + asset, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await fetch(stack.server.url + asset, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await zipped.text()).toBe(await plain.text());
  });
});
