import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationHealth } from '@/db/queries/integration-health';
import { createIntegration } from '@/db/queries/integrations';
import { listProviderRows } from '@/db/queries/providers';
import { integrationLogs } from '@/db/schema';
import { createProject, createUser } from '../../helpers/factories';

describe('integration list health', () => {
  it('last success is the latest successful work (not a settings save); last error is the latest error', async () => {
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    const github = (await listProviderRows(getDb())).find((p) => p.providerType === 'github')!;
    const [a, b] = await Promise.all([0, 1].map(() => createIntegration(getDb(), { projectId: project.id, providerRowId: github.id, createdBy: owner.id, settings: {} })));
    const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 12, min));
    const log = (integrationId: string, actionType: 'sync' | 'config' | 'webhook', status: 'success' | 'error', min: number, description = 'x') =>
      ({ integrationId, providerId: github.id, actionType, status, description, timestamp: at(min) });
    await getDb().insert(integrationLogs).values([
      log(a!.id, 'sync', 'success', 1), log(a!.id, 'webhook', 'success', 5), log(a!.id, 'config', 'success', 9),
      log(a!.id, 'sync', 'error', 3, 'GitHub answered 502'), log(a!.id, 'sync', 'error', 2, 'older'),
      log(b!.id, 'config', 'success', 4),
    ]);
    const health = await listIntegrationHealth(getDb(), [a!.id, b!.id]);
    expect(health.get(a!.id)).toEqual({ lastSuccessAt: at(5), lastError: { at: at(3), description: 'GitHub answered 502' } });
    expect(health.get(b!.id)).toEqual({ lastSuccessAt: null, lastError: null });
  });
});
