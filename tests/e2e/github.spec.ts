import type { Route } from '@playwright/test';
import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { TaskWorkspace } from './pages/task-workspace';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

// Issue #4 end to end against the GitHub fake: connect a repository, sync, see the imported
// tasks and the run's progress, edit a task, see the issue updated on "GitHub". Issue #15's
// "Done when" on the same 130 issues: search and a label filter, a board drag and a bulk close
// that reach the fake GitHub.
test('connect a GitHub repo, sync 130 issues, find, drag and bulk-close them, edit a task → the issues change', async ({ signedInAs }) => {
  test.setTimeout(240_000);
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
  const tasks = new TaskWorkspace(page);
  await projects.goto();
  const projectId = await projects.createProject(`Synced ${owner.sub.slice(-6)}`, 'Issues from GitHub.');
  await project.openIntegrations();
  const integrationId = await new IntegrationsPage(page).addIntegration('GitHub');
  const pages = new IntegrationPages(page, projectId, integrationId);
  await expect(await pages.configure({ token, externalId: repo, syncEnabled: true })).toContainText('Saved and connected');

  await test.step('sync: progress and result with counts and duration', async () => {
    await pages.goto('sync');
    const progress = page.getByTestId('sync-progress');
    await expect(progress).toBeVisible(); // the first progress read is in
    // Hold the page's server actions: what shows right after the click is the page's own doing.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    };
    await page.route(/\/sync\/?$/, hold);
    await page.getByRole('button', { name: 'Sync now' }).click();
    // Queued at once, in the progress and in the status above it (never "idle" beside a starting sync).
    await expect(progress.getByTestId('sync-run-status')).toHaveText('queued');
    await expect(page.getByTestId('sync-status')).toHaveText('queued');
    release(); // the held requests go on; later ones pass straight through
    await expect(progress.getByTestId('sync-run-status')).toHaveText('done', { timeout: 60_000 });
    await expect(page.getByTestId('sync-status')).toHaveText('success');
    await expect(progress.getByTestId('sync-run-counts')).toContainText('130 created');
    await expect(progress).toContainText(/Took \d+\.\d s/);
    await expect(progress.getByTestId('api-quota')).toContainText(/requests left/);
    await expect(progress.getByTestId('sync-tasks-link')).toHaveText('View the 130 imported tasks');
    await screenshot(page, 'github-sync-progress');
  });

  await test.step('the sync links to the 130 imported tasks; one is found by search and by a label filter', async () => {
    await page.getByTestId('sync-progress').getByTestId('sync-tasks-link').click();
    await expect(page).toHaveURL(new RegExp(`link=linked%3A${integrationId}|link=linked:${integrationId}`));
    await expect(page.getByTestId('task-count')).toContainText('130');
    await tasks.search('Issue 17:');
    await expect(tasks.rows).toHaveCount(1);
    await expect(project.taskRow('Issue 17: Add dark mode')).toBeVisible();
    await tasks.search('Body of issue 42'); // the description
    await expect(project.taskRow('Issue 42: Spelling error in the README file')).toBeVisible();
    await expect(tasks.rows).toHaveCount(1);
    await tasks.clearFilters();
    await tasks.filter('Label', 'bug');
    await expect(page.getByTestId('task-count')).toContainText('32');
    await expect(project.taskRow('Issue 12: Spelling error in the README file')).toBeVisible();
    await expect(project.taskRow('Issue 17: Add dark mode')).toHaveCount(0);
  });

  await test.step('a card dragged to Done on the board closes its GitHub issue', async () => {
    await tasks.search('Issue 12:');
    await tasks.showView('Board');
    await tasks.dragCard('Issue 12: Spelling error in the README file', 'Done');
    await expect
      .poll(async () => ((await (await fetch(`${GITHUB_API_URL}/_fake/repos/${repo}/issues/12`)).json()) as { state: string }).state, { timeout: 20_000 })
      .toBe('closed');
    await tasks.showView('List');
  });

  await test.step('bulk-closing three tasks closes their three issues', async () => {
    await project.goto(projectId);
    await tasks.filter('Label', 'bug');
    const three = { 4: 'Issue 4: Crash on start', 8: 'Issue 8: Add dark mode', 16: 'Issue 16: Crash on start' };
    await tasks.select(Object.values(three));
    await tasks.bulkSetStatus('Done');
    for (const title of Object.values(three)) await expect(project.taskRow(title).getByTestId('task-status')).toHaveText('Done');
    for (const n of Object.keys(three)) {
      await expect
        .poll(async () => ((await (await fetch(`${GITHUB_API_URL}/_fake/repos/${repo}/issues/${n}`)).json()) as { state: string }).state, { timeout: 20_000 })
        .toBe('closed');
    }
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
