import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { integrationSecret } from '@/db/queries/integrations';
import { getProviderRow } from '@/db/queries/providers';
import { externalTaskMappings, projectIntegrations, tasks } from '@/db/schema';
import { encryptSecret, randomSecret } from '@/lib/crypto/secrets';
import { createProject, createUser } from '../../helpers/factories';
import { type FakeGithub, startFakeGithub } from '../../fakes/github/server';

/** A fake GitHub for this test file's process; the client reads GITHUB_API_URL at creation. */
export async function startFakeForTests(): Promise<FakeGithub & { stop: () => Promise<void> }> {
  const fake = await startFakeGithub();
  process.env.GITHUB_API_URL = fake.url;
  process.env.GITHUB_WRITE_INTERVAL_MS = '0';
  process.env.GITHUB_MAX_WAIT_SECONDS = '0';
  return fake;
}

let n = 0;
/** A project with a configured GitHub integration on a fresh fake repository. */
export async function createGithubIntegration(
  fake: FakeGithub,
  opts: { issues?: number; settings?: Record<string, unknown>; hooks?: boolean; repoName?: string; syncIntervalSeconds?: number } = {},
) {
  const db = getDb();
  const owner = await createUser('owner');
  const project = await createProject(owner.id);
  const repoName = opts.repoName ?? `acme/repo-${process.pid}-${++n}`;
  const token = `ghp_${randomSecret(12)}`;
  fake.addToken(token, { hooks: opts.hooks ?? true });
  fake.addRepo(repoName);
  if (opts.issues) fake.seedIssues(repoName, opts.issues);
  const webhookSecret = randomSecret();
  const provider = await getProviderRow(db, 'github');
  const id = crypto.randomUUID();
  const [integration] = await db
    .insert(projectIntegrations)
    .values({
      id,
      projectId: project.id,
      providerId: provider!.id,
      externalId: repoName,
      accessToken: await encryptSecret(token, integrationSecret(id, 'access_token')),
      accessTokenHint: token.slice(-4),
      webhookSecret: await encryptSecret(webhookSecret, integrationSecret(id, 'webhook_secret')),
      settings: opts.settings ?? {},
      syncEnabled: true,
      ...(opts.syncIntervalSeconds ? { syncIntervalSeconds: opts.syncIntervalSeconds } : {}),
      connectionStatus: 'connected',
      createdBy: owner.id,
    })
    .returning();
  return { db, owner, project, integration: integration!, repoName, token, webhookSecret };
}

/** The project's tasks joined with their GitHub links, ordered by issue key. */
export async function linkedTasks(integrationId: string) {
  const rows = await getDb()
    .select({ task: tasks, mapping: externalTaskMappings })
    .from(externalTaskMappings)
    .innerJoin(tasks, eq(tasks.id, externalTaskMappings.taskId))
    .where(eq(externalTaskMappings.integrationId, integrationId));
  return rows.sort((a, b) => Number(a.mapping.externalKey!.split('#')[1]) - Number(b.mapping.externalKey!.split('#')[1]));
}
