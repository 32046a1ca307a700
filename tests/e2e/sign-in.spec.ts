import { SignInPage } from './pages/sign-in-page';
import { expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

test('signs in through the local OIDC provider (authorization-code flow)', async ({ page }) => {
  const login = uniqueLogin('signin');
  const signIn = new SignInPage(page);
  await signIn.goto();
  await screenshot(page, 'signin');
  await signIn.ssoButton.click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
  await screenshot(page, 'oidc-login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await screenshot(page, 'oidc-consent');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId('current-user')).toHaveText(`${login}@example.test`);
});

test('a production build offers no development sign-in', async ({ page, request }) => {
  await new SignInPage(page).goto();
  await expect(page.getByRole('button', { name: 'Continue with Test SSO' })).toBeVisible();
  await expect(page.getByText('Development sign-in')).toHaveCount(0);
  // The provider itself does not exist on the server, not just the form.
  const providers = (await (await request.get('/api/auth/providers')).json()) as Record<string, unknown>;
  expect(Object.keys(providers)).toEqual(['oidc']);
  const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const attempt = await request.post('/api/auth/callback/dev-email', {
    form: { email: 'intruder@example.test', csrfToken: csrf.csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  expect(attempt.status()).not.toBe(200);
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
});
