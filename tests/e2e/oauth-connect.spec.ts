import type { Page } from '@playwright/test';
import { IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

// Issue #10 end to end: "Connect with …" through the OAuth fakes (tests/fakes/oauth), started by serve.ts.
const fakeUrl = () => {
  const { FAKE_OAUTH_URL } = readE2eEnv();
  expect(FAKE_OAUTH_URL, 'the e2e server started the OAuth fakes').toBeTruthy();
  return FAKE_OAUTH_URL!;
};
const control = async (path: string, body: Record<string, unknown>) => {
  const res = await fetch(`${fakeUrl()}/_control/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
};

/** Add integration → "Set up <provider>" → "Connect with <label>", then approve or deny on the fake's page. */
async function connectFromSetUpPage(page: Page, provider: string, label: string, decision: 'Approve' | 'Deny' = 'Approve', fill?: () => Promise<void>) {
  await new IntegrationsPage(page).openSetUp(provider);
  await fill?.();
  await page.getByRole('button', { name: `Connect with ${label}` }).click();
  await page.waitForURL((u) => u.href.startsWith(fakeUrl())); // the provider's authorize page
  await expect(page.getByRole('heading', { name: label, exact: true })).toBeVisible();
  await page.getByRole('button', { name: decision }).click();
  // Approved: the integration now exists, on its configure page. Denied: back on the set-up page, nothing created.
  await page.waitForURL(decision === 'Approve' ? /\/integrations\/project\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/configure\/\?oauth=/ : /\/create\/[\w-]+\/\?oauth=/);
}

// Every token the fakes issued must be stored encrypted only: the secrets dump (teardown) searches for them.
test.afterAll(async () => {
  const res = await fetch(`${fakeUrl()}/_control/tokens`);
  const { access, refresh } = (await res.json()) as { access: string[]; refresh: string[] };
  for (const token of access) rememberSecret('access token', token);
  for (const token of refresh) rememberSecret('refresh token', token);
});

async function newProject(page: Page, name: string) {
  const projects = new ProjectsPage(page);
  await projects.goto();
  return projects.createProject(name, 'One-click connect.');
}

test('an owner connects GitHub and Slack from their set-up pages through the fakes; a denial creates nothing; a member sees no connect buttons', async ({ signedInAs }) => {
  test.setTimeout(180_000);
  fakeUrl();
  const owner = claimsForLogin(uniqueLogin('oauth-owner'));
  const member = claimsForLogin(uniqueLogin('oauth-member'));
  const page = await signedInAs(owner.sub);
  const projectId = await newProject(page, `Connected ${owner.sub.slice(-6)}`);
  const project = new ProjectPage(page);
  await project.addMember(member.email);
  await project.openIntegrations();

  await test.step('GitHub: approve → back on the configure page, connected, scopes shown', async () => {
    await connectFromSetUpPage(page, 'GitHub', 'GitHub');
    await expect(page.getByText('Connected with GitHub.')).toBeVisible();
    await expect(page.getByTestId('connection-status')).toContainText('connected');
    await expect(page.getByTestId('oauth-grant')).toContainText('repo admin:repo_hook');
    await expect(page.getByRole('button', { name: 'Disconnect GitHub' })).toBeVisible();
    await screenshot(page, 'oauth-github-connected');
  });

  await test.step('Slack: the bot is installed in the fake workspace', async () => {
    await page.goto(`/integrations/project/${projectId}/`);
    await connectFromSetUpPage(page, 'Slack', 'Slack');
    await expect(page.getByText('Connected with Slack.')).toBeVisible();
    await expect(page.getByTestId('oauth-grant')).toContainText('Account: Fake Workspace');
    await expect(page.getByTestId('oauth-grant')).toContainText('chat:write');
  });

  await test.step('a denial says so and creates nothing: no half-made card', async () => {
    await page.goto(`/integrations/project/${projectId}/`);
    await connectFromSetUpPage(page, 'GitHub', 'GitHub', 'Deny', () => page.locator('#externalId').fill('octo/after-a-denial'));
    await expect(page.getByText(/GitHub access was denied/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Set up GitHub', level: 1 })).toBeVisible();
    await expect(page.locator('#externalId')).toHaveValue('octo/after-a-denial'); // as it was filled in
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(`/integrations/project/${projectId}/`);
    await expect(new IntegrationsPage(page).rows()).toHaveCount(2);
  });

  await test.step('the list shows both connected', async () => {
    const list = new IntegrationsPage(page);
    await list.goto(projectId);
    await expect(list.rows().filter({ hasText: 'connected' }).filter({ hasNotText: 'not configured' })).toHaveCount(2);
  });

  await test.step('a member sees no connect or reconnect buttons', async () => {
    const memberPage = await signedInAs(member.sub);
    await memberPage.goto(`/integrations/project/${projectId}/`);
    await expect(memberPage.getByTestId('integration-row')).toHaveCount(2);
    await expect(memberPage.getByRole('button', { name: /Connect with|Reconnect/ })).toHaveCount(0);
    await expect(memberPage.getByRole('link', { name: 'Add integration' })).toHaveCount(0);
    expect((await memberPage.goto(`/integrations/project/${projectId}/create/github/`))?.status()).toBe(403);
    await expect(memberPage.getByRole('button', { name: /Connect with/ })).toHaveCount(0);
  });
});

test('a revoked token shows "Reconnect" on the list, and reconnecting clears it', async ({ signedInAs }) => {
  test.setTimeout(180_000);
  // A GitHub App with expiring user tokens: 30 min, within the scheduled refresh's hour.
  await control('options', { provider: 'github', accessTtlSeconds: 1800, refresh: true });
  try {
    const owner = claimsForLogin(uniqueLogin('oauth-revoked'));
    const page = await signedInAs(owner.sub);
    const projectId = await newProject(page, `Revoked ${owner.sub.slice(-6)}`);
    await new ProjectPage(page).openIntegrations();
    await connectFromSetUpPage(page, 'GitHub', 'GitHub');
    await expect(page.getByText('Connected with GitHub.')).toBeVisible();
    await expect(page.getByTestId('oauth-grant')).toContainText("the GitHub App's permissions");

    // The user removes the app at GitHub: the next refresh (the in-process timer, every 2 s here) gets bad_refresh_token.
    await control('revoke', { provider: 'github' });
    const list = new IntegrationsPage(page);
    const row = list.rows().first();
    await expect(async () => {
      await list.goto(projectId);
      await expect(row).toContainText('Reconnect needed', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText('bad_refresh_token');
    await screenshot(page, 'oauth-reconnect-needed');

    await row.getByRole('button', { name: 'Reconnect' }).click();
    await page.waitForURL((u) => u.href.startsWith(fakeUrl()));
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/configure\/\?oauth=connected/);
    await expect(page.getByText('Connected with GitHub.')).toBeVisible();

    await list.goto(projectId);
    await expect(row).not.toContainText('Reconnect needed');
    await expect(row.getByRole('button', { name: 'Reconnect' })).toHaveCount(0);
    await expect(row).toContainText('connected');
  } finally {
    await control('options', { provider: 'github', accessTtlSeconds: null, refresh: false });
  }
});
