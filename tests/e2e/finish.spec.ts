import type { Page } from '@playwright/test';
import { ProjectsPage } from './pages/projects-page';
import { SignInPage } from './pages/sign-in-page';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';

// Issue #15, "Finish": icons, a sign-in button that says it is working, a visible focus ring,
// and placeholders readable (≥ 4.5:1) in light and in dark.

test('a favicon, app icons and a web manifest are served', async ({ page, request }) => {
  for (const [path, type] of [
    ['/favicon.ico', /image\//],
    ['/icon.svg', /image\/svg\+xml/],
    ['/icon-192.png', /image\/png/],
    ['/icon-512.png', /image\/png/],
    ['/apple-icon.png', /image\/png/],
    ['/manifest.webmanifest', /application\/manifest\+json|application\/json/],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(type);
  }
  await new SignInPage(page).goto();
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon|favicon/);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
});

test('the sign-in button shows it is working and cannot be pressed twice; focus is visible', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  // Keyboard focus draws a ring.
  for (let i = 0; i < 20 && !(await signIn.ssoButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(signIn.ssoButton).toBeFocused();
  const outline = await signIn.ssoButton.evaluate((el) => { const s = getComputedStyle(el); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);

  // Hold next-auth's first request so the pressed state can be seen.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let csrfRequests = 0;
  await page.route('**/api/auth/csrf', async (route) => {
    csrfRequests++;
    await held;
    await route.continue();
  });
  await page.keyboard.press('Enter');
  const pressed = page.getByRole('button', { name: 'Signing in with Test SSO…' });
  await expect(pressed).toBeDisabled();
  await expect(pressed).toHaveAttribute('aria-busy', 'true');
  await pressed.click({ force: true }); // a second press does nothing
  await page.keyboard.press('Enter');
  release();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  expect(csrfRequests).toBe(1);
});

/** WCAG contrast of an input's placeholder against the input's background, both read as sRGB through a canvas. */
function placeholderContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    const rgb = (color: string) => {
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      ctx.fillStyle = '#010203';
      ctx.fillStyle = color;
      if (ctx.fillStyle === '#010203') throw new Error(`canvas cannot read ${color}`);
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
    };
    const luminance = (c: number[]) => {
      const [r, g, b] = c.map((v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const placeholder = getComputedStyle(el, '::placeholder').color;
    // The placeholder is styled apart from the text: the same colour would mean the pseudo-element was not read.
    if (placeholder === getComputedStyle(el).color) throw new Error('::placeholder style not readable');
    const fg = luminance(rgb(placeholder));
    const bg = luminance(rgb(getComputedStyle(el).backgroundColor));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}

test('placeholder text has a contrast of at least 4.5:1, light and dark', async ({ signedInAs }) => {
  const page = await signedInAs(claimsForLogin(uniqueLogin('finish-owner')).sub);
  await new ProjectsPage(page).createProject(`Finish ${Date.now() % 100000}`);
  await expect(page.locator('#quick-add-title')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await placeholderContrast(page, '#quick-add-title'), scheme).toBeGreaterThanOrEqual(4.5);
  }
});
