import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

type Mail = { from: string; to: string[]; raw: string };
const mails = (dir: string): Mail[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Mail) : [];

// Issue #14: the health dashboard after a sync and a failed delivery; the alert (bell + email) for a revoked token.
test('health dashboard shows a sync and a failed delivery; a revoked token alerts in the app and by email', async ({ signedInAs }) => {
  test.setTimeout(240_000);
  const { GITHUB_API_URL, MAIL_DIR } = readE2eEnv();
  expect(GITHUB_API_URL, 'the e2e server started the GitHub fake').toBeTruthy();
  expect(MAIL_DIR, 'the e2e server started the SMTP server').toBeTruthy();
  const owner = claimsForLogin(uniqueLogin('health-owner'));
  const repo = `octo-org/health-${owner.sub.slice(-6)}`;
  const token = `ghp_e2e${crypto.randomUUID().replace(/-/g, '')}`;
  rememberSecret('access token', token);
  const seeded = await fetch(`${GITHUB_API_URL}/_fake/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ repo, token, issues: 12 }) });
  expect(seeded.ok).toBe(true);

  const page = await signedInAs(owner.sub);
  const projectId = await new ProjectsPage(page).createProject(`Health ${owner.sub.slice(-6)}`);
  await new ProjectPage(page).goto(projectId);
  const integrations = new IntegrationsPage(page);
  await integrations.goto(projectId);
  const integrationId = await integrations.addIntegration('GitHub');
  const pages = new IntegrationPages(page, projectId, integrationId);
  const hookUrl = (await pages.webhookUrl.textContent())!.trim();
  const secret = await pages.revealSecret();
  rememberSecret('webhook secret', secret);
  await expect(await pages.configure({ token, externalId: repo, syncEnabled: true })).toContainText('Saved and connected');

  await test.step('a sync and a delivery that fails for good (malformed payload)', async () => {
    await pages.goto('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-run-status')).toHaveText('done', { timeout: 60_000 });
    const body = JSON.stringify({ action: 'opened', issue: 'not an issue' });
    const answer = await page.request.post(hookUrl, {
      data: body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': 'e2e-health-bad',
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
    });
    expect(answer.status()).toBe(202);
  });

  await test.step('the integration health page shows both in its charts', async () => {
    await expect(async () => {
      await pages.goto('health');
      await expect(page.getByTestId('chart-deliveries-summary')).toContainText('1 received', { timeout: 1000 });
      await expect(page.getByTestId('chart-deliveries-summary')).toContainText('1 failed', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('chart-runs-summary')).toHaveText('1 run · 1 succeeded · 100% success');
    await expect(page.getByTestId('chart-quota-summary')).toContainText('left at the latest sample');
    // recharts drew the series (SVG rectangles for the bars, under the page's CSP)
    await expect(page.getByTestId('chart-deliveries').locator('.recharts-bar-rectangle path').first()).toBeVisible();
    await expect(page.getByTestId('chart-runs').locator('.recharts-bar-rectangle path').first()).toBeVisible();
    await expect(page.getByTestId('figure-last-sync')).toContainText('ago');
    await expect(page.getByTestId('figure-webhook')).toContainText('confirmed');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'health-integration-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'health-integration-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('a revoked token: the sync fails, reconnect needed → bell, list and email', async () => {
    expect((await fetch(`${GITHUB_API_URL}/_fake/revoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) })).ok).toBe(true);
    await pages.goto('sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-run-status')).toHaveText('failed', { timeout: 60_000 });
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('unread-count')).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await page.getByTestId('notification-bell').click();
    await expect(page).toHaveURL(/\/notifications$/);
    // (The failed delivery may have alerted too, once the minute's evaluation ran.)
    const item = page.getByTestId('notification').filter({ hasText: 'new token' });
    await expect(item).toContainText('Alert: The connection needs a new token (reconnect)');
    await expect(item).toContainText(repo);
    await screenshot(page, 'health-notifications');
    await expect
      .poll(() => mails(MAIL_DIR!).filter((m) => m.to.includes(owner.email)).map((m) => m.raw.replace(/\r\n[ \t]+/g, ' ')), { timeout: 20_000 })
      .toContainEqual(expect.stringMatching(/Subject: \[Taskbridge\] Alert: The connection needs a new token/));
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.getByTestId('unread-count')).toHaveCount(0);
  });

  await test.step('the project health page lists the integration with its open alert', async () => {
    await page.goto(`/integrations/project/${projectId}/health/?range=7d`);
    const card = page.getByTestId('health-integration');
    await expect(card.getByTestId('figure-token')).toContainText('reconnect needed');
    await expect(card.getByTestId('open-alerts')).toContainText('Reconnect needed');
    await expect(page.getByTestId('chart-errors-summary')).toContainText('sync: 1');
    await screenshot(page, 'health-project-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'health-project-390');
  });
});
