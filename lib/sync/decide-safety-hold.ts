import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { syncSafetyHolds } from '@/db/schema';
import { clearAlert } from '@/lib/alerts/raise';
import { AppError } from '@/lib/errors';
import { requestSync } from '@/lib/jobs/request-sync';

/** The owner's answer: confirm runs the sync once past the breaker; cancel drops it. Both clear the alert. */
export async function decideSafetyHold(db: Db, integration: IntegrationWithProvider, input: { holdId: string; decision: 'confirm' | 'cancel'; userId: string }) {
  const [h] = await db.update(syncSafetyHolds)
    .set({ status: input.decision === 'confirm' ? 'confirmed' : 'cancelled', decidedBy: input.userId, decidedAt: new Date() })
    .where(and(eq(syncSafetyHolds.id, input.holdId), eq(syncSafetyHolds.integrationId, integration.id), eq(syncSafetyHolds.status, 'held')))
    .returning();
  if (!h) throw new AppError('conflict', 'This paused sync was already confirmed or cancelled.', 'holdId');
  await clearAlert(db, integration.id, 'breaker_tripped');
  await logAction(db, {
    actionType: 'sync', providerId: integration.providerId, integrationId: integration.id,
    description: input.decision === 'confirm' ? `The paused sync was confirmed (${h.closes} closes): it runs once past the safety check.` : 'The paused sync was cancelled: nothing was written.',
    details: { holdId: h.id, decision: input.decision },
  });
  const outcome = input.decision === 'confirm' ? await requestSync(db, { id: integration.id, providerId: integration.providerId }, 'manual') : null;
  return { decision: input.decision, outcome: outcome ?? null };
}
