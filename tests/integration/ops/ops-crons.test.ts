import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { alerts, integrationHealthRollupState, projectIntegrations } from '@/db/schema';
import { alertsEvaluate, webhookRecovery } from '@/inngest/functions/ops-crons';
import { functions } from '@/inngest/functions';
import { createWebhookIntegration } from '../webhooks/fixtures';

describe('operations crons (InngestTestEngine)', () => {
  it('are served, evaluate alerts and roll the health charts up', async () => {
    expect(functions).toContain(alertsEvaluate);
    expect(functions).toContain(webhookRecovery);
    const db = getDb();
    const { integration } = await createWebhookIntegration('github');
    await db.update(projectIntegrations).set({ connectionStatus: 'reconnect_needed' }).where(eq(projectIntegrations.id, integration.id));
    const { result } = await new InngestTestEngine({ function: alertsEvaluate }).execute();
    expect(result).toMatchObject({ fired: expect.any(Number), rolled: expect.any(Number) });
    expect(await db.select().from(alerts).where(eq(alerts.integrationId, integration.id))).toHaveLength(1);
    expect(await db.select().from(integrationHealthRollupState).where(eq(integrationHealthRollupState.integrationId, integration.id))).toHaveLength(1);
  });

  it('recovery runs over the connected integrations with a hook', async () => {
    const { result } = await new InngestTestEngine({ function: webhookRecovery }).execute();
    expect(result).toMatchObject({ integrations: expect.any(Number), redelivered: expect.any(Number) });
  });
});
