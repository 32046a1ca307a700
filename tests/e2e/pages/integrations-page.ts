import { expect, type Page } from '@playwright/test';

const base = (projectId: string) => `/integrations/project/${projectId}/`;

/** /integrations/project/:projectId/ (list) and …/create/ (provider picker). */
export class IntegrationsPage {
  constructor(readonly page: Page) {}

  async goto(projectId: string) {
    return this.page.goto(base(projectId));
  }

  rows() {
    return this.page.getByTestId('integration-row');
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }

  get addIntegrationLink() {
    return this.page.getByRole('link', { name: 'Add integration' });
  }

  /** Add integration → "Set up <provider>" → its set-up page, where nothing exists yet. */
  async openSetUp(providerName: string) {
    await this.addIntegrationLink.click();
    await expect(this.page.getByRole('heading', { name: 'Add integration', level: 1 })).toBeVisible();
    await this.page.getByRole('link', { name: `Set up ${providerName}`, exact: true }).click();
    await this.page.waitForURL(/\/integrations\/project\/[0-9a-f-]{36}\/create\/[\w-]+\/$/);
    await expect(this.page.getByRole('heading', { name: `Set up ${providerName}`, level: 1 })).toBeVisible();
  }

  /** On the set-up page, "Save": lands on the new integration's configure page; returns its id. */
  async saveSetUp(): Promise<string> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.waitForURL(/\/integrations\/project\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/configure\/\?created=1$/);
    return this.page.url().split('/').at(-3)!;
  }

  /** Add integration → Set up <provider> → "Save" with nothing entered; returns the new integration's id. */
  async addIntegration(providerName: string): Promise<string> {
    await this.openSetUp(providerName);
    return this.saveSetUp();
  }
}

/** One integration's pages: …/:integrationId/{configure,sync,logs,delete}/. */
export class IntegrationPages {
  constructor(
    readonly page: Page,
    readonly projectId: string,
    readonly integrationId: string,
  ) {}

  url(slug: 'configure' | 'sync' | 'health' | 'logs' | 'delete'): string {
    return `${base(this.projectId)}${this.integrationId}/${slug}/`;
  }

  async goto(slug: 'configure' | 'sync' | 'health' | 'logs' | 'delete') {
    return this.page.goto(this.url(slug));
  }

  get tabs() {
    return this.page.getByRole('navigation', { name: 'Integration pages' });
  }

  /** Token, external id and schedule, then "Save & test connection"; returns the message shown. */
  async configure(opts: { token?: string; externalId: string; syncEnabled?: boolean; syncIntervalSeconds?: number }) {
    if (opts.token) await this.page.getByLabel('Access token').fill(opts.token);
    await this.page.locator('#externalId').fill(opts.externalId);
    if (opts.syncEnabled !== undefined) await this.page.getByLabel('Check for changes on a schedule').setChecked(opts.syncEnabled);
    if (opts.syncIntervalSeconds !== undefined) {
      await this.page.getByLabel('How often').selectOption(String(opts.syncIntervalSeconds)); // a preset: 300, 900, 3600, 86400
    }
    await this.page.getByRole('button', { name: 'Save & test connection' }).click();
    const message = this.page.getByText(/^Saved/);
    await expect(message).toBeVisible({ timeout: 30_000 });
    return message;
  }

  get webhookUrl() {
    return this.page.getByTestId('webhook-url');
  }

  /** "Reveal secret" → the plaintext shown to the owner. */
  async revealSecret(): Promise<string> {
    await this.page.getByRole('button', { name: 'Reveal secret' }).click();
    const shown = this.page.getByTestId('webhook-secret');
    await expect(shown).toBeVisible();
    return (await shown.textContent())!.trim();
  }

  async rotateSecret(): Promise<void> {
    await this.page.getByRole('button', { name: 'Rotate secret' }).click();
    await this.page.getByRole('button', { name: 'Yes, rotate secret' }).click();
    await expect(this.page.getByText('Secret rotated.')).toBeVisible();
  }

  /** "Sync now": the progress shows the run at once (queued, then running, then done or failed). */
  async syncNow() {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
    const status = this.page.getByTestId('sync-progress').getByTestId('sync-run-status');
    await expect(status).toHaveText(/^(queued|running|paused|done|failed)$/);
    return status;
  }
}
