import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createTask } from '../../db/queries/tasks';
import { ProjectPage } from './pages/project-page';
import { ProjectSettingsPage } from './pages/project-settings-page';
import { ProjectsPage } from './pages/projects-page';
import { TaskWorkspace } from './pages/task-workspace';
import { openE2eDb } from './support/e2e-db';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { expectNoSideScroll } from './support/layout';

const SHOTS = '/tmp/shots-worksurface';
async function shot(page: Page, name: string, width: number) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  await expectNoSideScroll(page, name);
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
}

// Issue #15: the project page at scale — search, filters, board, bulk, delete with undo, rename.
test('work surface: 30 tasks, search and filter, drag on the board, bulk close, delete + undo, rename', async ({ signedInAs }) => {
  test.setTimeout(300_000);
  const owner = claimsForLogin(uniqueLogin('ws-owner'));
  const page = await signedInAs(owner.sub);
  const project = new ProjectPage(page);
  const tasks = new TaskWorkspace(page);
  const name = `Work surface ${owner.sub.slice(-6)}`;
  const projectId = await new ProjectsPage(page).createProject(name);

  await test.step('quick add and a seeded backlog of ~30 tasks', async () => {
    await project.quickAddTask('Drag me to done');
    await project.quickAddTask('Find the needle in the haystack');
    const { db, close } = openE2eDb();
    try {
      const soon = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      for (let i = 1; i <= 28; i++) {
        await createTask(db, projectId, {
          title: i === 7 ? `A very long title without breaks ${'x'.repeat(120)}` : `Backlog item ${i}`,
          description: i === 3 ? 'mentions the secret word zebra' : '',
          status: 'todo', priority: (['low', 'medium', 'high', 'urgent'] as const)[i % 4]!,
          labels: i % 5 === 0 ? ['release'] : ['chore'], assigneeIds: [], dueDate: i % 6 === 0 ? soon : null,
          milestoneId: null, createdBy: null,
        });
      }
    } finally {
      await close();
    }
    await project.goto(projectId);
    await expect(page.getByTestId('task-count')).toHaveText('(30)');
    await expect(tasks.rows).toHaveCount(30);
    await expect(project.taskRow('Backlog item 6').getByTestId('task-due')).toContainText('overdue by 2 days');
    await shot(page, 'list', 1280);
    await shot(page, 'list', 390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('find one task by search (title and description) and by a label filter', async () => {
    await tasks.search('needle');
    await expect(tasks.rows).toHaveCount(1);
    await expect(project.taskRow('Find the needle in the haystack')).toBeVisible();
    await tasks.search('zebra');
    await expect(tasks.rows).toHaveCount(1);
    await expect(project.taskRow('Backlog item 3')).toBeVisible();
    await tasks.clearFilters();
    await tasks.filter('Label', 'release');
    await expect(tasks.rows).toHaveCount(5);
    await expect(project.taskRow('Backlog item 10')).toBeVisible();
    // The filter is in the URL: the same view opens from a shared link.
    await page.goto(page.url());
    await expect(tasks.rows).toHaveCount(5);
    await shot(page, 'filters', 1280);
    await shot(page, 'filters', 390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await tasks.clearFilters();
  });

  await test.step('drag a card across the board; the board is remembered', async () => {
    await tasks.showView('Board');
    await tasks.dragCard('Drag me to done', 'Done');
    await project.goto(projectId); // no ?view=: the last view used comes back
    await expect(tasks.column('Done').getByRole('link', { name: 'Drag me to done' })).toBeVisible();
    await tasks.card('Backlog item 2').getByLabel('Status of Backlog item 2').selectOption({ label: 'In progress' });
    await expect(tasks.column('In progress').getByRole('link', { name: 'Backlog item 2' })).toBeVisible();
    await shot(page, 'board', 1280);
    await shot(page, 'board', 390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await tasks.showView('List');
    await expect(project.taskRow('Drag me to done').getByTestId('task-status')).toHaveText('Done');
  });

  await test.step('bulk-close three tasks', async () => {
    const three = ['Backlog item 11', 'Backlog item 12', 'Backlog item 13'];
    await tasks.select(three);
    await tasks.bulkSetStatus('Done');
    for (const title of three) await expect(project.taskRow(title).getByTestId('task-status')).toHaveText('Done');
  });

  await test.step('delete a task and undo', async () => {
    await tasks.select(['Backlog item 20']);
    await tasks.deleteSelected();
    await expect(project.taskRow('Backlog item 20')).toHaveCount(0);
    await tasks.undo();
    await expect(project.taskRow('Backlog item 20')).toBeVisible();
  });

  await test.step('rename the project', async () => {
    const settings = new ProjectSettingsPage(page);
    await settings.open();
    await settings.rename(`${name} (renamed)`);
    await project.goto(projectId);
    await expect(page.getByRole('heading', { name: `${name} (renamed)`, level: 1 })).toBeVisible();
  });
});
