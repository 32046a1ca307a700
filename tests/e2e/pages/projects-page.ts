import { expect, type Page } from '@playwright/test';

/** /projects and /projects/new. */
export class ProjectsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/projects');
    await expect(this.page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  }

  projectCard(name: string) {
    return this.page.getByTestId('project-card').filter({ hasText: name });
  }

  /** New project → lands on its page; returns the project id from the URL. */
  async createProject(name: string, description = ''): Promise<string> {
    await this.page.getByRole('link', { name: 'New project' }).click();
    await this.page.getByLabel('Project name').fill(name);
    if (description) await this.page.getByLabel('Description').fill(description);
    await this.page.getByRole('button', { name: 'Create project' }).click();
    await this.page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
    return this.page.url().split('/').pop()!;
  }
}
