import path from 'node:path';
import type { Page } from '@playwright/test';

/** A full-page screenshot into test-results/screens/ so every page of the run can be looked at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`), fullPage: true });
}
