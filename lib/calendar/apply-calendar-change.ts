import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { type CalendarEventLink, calendarEventLinks, calendarProposals, projects } from '@/db/schema';
import type { CalendarSettings } from '@/lib/integrations/calendar-schema';
import type { CalendarChange, IntegrationConnection } from '@/lib/integrations/types';
import { applyDueDate } from './apply-due-date';
import { deadlineDateOf, safeZone } from './event-dates';
import { parseItemKey } from './event-ids';
import { pushDeadline } from './push-deadline';

export type ChangeOutcome = 'ignored' | 'unchanged' | 'applied' | 'proposed' | 'recreated' | 'unlinked';

async function linkFor(db: DbOrTx, integrationId: string, change: Pick<CalendarChange, 'key' | 'externalEventId'>): Promise<CalendarEventLink | null> {
  const by = change.key
    ? eq(calendarEventLinks.itemKey, change.key)
    : eq(calendarEventLinks.externalEventId, change.externalEventId);
  const [link] = await db.select().from(calendarEventLinks).where(and(eq(calendarEventLinks.integrationId, integrationId), by));
  return link ?? null;
}

/** The event of a deadline was deleted in the calendar: recreate it, or unlink the item (setting). */
export async function eventDeleted(
  db: DbOrTx, integration: IntegrationWithProvider, settings: CalendarSettings, link: CalendarEventLink, connection: IntegrationConnection,
): Promise<ChangeOutcome> {
  const ref = parseItemKey(link.itemKey);
  if (!ref) return 'ignored';
  if (settings.onEventDeleted === 'unlink') {
    await db.update(calendarEventLinks).set({ unlinkedAt: new Date(), updatedAt: new Date() }).where(eq(calendarEventLinks.id, link.id));
    return 'unlinked';
  }
  const outcome = await pushDeadline(db, integration, ref, { connection });
  return outcome === 'upserted' ? 'recreated' : 'ignored';
}

/**
 * One change seen in the calendar. Events that are not ours (no link) are ignored. A start
 * on another date than the one we wrote is a move: applied, proposed to the owner, or ignored
 * per the setting; the same move seen again proposes nothing new.
 */
export async function applyCalendarChange(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  settings: CalendarSettings,
  change: CalendarChange,
  connection: IntegrationConnection,
): Promise<ChangeOutcome> {
  const link = await linkFor(db, integration.id, change);
  if (!link || link.unlinkedAt) return 'ignored';
  await db.update(calendarEventLinks).set({ lastSeenAt: new Date() }).where(eq(calendarEventLinks.id, link.id));
  if (change.deleted) return eventDeleted(db, integration, settings, link, connection);
  const ref = parseItemKey(link.itemKey);
  if (!ref || !change.start) return 'ignored';
  const [project] = await db.select({ timeZone: projects.timeZone }).from(projects).where(eq(projects.id, integration.projectId));
  const date = deadlineDateOf(change.start, safeZone(project?.timeZone));
  if (date === link.eventDate) return 'unchanged';
  if (settings.onEventMoved === 'ignore') return 'ignored';
  if (settings.onEventMoved === 'apply') {
    await applyDueDate(db, integration.projectId, ref, date, { actorUserId: null, originIntegrationId: integration.id });
    await db.update(calendarEventLinks).set({ eventDate: date, updatedAt: new Date() }).where(eq(calendarEventLinks.id, link.id));
    return 'applied';
  }
  const open = and(eq(calendarProposals.integrationId, integration.id), eq(calendarProposals.itemKey, link.itemKey), eq(calendarProposals.status, 'open'));
  const [same] = await db.select({ id: calendarProposals.id, toDate: calendarProposals.toDate }).from(calendarProposals).where(open);
  if (same?.toDate === date) return 'unchanged';
  await db.update(calendarProposals).set({ status: 'superseded', decidedAt: new Date() }).where(open);
  await db.insert(calendarProposals).values({
    projectId: integration.projectId, integrationId: integration.id, itemKey: link.itemKey, externalEventId: link.externalEventId, fromDate: link.eventDate, toDate: date,
  });
  return 'proposed';
}
