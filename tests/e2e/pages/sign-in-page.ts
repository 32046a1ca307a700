import { expect, type Page } from '@playwright/test';

/** /signin and the OIDC provider's own login and consent screens, as a person sees them. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin');
  }

  get ssoButton() {
    return this.page.getByRole('button', { name: 'Continue with Test SSO' });
  }

  get devSignInForm() {
    return this.page.getByText('Development sign-in');
  }

  /** Authorization-code flow: app → provider login (any login, any password) → consent → app. */
  async signInAs(login: string, callbackUrl?: string): Promise<void> {
    await this.goto(callbackUrl);
    await this.ssoButton.click();
    await this.page.locator('input[name="login"]').fill(login);
    await this.page.locator('input[name="password"]').fill('correct horse battery staple');
    await this.page.getByRole('button', { name: 'Sign-in' }).click();
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await expect(this.page.getByTestId('current-user')).toBeVisible();
  }
}
