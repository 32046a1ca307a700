import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

// Issue #4 end to end against the GitHub fake: connect a repository, sync, see the imported
// tasks and the run's progress, edit a task, see the issue updated on "GitHub".
test('connect a GitHub repo, sync, see imported tasks and progress, edit a task → the issue changes', async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const { GITHUB_API_URL } = readE2eEnv();
  // serve.ts always starts the fake: its absence is a failure, not a reason to skip.
  expect(GITHUB_API_URL, 'the e2e server started the GitHub fake').toBeTruthy();
  const owner = claimsForLogin(uniqueLogin('gh-owner'));
  const repo = `octo-org/sync-${owner.sub.slice(-6)}`;
  const token = `ghp_e2e${crypto.randomUUID().replace(/-/g, '')}`;
  rememberSecret('access token', token);
  const seeded = await fetch(`${GITHUB_API_URL}/_fake/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ repo, token, issues: 130 }),
  });
  expect(seeded.ok).toBe(true);

  const page = await signedInAs(owner.sub);
  const projects = new ProjectsPage(page);
  const project = new ProjectPage(page);
  await projects.goto();
  const projectId = await projects.createProject(`Synced ${owner.sub.slice(-6)}`, 'Issues from GitHub.');
  await project.openIntegrations();
  const integrationId = await new IntegrationsPage(page).addIntegration('GitHub');
  const pages = new IntegrationPages(page, projectId, integrationId);
  await expect(await pages.configure({ token, externalId: repo, syncEnabled: true })).toContainText('Saved and connected');

  await test.step('sync: progress and result with counts and duration', async () => {
    await pages.goto('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    const progress = page.getByTestId('sync-progress');
    await expect(progress.getByTestId('sync-run-status')).toHaveText('success', { timeout: 60_000 });
    await expect(progress.getByTestId('sync-run-counts')).toContainText('130 created');
    await expect(progress).toContainText(/Took \d+\.\d s/);
    await expect(progress.getByTestId('api-quota')).toContainText(/requests left/);
    await screenshot(page, 'github-sync-progress');
  });

  await test.step('the imported tasks are on the project page', async () => {
    await project.goto(projectId);
    await expect(project.taskRow('Issue 2: Add dark mode')).toBeVisible();
    await expect(project.taskRow('Issue 3: Spelling error in the README file')).toBeVisible();
    await screenshot(page, 'github-imported-tasks');
  });

  await test.step('editing a task updates its GitHub issue', async () => {
    await project.taskRow('Issue 2: Add dark mode').getByRole('link', { name: 'Issue 2: Add dark mode' }).click();
    const panel = page.getByTestId('task-integrations');
    await expect(panel.getByRole('link', { name: `${repo}#2` })).toBeVisible();
    const edit = page.getByTestId('edit-task-form');
    await edit.getByLabel('Title').fill('Dark mode, edited in Taskbridge');
    await edit.getByLabel('Status').selectOption({ label: 'Done' });
    await edit.getByRole('button', { name: 'Save task' }).click();
    await expect(edit.getByRole('status')).toHaveText('Saved');
    await expect
      .poll(async () => (await (await fetch(`${GITHUB_API_URL}/_fake/repos/${repo}/issues/2`)).json()) as { title: string; state: string }, { timeout: 20_000 })
      .toMatchObject({ title: 'Dark mode, edited in Taskbridge', state: 'closed' });
    await page.reload();
    await expect(panel.getByTestId('sync-event').first()).toContainText('Sent to GitHub');
    await screenshot(page, 'github-task-pushed');
  });
});
