import path from 'node:path';
import type { Page } from '@playwright/test';

/** A full-page screenshot into test-results/screens/ so every page of the run can be looked at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`), fullPage: true });
}

/** The same at 1280 and at 390 px wide (then back to 1280), for the pages a change touched. */
export async function screenshotWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
