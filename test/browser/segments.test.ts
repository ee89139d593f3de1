import type { Locator, Page } from 'playwright-core';
import { createUser } from '../../domain/users/provisioning';
import { buildCustomer } from '../support/factories';
import { until } from '../support/until';
import { PASSWORD, screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';

const WAIT = { timeout: 30_000 };

/** The live count the editor shows, once it reads `n` (the preview is debounced, then asked of Herald). */
async function expectCount(page: Page, n: number): Promise<void> {
  const want = n.toLocaleString('en');
  await until(
    async () => (await page.getByTestId('segment-count').textContent())?.trim(),
    (shown) => shown === want,
    { timeoutMs: 30_000, label: `the count ${want}` },
  );
}

/** Picks `option` in the Mantine Select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * The segments pages in a real Chromium: building a rule with field and event conditions and a
 * nested group while the count follows exactly (customers made for it), the JSON view both ways,
 * Herald's problems on the condition they concern, save / reopen / rename / delete, readonly.
 */
describe('console: segments', () => {
  let stack: ConsoleStack;

  beforeAll(async () => {
    stack = await startConsoleStack();
    const customer = (city: string, spent: number, email: string) => buildCustomer(stack.db, stack.tenantId, { address_city: city, total_spent: spent, email });
    await customer('Lyon', 10, 'a@lyon.example');
    await customer('Lyon', 200, 'b@lyon.example');
    await customer('Lyon', 300, 'c@lyon.example');
    await customer('Paris', 100, 'd@paris.example');
    await customer('Paris', 0, 'e@paris.example');
    const tracked = await stack.server.request('/api/v1/track', {
      method: 'POST',
      key: stack.adminKey,
      body: { email: 'd@paris.example', event: 'Viewed Product', properties: { sku: 'A1' } },
    });
    expect(tracked.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('builds a segment while the count follows, edits it as JSON, saves, reopens, renames and deletes it', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/segments');
    await page.getByText('No segments yet').waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByRole('heading', { name: 'New segment' }).waitFor(WAIT);
    await page.getByRole('textbox', { name: 'Name' }).fill('Lyon buyers');

    // A field condition: the count is exact, and follows each edit.
    await page.getByRole('button', { name: 'Add condition', exact: true }).click();
    const first = page.getByRole('group', { name: 'condition 1' });
    await choose(page, first, 'Field', 'City');
    await first.getByRole('textbox', { name: 'Value' }).fill('Lyon');
    await expectCount(page, 3);
    await first.getByRole('textbox', { name: 'Value' }).fill('Paris');
    await expectCount(page, 2);
    await expect(page.getByRole('table', { name: 'Sample members' }).getByRole('link').count()).resolves.toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    // An event condition: Paris and viewed a product in the last 30 days.
    await page.getByRole('button', { name: 'Add event condition', exact: true }).click();
    const second = page.getByRole('group', { name: 'condition 2' });
    await expect(second.getByLabel('Event', { exact: true }).inputValue()).resolves.toBe('Viewed Product');
    await expectCount(page, 1);

    // A nested group: empty, Herald refuses it and the problem shows on the group itself.
    await page.getByRole('button', { name: 'Add group', exact: true }).click();
    const group = page.getByRole('group', { name: 'group 3' });
    await group.getByText('a group needs at least one condition').waitFor(WAIT);
    await page.getByRole('alert').filter({ hasText: 'Herald cannot read this rule yet' }).waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await group.getByRole('button', { name: 'Add condition to group 3' }).click();
    const nested = page.getByRole('group', { name: 'condition 3.1' });
    await choose(page, nested, 'Field', 'Total spent');
    await choose(page, nested, 'Operator', 'is at least');
    await nested.getByRole('textbox', { name: 'Value' }).fill('100');
    await expectCount(page, 1);
    // Any of: Paris (d, e), viewed (d), spent ≥ 100 (b, c, d).
    await choose(page, page.getByRole('group', { name: 'rule' }), 'Customers who match', 'Any of these');
    await expectCount(page, 4);

    // Reordering by keyboard: the event condition moves up, and the JSON follows the builder.
    await page.getByRole('button', { name: 'Move condition 2 up' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'condition 1' }).getByLabel('Event', { exact: true }).inputValue()).resolves.toBe('Viewed Product');
    const json = page.getByRole('textbox', { name: 'Rule as JSON' });
    // The JSON view follows the builder on its next render: wait for it rather than read it at once.
    await until(
      async () => (JSON.parse(await json.inputValue()) as { children?: { kind: string }[] }).children?.map((c) => c.kind).join(),
      (kinds) => kinds === 'event,condition,group',
      30_000,
    );
    expect(JSON.parse(await json.inputValue())).toMatchObject({
      kind: 'group',
      combinator: 'any',
      children: [{ kind: 'event' }, { kind: 'condition' }, { kind: 'group' }],
    });

    // JSON that is not JSON changes nothing; a valid rule replaces the builder's tree.
    await json.fill('{ "kind": "group", ');
    await page.getByText('Not valid JSON').waitFor(WAIT);
    await expect(page.getByRole('group', { name: 'condition 1' }).getByLabel('Event', { exact: true }).inputValue()).resolves.toBe('Viewed Product');
    expect(await seriousViolations(page)).toEqual([]);
    const rule = {
      kind: 'group',
      combinator: 'all',
      children: [
        { kind: 'condition', field: 'address.city', operator: 'equal', value: 'Lyon' },
        { kind: 'condition', field: 'totalSpent', operator: 'greaterThan', value: 100 },
      ],
    };
    await json.fill(JSON.stringify(rule));
    await expect(page.getByRole('group', { name: 'condition 2' }).getByRole('textbox', { name: 'Value' }).inputValue()).resolves.toBe('100');
    await expect(page.getByRole('group', { name: 'condition 1' }).getByRole('textbox', { name: 'Value' }).inputValue()).resolves.toBe('Lyon');
    await expectCount(page, 2);
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await screenshot(page, 'segment-editor');

    // Save, then reopen from the list: the rule comes back as saved.
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.waitForURL(/\/console\/segments\/[0-9a-f-]{36}$/, WAIT);
    const url = page.url();
    await page.goto('/console/segments');
    await page.getByRole('link', { name: 'Lyon buyers' }).waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'segments-list');
    await page.getByRole('link', { name: 'Lyon buyers' }).click();
    await page.getByRole('heading', { name: 'Lyon buyers' }).waitFor(WAIT);
    expect(page.url()).toBe(url);
    await expect(page.getByRole('group', { name: 'condition 2' }).getByRole('textbox', { name: 'Value' }).inputValue()).resolves.toBe('100');
    await expectCount(page, 2);
    expect(await seriousViolations(page)).toEqual([]);

    // Rename.
    await page.getByRole('textbox', { name: 'Name' }).fill('Big spenders in Lyon');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Big spenders in Lyon' }).waitFor(WAIT);
    const id = url.split('/').pop()!;
    const stored = await stack.server.request(`/api/v1/segments/${id}`, { key: stack.adminKey });
    expect(stored.body.data).toMatchObject({ name: 'Big spenders in Lyon', rules: { kind: 'group', combinator: 'all' } });

    // Delete, after confirming.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this segment?' });
    await dialog.waitFor(WAIT);
    // axe reads colours as drawn: wait for the modal's opening transition to end.
    const opacity = () =>
      page.evaluate(() => {
        const w = globalThis as any;
        return w.getComputedStyle(w.document.querySelector('[role="dialog"]')).opacity as string;
      });
    await until(opacity, (o) => o === '1', { timeoutMs: 30_000, label: 'the dialog fully shown' });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete segment' }).click();
    await page.waitForURL(/\/console\/segments$/, WAIT);
    await page.getByText('No segments yet').waitFor(WAIT);
    expect((await stack.server.request(`/api/v1/segments/${id}`, { key: stack.adminKey })).status).toBe(404);
  });

  it('shows Herald’s refusal of a duplicate name and saves nothing', async () => {
    const made = await stack.server.request('/api/v1/segments', {
      method: 'POST',
      key: stack.adminKey,
      body: { name: 'Taken', rules: { all: [{ fact: 'address.city', operator: 'equal', value: 'Paris' }] } },
    });
    expect(made.status).toBe(201);
    const { page } = await stack.newPage();
    await page.goto('/console/segments/new');
    await page.getByRole('textbox', { name: 'Name' }).fill('Taken');
    await page.getByRole('button', { name: 'Add condition', exact: true }).click();
    await page.getByRole('group', { name: 'condition 1' }).getByRole('textbox', { name: 'Value' }).fill('x');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor(WAIT);
    expect(page.url()).toMatch(/\/segments\/new$/);
    expect(await seriousViolations(page)).toEqual([]);
    const list = await stack.server.request('/api/v1/segments', { key: stack.adminKey });
    expect(list.body.data.filter((s: { name: string }) => s.name === 'Taken')).toHaveLength(1);
  });

  it('shows a readonly member the segments and the live count, but no write action', async () => {
    const email = `reader-${stack.tenantId.slice(0, 8)}@example.com`;
    await createUser(stack.db, { email, password: PASSWORD, tenantId: stack.tenantId, role: 'readonly' });
    const { page } = await stack.newPage({ email });
    await page.goto('/console/segments');
    await page.getByRole('link', { name: 'Taken' }).click();
    await expectCount(page, 2);
    expect(await page.getByRole('button', { name: /^(Save|Delete|Create segment)$/ }).count()).toBe(0);
    await page.goto('/console/segments');
    await page.getByRole('link', { name: 'Taken' }).waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'New segment' }).count()).toBe(0);
  });
});
