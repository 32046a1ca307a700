import { expect, type Page } from '@playwright/test';

export type NewTask = {
  title: string;
  description?: string;
  /** Option labels as shown: "To do", "In progress", "Done", "Cancelled". */
  status?: string;
  /** "Low", "Medium", "High", "Urgent". */
  priority?: string;
  labels?: string;
  /** Member names or emails as shown in the Assignees group. */
  assignees?: string[];
  /** yyyy-mm-dd */
  dueDate?: string;
  milestone?: string;
};

/** /projects/:id — tasks, milestones and members. */
export class ProjectPage {
  constructor(readonly page: Page) {}

  /** The list with its largest page (200), so a freshly imported backlog is on one page. */
  async goto(projectId: string) {
    return this.page.goto(`/projects/${projectId}?per=200`);
  }

  /** The full form, on /projects/:id/tasks/new (the "New task…" link next to quick add). */
  get newTaskForm() {
    return this.page.getByTestId('new-task-form');
  }

  get quickAdd() {
    return this.page.getByTestId('quick-add');
  }

  get addMemberForm() {
    return this.page.getByTestId('add-member-form');
  }

  memberRow(email: string) {
    return this.page.locator(`[data-testid="member-row"][data-email="${email}"]`);
  }

  taskRow(title: string) {
    return this.page.getByTestId('task-row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async addMember(email: string): Promise<void> {
    await this.page.getByLabel('Member email').fill(email);
    await this.page.getByRole('button', { name: 'Add member' }).click();
    await expect(this.memberRow(email)).toBeVisible();
  }

  /** The full form: opens it from the project page, creates, and is back on the project page. */
  async createTask(task: NewTask): Promise<void> {
    await this.page.getByRole('link', { name: 'New task…' }).click();
    const form = this.newTaskForm;
    await form.getByLabel('Title').fill(task.title);
    if (task.description) await form.getByLabel('Description').fill(task.description);
    if (task.status) await form.getByLabel('Status').selectOption({ label: task.status });
    if (task.priority) await form.getByLabel('Priority').selectOption({ label: task.priority });
    if (task.labels) await form.getByLabel('Labels').fill(task.labels);
    for (const name of task.assignees ?? []) {
      await form.getByRole('group', { name: 'Assignees' }).getByLabel(name).check();
    }
    if (task.dueDate) await form.getByLabel('Due date').fill(task.dueDate);
    if (task.milestone) await form.getByLabel('Milestone').selectOption({ label: task.milestone });
    await form.getByRole('button', { name: 'Create task' }).click();
    await this.page.waitForURL(/\/projects\/[0-9a-f-]{36}(\?.*)?$/);
    await expect(this.taskRow(task.title)).toBeVisible();
  }

  /** Quick add: a title and Enter; waits until the task is listed and the box is empty again. */
  async quickAddTask(title: string): Promise<void> {
    const box = this.quickAdd.getByLabel('New task title');
    await box.fill(title);
    await box.press('Enter');
    await expect(box).toHaveValue('');
    await expect(this.taskRow(title)).toBeVisible();
  }

  async openIntegrations(): Promise<void> {
    await this.page.getByRole('link', { name: 'Integrations', exact: true }).last().click();
    await expect(this.page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  }
}
