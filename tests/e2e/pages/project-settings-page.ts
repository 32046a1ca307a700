import { expect, type Page } from '@playwright/test';

/** /projects/:id/settings — owner only: rename, delete. */
export class ProjectSettingsPage {
  constructor(readonly page: Page) {}

  /** From the project page's "Settings" link. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Project settings', level: 1 })).toBeVisible();
  }

  async rename(name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Rename project' });
    await form.getByLabel('Project name', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(form.getByRole('status')).toHaveText('Saved');
  }
}
