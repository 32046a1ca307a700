import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot, screenshotWidths } from './support/screenshots';

// Issue #12 end to end against the Jira fake: connect with an API token, map a status, sync,
// see the imported tasks, edit one → the Jira issue changes, its status through a transition.
test('connect Jira with an API token, map statuses, sync, edit a task → the issue transitions', async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const { FAKE_JIRA_URL } = readE2eEnv();
  expect(FAKE_JIRA_URL, 'the e2e server started the Jira fake').toBeTruthy();
  const owner = claimsForLogin(uniqueLogin('jira-owner'));
  const key = `E${owner.sub.replace(/[^a-z0-9]/gi, '').slice(-6).toUpperCase()}`.replace(/^E(\d)/, 'EX$1').slice(0, 10);
  const email = `${owner.sub.slice(-8)}@jira.example.test`;
  const token = `jira_e2e_${crypto.randomUUID().replace(/-/g, '')}`;
  rememberSecret('access token', token);
  const seeded = await fetch(`${FAKE_JIRA_URL}/_fake/seed`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ project: key, email, token, issues: 30 }),
  });
  expect(seeded.ok).toBe(true);

  const page = await signedInAs(owner.sub);
  const projects = new ProjectsPage(page);
  const project = new ProjectPage(page);
  await projects.goto();
  const projectId = await projects.createProject(`Jira ${owner.sub.slice(-6)}`, 'Issues from Jira.');
  await project.openIntegrations();
  const integrationId = await new IntegrationsPage(page).addIntegration('Jira');
  const pages = new IntegrationPages(page, projectId, integrationId);
  await page.locator('#settings-siteUrl').fill(FAKE_JIRA_URL!);
  await page.locator('#settings-email').fill(email);
  await expect(await pages.configure({ token, externalId: key, syncEnabled: true })).toContainText('Saved and connected');
  // The maps are selects on the Mapping tab; the configure form shows no JSON. Every tab bar offers Mapping and Sync.
  await expect(page.locator('textarea')).toHaveCount(0);
  await screenshotWidths(page, 'jira-configure');
  await pages.goto('health');
  await expect(pages.tabs.getByRole('link', { name: 'Mapping' })).toBeVisible();
  await expect(pages.tabs.getByRole('link', { name: 'Sync' })).toBeVisible();
  await pages.goto('configure');
  // The admin webhook's secret is what the owner pastes into Jira: shown once here, never stored in plaintext.
  rememberSecret('webhook secret', await pages.revealSecret());

  await test.step('the mapping page lists the project statuses; Won’t Do becomes Cancelled', async () => {
    await pages.tabs.getByRole('link', { name: 'Mapping' }).click();
    await expect(page.getByRole('heading', { name: 'Jira field mapping' })).toBeVisible();
    await page.getByTestId("status-map-Won't Do").selectOption('cancelled');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await expect(page.getByText('Mapping saved. It applies from the next sync.')).toBeVisible();
    await screenshot(page, 'jira-mapping');
  });

  await test.step('sync imports the issues', async () => {
    await pages.goto('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    const progress = page.getByTestId('sync-progress');
    await expect(progress.getByTestId('sync-run-status')).toHaveText('done', { timeout: 60_000 });
    await expect(progress.getByTestId('sync-run-counts')).toContainText('30 created');
  });

  await test.step('the imported tasks are on the project page', async () => {
    await project.goto(projectId);
    await expect(project.taskRow('Issue 2')).toBeVisible();
    await expect(project.taskRow('Issue 3')).toBeVisible();
    await screenshot(page, 'jira-imported-tasks');
  });

  await test.step('a task edited in Taskbridge reaches the Jira issue; Cancelled goes through a transition to Won’t Do', async () => {
    await project.taskRow('Issue 2').getByRole('link', { name: 'Issue 2', exact: true }).click();
    const panel = page.getByTestId('task-integrations');
    await expect(panel).toContainText(`${key}-2`);
    const edit = page.getByTestId('edit-task-form');
    await edit.getByLabel('Title').fill('Issue 2, edited in Taskbridge');
    await edit.getByLabel('Status').selectOption({ label: 'Cancelled' });
    await edit.getByRole('button', { name: 'Save task' }).click();
    await expect(edit.getByRole('status')).toHaveText('Saved');
    await expect
      .poll(async () => {
        const issue = (await (await fetch(`${FAKE_JIRA_URL}/_fake/issues/${key}-2`)).json()) as { fields: { summary: string; status: { name: string } } };
        return { summary: issue.fields.summary, status: issue.fields.status.name };
      }, { timeout: 20_000 })
      .toEqual({ summary: 'Issue 2, edited in Taskbridge', status: "Won't Do" });
    const stats = (await (await fetch(`${FAKE_JIRA_URL}/_fake/stats`)).json()) as { paths: string[] };
    expect(stats.paths.some((p) => /^POST .*\/rest\/api\/3\/issue\/\d+\/transitions 204$/.test(p))).toBe(true);
    expect(stats.paths.some((p) => / \/rest\/api\/[23]\/search /.test(p))).toBe(false);
    await page.reload();
    await expect(panel.getByTestId('sync-event').first()).toContainText('Sent to Jira');
    await screenshot(page, 'jira-task-pushed');
  });
});
