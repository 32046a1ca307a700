import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Nothing sticks out sideways: the page is no wider than the viewport (long titles wrap, tables scroll inside). */
export async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const width = page.viewportSize()!.width;
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${what} at ${width} px is wider than the viewport` })
    .toBeLessThanOrEqual(width);
}
