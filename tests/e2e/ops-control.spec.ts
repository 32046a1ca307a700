import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

// Issue #14: preview a sync; trip the circuit breaker and confirm; resolve an inbox conflict and see the value on both sides.
test('preview, circuit breaker and conflict inbox', async ({ signedInAs }) => {
  test.setTimeout(240_000);
  const { GITHUB_API_URL } = readE2eEnv();
  expect(GITHUB_API_URL, 'the e2e server started the GitHub fake').toBeTruthy();
  const owner = claimsForLogin(uniqueLogin('ops-owner'));
  const repo = `octo-org/ops-${owner.sub.slice(-6)}`;
  const token = `ghp_e2e${crypto.randomUUID().replace(/-/g, '')}`;
  rememberSecret('access token', token);
  expect((await post(`${GITHUB_API_URL}/_fake/seed`, { repo, token, issues: 60 })).ok).toBe(true);
  const issue = async (n: number) => (await (await fetch(`${GITHUB_API_URL}/_fake/repos/${repo}/issues/${n}`)).json()) as { title: string; state: string };
  const firstTitle = (await issue(1)).title;

  const page = await signedInAs(owner.sub);
  const projectId = await new ProjectsPage(page).createProject(`Ops ${owner.sub.slice(-6)}`);
  const project = new ProjectPage(page);
  const integrations = new IntegrationsPage(page);
  await integrations.goto(projectId);
  const integrationId = await integrations.addIntegration('GitHub');
  const pages = new IntegrationPages(page, projectId, integrationId);
  rememberSecret('webhook secret', await pages.revealSecret());
  await page.getByLabel('When a field was changed on both sides').selectOption('ask');
  await expect(await pages.configure({ token, externalId: repo, syncEnabled: false })).toContainText('Saved and connected');

  await test.step('Preview sync counts what the sync then does', async () => {
    await pages.goto('sync');
    await page.getByRole('button', { name: 'Preview sync' }).click();
    await expect(page.getByTestId('preview-summary')).toHaveText('Creates 60 tasks, updates 0, closes 0, unlinks 0.', { timeout: 30_000 });
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'ops-preview-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ops-preview-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-run-counts')).toContainText('60 created', { timeout: 60_000 });
  });

  await test.step('a field edited on both sides is held, then resolved from the inbox on both sides', async () => {
    expect((await post(`${GITHUB_API_URL}/_fake/edit`, { repo, number: 1, fields: { title: 'Title from GitHub' } })).ok).toBe(true);
    await project.goto(projectId);
    await project.taskRow(firstTitle).getByRole('link', { name: firstTitle }).click();
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}/);
    const taskUrl = page.url();
    const edit = page.getByTestId('edit-task-form');
    await edit.getByLabel('Title').fill('Title from Taskbridge');
    await edit.getByRole('button', { name: 'Save task' }).click();
    await expect(edit.getByRole('status')).toHaveText('Saved');
    const conflict = page.getByTestId('open-conflict');
    await expect(async () => {
      await page.goto(`/integrations/project/${projectId}/conflicts/`);
      await expect(conflict).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(conflict.getByTestId('conflict-base')).toContainText(firstTitle);
    await expect(conflict.getByTestId('conflict-app')).toContainText('Title from Taskbridge');
    await expect(conflict.getByTestId('conflict-provider')).toContainText('Title from GitHub');
    expect((await issue(1)).title).toBe('Title from GitHub');
    await screenshot(page, 'ops-conflicts-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ops-conflicts-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await conflict.getByRole('button', { name: 'Keep Taskbridge value' }).click();
    await expect(page.getByTestId('conflict-history')).toContainText('Taskbridge value “Title from Taskbridge” applied to both sides');
    await expect(conflict).toHaveCount(0);
    expect((await issue(1)).title).toBe('Title from Taskbridge');
    await page.goto(taskUrl);
    await expect(page.getByTestId('edit-task-form').getByLabel('Title')).toHaveValue('Title from Taskbridge');
  });

  await test.step('closing every issue at once trips the breaker; Confirm runs the sync', async () => {
    expect((await post(`${GITHUB_API_URL}/_fake/close-all`, { repo })).ok).toBe(true);
    await pages.goto('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    const hold = page.getByTestId('safety-hold');
    await expect(async () => {
      await page.reload();
      await expect(hold).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await expect(hold).toContainText('Paused by the safety check: would close 60 of 60 linked tasks');
    await screenshot(page, 'ops-breaker-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ops-breaker-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await hold.getByRole('button', { name: 'Confirm and sync' }).click();
    await expect(hold).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('sync-run-counts')).toContainText('60 updated', { timeout: 60_000 });
  });
});
