import type { Page } from 'playwright-core';
import { createEmailChannel } from '../../channels/email';
import { createSmsChannel } from '../../channels/sms';
import { ensureJourneyRouter, ensureJourneyRunner } from '../../domain/journeys/lifecycle';
import { createUser } from '../../domain/users/provisioning';
import { TWILIO } from '../integration/campaignHarness';
import { PASSWORD, screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';
import { startFakeTwilio } from '../support/fakeTwilio';
import { startSmtpSink } from '../support/smtpSink';
import { startTestWorker } from '../support/testWorker';
import { until } from '../support/until';

/**
 * The journeys pages in a real Chromium, on a real API and Herald's worker (journey router and
 * runner): build a journey on the canvas, see Herald's validation error on its node, publish it,
 * track the trigger event through the API and watch the customer move through the nodes (counts
 * on the canvas, then the run's step log); publish a new version with a migration map that moves
 * a waiting run; drag a node, save, reload and find it where it was left; filter the runs by state;
 * and the readonly view. Axe on every state visited.
 */
describe('console: journeys', () => {
  let stack: ConsoleStack;
  let stopWorker: () => Promise<void>;
  const closers: Array<() => Promise<void>> = [];
  let annId: string;

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await stack.server.request(`/api/v1${url}`, { method, key: stack.adminKey, body });
    if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body?.data;
  };
  const noSeriousViolations = async (page: Page, state: string) =>
    expect({ state, violations: await seriousViolations(page) }).toEqual({ state, violations: [] });
  const text = (page: Page, testId: string) => page.getByTestId(testId).textContent({ timeout: 30_000 });
  /** Waits (30 s at most) until the element's text matches, as the page polls Herald. */
  const shows = (page: Page, testId: string, pattern: RegExp) =>
    until(
      () => text(page, testId),
      (t) => pattern.test(t ?? ''),
      { timeoutMs: 30_000, everyMs: 200, label: `${testId} to show ${pattern}` },
    );

  beforeAll(async () => {
    stack = await startConsoleStack();
    // The journey runner sends through the worker's channels: an SMTP sink and the Twilio fake stand in.
    const sink = await startSmtpSink();
    const twilio = await startFakeTwilio(TWILIO);
    const channels = {
      email: createEmailChannel({ url: sink.url, from: 'Herald Test <test@herald.local>', poolSize: 1 }),
      sms: createSmsChannel({ ...TWILIO, apiBase: twilio.url }),
    };
    closers.push(
      () => sink.close(),
      () => twilio.close(),
      () => channels.email.close(),
      () => channels.sms.close(),
    );
    const messaging = { channels, publicUrl: stack.server.url, trackingSecret: stack.server.runtime.config.TRACKING_SECRET, pageSize: 50, concurrency: 2 };
    stopWorker = await startTestWorker(stack.db, { messaging });
    const temporal = stack.server.runtime.temporal;
    await ensureJourneyRunner(temporal);
    await ensureJourneyRouter(temporal, temporal.settings.taskQueue);
    annId = (await api('POST', '/customers', { externalId: 'ann', firstName: 'Ann', email: 'ann@example.com' })).id;
    await api('POST', '/customers', { externalId: 'bob', firstName: 'Bob', email: 'bob@example.com' });
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
    for (const close of closers) await close();
    await stack?.close();
  });

  it('builds, validates and publishes a 3-node journey, and shows a customer moving through it', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/journeys');
    await page.getByText('No journeys yet.').waitFor();
    await noSeriousViolations(page, 'state 1');
    await page.getByRole('link', { name: 'New journey' }).click();
    await page.waitForURL(/\/console\/journeys\/new$/);
    await page.getByLabel('Journey name').fill('Welcome');

    // The entry (trigger): a tracked event, chosen in its panel after pressing Enter on its card.
    await page.locator('.react-flow__node[data-id="entry:trigger"]').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Event name').fill('Signed Up');

    // The wait: a duration Herald refuses first, so its error lands on the node.
    await page.getByTestId('node-delay_1').click();
    await page.getByLabel('Wait for').fill('soon');
    // The tag step, joined to the selected delay by the "Add node" menu.
    await page.getByRole('button', { name: 'Add node' }).click();
    await page.getByRole('menuitem', { name: 'Update customer' }).click();
    await page.getByTestId('node-update_customer_1').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(text(page, 'problem-delay_1')).resolves.toMatch(/duration: must be a duration/);
    await page.waitForURL(/\/console\/journeys\/new$/);
    await noSeriousViolations(page, 'state 2');

    await page.getByTestId('node-delay_1').click();
    await page.getByLabel('Wait for').fill('10s');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/console\/journeys\/[0-9a-f-]{36}$/);
    const journeyId = page.url().split('/').pop()!;
    await page.getByTestId('node-delay_1').waitFor();
    expect(await page.getByTestId('problem-delay_1').count()).toBe(0);
    const saved = await api('GET', `/journeys/${journeyId}`);
    expect(saved.draft).toMatchObject({
      entry: { type: 'event', event: 'Signed Up' },
      start: 'delay_1',
      nodes: [
        { id: 'delay_1', type: 'delay', duration: '10s', next: 'update_customer_1' },
        { id: 'update_customer_1', type: 'update_customer', addTags: ['journey'] },
      ],
    });
    // The added node fixed every card's place on the canvas, saved with the draft.
    expect(Object.keys(saved.draft.layout).sort()).toEqual(['$entry', 'delay_1', 'update_customer_1']);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 1 is live').waitFor({ timeout: 30_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await noSeriousViolations(page, 'state 3');

    // The customer enters through the API; the canvas counts follow (polled each second).
    await api('POST', '/track', { userId: 'ann', event: 'Signed Up', properties: {} });
    await shows(page, 'counts-delay_1', /^1 entered · 1 waiting/);
    await screenshot(page, 'journey-canvas');
    await shows(page, 'counts-update_customer_1', /^1 entered · 0 waiting/);
    expect(await text(page, 'counts-delay_1')).toMatch(/^1 entered · 0 waiting/);
    expect(await text(page, 'counts-entry:trigger')).toMatch(/^1 entered · 0 waiting/);
    await noSeriousViolations(page, 'state 4');

    // The run's step log, from the journey's recent runs.
    await page.getByRole('link', { name: /^Run [0-9a-f]{8} of customer/ }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    const steps = await until(
      () => page.getByTestId('step').allTextContents(),
      (rows) => rows.length === 2 && rows.every((r) => r.includes('done')),
      { timeoutMs: 30_000, everyMs: 200, label: 'the step log to show both steps done' },
    );
    expect(steps).toEqual([expect.stringMatching(/^delay_1delay.*done/), expect.stringMatching(/^update_customer_1update_customer.*done/)]);
    await page.getByText('completed', { exact: true }).first().waitFor();
    await noSeriousViolations(page, 'state 5');
    await screenshot(page, 'journey-run');
    expect((await api('GET', `/customers/${annId}`)).tags).toContain('journey');

    await page.goto('/console/journeys');
    const row = page.getByRole('row', { name: /Welcome/ });
    await expect(row.textContent()).resolves.toMatch(/Welcome.*active.*1.*1/);
    await noSeriousViolations(page, 'state 6');
    await screenshot(page, 'journeys-list');
  });

  it('publishes a new version with a migration map that moves a waiting run off a removed node', async () => {
    const created = await api('POST', '/journeys', {
      name: 'Long wait',
      entry: { type: 'event', event: 'Joined' },
      start: 'hold',
      nodes: [
        { id: 'hold', type: 'delay', duration: '1d', next: 'tag' },
        { id: 'tag', type: 'update_customer', addTags: ['moved'] },
      ],
    });
    await api('POST', `/journeys/${created.id}/publish`);
    await api('POST', '/track', { userId: 'bob', event: 'Joined', properties: {} });
    const { page } = await stack.newPage();
    await page.goto(`/console/journeys/${created.id}`);
    await shows(page, 'counts-hold', /^1 entered · 1 waiting/);

    // Remove the wait (its panel's Delete node), then draw the edge from the entry to the tag node.
    await page.locator('.react-flow__node[data-id="hold"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Delete node' }).click();
    await page.getByRole('tab', { name: 'Node list' }).click();
    await expect(page.getByRole('table', { name: 'Journey nodes' }).textContent()).resolves.toContain('Start: hold');
    await page.getByRole('tab', { name: 'Canvas' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(text(page, 'problem-entry:trigger')).resolves.toMatch(/start: no node has the id "hold"/);
    await noSeriousViolations(page, 'state 7');
    await page
      .locator('.react-flow__node[data-id="entry:trigger"] .react-flow__handle.source')
      .dragTo(page.locator('.react-flow__node[data-id="tag"] .react-flow__handle.target'));
    await page.getByRole('button', { name: 'Save draft' }).click();
    await until(
      () => page.getByTestId('problem-entry:trigger').count(),
      (n) => n === 0,
      { timeoutMs: 30_000, everyMs: 200, label: 'the entry problem to go' },
    );

    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('1 open run(s) wait in nodes this draft removes: hold.').waitFor();
    await dialog.getByLabel('Move to the new version at their next step (migration map)').check();
    expect(await dialog.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Move runs in hold to').click();
    await page.getByRole('option', { name: 'tag' }).click();
    await noSeriousViolations(page, 'state 8');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 2 is live').waitFor({ timeout: 30_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const [run] = await api('GET', `/journeys/${created.id}/runs`);
    await until(
      async () => (await api('GET', `/journeys/${created.id}/runs/${run.id}`)).state,
      (state) => state === 'completed',
      {
        timeoutMs: 30_000,
        label: 'the moved run to complete',
      },
    );
    const moved = await api('GET', `/journeys/${created.id}/runs/${run.id}`);
    expect(moved).toMatchObject({ version: 2, nodeId: 'tag' });
  });

  it('keeps the arrangement: a dragged node is where it was left after save and reload; runs filter by state', async () => {
    const created = await api('POST', '/journeys', {
      name: 'Arranged',
      entry: { type: 'event', event: 'Arranged' },
      start: 'first',
      nodes: [
        { id: 'first', type: 'delay', duration: '1d', next: 'second' },
        { id: 'second', type: 'update_customer', addTags: ['arranged'] },
      ],
    });
    const { page } = await stack.newPage();
    await page.goto(`/console/journeys/${created.id}`);
    const card = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
    /** Every card's place on the canvas (its transform, in canvas units: independent of zoom and scroll). */
    const places = () =>
      page
        .locator('.react-flow__node')
        .evaluateAll((cards) =>
          Object.fromEntries(cards.map((c) => [c.getAttribute('data-id'), (c as unknown as { style: { transform: string } }).style.transform])),
        );
    await card('second').waitFor();
    const before = await places();

    const box = (await card('second').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + 12 + 140, { steps: 8 });
    await page.mouse.up();
    await page.getByText('· unsaved changes').waitFor();
    const moved = await places();
    expect(moved.second).not.toEqual(before.second);
    expect({ ...moved, second: before.second }).toEqual(before);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('· unsaved changes').waitFor({ state: 'detached', timeout: 30_000 });
    const layout = (await api('GET', `/journeys/${created.id}`)).draft.layout;
    expect(Object.keys(layout).sort()).toEqual(['$entry', 'first', 'second']);
    expect(moved.second).toBe(`translate(${layout.second.x}px, ${layout.second.y}px)`);

    await page.reload();
    await card('second').waitFor();
    expect(await places()).toEqual(moved);
    expect(await page.getByText('· unsaved changes').count()).toBe(0);
    await noSeriousViolations(page, 'state 9');

    // The runs: none yet; after a customer enters, the state filter finds it as active, not completed.
    await page.getByText('No customer has entered yet.').waitFor();
    await api('POST', `/journeys/${created.id}/publish`);
    await api('POST', '/track', { userId: 'ann', event: 'Arranged', properties: {} });
    await page.getByRole('table', { name: 'Runs' }).waitFor({ timeout: 30_000 });
    const runs = page.getByRole('region', { name: 'Runs' });
    await runs.getByText('Completed', { exact: true }).click();
    await page.getByText('No completed runs.').waitFor();
    expect(await runs.getByRole('radio', { name: 'Completed' }).isChecked()).toBe(true);
    await runs.getByText('Active', { exact: true }).click();
    await page.getByRole('link', { name: /^Run [0-9a-f]{8} of customer/ }).waitFor();
    expect(await page.getByRole('table', { name: 'Runs' }).getByRole('row').count()).toBe(2);
    await noSeriousViolations(page, 'state 10');
  });

  it('shows a readonly member the journey without any write action', async () => {
    const email = `reader-${stack.tenantId.slice(0, 8)}@example.com`;
    await createUser(stack.db, { email, password: PASSWORD, tenantId: stack.tenantId, role: 'readonly' });
    const { page } = await stack.newPage({ email });
    await page.goto('/console/journeys');
    await page.getByRole('link', { name: 'Welcome' }).click();
    await page.getByTestId('node-delay_1').waitFor();
    await page.getByTestId('node-delay_1').click();
    await page.getByLabel('Wait for').waitFor();
    expect(await page.getByLabel('Wait for').getAttribute('readonly')).not.toBeNull();
    for (const name of ['Save draft', 'Publish', 'Add node', 'Pause', 'Archive', 'Delete node'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New journey' }).count()).toBe(0);
    await noSeriousViolations(page, 'state 11');
  });
});
