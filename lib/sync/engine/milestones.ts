import { and, eq } from 'drizzle-orm';
import { externalMilestoneMappings, milestones } from '@/db/schema';
import type { IntegrationConnection } from '@/lib/integrations/types';
import { LOCAL_MILESTONE } from './plan-item';
import type { EngineTarget } from './target';

/**
 * The provider's milestone for a project milestone: the mapped one, or one the provider finds
 * or creates by title (then mapped, so the next import joins it instead of duplicating it).
 */
export async function ensureMilestone(t: EngineTarget, connection: IntegrationConnection, milestoneId: string) {
  const [mapped] = await t.db
    .select({ externalId: externalMilestoneMappings.externalId })
    .from(externalMilestoneMappings)
    .where(and(eq(externalMilestoneMappings.integrationId, t.integrationId), eq(externalMilestoneMappings.milestoneId, milestoneId)))
    .limit(1);
  if (mapped) return mapped;
  const ensure = t.cap.milestones?.ensure;
  const [row] = await t.db
    .select({ title: milestones.title, description: milestones.description, dueDate: milestones.dueDate })
    .from(milestones)
    .where(and(eq(milestones.id, milestoneId), eq(milestones.projectId, t.projectId)));
  if (!row || !ensure) return null;
  const created = await ensure(connection, row);
  await t.db.insert(externalMilestoneMappings).values({ integrationId: t.integrationId, externalId: created.externalId, milestoneId }).onConflictDoNothing();
  return { externalId: created.externalId };
}

/** A merged milestone value on its way out: a provider id, or a project milestone to create there first. */
export async function outgoingMilestone(t: EngineTarget, connection: IntegrationConnection, value: unknown) {
  if (typeof value !== 'string') return null;
  if (!value.startsWith(LOCAL_MILESTONE)) return { externalId: value };
  return ensureMilestone(t, connection, value.slice(LOCAL_MILESTONE.length));
}
