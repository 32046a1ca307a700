import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getIntegrationById, integrationSecret } from '@/db/queries/integrations';
import { integrationProviders, projectIntegrations, projects } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto/secrets';
import type { LocalChange, LocalChangeKind } from '@/lib/integrations/types';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { createProject, createUser } from '../../helpers/factories';

/** Points the provider's stored API base URL at a fake (one test file per provider changes it). */
export async function useFake(provider: ProviderType, apiBaseUrl: string) {
  await getDb().update(integrationProviders).set({ apiBaseUrl }).where(eq(integrationProviders.providerType, provider));
}

/** A project (in `timeZone`) with a connected calendar integration holding `token`. */
export async function calendarIntegration(provider: ProviderType, opts: { token: string; externalId: string; settings?: Record<string, unknown>; timeZone?: string }) {
  const db = getDb();
  const user = await createUser('owner');
  const project = await createProject(user.id);
  if (opts.timeZone) await db.update(projects).set({ timeZone: opts.timeZone }).where(eq(projects.id, project.id));
  const [providerRow] = await db.select().from(integrationProviders).where(eq(integrationProviders.providerType, provider));
  const id = crypto.randomUUID();
  const secret = `whsec-${Math.random().toString(36).slice(2)}`;
  await db.insert(projectIntegrations).values({
    id,
    projectId: project.id,
    providerId: providerRow!.id,
    createdBy: user.id,
    externalId: opts.externalId,
    accessToken: await encryptSecret(opts.token, integrationSecret(id, 'access_token')),
    webhookSecret: await encryptSecret(secret, integrationSecret(id, 'webhook_secret')),
    settings: opts.settings ?? {},
    connectionStatus: 'connected',
  });
  return { user, project, secret, integration: (await getIntegrationById(db, id))! };
}

let n = 0;
export function localChange(kind: LocalChangeKind, projectId: string, ids: { taskId?: string; milestoneId?: string }, fields: string[] = []): LocalChange {
  return {
    id: `change-${Date.now()}-${n++}`, kind, projectId, taskId: ids.taskId ?? null, milestoneId: ids.milestoneId ?? null,
    fields, actorUserId: null, originIntegrationId: null, occurredAt: new Date().toISOString(),
  };
}
