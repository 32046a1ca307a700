import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { getIntegrationById } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { integrationApiQuotas, syncRuns } from '@/db/schema';
import { githubWebhookUrl } from '@/lib/integrations/github/repo-webhook';
import { loadProvider } from '@/lib/integrations/registry';
import type { IntegrationConnection } from '@/lib/integrations/types';
import { registerIntegrationWebhook } from '@/lib/sync/register-integration-webhook';
import { runSync } from '@/lib/sync/run-sync';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());
const github = await loadProvider('github');
/** The repo hook as `subscription.subscribe` creates it, with a refusal as its reason. */
const registerWebhook = (connection: IntegrationConnection, input: { url: string; secret: string }) =>
  github.subscription!.subscribe(connection, input).then(
    (s) => ({ ok: true as const, hookId: s.id }),
    (err: Error) => ({ ok: false as const, reason: err.message }),
  );

describe('GitHub connection, quota and webhooks', () => {
  it('test connection: good token, bad token (reconnect needed), missing repository', async () => {
    const { db, integration, repoName } = await createGithubIntegration(fake);
    const connection = await loadConnection((await getIntegrationById(db, integration.id))!);
    expect(await github.connection!.test(connection)).toMatchObject({ ok: true, externalName: repoName });
    expect(await github.connection!.test({ ...connection, accessToken: async () => 'ghp_revoked' })).toMatchObject({ ok: false, problem: 'reconnect_needed' });
    const missing = await github.connection!.test({ ...connection, externalId: 'acme/nope' });
    expect(missing).toMatchObject({ ok: false, problem: 'not_found' });
    expect(missing.ok || missing.message).toMatch(/acme\/nope was not found/);
  });

  it('a revoked token makes the sync fail with "reconnect needed" on the integration and in the log', async () => {
    const { db, integration, token } = await createGithubIntegration(fake, { issues: 3 });
    fake.tokens.delete(token);
    await runSync(db, integration.id);
    const after = (await getIntegrationById(db, integration.id))!;
    expect(after).toMatchObject({ connectionStatus: 'reconnect_needed', syncStatus: 'error' });
    expect(after.lastSyncError).toMatch(/reconnect needed/);
    const [log] = await listIntegrationLogs(db, integration.id, { status: 'error' });
    expect(log!.description).toMatch(/reconnect needed/);
    expect(log!.description).not.toContain(token);
  });

  it('a rate-limit hit pauses the sync, which completes after the reset; the quota is stored', async () => {
    const { db, integration } = await createGithubIntegration(fake, { issues: 230 });
    let pauses = 0;
    // the quota runs out after the first page
    const realHandle = fake.handle.bind(fake);
    let served = 0;
    fake.handle = async (req, res) => {
      if (req.url?.includes('/issues') && ++served === 2) fake.exhaustRateLimit(1200);
      return realHandle(req, res);
    };
    await runSync(db, integration.id, {
      sleep: async (ms) => {
        pauses++;
        const [run] = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, integration.id));
        expect(run).toMatchObject({ status: 'paused', pages: 1 });
        expect(ms).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, ms));
      },
    });
    fake.handle = realHandle;
    expect(pauses).toBe(1);
    const [run] = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, integration.id));
    expect(run).toMatchObject({ status: 'success', created: 230 });
    expect(await linkedTasks(integration.id)).toHaveLength(230);
    expect((await listIntegrationLogs(db, integration.id, { status: 'warning' }))[0]!.description).toMatch(/paused by the provider's rate limit/);
    const [quota] = await db.select().from(integrationApiQuotas).where(eq(integrationApiQuotas.integrationId, integration.id));
    expect(quota).toMatchObject({ limit: 5000 });
    expect(quota!.remaining).toBeGreaterThan(4990);
  });

  it('a secondary rate limit (403 + retry-after) pauses for retry-after seconds', async () => {
    const { db, integration } = await createGithubIntegration(fake, { issues: 10 });
    fake.faults.push({ status: 403, retryAfter: 1, match: (m, p) => m === 'GET' && p.endsWith('/issues') });
    const waits: number[] = [];
    await runSync(db, integration.id, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(500);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(await linkedTasks(integration.id)).toHaveLength(10);
  });

  it('registers the repository webhook with our URL and secret, and removes it on delete', async () => {
    const { db, integration, repoName } = await createGithubIntegration(fake);
    const connection = await loadConnection((await getIntegrationById(db, integration.id))!);
    const url = githubWebhookUrl('https://taskbridge.example', integration.id);
    const out = await registerWebhook(connection, { url, secret: 's3cret' });
    expect(out).toMatchObject({ ok: true });
    const hooks = fake.repos.get(repoName)!.hooks;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ events: ['issues', 'issue_comment', 'pull_request', 'push'], config: { url, secret: 's3cret', content_type: 'json' } });
    await registerWebhook(connection, { url, secret: 'rotated' });
    expect(fake.repos.get(repoName)!.hooks).toHaveLength(1);
    await github.connection!.onDelete!(connection);
    expect(fake.repos.get(repoName)!.hooks).toHaveLength(0);
  });

  it('after a successful test the configure flow registers the hook and stores its id', async () => {
    const { db, integration, repoName } = await createGithubIntegration(fake);
    const out = await registerIntegrationWebhook(db, (await getIntegrationById(db, integration.id))!, 'https://tb.example');
    expect(out).toMatchObject({ registered: true });
    const hook = fake.repos.get(repoName)!.hooks[0]!;
    expect(hook.config.url).toBe(`https://tb.example/integrations/webhooks/github/${integration.id}/`);
    expect((await getIntegrationById(db, integration.id))!.webhookExternalId).toBe(String(hook.id));
    expect(await registerIntegrationWebhook(db, (await getIntegrationById(db, integration.id))!, null)).toBeNull();
  });

  it('a token that may not manage hooks gets a reason to show instead', async () => {
    const { db, integration } = await createGithubIntegration(fake, { hooks: false });
    const connection = await loadConnection((await getIntegrationById(db, integration.id))!);
    const out = await registerWebhook(connection, { url: githubWebhookUrl('https://x.example', integration.id), secret: 's' });
    expect(out).toMatchObject({ ok: false });
    expect(out.ok || out.reason).toMatch(/add the webhook by hand/);
  });
});
