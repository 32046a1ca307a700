import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getIntegrationById, integrationSecret } from '@/db/queries/integrations';
import { getProviderRow } from '@/db/queries/providers';
import { externalTaskMappings, projectIntegrations, tasks, taskSyncEvents } from '@/db/schema';
import { encryptSecret, randomSecret } from '@/lib/crypto/secrets';
import { jiraInbound } from '@/lib/integrations/jira/inbound';
import { inboundContext } from '@/lib/sync/engine/inbound';
import type { FakeJira } from '@/tests/fakes/jira/server';
import { addMember, createProject, createUser } from '../../helpers/factories';
import { EMAIL, TOKEN } from './jira-fixture';

let n = 0;

/** A project with a Jira integration on its own fake project key, with the fake's site and the bot's token. */
export async function createJiraIntegration(fake: FakeJira, opts: { issues?: number; settings?: Record<string, unknown> } = {}) {
  const db = getDb();
  const owner = await createUser('owner');
  const project = await createProject(owner.id);
  const key = `P${process.pid % 1000}X${++n}`.replace(/[^A-Z0-9]/g, '').slice(0, 10);
  fake.addProject(key);
  if (opts.issues) fake.seedIssues(key, opts.issues);
  const id = crypto.randomUUID();
  await db.insert(projectIntegrations).values({
    id, projectId: project.id, providerId: (await getProviderRow(db, 'jira'))!.id, externalId: key,
    accessToken: await encryptSecret(TOKEN, integrationSecret(id, 'access_token')),
    webhookSecret: await encryptSecret(randomSecret(), integrationSecret(id, 'webhook_secret')),
    settings: { siteUrl: fake.url, email: EMAIL, ...opts.settings }, syncEnabled: true, connectionStatus: 'connected', createdBy: owner.id,
  });
  const links = async () =>
    db.select({ task: tasks, link: externalTaskMappings }).from(externalTaskMappings)
      .innerJoin(tasks, eq(tasks.id, externalTaskMappings.taskId)).where(eq(externalTaskMappings.integrationId, id));
  const linkOf = async (issueId: string) => (await links()).find((r) => r.link.externalId === issueId);
  const events = async (kind: 'conflict' | 'pushed' | 'updated' | 'exported' | 'unlinked' | 'comment') =>
    db.select().from(taskSyncEvents).where(and(eq(taskSyncEvents.integrationId, id), eq(taskSyncEvents.kind, kind)));
  /** Processes the fake's queued webhook deliveries as the app would (verified and stored before). */
  const deliver = async () => {
    const out = [];
    const integration = (await getIntegrationById(db, id))!;
    for (const d of fake.outbox.splice(0)) {
      out.push(await jiraInbound.process(await inboundContext(db, integration), {
        id: crypto.randomUUID(), deliveryId: d.identifier, eventType: d.event, eventAction: null, payload: d.body, receivedAt: new Date(), attempts: 1,
      }));
    }
    return out;
  };
  const member = async (email: string) => {
    const user = await createUser(email.split('@')[0]);
    await db.update((await import('@/db/schema')).users).set({ email }).where(eq((await import('@/db/schema')).users.id, user.id));
    await addMember(project.id, user.id, 'member');
    return user;
  };
  return { db, owner, project, key, id, links, linkOf, events, deliver, member, integration: () => getIntegrationById(db, id).then((i) => i!) };
}
