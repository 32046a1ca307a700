import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { alerts, notifications } from '@/db/schema';
import { runConnectionTest } from '@/lib/integrations/run-connection-test';
import { runSync } from '@/lib/sync/run-sync';
import { createGithubIntegration, startFakeForTests } from '../github/github-fixture';
import type { FakeGithub } from '../../fakes/github/server';

let fake: FakeGithub & { stop: () => Promise<void> };
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

const titles = async (userId: string) => (await getDb().select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.title).sort();

describe('alerts raised where the event happens', () => {
  it('a revoked token: the sync marks reconnect needed and the owner is notified at once; a good test resolves it', async () => {
    const { db, integration, owner, token } = await createGithubIntegration(fake, { issues: 2 });
    fake.revokeToken(token);
    await runSync(db, integration.id, { trigger: 'manual' });
    expect(await titles(owner.id)).toEqual(['Alert: The connection needs a new token (reconnect)']);

    fake.addToken(token);
    const outcome = await runConnectionTest(db, (await getIntegrationById(db, integration.id))!);
    expect(outcome.status).toBe('connected');
    expect(await titles(owner.id)).toEqual(['Alert: The connection needs a new token (reconnect)', 'Resolved: The connection works again']);
    const [row] = await db.select().from(alerts).where(eq(alerts.integrationId, integration.id));
    expect(row!.resolvedAt).not.toBeNull();
  });
});
