import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { integrationWebhooks } from '../../db/schema';
import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { openE2eDb } from './support/e2e-db';
import { rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

// Issue #3 end to end: GitHub delivers to the URL the configure page shows, signed with the
// secret it reveals; the delivery shows on the logs page; a member replays one and all failed.
test('a signed GitHub delivery shows on the logs page; Replay and Replay all failed work', async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const owner = claimsForLogin(uniqueLogin('hook-owner'));
  const page = await signedInAs(owner.sub);
  const projectId = await new ProjectsPage(page).createProject(`Webhooks ${owner.sub.slice(-6)}`);
  await new ProjectPage(page).goto(projectId);
  const integrations = new IntegrationsPage(page);
  await integrations.goto(projectId);
  const integrationId = await integrations.addIntegration('GitHub');
  const pages = new IntegrationPages(page, projectId, integrationId);

  const url = (await pages.webhookUrl.textContent())!.trim();
  const secret = await pages.revealSecret();
  rememberSecret('webhook secret', secret);

  const deliver = async (event: string, deliveryId: string, payload: unknown) => {
    const body = JSON.stringify(payload);
    return page.request.post(url, {
      data: body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': deliveryId,
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
    });
  };

  await test.step('GitHub pings: 202, then a redelivery is a 200 duplicate; a bad signature is 401', async () => {
    expect((await deliver('ping', 'e2e-ping-1', { zen: 'Keep it logically awesome.', hook_id: 1 })).status()).toBe(202);
    expect((await deliver('ping', 'e2e-ping-1', { zen: 'Keep it logically awesome.', hook_id: 1 })).status()).toBe(200);
    const forged = await page.request.post(url, {
      data: '{}',
      headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'forged', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    });
    expect(forged.status()).toBe(401);
  });

  const rows = page.getByTestId('delivery-row');
  await test.step('the delivery shows on the logs page, processed (in-process mode)', async () => {
    await expect(async () => {
      await pages.goto('logs');
      await expect(rows.filter({ hasText: 'e2e-ping-1' }).first()).toHaveAttribute('data-status', 'processed', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(rows).toHaveCount(1); // the duplicate and the forgery were not stored
    // The forgery is in the activity log within seconds, with its reason in words.
    await expect(async () => {
      await pages.goto('logs');
      await expect(page.getByTestId('log-row').filter({ hasText: '1 request rejected: bad signature ×1' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    // Its details read as label/value pairs; the JSON waits behind "Raw details".
    const rejected = page.getByTestId('log-row').filter({ hasText: '1 request rejected' });
    await rejected.locator('summary').first().click();
    const valueOf = (label: string) => rejected.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
    await expect(valueOf('Reasons › 401 invalid signature')).toHaveText('1');
    await expect(valueOf('Rejected')).toHaveText('1');
    await expect(valueOf('Since')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    await expect(rejected.getByLabel('Raw details')).toBeHidden();
    await rejected.getByText('Raw details').click();
    await expect(rejected.getByLabel('Raw details')).toContainText('"rejected": 1');
    await screenshot(page, 'webhooks-log-details');
    await expect(page.getByTestId('webhook-job-mode')).toContainText('Background jobs: this server');
    await screenshot(page, 'webhooks-logs');
  });

  await test.step('Replay one delivery: the row follows it to its final status, no reload', async () => {
    await rows.first().locator('summary').first().click();
    await rows.first().getByTestId('replay-delivery').click();
    await expect(rows.first().getByRole('status')).toHaveText('Replayed: processed.', { timeout: 30_000 });
    await expect(rows.first()).toHaveAttribute('data-status', 'processed');
    await screenshot(page, 'webhooks-replay-one');
  });

  await test.step('Replay all failed: a failed delivery goes back through processing', async () => {
    const { db, close } = openE2eDb();
    try {
      // Arrange a failure as a provider outage would leave it.
      await db.update(integrationWebhooks).set({ status: 'failed', processed: false, error: 'GitHub answered 502 (arranged by the test)' }).where(eq(integrationWebhooks.integrationId, integrationId));
    } finally {
      await close();
    }
    await pages.goto('logs');
    await expect(rows.first()).toHaveAttribute('data-status', 'failed');
    const replayAll = page.getByTestId('replay-failed');
    await expect(replayAll).toHaveText('Replay all failed (1)');
    await screenshot(page, 'webhooks-logs-failed');
    await replayAll.click();
    // No reload: the page follows the replayed row until it is final.
    await expect(rows.first()).toHaveAttribute('data-status', 'processed', { timeout: 30_000 });
    await expect(page.getByTestId('replay-failed')).toBeDisabled();
    await expect(page.getByTestId('replay-failed')).toHaveText('Replay all failed');
    await screenshot(page, 'webhooks-logs-replayed');
  });
});
