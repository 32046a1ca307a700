import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { SignInPage } from './pages/sign-in-page';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { UNVERIFIED_PREFIX } from './support/test-logins';

// Issue #7 item 1: a provider that asserts someone's email without verifying it must not make
// the attacker that person, nor hand over the invitations waiting for that email.
test('an unverified email sees neither the victim’s projects nor their pending invitation', async ({ signedInAs }) => {
  test.setTimeout(240_000);
  const victim = claimsForLogin(uniqueLogin('victim'));
  const invitee = claimsForLogin(uniqueLogin('invitee'));
  const projectName = `Payroll ${victim.sub.slice(-6)}`;
  let projectId = '';

  await test.step('the victim owns a project and invites someone not yet signed up', async () => {
    const page = await signedInAs(victim.sub);
    const projects = new ProjectsPage(page);
    await projects.goto();
    projectId = await projects.createProject(projectName);
    await new ProjectPage(page).addMember(invitee.email);
  });

  for (const target of [victim, invitee]) {
    await test.step(`an attacker signs in with ${target === victim ? 'the victim’s' : 'the invitee’s'} email, unverified`, async () => {
      const page = await signedInAs(`${UNVERIFIED_PREFIX}${target.sub}`);
      await expect(page.getByTestId('current-user')).toHaveText(target.email);
      const projects = new ProjectsPage(page);
      await projects.goto();
      await expect(projects.projectCard(projectName)).toHaveCount(0);
      const response = await new ProjectPage(page).goto(projectId);
      expect(response?.status()).toBe(404);
    });
  }

  await test.step('the invitee, verified, does get the invitation', async () => {
    const page = await signedInAs(invitee.sub);
    const projects = new ProjectsPage(page);
    await projects.goto();
    await expect(projects.projectCard(projectName)).toHaveCount(1);
  });
});

// Issue #7 item 2: a deep link survives sign-in; a callbackUrl never leads off-site.
test('a signed-out deep link returns to its page after sign-in; off-site callbackUrls do not', async ({ browser, baseURL, signedInAs }) => {
  test.setTimeout(180_000);
  const owner = claimsForLogin(uniqueLogin('deeplink'));
  const ownerPage = await signedInAs(owner.sub);
  await new ProjectsPage(ownerPage).goto();
  const projectId = await new ProjectsPage(ownerPage).createProject(`Deep link ${owner.sub.slice(-6)}`);

  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto(`/projects/${projectId}`);
    await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(`/projects/${projectId}`)}`);
    const signIn = new SignInPage(page);
    await signIn.ssoButton.click();
    await page.locator('input[name="login"]').fill(owner.sub);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${projectId}$`));

    for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/\t/evil.example']) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
      await expect(page).toHaveURL(/\/projects$/);
    }
    // next-auth's own redirect callback too.
    const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const out = await page.request.post('/api/auth/signout', {
      form: { csrfToken: csrf.csrfToken, callbackUrl: '//evil.example/x', json: 'true' },
      maxRedirects: 0,
    });
    const { url } = (await out.json()) as { url: string };
    expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
  } finally {
    await context.close();
  }
});
