import { screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';

/** The overview in a real Chromium: totals from the tenant's real data, the window in the URL, charts, insights. */
describe('console: overview', () => {
  let stack: ConsoleStack;

  beforeAll(async () => {
    stack = await startConsoleStack();
    const key = stack.adminKey;
    for (let i = 0; i < 3; i++) {
      const customer = await stack.server.request('/api/v1/customers', { method: 'POST', key, body: { email: `o${i}@example.com`, firstName: `O${i}` } });
      expect(customer.status).toBe(201);
      const order = await stack.server.request('/api/v1/orders', {
        method: 'POST',
        key,
        body: { customerId: customer.body.data.id, items: [{ name: 'Widget', price: 10, quantity: i + 1 }] },
      });
      expect(order.status).toBe(201);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows the window’s totals from the API, charts, and insights; switching the window keeps them and the URL', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/');
    const newCustomers = page.getByTestId('stat-new-customers');
    await newCustomers.waitFor();
    await expect(newCustomers.textContent()).resolves.toContain('3');
    // 10 × 1 + 10 × 2 + 10 × 3: the three orders placed above.
    await expect(page.getByTestId('stat-revenue').textContent()).resolves.toMatch(/Revenue\s*60(?![\d.,])/);
    await page.getByRole('figure', { name: 'Customers' }).waitFor();
    await page.getByRole('figure', { name: 'Revenue' }).waitFor();
    await page.getByRole('heading', { name: 'Insights' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'overview');

    await page.getByText('12 weeks').click();
    await page.waitForURL(/period=week/);
    await expect(page.getByText(/by week/).textContent()).resolves.toContain('by week');
    await expect(page.getByTestId('stat-new-customers').textContent()).resolves.toContain('3');
  });

  it('takes the timezone from the URL and refuses none the zone database knows', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/?period=month&tz=Asia%2FKolkata');
    await page.getByText(/by month, in Asia\/Kolkata/).waitFor();
    await page.goto('/console/?tz=Not%2FAZone');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/timezone/i);
  });
});
