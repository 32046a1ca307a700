import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs, logAction } from '@/db/queries/integration-logs';
import { listProviderRows } from '@/db/queries/providers';
import { initProviders } from '@/lib/integrations/init-providers';
import { integrationProviders } from '@/db/schema';

describe('integrations:init', () => {
  it('upserts the five providers idempotently, with env overrides for API base URLs', async () => {
    const db = getDb();
    await initProviders(db, { GITHUB_API_URL: 'http://127.0.0.1:9999/api/v3/' });
    await initProviders(db, { GITHUB_API_URL: 'http://127.0.0.1:9999/api/v3/' });
    const rows = await listProviderRows(db);
    expect(rows.map((r) => r.providerType).sort()).toEqual(
      ['github', 'google-calendar', 'jira', 'outlook-calendar', 'slack'],
    );
    const gh = rows.find((r) => r.providerType === 'github')!;
    expect(gh.apiBaseUrl).toBe('http://127.0.0.1:9999/api/v3');
    expect(gh.webhookEvents).toContain('issues');
    await initProviders(db, {});
    const [again] = await db.select().from(integrationProviders).where(eq(integrationProviders.providerType, 'github'));
    expect(again!.id).toBe(gh.id);
    expect(again!.apiBaseUrl).toBe('https://api.github.com');
  });

  it('logAction records an entry', async () => {
    const db = getDb();
    const [gh] = await listProviderRows(db);
    const log = await logAction(db, { actionType: 'config', providerId: gh!.id, description: 'hello', durationMs: 12.6 });
    expect(log.status).toBe('success');
    expect(log.durationMs).toBe(13);
    expect(await listIntegrationLogs(db, '00000000-0000-0000-0000-000000000000')).toEqual([]);
  });
});
