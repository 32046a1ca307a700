import { test as base, type Page } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page';

type Fixtures = {
  /** A signed-in page for a login in its own browser context (its own cookies). */
  signedInAs: (login: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  signedInAs: async ({ browser, baseURL }, use) => {
    const contexts: Array<Awaited<ReturnType<typeof browser.newContext>>> = [];
    await use(async (login) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const page = await context.newPage();
      await new SignInPage(page).signInAs(login);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from '@playwright/test';

export { claimsForLogin, uniqueLogin } from './test-logins';
