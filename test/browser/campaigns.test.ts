import type { Knex } from 'knex';
import type { Page } from 'playwright-core';
import { startDevSmtpCatcher } from '../../channels/devCatcher';
import { createChannels } from '../../channels/fromConfig';
import { recordCaughtMessage } from '../../domain/messaging/devOutbox';
import { createUser } from '../../domain/users/provisioning';
import { loadConfig } from '../../lib/config';
import { PASSWORD, screenshot, seriousViolations, settled, startConsoleStack, type ConsoleStack } from '../support/browser';
import { startTestWorker } from '../support/testWorker';
import { until } from '../support/until';

/**
 * The campaign pages in a real Chromium, against a real API and Herald's worker: mail goes through
 * the development SMTP catcher (an SMTP server run here) into the dev outbox, which the test reads
 * through `GET /api/v1/dev/outbox` as the console's users would under `herald dev`.
 */
describe('console: campaigns', () => {
  let stack: ConsoleStack;
  let catcher: Awaited<ReturnType<typeof startDevSmtpCatcher>>;
  let channels: ReturnType<typeof createChannels>;
  let stopWorker: () => Promise<void>;

  const api = (path: string, init: { method?: string; body?: unknown } = {}) => stack.server.request(path, { key: stack.adminKey, ...init });
  const outbox = async (): Promise<Array<{ to: string; subject: string | null; body: string }>> => (await api('/api/v1/dev/outbox?limit=500')).body.data;

  /** Customers tagged `tag`, with addresses `<tag>-<n>@example.com`, and a segment of them. */
  async function segmentOf(db: Knex, tag: string, count: number): Promise<string> {
    await db.raw(
      `INSERT INTO customers (tenant_id, first_name, last_name, full_name, email, tags)
       SELECT ?, ? || g, 'Tester', ? || g || ' Tester', ? || '-' || g || '@example.com', ARRAY[?] FROM generate_series(1, ?) g`,
      [stack.tenantId, tag, tag, tag, tag, count],
    );
    const created = await api('/api/v1/segments', {
      method: 'POST',
      body: { name: `Segment ${tag}`, rules: { field: 'tags', operator: 'contains', value: tag } },
    });
    expect(created.status).toBe(201);
    return created.body.data.id;
  }

  /** Picks `option` in the Mantine select labelled `label`, typing `search` first when given. */
  async function choose(page: Page, label: string, option: string, search?: string) {
    // Mantine's select input is a textbox, or a combobox once it has been expanded.
    const input = page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true }));
    await input.click();
    if (search) await input.fill(search);
    await page.getByRole('option', { name: option }).click({ timeout: 30_000 });
  }

  /** Waits for a dialog to be open and its opening transition over (axe reads colours mid-fade as too pale). */
  async function dialog(page: Page, name: string) {
    await page.getByRole('dialog', { name }).waitFor();
    await settled(page);
  }

  /** Closes the confirmations on screen (through their named close buttons), so screenshots show the page. */
  async function dismissNotifications(page: Page) {
    for (const button of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await button.click();
    await page.getByRole('button', { name: 'Dismiss notification' }).first().waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    // One person runs every test here within about a minute; the page alone stays under the default
    // 100 requests a minute (about 72 while a campaign sends), but the sum of five tests on a slow machine may not.
    stack = await startConsoleStack({ RATE_LIMIT_GENERAL_PER_MINUTE: '100000' });
    catcher = await startDevSmtpCatcher(0, (m) => recordCaughtMessage(stack.db, { ...m, channel: 'email' }));
    channels = createChannels(loadConfig({ NODE_ENV: 'development', SMTP_URL: catcher.url }), (m) =>
      recordCaughtMessage(stack.db, { tenantId: m.tenantId, channel: 'sms', to: m.to, body: m.body, messageId: m.ledgerId }),
    );
    stopWorker = await startTestWorker(stack.db, {
      messaging: { channels, publicUrl: stack.server.url, trackingSecret: stack.server.runtime.config.TRACKING_SECRET, pageSize: 20, concurrency: 5 },
    });
  }, 60_000);
  afterAll(async () => {
    // A test that failed half-way may leave a campaign sending: cancel it while the worker still runs.
    for (const status of ['sending', 'paused', 'scheduled']) {
      const left = stack ? (await api(`/api/v1/campaigns?status=${status}`)).body.data : [];
      for (const c of left) await api(`/api/v1/campaigns/${c.id}/cancel`, { method: 'POST' });
    }
    await stopWorker?.();
    await channels?.email.close();
    await channels?.sms.close();
    await catcher?.close();
    await stack?.close();
  });

  it('creates a campaign, previews it for a customer, checks it, test-sends it and sends it to 100 % with every mail in the outbox', async () => {
    await segmentOf(stack.db, 'small', 5);
    const { context, page } = await stack.newPage();
    await page.goto('/console/campaigns');
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'New campaign' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Browser launch');
    await choose(page, 'Audience', 'Segment: Segment small');
    await page.getByRole('textbox', { name: 'Subject' }).fill('Hello {{ customer.firstName }}');
    await page
      .getByRole('textbox', { name: 'Body' })
      .fill('<p>Hi {{ customer.firstName }}, our launch is here.</p><p><a href="{{ unsubscribeUrl }}">Unsubscribe</a></p>');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/console\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const campaignId = page.url().split('/').pop()!;
    await page.getByTestId('campaign-status').filter({ hasText: 'draft' }).waitFor();
    expect((await api(`/api/v1/campaigns/${campaignId}`)).body.data).toMatchObject({ name: 'Browser launch', channel: 'email', audience: { type: 'segment' } });
    expect(await seriousViolations(page)).toEqual([]);
    await dismissNotifications(page);
    await screenshot(page, 'campaign-editor');

    // Preview: the sample customer first, then a real one found by search.
    await page.getByRole('tab', { name: 'Preview and checks' }).click();
    await page.getByTestId('campaign-preview-subject').filter({ hasText: 'Hello Ada' }).waitFor({ timeout: 30_000 });
    await choose(page, 'Preview for customer', 'small3 Tester · small-3@example.com', 'small3');
    await page.getByTestId('campaign-preview-subject').filter({ hasText: 'Hello small3' }).waitFor({ timeout: 30_000 });
    await expect(page.frameLocator('iframe[title="E-mail preview"]').locator('body').textContent()).resolves.toContain('Hi small3, our launch is here.');
    expect(await seriousViolations(page)).toEqual([]);

    // Message checks: a score and each check with its verdict.
    // The panel sits below the preview: bring it into view first, so the click does not land while the page scrolls.
    await page.getByRole('heading', { name: 'Message checks' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Run message checks' }).click();
    await page.getByTestId('message-check-score').waitFor({ timeout: 30_000 });
    const score = Number(await page.getByTestId('message-check-score').textContent());
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(await page.getByRole('table', { name: 'Message checks' }).getByRole('row').count()).toBeGreaterThan(3);
    expect(await seriousViolations(page)).toEqual([]);

    // Test send: the mail arrives in the outbox, rendered for the customer chosen.
    await page.getByRole('tab', { name: 'Test send' }).click();
    const addresses = page.getByRole('combobox', { name: 'Test e-mail addresses' });
    await addresses.fill('qa-team@example.com');
    await addresses.press('Enter');
    await choose(page, 'Render for customer (optional)', 'small2 Tester · small-2@example.com', 'small2');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByTestId('test-send-results').filter({ hasText: 'qa-team@example.com' }).filter({ hasText: 'sent' }).waitFor({ timeout: 30_000 });
    const test = (await outbox()).find((m) => m.to === 'qa-team@example.com');
    expect(test?.subject).toContain('Hello small2');
    expect(await seriousViolations(page)).toEqual([]);

    // Send now, after the confirmation; the page follows the progress to 100 %.
    await page.getByRole('tab', { name: 'Schedule or send' }).click();
    await page.getByRole('button', { name: 'Send now…' }).click();
    await dialog(page, 'Send this campaign now?');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send to the audience' }).click();
    await page.getByTestId('campaign-progress-percent').filter({ hasText: '100 %' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('campaign-status').filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('progress-sent').textContent()).resolves.toBe('5');
    await expect(page.getByTestId('progress-pending').textContent()).resolves.toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
    await dismissNotifications(page);
    await screenshot(page, 'campaign-progress');
    const received = (await outbox()).filter((m) => /^small-\d@example\.com$/.test(m.to));
    expect(received.map((m) => m.to).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `small-${n}@example.com`));
    for (const m of received) expect(m.subject).toBe(`Hello ${m.to.split('@')[0]!.replace('-', '')}`);

    // Analytics of the finished campaign, then the list shows it at 100 %.
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await page.getByTestId('campaign-analytics').filter({ hasText: 'Delivered' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'all campaigns' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Browser launch' });
    await row.filter({ hasText: '100 %' }).waitFor({ timeout: 30_000 });
    await expect(row.textContent()).resolves.toContain('completed');
    expect(await seriousViolations(page)).toEqual([]);
    await dismissNotifications(page);
    await screenshot(page, 'campaigns-list');
    await context.close();
  }, 120_000);

  it('pauses, resumes and cancels a throttled send from the page', async () => {
    const segmentId = await segmentOf(stack.db, 'large', 40);
    const created = await api('/api/v1/campaigns', {
      method: 'POST',
      body: {
        name: 'Throttled',
        channel: 'email',
        subject: 'Slow {{ customer.firstName }}',
        body: '<p>One at a time</p>',
        audience: { type: 'segment', segmentId },
        options: { autoPauseFailureRate: 0.5 },
      },
    });
    const id = created.body.data.id;
    // The throttle is set in the editor; the option the editor does not show is kept.
    const { context, page } = await stack.newPage();
    await page.goto(`/console/campaigns/${id}`);
    await page.getByRole('textbox', { name: 'Messages a second' }).fill('4');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await until(
      async () => (await api(`/api/v1/campaigns/${id}`)).body.data.options,
      (o) => o.throttlePerSecond === 4,
      { timeoutMs: 30_000, label: 'the throttle to be saved' },
    );
    expect((await api(`/api/v1/campaigns/${id}`)).body.data.options).toEqual({ throttlePerSecond: 4, autoPauseFailureRate: 0.5 });
    expect((await api(`/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);
    await page.reload();
    await page.getByTestId('campaign-status').filter({ hasText: 'sending' }).waitFor({ timeout: 30_000 });
    await until(
      async () => Number(await page.getByTestId('progress-sent').textContent()),
      (n) => n > 1,
      { timeoutMs: 30_000, label: 'the page to show sends' },
    );
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: 'paused' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    // Paused holds within a second (the page in flight winds down): after that the ledger stops moving.
    await new Promise((r) => setTimeout(r, 1000));
    const held: number = (await api(`/api/v1/campaigns/${id}/analytics`)).body.data.sent;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await api(`/api/v1/campaigns/${id}/analytics`)).body.data.sent).toBe(held);
    expect(held).toBeLessThan(40);

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: 'sending' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel campaign…' }).click();
    await dialog(page, 'Cancel this campaign?');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel the campaign' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: 'cancelled' }).waitFor({ timeout: 30_000 });
    const final = (await api(`/api/v1/campaigns/${id}/analytics`)).body.data;
    expect(final.status).toBe('cancelled');
    expect(final.sent).toBeLessThan(40);
    await context.close();
  }, 90_000);

  it('sets up an A/B test in the editor and shows the variants, their live results and the decision', async () => {
    await segmentOf(stack.db, 'ab', 12);
    const { context, page } = await stack.newPage();
    await page.goto('/console/campaigns/new');
    await page.getByRole('textbox', { name: 'Name' }).fill('Subject test');
    await choose(page, 'Audience', 'Segment: Segment ab');
    await page.getByRole('textbox', { name: 'Subject' }).fill('Our sale');
    await page.getByRole('textbox', { name: 'Body' }).fill('<p>Hi {{ customer.firstName }}</p>');
    await page.getByRole('switch', { name: 'Test variants of this message' }).check();
    await page.getByRole('textbox', { name: 'Variant A subject' }).fill('Our sale');
    await page.getByRole('textbox', { name: 'Variant B name' }).fill('Urgent');
    await page.getByRole('textbox', { name: 'Variant B subject' }).fill('Last hours, {{ customer.firstName }}');
    await page.getByRole('textbox', { name: 'Test duration' }).fill('5s');
    await page.getByRole('textbox', { name: 'Share that tests (%)' }).fill('50');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/console\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const id = page.url().split('/').pop()!;
    expect((await api(`/api/v1/campaigns/${id}`)).body.data).toMatchObject({
      variants: [
        { key: 'A', name: 'Control', subject: 'Our sale' },
        { key: 'B', name: 'Urgent', subject: 'Last hours, {{ customer.firstName }}' },
      ],
      test: { share: 0.5, metric: 'opens', duration: '5s' },
    });
    expect((await api(`/api/v1/campaigns/${id}/send`, { method: 'POST' })).status).toBe(202);
    await page.reload();
    await page
      .getByTestId('campaign-status')
      .filter({ hasText: 'sending' })
      .or(page.getByTestId('campaign-status').filter({ hasText: 'completed' }))
      .waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Variants (2)' }).click();
    const table = page.getByRole('table', { name: 'Variants and their results' });
    await table.getByRole('row').filter({ hasText: 'Urgent' }).filter({ hasText: 'Last hours' }).waitFor();
    // Too few opens to tell them apart: the control gets the rest, and the page says why.
    await page.getByText('Decided: variant A goes to the rest').waitFor({ timeout: 30_000 });
    await table.getByRole('row').filter({ hasText: 'Control' }).filter({ hasText: 'winner' }).waitFor({ timeout: 30_000 });
    const decided = (await api(`/api/v1/campaigns/${id}/analytics`)).body.data.abTest;
    expect(decided.decision).toMatchObject({ winner: 'A', outcome: 'insufficient_sample' });
    const sentB = decided.variants.find((v: { key: string }) => v.key === 'B').sent;
    expect(sentB).toBeGreaterThan(0);
    await table
      .getByRole('row')
      .filter({ hasText: 'Urgent' })
      .filter({ hasText: `0 of ${sentB}` })
      .waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('schedules a draft at a wall-clock time in a chosen timezone', async () => {
    const created = await api('/api/v1/campaigns', {
      method: 'POST',
      body: { name: 'Later', channel: 'sms', body: 'See you {{ customer.firstName }}', audience: { type: 'all' } },
    });
    const id = created.body.data.id;
    const { context, page } = await stack.newPage();
    await page.goto(`/console/campaigns/${id}`);
    await page.getByRole('tab', { name: 'Schedule or send' }).click();
    await page.getByLabel('Date and time').fill('2030-06-03T09:30');
    await choose(page, 'Timezone', 'America/New_York', 'New_York');
    await page.getByTestId('schedule-instant').filter({ hasText: '13:30 (UTC)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByTestId('campaign-status').filter({ hasText: 'scheduled' }).waitFor({ timeout: 30_000 });
    expect((await api(`/api/v1/campaigns/${id}`)).body.data.scheduledAt).toBe('2030-06-03T13:30:00.000Z');
    // Cancelling the schedule stops it before its time.
    await page.getByRole('button', { name: 'Cancel campaign…' }).click();
    await page.getByRole('button', { name: 'Cancel the campaign' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: 'cancelled' }).waitFor({ timeout: 30_000 });
    await context.close();
  }, 60_000);

  it('shows a readonly member the campaigns without any write action', async () => {
    const email = `reader-${stack.tenantId.slice(0, 8)}@example.com`;
    await createUser(stack.db, { email, password: PASSWORD, tenantId: stack.tenantId, role: 'readonly' });
    const { context, page } = await stack.newPage({ email });
    await page.goto('/console/campaigns');
    await page.getByRole('link', { name: 'Browser launch' }).click();
    await page.getByTestId('campaign-status').waitFor();
    await page.getByRole('tab', { name: 'Message' }).click();
    await expect(page.getByRole('textbox', { name: 'Name' }).getAttribute('readonly')).resolves.not.toBeNull();
    for (const name of ['Delete…', 'Save draft', 'Pause', 'Cancel campaign…']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Test send' }).count()).toBe(0);
    await page.goto('/console/campaigns');
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    expect(await page.getByRole('link', { name: 'New campaign' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
