import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getProjectIntegration } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { projectIntegrations } from '@/db/schema';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { revealWebhookSecret } from '@/lib/actions/reveal-webhook-secret';
import { SecretUnreadableError } from '@/lib/crypto/secrets';
import { as, githubInput, ownerCreates, projectWithRoles } from '../integrations/fixtures';
import { createWebhookIntegration, githubHeaders, post, settled, swapProcessor } from '../webhooks/fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

/** Row B's column gets row A's ciphertext, as an attacker with write access to the table could do. */
async function copyCiphertext(column: 'webhook_secret' | 'access_token', fromId: string, toId: string) {
  const col = sql.identifier(column);
  await getDb().execute(sql`update project_integrations set ${col} = (select ${col} from project_integrations where id = ${fromId}) where id = ${toId}`);
}

describe('a ciphertext moved to another row', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('does not decrypt there: reveal, connection test and provider calls say "enter it again"', async () => {
    const t = await projectWithRoles();
    const a = await ownerCreates(t.owner, t.project.id, 'github');
    const b = await ownerCreates(t.owner, t.project.id, 'github');
    as(t.owner);
    const tokenA = 'ghp_tokenOfIntegrationA1234';
    expect((await configureIntegration(githubInput(a, { externalId: 'octo/a', accessToken: tokenA }))).ok).toBe(true);
    expect((await configureIntegration(githubInput(b, { externalId: 'octo/b', accessToken: 'ghp_tokenOfIntegrationB5678' }))).ok).toBe(true);
    const revealedA = await revealWebhookSecret(a);
    if (!revealedA.ok) throw new Error(revealedA.error.message);

    await copyCiphertext('webhook_secret', a.integrationId, b.integrationId);
    await copyCiphertext('access_token', a.integrationId, b.integrationId);
    const rowB = (await getProjectIntegration(getDb(), t.project.id, b.integrationId))!;
    expect(rowB.webhookSecret).toBe((await getProjectIntegration(getDb(), t.project.id, a.integrationId))!.webhookSecret);

    // The owner's reveal: a clean 422 naming the field, not A's secret and not a 500.
    const revealedB = await revealWebhookSecret(b);
    expect(revealedB).toEqual({
      ok: false,
      error: {
        code: 'unprocessable',
        message: expect.stringMatching(/^The stored webhook secret cannot be read .*enter it again\.$/),
        fieldErrors: { webhookSecret: expect.any(String) },
      },
    });
    expect(JSON.stringify(revealedB)).not.toContain(revealedA.data.secret);

    // Provider calls (sync, export, push) get the same user-safe error.
    await expect(loadConnection({ ...rowB, provider: { id: '', providerType: 'github', name: 'GitHub', apiBaseUrl: '' } }))
      .rejects.toBeInstanceOf(SecretUnreadableError);

    // "Save & test" keeping the stored token: the connection shows reconnect-needed with the reason.
    const tested = await configureIntegration(githubInput(b, { externalId: 'octo/b', test: true }));
    expect(tested).toMatchObject({ ok: true, data: { test: { status: 'reconnect_needed', message: expect.stringMatching(/stored access token cannot be read/) } } });
    const [after] = await getDb().select().from(projectIntegrations).where(eq(projectIntegrations.id, b.integrationId));
    expect(after).toMatchObject({ connectionStatus: 'reconnect_needed', connectionError: expect.stringMatching(/enter it again/) });
    expect(after!.connectionError).not.toContain(tokenA);

    // Row A is untouched by all this.
    expect(await revealWebhookSecret(a)).toEqual(revealedA);
  });

  it('is refused by webhook verification even after the original row filled the secret cache', async () => {
    restore = swapProcessor('github', async () => ({ ignored: true }));
    const a = await createWebhookIntegration('github');
    const b = await createWebhookIntegration('github');
    await copyCiphertext('webhook_secret', a.integration.id, b.integration.id);
    const body = JSON.stringify({ action: 'opened', issue: { number: 1 } });

    const accepted = await post('github', a.integration.id, { body, headers: await githubHeaders(a.secret, body, 'issues', 'moved-a') });
    expect(accepted.status).toBe(202);
    const refused = await post('github', b.integration.id, { body, headers: await githubHeaders(a.secret, body, 'issues', 'moved-b') });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ ok: false, error: 'webhook secret unreadable: re-enter it on the configure page' });
    await settled(a.integration.id);
  });
});
