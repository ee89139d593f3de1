import { ensureWebhookRelay } from '../../domain/webhooks/lifecycle';
import { webhookSettings } from '../../domain/webhooks/settings';
import { loadConfig } from '../../lib/config';
import { screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';
import { startTestWorker } from '../support/testWorker';
import { until } from '../support/until';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * The webhooks pages in a real Chromium with the real worker and a real receiver verifying
 * signatures: an endpoint created in the browser (secret shown once), deliveries that fail while
 * the receiver answers 500 and their attempts in the log, the receiver fixed and the failed
 * deliveries replayed from the browser with the job's progress to completed, then a rotation.
 */
describe('console: webhooks', () => {
  // Two quick retries, so a delivery fails for good within a second.
  const SCHEDULE = { WEBHOOK_RETRY_SCHEDULE: '100ms,100ms' };
  let stack: ConsoleStack;
  let receiver: WebhookReceiver;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    stack = await startConsoleStack(SCHEDULE);
    stopWorker = await startTestWorker(stack.db, { webhooks: webhookSettings(loadConfig({ ...process.env, ...SCHEDULE })) });
    await ensureWebhookRelay(stack.server.runtime.temporal);
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
    await stack?.close();
    await receiver?.close();
  });

  const newCustomer = async (name: string) => {
    const res = await stack.server.request('/api/v1/customers', { method: 'POST', key: stack.adminKey, body: { firstName: name, lastName: 'Hook' } });
    expect(res.status).toBe(201);
  };

  it('creates an endpoint, shows failed deliveries with their attempts, replays the failed ones with progress and rotates the secret', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/webhooks');
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New endpoint' }).click();
    const form = page.getByRole('form', { name: 'Webhook endpoint' });
    await form.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousViolations(page)).toEqual([]);
    receiver.setSecrets([{ secret }]);
    receiver.setBehaviour(() => 500);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('heading', { name: 'Webhook endpoint', level: 1 }).waitFor();
    const endpointId = new URL(page.url()).pathname.split('/').pop()!;

    await newCustomer('Ada');
    await newCustomer('Grace');
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    await until(
      () => deliveries.getByText('failed', { exact: true }).count(),
      (n) => n === 2,
      { timeoutMs: 30_000, label: 'two failed deliveries in the log' },
    );
    // Every attempt failed with the receiver's 500, and the log shows each one.
    await deliveries.getByRole('button', { name: 'Show attempts' }).first().click();
    const attempts = page.getByRole('table', { name: /^Attempts of delivery/ });
    await attempts.waitFor({ timeout: 30_000 });
    expect(await attempts.getByRole('row').count()).toBe(1 + 3);
    await expect(attempts.getByText('HTTP 500').count()).resolves.toBe(3);
    expect(receiver.requests.every((r) => r.verifiedWith[0])).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Fixed: the failed deliveries are replayed from the browser, and the job's progress reaches completed.
    receiver.setBehaviour(() => 204);
    await page.getByRole('button', { name: 'Start replay' }).click();
    await page.getByTestId('replay-status').filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });
    await page.getByText('2 of 2 deliveries queued again').waitFor();
    const accepted = await until(
      () => receiver.requests.filter((r) => r.status === 204),
      (rs) => new Set(rs.map((r) => r.webhookId)).size === 2,
      { timeoutMs: 30_000, label: 'the receiver to accept both replayed deliveries' },
    );
    expect(accepted.every((r) => r.verifiedWith[0])).toBe(true);
    await until(
      () => deliveries.getByText('succeeded', { exact: true }).count(),
      (n) => n === 2,
      { timeoutMs: 30_000, label: 'both deliveries succeeded in the log' },
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'webhooks-endpoint');

    // Rotation: confirmed, then the new secret is shown once and differs from the first.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate the signing secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = (await page.getByTestId('webhook-secret').textContent())!.trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const endpoint = await stack.server.request(`/api/v1/webhooks/${endpointId}`, { key: stack.adminKey });
    expect(endpoint.body.data.previousSecretExpiresAt).not.toBeNull();
    expect(JSON.stringify(endpoint.body)).not.toContain(rotated);
  }, 90_000);
});
