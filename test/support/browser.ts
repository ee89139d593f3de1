import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createUser } from '../../domain/users/provisioning';
import { buildTenant, testDb } from './factories';
import { startTestServer, type TestServer } from './testServer';

/** Debian's Chromium (installed by scripts/chromium.sh); CHROMIUM_PATH points elsewhere. */
export const chromiumPath = (): string => {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('No Chromium found: run `bash scripts/chromium.sh` (or set CHROMIUM_PATH)');
  return found;
};

/** A real headless Chromium. `--no-sandbox` because the suite may run as root (CI does). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** The password every browser-test person gets (12+ characters, as Herald requires). */
export const PASSWORD = 'correct horse battery staple';

/** A Herald API serving the built console, a tenant with an admin key, and one signed-up admin person. */
export interface ConsoleStack {
  server: TestServer;
  db: ReturnType<typeof testDb>;
  browser: Browser;
  tenantId: string;
  adminKey: string;
  email: string;
  /** A new browser context (its own cookies), signed in as `email` unless `signIn: false`. */
  newPage(options?: { signIn?: boolean; email?: string; password?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Starts everything a browser test needs. The console must have been built (`npm run
 * console:build`, which scripts/test.sh runs before jest); the server refuses with 503 otherwise.
 */
export async function startConsoleStack(env: Record<string, string> = {}): Promise<ConsoleStack> {
  const db = testDb();
  // Every browser context comes from 127.0.0.1 and signs in through the form, so the per-IP budgets
  // would count the whole file's sign-ins as one attacker's (those limits have tests of their own).
  const server = await startTestServer({ RATE_LIMIT_IP_PER_MINUTE: '100000', RATE_LIMIT_LOGIN_IP_PER_MINUTE: '1000', ...env });
  const { tenantId, adminKey } = await buildTenant(db, 'Browser tenant');
  const email = `admin-${tenantId.slice(0, 8)}@example.com`;
  await createUser(db, { email, password: PASSWORD, tenantId, role: 'admin' });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    db,
    browser,
    tenantId,
    adminKey,
    email,
    async newPage(options = {}) {
      // Reduced motion: the console then opens modals without a fade (theme.respectReducedMotion), so
      // axe never measures a half-faded dialog.
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      if (options.signIn !== false) await signIn(page, options.email ?? email, options.password ?? PASSWORD);
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await db.destroy();
    },
  };
}

/** Signs in through the console's sign-in form and waits for the signed-in frame. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/console/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/**
 * Waits until the page's finite animations and transitions (a modal or a notification fading in)
 * have finished, so axe measures colours as they end up rather than mid-fade. Endless ones (a
 * running progress bar's stripes, a spinner) do not count. Polled with `evaluate`, which the
 * console's content security policy allows (a string `waitForFunction` it refuses).
 */
export async function settled(page: Page, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const moving = await page.evaluate(
      () =>
        (globalThis as any).document.getAnimations().filter((a: any) => a.playState === 'running' && a.effect?.getComputedTiming?.().iterations !== Infinity)
          .length,
    );
    if (moving === 0) return;
    if (Date.now() > deadline) throw new Error(`${moving} animation(s) still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One axe-core finding, as the assertion prints it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules plus best practices) on the page as it is now and
 * returns the serious and critical violations; the tests expect none.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await settled(page);
  // Evaluated through the DevTools protocol, which the page's content security policy does not govern
  // (a <script> tag would be refused, as it should be).
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations: AxeViolation[] = await page.evaluate(async () => {
    // Runs in the page: `globalThis` is its window (the test's own typings know no DOM).
    const page = globalThis as any;
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Saves a screenshot: into docs/screenshots when UPDATE_SCREENSHOTS=1 (how the ones in the docs
 * are made), else into .data/screenshots, so a normal run leaves the tree unchanged.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve(__dirname, '../../docs/screenshots') : path.resolve(__dirname, '../../.data/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
