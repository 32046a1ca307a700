import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

// Issue #2 end to end, as people would: an owner sets up a project and a GitHub integration,
// a member can look but not change it, an outsider cannot even tell the project exists.
test('owner sets up a project and a GitHub integration; member reads; outsider gets 404', async ({ signedInAs }) => {
  test.setTimeout(300_000);
  const owner = claimsForLogin(uniqueLogin('owner'));
  const member = claimsForLogin(uniqueLogin('member'));
  const outsider = claimsForLogin(uniqueLogin('outsider'));
  const projectName = `Website relaunch ${owner.sub.slice(-6)}`;
  const repo = `octo-org/website-${owner.sub.slice(-6)}`;
  const token = `ghp_e2e${crypto.randomUUID().replace(/-/g, '')}`;
  const { GITHUB_API_URL } = readE2eEnv();

  const ownerPage = await signedInAs(owner.sub);
  const projects = new ProjectsPage(ownerPage);
  const project = new ProjectPage(ownerPage);
  let projectId = '';
  let integrationId = '';

  await test.step('owner creates a project, adds a member and tasks', async () => {
    await projects.goto();
    await screenshot(ownerPage, 'projects-empty');
    projectId = await projects.createProject(projectName, 'Relaunch of the marketing site.');
    await project.addMember(member.email);
    await expect(project.memberRow(owner.email)).toContainText('owner');
    await expect(project.memberRow(member.email)).toContainText('member');
    await project.createTask({
      title: 'Fix the header on mobile',
      description: 'The menu overlaps the logo below 400px.',
      status: 'In progress',
      priority: 'High',
      labels: 'bug, frontend',
      assignees: [owner.name],
      dueDate: '2030-01-15',
    });
    await project.createTask({ title: 'Write the launch announcement' });
    const first = project.taskRow('Fix the header on mobile');
    await expect(first.getByTestId('task-status')).toHaveText('In progress');
    await expect(first.getByTestId('task-priority')).toHaveText('High');
    await expect(first.getByTestId('task-label')).toHaveText(['bug', 'frontend']);
    await expect(first.getByTestId('task-assignees')).toHaveText(owner.name);
    await expect(first.getByTestId('task-due')).toContainText('2030-01-15');
    await screenshot(ownerPage, 'project');

    await first.getByRole('link', { name: 'Fix the header on mobile' }).click();
    const edit = ownerPage.getByTestId('edit-task-form');
    await edit.getByLabel('Status').selectOption({ label: 'Done' });
    await edit.getByRole('button', { name: 'Save task' }).click();
    await expect(edit.getByRole('status')).toHaveText('Saved');
    await screenshot(ownerPage, 'task');
    await project.goto(projectId);
    await expect(project.taskRow('Fix the header on mobile').getByTestId('task-status')).toHaveText('Done');
  });

  const integrations = new IntegrationsPage(ownerPage);
  await test.step('owner adds and configures a GitHub integration', async () => {
    await project.openIntegrations();
    await screenshot(ownerPage, 'integrations-empty');
    await integrations.addIntegrationLink.click();
    await screenshot(ownerPage, 'integrations-create');
    await ownerPage.goBack();
    // Choosing a provider opens its set-up; cancelling there, or going back, adds nothing.
    await integrations.openSetUp('GitHub');
    await screenshot(ownerPage, 'integrations-set-up');
    await ownerPage.getByRole('link', { name: 'Cancel' }).click();
    await ownerPage.waitForURL(`/integrations/project/${projectId}/`);
    await expect(ownerPage.getByText('No integrations yet.')).toBeVisible();
    await expect(integrations.rows()).toHaveCount(0);
    await integrations.openSetUp('Slack');
    await ownerPage.goBack();
    await ownerPage.goBack();
    await ownerPage.waitForURL(`/integrations/project/${projectId}/`);
    await ownerPage.reload();
    await expect(ownerPage.getByText('No integrations yet.')).toBeVisible();
    await expect(integrations.rows()).toHaveCount(0);
    integrationId = await integrations.addIntegration('GitHub');
    await expect(ownerPage.getByText(/^Added GitHub to/)).toBeVisible();
    const pages = new IntegrationPages(ownerPage, projectId, integrationId);
    if (GITHUB_API_URL) {
      // The fake GitHub knows the repository and accepts this token.
      const seeded = await fetch(`${GITHUB_API_URL}/_fake/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ repo, token, issues: 3 }),
      });
      expect(seeded.ok).toBe(true);
    }
    rememberSecret('access token', token);
    const message = await pages.configure({ token, externalId: repo, syncEnabled: true, syncIntervalSeconds: 900 });
    if (GITHUB_API_URL) await expect(message).toContainText('Saved and connected');
    await expect(pages.webhookUrl).toHaveText(
      `${readE2eEnv().APP_URL}/integrations/webhooks/github/${integrationId}/`,
    );

    // The token is write-only: after a reload only its last 4 characters are offered back.
    await pages.goto('configure');
    await expect(ownerPage.getByLabel('Access token')).toHaveValue('');
    await expect(ownerPage.getByLabel('Access token')).toHaveAttribute('placeholder', `••••${token.slice(-4)}`);
    await expect(ownerPage.locator('#externalId')).toHaveValue(repo);
    expect(await ownerPage.content()).not.toContain(token);

    const secret = await pages.revealSecret();
    rememberSecret('webhook secret', secret);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    await screenshot(ownerPage, 'integration-configure');
    await pages.rotateSecret();
    const rotated = await pages.revealSecret();
    rememberSecret('webhook secret', rotated);
    expect(rotated).not.toBe(secret);

    await integrations.goto(projectId);
    const row = integrations.row(repo);
    await expect(row).toContainText('GitHub');
    if (GITHUB_API_URL) await expect(row).toContainText(/connected/i);
    await screenshot(ownerPage, 'integrations-list');

    await pages.goto('sync');
    await pages.syncNow();
    await screenshot(ownerPage, 'integration-sync');
    await pages.goto('logs');
    await expect(ownerPage.getByTestId('log-row').first()).toBeVisible();
    await screenshot(ownerPage, 'integration-logs');
    await pages.goto('delete');
    await expect(ownerPage.getByRole('button', { name: 'Delete integration' })).toBeVisible();
    await screenshot(ownerPage, 'integration-delete');
  });

  await test.step('the member sees the list and logs, but no configure or delete', async () => {
    const page = await signedInAs(member.sub);
    const list = new IntegrationsPage(page);
    await new ProjectsPage(page).goto();
    await expect(new ProjectsPage(page).projectCard(projectName)).toContainText('member');
    const memberProject = new ProjectPage(page);
    await memberProject.goto(projectId);
    await expect(memberProject.taskRow('Write the launch announcement')).toBeVisible();
    await expect(memberProject.addMemberForm).toHaveCount(0);
    await screenshot(page, 'project-as-member');

    await list.goto(projectId);
    const row = list.row(repo);
    await expect(row).toBeVisible();
    await expect(row.getByRole('link', { name: 'Logs' })).toBeVisible();
    await expect(row.getByRole('link', { name: 'Sync' })).toBeVisible();
    await expect(row.getByRole('link', { name: 'Configure' })).toHaveCount(0);
    await expect(row.getByRole('link', { name: 'Delete' })).toHaveCount(0);
    await expect(list.addIntegrationLink).toHaveCount(0);
    await screenshot(page, 'integrations-as-member');

    await row.getByRole('link', { name: 'Logs' }).click();
    await expect(page.getByTestId('log-row').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Integration pages' }).getByRole('link')).toHaveText(['Sync', 'Health', 'Logs']);
    await screenshot(page, 'integration-logs-as-member');

    const pages = new IntegrationPages(page, projectId, integrationId);
    for (const slug of ['configure', 'delete'] as const) {
      const response = await pages.goto(slug);
      expect(response?.status(), `${slug} as member`).toBe(403);
      await expect(page.getByRole('heading', { name: 'Only the project owner can do this' })).toBeVisible();
    }
    await screenshot(page, 'configure-as-member-403');
    expect((await page.goto(`/integrations/project/${projectId}/create/`))?.status()).toBe(403);
  });

  await test.step('a non-member gets 404 for the project and its integrations', async () => {
    const page = await signedInAs(outsider.sub);
    await new ProjectsPage(page).goto();
    await expect(new ProjectsPage(page).projectCard(projectName)).toHaveCount(0);
    const targets = [
      `/projects/${projectId}`,
      `/integrations/project/${projectId}/`,
      `/integrations/project/${projectId}/${integrationId}/logs/`,
      `/integrations/project/${projectId}/${integrationId}/configure/`,
    ];
    for (const target of targets) {
      const response = await page.goto(target);
      expect(response?.status(), target).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(page.getByText(projectName)).toHaveCount(0);
    }
    await screenshot(page, 'project-as-outsider-404');
  });
});
