import { expect, type Page } from '@playwright/test';

/** The project page's task area beyond single rows: search and filters, the board, bulk actions, undo. */
export class TaskWorkspace {
  constructor(readonly page: Page) {}

  get filters() {
    return this.page.getByTestId('task-filters');
  }

  get rows() {
    return this.page.getByTestId('task-row');
  }

  async search(text: string): Promise<void> {
    await this.filters.getByLabel('Search tasks').fill(text);
    await this.filters.getByRole('button', { name: 'Search' }).click();
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  /** Chooses an option in one of the filter selects ("Label", "Status", …) by its visible text. */
  async filter(name: string, option: string): Promise<void> {
    await this.filters.getByLabel(name, { exact: true }).selectOption({ label: option });
    await this.page.waitForURL((url) => url.search.length > 1);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(this.page.getByRole('link', { name: 'Clear filters' })).toHaveCount(0);
  }

  async showView(view: 'List' | 'Board'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Task view' }).getByRole('link', { name: view }).click();
    await expect(this.page.getByRole('navigation', { name: 'Task view' }).getByRole('link', { name: view })).toHaveAttribute('aria-current', 'page');
  }

  column(status: string) {
    return this.page.getByTestId('board-column').and(this.page.getByRole('region', { name: status, exact: true }));
  }

  card(title: string) {
    return this.page.getByTestId('board-card').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** HTML5 drag and drop of a card onto another column. */
  async dragCard(title: string, toStatus: string): Promise<void> {
    await this.card(title).dragTo(this.column(toStatus));
    await expect(this.column(toStatus).getByRole('link', { name: title, exact: true })).toBeVisible();
  }

  async select(titles: string[]): Promise<void> {
    for (const title of titles) await this.page.getByRole('checkbox', { name: `Select ${title}`, exact: true }).check();
    await expect(this.page.getByTestId('bulk-count')).toHaveText(`${titles.length} selected`);
  }

  get bulkBar() {
    return this.page.getByRole('region', { name: 'Bulk actions' });
  }

  async bulkSetStatus(status: string): Promise<void> {
    await this.bulkBar.getByLabel('Set status').selectOption({ label: status });
    await expect(this.bulkBar).toHaveCount(0);
  }

  async deleteSelected(): Promise<void> {
    await this.bulkBar.getByRole('button', { name: 'Delete', exact: true }).click();
    await this.page.getByRole('dialog', { name: 'Delete tasks' }).getByRole('button', { name: /^Delete / }).click();
    await expect(this.page.getByTestId('undo-banner')).toBeVisible();
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('undo-banner').getByRole('button', { name: 'Undo' }).click();
    await expect(this.page.getByTestId('undo-banner')).toHaveCount(0);
  }
}
