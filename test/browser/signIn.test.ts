import { PASSWORD, screenshot, seriousViolations, startConsoleStack, type ConsoleStack } from '../support/browser';

/** The console in a real Chromium: signing in and out, the session guard, accessibility of the frame. */
describe('console: sign in', () => {
  let stack: ConsoleStack;

  beforeAll(async () => {
    stack = await startConsoleStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('sends a visitor without a session to sign in, and back where they were going after', async () => {
    const { page } = await stack.newPage({ signIn: false });
    await page.goto('/console/customers');
    await page.waitForURL(/\/console\/sign-in\?next=%2Fcustomers/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email').fill(stack.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console\/customers$/);
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain(stack.email);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'herald_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('shows Herald’s refusal for a wrong password and stays on the form', async () => {
    const { page } = await stack.newPage({ signIn: false });
    await page.goto('/console/sign-in');
    await page.getByLabel('Email').fill(stack.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/email or password/i);
    expect(page.url()).toContain('/console/sign-in');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs out: the session ends on the server and the console asks to sign in again', async () => {
    const { page } = await stack.newPage();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await page.goto('/console/segments');
    await page.waitForURL(/\/console\/sign-in\?next=%2Fsegments/);
  });

  it('is usable by keyboard: a skip link first, then every section of the navigation', async () => {
    const { page } = await stack.newPage();
    await page.goto('/console/');
    await page.getByTestId('signed-in-as').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    const reached = new Set<string>();
    for (let i = 0; i < 40 && reached.size < 9; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = (globalThis as any).document.activeElement;
        return el?.closest('nav') ? el.textContent : null;
      });
      if (name) reached.add(name);
    }
    expect([...reached].sort()).toEqual(['Campaigns', 'Customers', 'Imports & exports', 'Inbox', 'Journeys', 'Overview', 'Segments', 'Settings', 'Webhooks']);
    await page.getByRole('link', { name: 'Segments' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/segments$/);
  });

  it('never follows ?next= off the console', async () => {
    const { page } = await stack.newPage({ signIn: false });
    await page.goto('/console/sign-in?next=' + encodeURIComponent('//evil.example.com/x'));
    await page.getByLabel('Email').fill(stack.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(new URL(page.url()).host).toBe(new URL(stack.server.url).host);
  });

  it('serves hashed assets for a year and the app shell uncached; an unknown asset is a 404', async () => {
    const shell = await fetch(stack.server.url + '/console/anything/deep');
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-store');
    const html = await shell.text();
    const asset = html.match(/\/console\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    const js = await fetch(stack.server.url + asset);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(stack.server.url + '/console/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    expect((await fetch(stack.server.url + '/console/assets/..%2f..%2fpackage.json')).status).toBe(404);
  });
});
