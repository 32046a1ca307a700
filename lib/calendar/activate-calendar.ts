import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { calendarEventLinks, calendarSyncStates, projectIntegrations, projects } from '@/db/schema';
import { DEDICATED_CALENDAR } from '@/lib/integrations/calendar-schema';
import { loadConnection } from '@/lib/integrations/connection';
import { providerWith } from '@/lib/integrations/registry';
import { ensureSubscription } from '@/lib/sync/subscriptions';
import { safeZone } from './event-dates';
import { pullCalendar } from './pull-calendar';
import { pushAllDeadlines } from './push-deadline';

/**
 * After "Save & test" connected a calendar integration: creates the dedicated
 * "Taskbridge — <project>" calendar when the calendar id is "new" (the id replaces it), opens
 * the push channel, takes the first cursor and writes the project's deadlines. Returns the
 * integration as updated.
 */
export async function activateCalendar(db: Db, integration: IntegrationWithProvider, origin: string | null): Promise<IntegrationWithProvider> {
  const provider = await providerWith(integration.provider.providerType, 'calendar');
  if (!provider) return integration;
  let current = integration;
  if (!current.externalId || current.externalId === DEDICATED_CALENDAR) {
    const [project] = await db.select({ name: projects.name, timeZone: projects.timeZone }).from(projects).where(eq(projects.id, current.projectId));
    const created = await provider.calendar.createCalendar(await loadConnection(current), `Taskbridge — ${project?.name ?? 'project'}`, safeZone(project?.timeZone));
    await db.update(projectIntegrations).set({ externalId: created.id, externalName: created.name, updatedAt: new Date() }).where(eq(projectIntegrations.id, current.id));
    current = { ...current, externalId: created.id, externalName: created.name };
    await logAction(db, { actionType: 'config', providerId: current.providerId, integrationId: current.id, description: `Calendar "${created.name}" created.` });
  }
  // Another calendar than last time: its links, cursor and push channel belonged to the old one.
  await db.insert(calendarSyncStates).values({ integrationId: current.id }).onConflictDoNothing();
  const [state] = await db.select().from(calendarSyncStates).where(eq(calendarSyncStates.integrationId, current.id));
  const moved = state?.calendarId != null && state.calendarId !== current.externalId;
  if (moved) await db.delete(calendarEventLinks).where(eq(calendarEventLinks.integrationId, current.id));
  if (moved || state?.calendarId == null) {
    await db.update(calendarSyncStates).set({ calendarId: current.externalId, cursor: null, resyncStartedAt: null }).where(eq(calendarSyncStates.integrationId, current.id));
  }
  await ensureSubscription(db, current, { origin, mode: moved && current.subscriptionId ? 'replace' : 'ensure' });
  await pullCalendar(db, current);
  await pushAllDeadlines(db, current);
  return current;
}
