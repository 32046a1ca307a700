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

  /** Add integration → pick a provider by name → lands on its configure page; returns the integration id. */
  async addIntegration(providerName: string): Promise<string> {
    await this.addIntegrationLink.click();
    await expect(this.page.getByRole('heading', { name: 'Add integration', level: 1 })).toBeVisible();
    await this.page.getByRole('button', { name: providerName, exact: true }).click();
    await this.page.waitForURL(/\/integrations\/project\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/configure\/$/);
    return this.page.url().split('/').at(-3)!;
  }
}

/** One integration's pages: …/:integrationId/{configure,sync,logs,delete}/. */
export class IntegrationPages {
  constructor(
    readonly page: Page,
    readonly projectId: string,
    readonly integrationId: string,
  ) {}

  url(slug: 'configure' | 'sync' | 'logs' | 'delete'): string {
    return `${base(this.projectId)}${this.integrationId}/${slug}/`;
  }

  async goto(slug: 'configure' | 'sync' | 'logs' | 'delete') {
    return this.page.goto(this.url(slug));
  }

  get tabs() {
    return this.page.getByRole('navigation', { name: 'Integration pages' });
  }

  /** Token, external id and schedule, then "Save & test connection"; returns the message shown. */
  async configure(opts: { token?: string; externalId: string; syncEnabled?: boolean; syncIntervalSeconds?: number }) {
    if (opts.token) await this.page.getByLabel('Access token').fill(opts.token);
    await this.page.locator('#externalId').fill(opts.externalId);
    if (opts.syncEnabled !== undefined) await this.page.getByLabel('Sync enabled').setChecked(opts.syncEnabled);
    if (opts.syncIntervalSeconds !== undefined) {
      await this.page.getByLabel('Sync interval (seconds)').fill(String(opts.syncIntervalSeconds));
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

  async syncNow() {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
    const message = this.page.getByText(/^(Sync queued|A sync is already queued)/);
    await expect(message).toBeVisible();
    return message;
  }
}
