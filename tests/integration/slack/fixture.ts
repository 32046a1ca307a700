import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getIntegrationById, integrationSecret } from '@/db/queries/integrations';
import { integrationProviders, projectIntegrations } from '@/db/schema';
import type { LocalChange } from '@/lib/integrations/contract/changes';
import { encryptSecret } from '@/lib/crypto/secrets';
import { startFakeSlack } from '../../fakes/slack/server';
import { signedSlackRequest } from '../../fakes/slack/requests';
import { addMember, createUser } from '../../helpers/factories';
import { createWebhookIntegration, post, settled } from '../webhooks/fixtures';

export const BOT_TOKEN = 'xoxb-fake-bot-token';

/** The fake Slack, pointed at by the Slack provider row (the API base the app reads). */
export async function startSlack() {
  process.env.SLACK_POST_INTERVAL_MS = '0';
  process.env.SLACK_RETRIES = '1';
  const fake = await startFakeSlack();
  await getDb().update(integrationProviders).set({ apiBaseUrl: fake.apiUrl }).where(eq(integrationProviders.providerType, 'slack'));
  return fake;
}

/**
 * A project (owner + member) with a Slack integration posting to `channel` with the fake's
 * bot token, and the Slack users U0OWNER / U0MEMBER (their emails) and U0STRANGER.
 */
export async function slackProject(fake: Awaited<ReturnType<typeof startSlack>>, opts: { channel?: string; settings?: Record<string, unknown> } = {}) {
  const base = await createWebhookIntegration('slack', { settings: opts.settings ?? {} });
  const member = await createUser('member');
  await addMember(base.project.id, member.id);
  const db = getDb();
  await db
    .update(projectIntegrations)
    .set({
      externalId: opts.channel ?? 'C0GENERAL1',
      accessToken: await encryptSecret(BOT_TOKEN, integrationSecret(base.integration.id, 'access_token')),
      connectionStatus: 'connected',
    })
    .where(eq(projectIntegrations.id, base.integration.id));
  fake.state.users.set('U0OWNER', { id: 'U0OWNER', name: 'owner', real_name: 'Owner', email: base.user.email.toUpperCase() });
  fake.state.users.set('U0MEMBER', { id: 'U0MEMBER', name: 'member', real_name: 'Member', email: member.email });
  fake.state.users.set('U0STRANGER', { id: 'U0STRANGER', name: 'stranger', real_name: 'Stranger', email: 'stranger@elsewhere.test' });
  const reload = async () => (await getIntegrationById(db, base.integration.id))!;
  return { ...base, owner: base.user, member, reload };
}

export function change(projectId: string, over: Partial<LocalChange> = {}): LocalChange {
  return {
    id: crypto.randomUUID(), kind: 'task.created', projectId, taskId: null, milestoneId: null, fields: [],
    actorUserId: null, originIntegrationId: null, occurredAt: new Date().toISOString(), ...over,
  };
}

/** Sends a signed request through the real route, waits for processing, returns the ack. */
export async function sendSigned(integrationId: string, secret: string, what: Parameters<typeof signedSlackRequest>[1], opts: { retryNum?: number } = {}) {
  const signed = signedSlackRequest(secret, what, opts);
  const res = await post('slack', integrationId, { body: signed.body, headers: signed.headers, trailingSlash: true });
  const text = await res.text();
  const rows = await settled(integrationId);
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, rows };
}
