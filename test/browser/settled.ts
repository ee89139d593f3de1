import type { Page } from 'playwright-core';

/**
 * Waits until the page's finite animations and transitions (a modal or a notification fading
 * in) have finished, so axe measures colours as they end up rather than mid-fade. Endless ones
 * (a running progress bar's stripes) do not count.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as any).document.getAnimations().every((a: any) => a.playState !== 'running' || a.effect?.getComputedTiming?.().iterations === Infinity),
    undefined,
    { timeout: 30_000 },
  );
}
