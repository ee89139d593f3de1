import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createUser } from '../domain/users/provisioning';
import { chromiumPath } from '../test/support/browser';
import { ensureCustomerDataset, releaseCustomerDataset } from './customer-dataset';
import { getJson, issueAdminKey, openBenchServer, startHeraldInProcess, type InProcessHerald } from './herald';
import { envInt, printFigure, printRatio, round } from './report';

/**
 * console-customers: the console's customers page on 1,000,000 customers (the shared dataset, see
 * customer-dataset.ts), in a real Chromium against the API serving the built console.
 *
 * - first rows, cold: a fresh browser context (empty cache, the session cookie only) opens
 *   /console/customers; the figure is the time from navigation start to the first table row in
 *   the DOM (a MutationObserver installed before any script records performance.now()).
 * - first rows, in the app: from the overview page, a click on "Customers" in the navigation to
 *   the first row (the page's chunk is in the HTTP cache after the first run, as for a user).
 * - initial JavaScript: the encoded (gzipped on the wire) bytes of every script the cold load of
 *   /console/customers fetched, from the Resource Timing entries.
 * - baseline: the raw `GET /api/v1/customers` call the page makes, with an API key, from Node.
 *
 * Medians of BENCH_RUNS (5) runs after one warm-up. Goals (issue 20): first rows < 1 s, initial
 * JavaScript ≤ 250 KB gzipped. The load average is printed with the figures: the machine is shared.
 */

const BENCH = 'console-customers';
const FIRST_ROWS_GOAL_MS = 1000;
const INITIAL_JS_GOAL_KB = 250;
const PASSWORD = 'bench console password';
/** The list query the page sends on first load (its defaults). */
const PAGE_QUERY = '/api/v1/customers?limit=25&sortBy=createdAt&sortOrder=desc&tagsMatch=any';

/** Records, in the page, when the first customer row appears (ms since navigation start). */
const WATCH_FIRST_ROW = `(() => {
  const seen = () => document.querySelector('[data-testid="customers-table"] tbody tr');
  const observer = new MutationObserver(() => {
    if (seen()) { window.__firstRow = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Waits for the first row and reads when it appeared. */
async function firstRowAt(page: Page): Promise<number> {
  await page.locator('[data-testid="customers-table"] tbody tr').first().waitFor({ timeout: 60_000 });
  return page.evaluate(() => (globalThis as unknown as { __firstRow: number }).__firstRow);
}

/** One cold load of /console/customers in a fresh context holding only the session cookie. */
async function coldLoad(browser: Browser, cookies: Awaited<ReturnType<BrowserContext['cookies']>>, url: string) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies(cookies);
    await context.addInitScript(WATCH_FIRST_ROW);
    const page = await context.newPage();
    await page.goto('/console/customers');
    const ms = await firstRowAt(page);
    const scripts = await page.evaluate(() =>
      (
        globalThis as unknown as { performance: { getEntriesByType(t: string): Array<{ name: string; encodedBodySize: number; decodedBodySize: number }> } }
      ).performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js'))
        .map((e) => ({ encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
    );
    return { ms, scripts };
  } finally {
    await context.close();
  }
}

/** One in-app navigation: overview, then a click on Customers, to the first row. */
async function inAppLoad(page: Page): Promise<number> {
  await page.goto('/console/');
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  return (await firstRowAt(page)) - start;
}

/** The raw API call the page makes, from Node: the floor under the page's time. */
async function baseline(herald: InProcessHerald, key: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    await getJson(`${herald.url}${PAGE_QUERY}`, key);
    if (i > 0) times.push(performance.now() - start);
  }
  return median(times);
}

/** Runs the benchmark; BENCH_ROWS (1,000,000) sizes the dataset, BENCH_RUNS (5) the runs per figure. */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 1_000_000);
  const runs = envInt('BENCH_RUNS', 5);
  execFileSync('npm', ['run', '--silent', 'console:build'], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
  const server = await openBenchServer(BENCH);
  try {
    const dataset = await ensureCustomerDataset(BENCH, server, rows);
    const herald = await startHeraldInProcess(dataset.url);
    const email = `bench-console-${Date.now()}@example.com`;
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    const runKey = await issueAdminKey(herald.runtime.db, dataset.tenantId);
    try {
      const { userId } = await createUser(herald.runtime.db, { email, password: PASSWORD, tenantId: dataset.tenantId, role: 'admin' });
      const context = await browser.newContext({ baseURL: herald.url, viewport: { width: 1280, height: 800 } });
      await context.addInitScript(WATCH_FIRST_ROW);
      const page = await context.newPage();
      await page.goto('/console/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 });
      const cookies = await context.cookies();

      const api = await baseline(herald, runKey.key, runs);
      printFigure(BENCH, 'baseline_api_list', { rows, p50_ms: round(api, 1) });

      const cold: number[] = [];
      let js = { kb_gz: 0, kb_raw: 0, scripts: 0 };
      for (let i = 0; i <= runs; i++) {
        const load = await coldLoad(browser, cookies, herald.url);
        if (i === 0) continue; // warm-up: the server's first statements and the page's first compile
        cold.push(load.ms);
        js = {
          kb_gz: round(load.scripts.reduce((sum, s) => sum + s.encoded, 0) / 1024, 1),
          kb_raw: round(load.scripts.reduce((sum, s) => sum + s.decoded, 0) / 1024, 1),
          scripts: load.scripts.length,
        };
      }
      const inApp: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const ms = await inAppLoad(page);
        if (i > 0) inApp.push(ms);
      }
      const [load1, load5] = os.loadavg();
      printFigure(BENCH, 'herald_first_rows_cold', { rows, runs, median_ms: round(median(cold), 1), max_ms: round(Math.max(...cold), 1) });
      printFigure(BENCH, 'herald_first_rows_in_app', { rows, runs, median_ms: round(median(inApp), 1), max_ms: round(Math.max(...inApp), 1) });
      printFigure(BENCH, 'initial_js', js);
      printRatio(BENCH, 'cold_vs_api', median(cold), api);
      printFigure(BENCH, 'goals', {
        first_rows_lt_1s: median(cold) < FIRST_ROWS_GOAL_MS && median(inApp) < FIRST_ROWS_GOAL_MS,
        initial_js_le_250kb_gz: js.kb_gz <= INITIAL_JS_GOAL_KB,
        load1: round(load1!, 2),
        load5: round(load5!, 2),
      });
      await herald.runtime.db('users').where({ id: userId }).delete();
    } finally {
      await runKey.revoke();
      await browser.close();
      await herald.close();
    }
    await releaseCustomerDataset(server);
  } finally {
    await server.close();
  }
}
