import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { integrationSecret } from '@/db/queries/integrations';
import { getProviderRow } from '@/db/queries/providers';
import { projectIntegrations } from '@/db/schema';
import { encryptSecret, randomSecret } from '@/lib/crypto/secrets';
import { runSync } from '@/lib/sync/run-sync';
import { createGithubIntegration, linkedTasks, startFakeForTests } from '../github/github-fixture';
import { githubHeaders, post, settled } from '../webhooks/fixtures';
import { BOT_TOKEN, startSlack } from './fixture';

let github: Awaited<ReturnType<typeof startFakeForTests>>;
let slack: Awaited<ReturnType<typeof startSlack>>;
beforeAll(async () => {
  github = await startFakeForTests();
  slack = await startSlack();
  slack.state.seed();
});
afterAll(async () => {
  await github?.stop();
  await slack?.stop();
});

describe('a change that came in from GitHub reaches Slack', () => {
  it('an issue closed on GitHub is posted in the project\'s channel as a completed task', async () => {
    const { db, project, integration, repoName, webhookSecret, owner } = await createGithubIntegration(github, { issues: 1 });
    const id = crypto.randomUUID();
    const provider = await getProviderRow(db, 'slack');
    await getDb().insert(projectIntegrations).values({
      id, projectId: project.id, providerId: provider!.id, externalId: 'C0GENERAL1', connectionStatus: 'connected', createdBy: owner.id,
      accessToken: await encryptSecret(BOT_TOKEN, integrationSecret(id, 'access_token')),
      webhookSecret: await encryptSecret(randomSecret(), integrationSecret(id, 'webhook_secret')),
      settings: { notifyOn: ['completed', 'status_changed'] },
    });
    await runSync(db, integration.id);
    const [linked] = await linkedTasks(integration.id);
    const before = slack.state.messages.length;

    const sent = github.outbox.length;
    github.editIssue(repoName, Number(linked!.mapping.externalKey!.split('#')[1]), { state: 'closed', state_reason: 'completed' });
    for (const d of github.outbox.slice(sent)) {
      const body = JSON.stringify(d.payload);
      expect((await post('github', integration.id, { body, headers: await githubHeaders(webhookSecret, body, d.event, d.deliveryId) })).status).toBe(202);
    }
    await settled(integration.id);
    for (let i = 0; i < 100 && slack.state.messages.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    const posted = slack.state.messages.slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: 'C0GENERAL1' });
    expect(posted[0]!.text).toContain(linked!.task.title);
    expect(posted[0]!.text).toContain('Done');
  });
});
