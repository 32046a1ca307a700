import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createIntegration } from '@/db/queries/integrations';
import { listProviderRows } from '@/db/queries/providers';
import { projectIntegrations } from '@/db/schema';
import { runSync } from '@/lib/sync/run-sync';
import { createProject, createUser } from '../../helpers/factories';

describe('a sync that did nothing', () => {
  it('does not set "Last sync" for a provider that cannot sync', async () => {
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    const slack = (await listProviderRows(getDb())).find((p) => p.providerType === 'slack')!;
    const integration = await createIntegration(getDb(), { projectId: project.id, providerRowId: slack.id, createdBy: owner.id, settings: {} });
    await getDb().update(projectIntegrations).set({ externalId: 'C123', syncStatus: 'queued' }).where(eq(projectIntegrations.id, integration.id));
    await runSync(getDb(), integration.id);
    const [row] = await getDb().select().from(projectIntegrations).where(eq(projectIntegrations.id, integration.id));
    expect(row).toMatchObject({ syncStatus: 'idle', lastSyncAt: null });
  });
});
