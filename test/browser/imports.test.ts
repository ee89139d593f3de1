import fs from 'node:fs';
import { startTestWorker } from '../support/testWorker';
import { screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';

/** A CSV of 500 good customers (every fifth tagged vip) and 3 bad rows, at known row numbers. */
function customersCsv(): string {
  const lines = ['email,first_name,tags'];
  for (let i = 1; i <= 500; i++) lines.push(`person${i}@example.com,Person ${i},${i % 5 === 0 ? 'vip' : ''}`);
  lines.splice(11, 0, 'not-an-email,Bad one,');
  lines.splice(101, 0, 'also bad,Bad two,');
  lines.splice(201, 0, 'short,row');
  return lines.join('\n');
}

/** Imports & exports in a real Chromium with Herald's worker: upload with live progress, failed rows as CSV, export with filters. */
describe('console: imports and exports', () => {
  let stack: ConsoleStack;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    stack = await startConsoleStack({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000' });
    stopWorker = await startTestWorker(stack.db);
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
    await stack?.close();
  });

  it('uploads a CSV with bad rows, shows the progress reach done, and downloads the failed rows', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/imports');
    await page.getByText('No imports yet.').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(customersCsv()) });
    await page.getByRole('button', { name: 'Upload and import' }).click();

    const row = page.getByRole('row').filter({ hasText: 'people.csv' });
    await row.waitFor({ timeout: 30_000 });
    const bar = row.getByRole('progressbar');
    await row.getByText('completed').waitFor({ timeout: 60_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await row.textContent()).toContain('503 of 503 rows · 500 new, 0 updated, 0 duplicates, 3 failed');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'imports');
    expect(Number((await stack.db('customers').where({ tenant_id: stack.tenantId }).count({ n: '*' }))[0]!.n)).toBe(500);

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /failed rows/i }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(csv).toMatch(/\b11\b.*email/);
    expect(csv).toMatch(/\b101\b.*email/);
    expect(csv).toMatch(/\b201\b/);
  });

  it('exports the customers the filters choose, as a download', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/imports');
    await page.getByLabel('Tags').fill('vip');
    const exportButton = page.getByRole('link', { name: 'Export customers' });
    expect(await exportButton.getAttribute('href')).toContain('tags=vip');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const emails = csv.match(/person\d+@example\.com/g) ?? [];
    expect(emails).toHaveLength(100);
    expect(emails.every((e) => Number(/\d+/.exec(e)![0]) % 5 === 0)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
