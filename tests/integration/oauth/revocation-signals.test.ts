import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { getIntegrationById, integrationSecret } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { oauthTokenRefresh } from '@/inngest/functions/oauth-token-refresh';
import { encryptSecret } from '@/lib/crypto/secrets';
import { githubInbound } from '@/lib/integrations/github/process-delivery';
import { loadConnection } from '@/lib/integrations/connection';
import { startFakeOAuth } from '../../fakes/oauth/server';
import { ownerCreates, projectWithRoles } from '../integrations/fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

let oauth: Awaited<ReturnType<typeof startFakeOAuth>>;
let t: Awaited<ReturnType<typeof projectWithRoles>>;
beforeAll(async () => {
  oauth = await startFakeOAuth();
  Object.assign(process.env, oauth.env, { APP_URL: 'http://app.test' });
  t = await projectWithRoles();
});
afterAll(() => oauth.stop());

/** A GitHub integration holding an OAuth grant whose refresh token the fake does not know (revoked). */
async function githubGrant(expiresInMs: number) {
  const { integrationId } = await ownerCreates(t.owner, t.project.id, 'github');
  await getDb()
    .update(projectIntegrations)
    .set({
      authMethod: 'oauth',
      accessToken: await encryptSecret('ghu_old', integrationSecret(integrationId, 'access_token')),
      refreshToken: await encryptSecret('ghr_revoked', integrationSecret(integrationId, 'refresh_token')),
      tokenExpiresAt: new Date(Date.now() + expiresInMs),
      connectionStatus: 'connected',
    })
    .where(eq(projectIntegrations.id, integrationId));
  return integrationId;
}

describe('revocation signals', () => {
  it("GitHub's github_app_authorization revoked marks the integration", async () => {
    const id = await githubGrant(3_600_000);
    const integration = (await getIntegrationById(getDb(), id))!;
    const result = await githubInbound.process(
      { db: getDb(), integration, loadConnection: () => loadConnection(integration) },
      { id: crypto.randomUUID(), deliveryId: 'd-1', eventType: 'github_app_authorization', eventAction: 'revoked', payload: { action: 'revoked', sender: { login: 'octocat' } } } as never,
    );
    expect(result).toEqual({ reconnectNeeded: true });
    expect((await getIntegrationById(getDb(), id))!.connectionStatus).toBe('reconnect_needed');
  });

  it('the Inngest refresh function: bad_refresh_token in a 200 body → reconnect needed, logged once', async () => {
    const id = await githubGrant(10 * 60_000);
    const engine = new InngestTestEngine({ function: oauthTokenRefresh, events: [{ name: 'integration/oauth-token.refresh-requested', data: { integrationId: id } }] });
    const { result } = await engine.execute();
    expect(result).toEqual({ status: 'revoked' });
    const row = (await getIntegrationById(getDb(), id))!;
    expect(row.connectionStatus).toBe('reconnect_needed');
    expect(row.connectionError).toContain('bad_refresh_token');
    const logs = await listIntegrationLogs(getDb(), id);
    expect(logs.filter((l) => l.description.startsWith('Reconnect needed'))).toHaveLength(1);
  });
});

describe('Slack revocation events', () => {
  async function slackGrant(teamId: string, botUserId: string) {
    const { integrationId } = await ownerCreates(t.owner, t.project.id, 'slack');
    await getDb()
      .update(projectIntegrations)
      .set({ authMethod: 'oauth', oauthAccount: { teamId, botUserId }, connectionStatus: 'connected' })
      .where(eq(projectIntegrations.id, integrationId));
    return integrationId;
  }

  it('tokens_revoked marks only the integrations whose bot token it lists; app_uninstalled all of the team', async () => {
    const { markSlackRevocations } = await import('@/lib/integrations/slack/oauth-events');
    const listed = await slackGrant('T-REV', 'UBOT1');
    const other = await slackGrant('T-REV', 'UBOT2');
    const elsewhere = await slackGrant('T-OTHER', 'UBOT1');
    expect(await markSlackRevocations(getDb(), 'T-REV', { type: 'tokens_revoked', tokens: { oauth: ['UUSER'], bot: ['UBOT1'] } })).toEqual([listed]);
    expect((await getIntegrationById(getDb(), other))!.connectionStatus).toBe('connected');
    expect((await getIntegrationById(getDb(), elsewhere))!.connectionStatus).toBe('connected');
    expect(await markSlackRevocations(getDb(), 'T-REV', { type: 'app_uninstalled' })).toEqual([other]);
  });
});
