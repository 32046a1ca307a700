import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { TaskWorkspace } from './pages/task-workspace';
import { rememberSecret } from './support/e2e-env';
import { expectNoSideScroll } from './support/layout';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';

const SHOTS = '/tmp/shots-collab';
/** Full-page screenshots at 1280 and 390 px, light and dark, for a person to look at; at neither width does the page scroll sideways. */
async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoSideScroll(page, name);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}-${scheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** No serious or critical axe violations, in light and in dark. */
async function expectAccessible(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad, `${what}, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('comments, activity, roles, invited members and keyboard shortcuts', async ({ signedInAs }) => {
  test.setTimeout(240_000);
  const owner = claimsForLogin(uniqueLogin('collab-owner'));
  const page = await signedInAs(owner.sub);
  const project = new ProjectPage(page);
  const tasks = new TaskWorkspace(page);
  const projectId = await new ProjectsPage(page).createProject(`Collab ${owner.sub.slice(-6)}`);

  await test.step('keyboard: ? lists the shortcuts, c creates a task, / searches', async () => {
    await project.goto(projectId);
    await page.locator('body').press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('shortcut-list')).toContainText('Create a task');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.locator('body').press('c');
    await expect(page.locator('#quick-add-title')).toBeFocused();
    await page.keyboard.type('Talk it over');
    await page.keyboard.press('Enter');
    await expect(project.taskRow('Talk it over')).toBeVisible();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.locator('body').press('/');
    await expect(page.locator('#task-search')).toBeFocused();
    await expect(tasks.rows).toHaveCount(1);
  });

  const invitee = `invitee-${owner.sub.slice(-6)}@example.test`;
  await test.step('an invited member is shown as invited; the owner changes roles; the last owner cannot be demoted', async () => {
    await project.addMember(invitee);
    await expect(project.memberRow(invitee).getByTestId('member-invited')).toHaveText('invited');
    // The role is saved by a server action: wait for its answer before reloading.
    const setRole = async (role: string) => {
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']));
      await project.memberRow(invitee).getByLabel(`Role of ${invitee}`).selectOption(role);
      await answered;
      await page.reload();
      await expect(project.memberRow(invitee).getByLabel(`Role of ${invitee}`)).toHaveValue(role);
    };
    await setRole('owner');
    await setRole('member');
    const me = page.getByTestId('member-row').filter({ hasText: '(you)' });
    await me.getByRole('combobox').selectOption('member');
    await expect(me.getByRole('alert')).toContainText('make someone else an owner first');
    await shots(page, 'project-members');
  });

  await test.step('a comment with its author and time; the activity records the edit', async () => {
    await project.taskRow('Talk it over').getByRole('link', { name: 'Talk it over' }).click();
    await page.getByLabel('Add a comment').fill('Shall we ship on Friday?');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = page.getByTestId('comment').filter({ hasText: 'Shall we ship on Friday?' });
    await expect(comment).toBeVisible();
    await expect(comment.locator('time')).toHaveText('just now');
    await expect(page.getByLabel('Add a comment')).toHaveValue('');
    // An empty comment is refused on the field.
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(page.getByLabel('Add a comment')).toHaveAttribute('aria-invalid', 'true');
    // The task form shows its messages as every form does: the field marked, its sentence, one summary line.
    const edit = page.getByTestId('edit-task-form');
    await edit.getByLabel('Title').fill('   ');
    await edit.getByRole('button', { name: /Save/ }).click();
    await expect(edit.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(edit.locator('[data-field-error="edit-task-title"]')).toHaveText('Enter a title.');
    await expect(edit.getByText(/^Not saved: 1 field needs a fix/)).toBeVisible();
    await edit.getByLabel('Title').fill('Talk it over');
    await page.getByTestId('edit-task-form').getByLabel('Status').selectOption({ label: 'Done' });
    await page.getByTestId('edit-task-form').getByRole('button', { name: /Save/ }).click();
    await expect(page.getByTestId('activity-row').first()).toContainText('changed status from “To do” to “Done”');
    await expect(page.getByTestId('task-activity')).toContainText('created the task');
    await shots(page, 'task-page');
  });
});

test('axe: the main pages have no serious or critical violations', async ({ signedInAs, browser, baseURL }) => {
  test.setTimeout(300_000);
  const owner = claimsForLogin(uniqueLogin('axe-owner'));
  const page = await signedInAs(owner.sub);
  const project = new ProjectPage(page);
  const tasks = new TaskWorkspace(page);

  await page.goto('/projects');
  const projectId = await new ProjectsPage(page).createProject(`Axe ${owner.sub.slice(-6)}`);
  await page.goto('/projects');
  await expectAccessible(page, 'projects list');
  await shots(page, 'projects');

  await project.goto(projectId);
  await project.quickAddTask('Check every page');
  await expectAccessible(page, 'project page, list');
  await shots(page, 'project-list');
  await tasks.showView('Board');
  await expectAccessible(page, 'project page, board');
  await shots(page, 'project-board');
  await tasks.showView('List');

  await project.taskRow('Check every page').getByRole('link', { name: 'Check every page' }).click();
  await expect(page.getByTestId('task-comments')).toBeVisible();
  await expectAccessible(page, 'task page');
  await shots(page, 'task');

  await page.goto(`/projects/${projectId}/settings`);
  await expect(page.getByRole('form', { name: 'Rename project' })).toBeVisible();
  await expectAccessible(page, 'project settings');
  await shots(page, 'project-settings');

  const integrations = new IntegrationsPage(page);
  await integrations.goto(projectId);
  await integrations.addIntegrationLink.click();
  await expectAccessible(page, 'provider picker');
  await shots(page, 'integration-picker');
  await integrations.goto(projectId);
  await integrations.openSetUp('GitHub');
  await expectAccessible(page, 'set-up page');
  const integrationId = await integrations.saveSetUp();
  const pages = new IntegrationPages(page, projectId, integrationId);
  // A wrong repository: every form shows its messages the same way.
  await page.locator('#externalId').fill('not a repo');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#externalId')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Not saved: 1 field needs a fix/)).toBeVisible();
  await expectAccessible(page, 'configure page with a field error');
  const token = `ghp_axe${owner.sub.slice(-8)}${'0'.repeat(20)}`;
  rememberSecret('access token', token);
  await page.getByLabel('Access token').fill(token);
  await page.locator('#externalId').fill('https://github.com/octo/hello.git');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.locator('#externalId')).toHaveValue('octo/hello');
  rememberSecret('webhook secret', await pages.revealSecret());
  // A provider-issued secret: its outcome shows by its own button, inside its disclosure.
  const issued = page.locator('details').filter({ hasText: 'Use a secret issued by GitHub' });
  await issued.getByText('Use a secret issued by GitHub').click();
  const pasted = `whsec_axe_${owner.sub.slice(-8)}_${'1'.repeat(16)}`;
  rememberSecret('webhook secret', pasted);
  await issued.getByLabel('Provider-issued secret').fill(pasted);
  await issued.getByRole('button', { name: 'Save secret' }).click();
  await expect(issued.getByRole('status')).toHaveText('Secret saved. Deliveries are now checked against it.');
  await expectAccessible(page, 'configure page');
  await shots(page, 'integration-configure');

  await integrations.goto(projectId);
  await expectAccessible(page, 'integration list');
  await shots(page, 'integration-list');
  await pages.goto('sync');
  await expectAccessible(page, 'sync page');
  await shots(page, 'integration-sync');
  await pages.goto('logs');
  await expectAccessible(page, 'logs page');
  await shots(page, 'integration-logs');
  await pages.goto('health');
  await expectAccessible(page, 'integration health');
  await shots(page, 'integration-health');

  const context = await browser.newContext({ baseURL });
  const anonymous = await context.newPage();
  await anonymous.goto('/signin');
  await expectAccessible(anonymous, 'sign-in page');
  await shots(anonymous, 'signin');
  await context.close();
});
