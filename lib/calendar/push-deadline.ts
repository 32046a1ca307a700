import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { calendarEventLinks, milestones, tasks } from '@/db/schema';
import { loadConnection } from '@/lib/integrations/connection';
import { providerWith } from '@/lib/integrations/registry';
import type { IntegrationConnection } from '@/lib/integrations/types';
import { deadlineEvent, loadDeadlineItem, readCalendarSettings, wantsEvent } from './deadline-items';
import { type ItemRef, itemKey, parseItemKey } from './event-ids';

export type PushOutcome = 'upserted' | 'removed' | 'none' | 'unlinked';

export async function findLink(db: DbOrTx, integrationId: string, key: string) {
  const [link] = await db
    .select()
    .from(calendarEventLinks)
    .where(and(eq(calendarEventLinks.integrationId, integrationId), eq(calendarEventLinks.itemKey, key)));
  return link ?? null;
}

/**
 * Makes the integration's calendar show the item as it is now: upserts its event, or removes
 * it when the item is gone, has no date, is filtered out, or is completed with "remove". Safe to
 * repeat (the event id is ours; the link row is upserted). An item the owner unlinked (its event
 * deleted in the calendar, setting "unlink") is left alone.
 */
export async function pushDeadline(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  ref: ItemRef,
  opts: { connection?: IntegrationConnection; force?: boolean } = {},
): Promise<PushOutcome> {
  const provider = await providerWith(integration.provider.providerType, 'calendar');
  if (!provider) return 'none';
  const key = itemKey(ref);
  const link = await findLink(db, integration.id, key);
  if (link?.unlinkedAt && !opts.force) return 'unlinked';
  const item = await loadDeadlineItem(db, integration.projectId, ref);
  const settings = readCalendarSettings(integration.settings);
  const connection = opts.connection ?? (await loadConnection(integration));
  if (!item || !item.dueDate || !wantsEvent(item, settings, integration.createdBy)) {
    if (!link) return 'none';
    await provider.calendar.deleteEvent(connection, link.externalEventId);
    await db.delete(calendarEventLinks).where(eq(calendarEventLinks.id, link.id));
    return 'removed';
  }
  const event = deadlineEvent({ ...item, dueDate: item.dueDate }, settings);
  const { externalEventId } = await provider.calendar.upsertEvent(connection, event, link ? { externalEventId: link.externalEventId } : null);
  const now = new Date();
  await db
    .insert(calendarEventLinks)
    .values({ integrationId: integration.id, projectId: integration.projectId, itemKey: key, externalEventId, eventDate: item.dueDate, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [calendarEventLinks.integrationId, calendarEventLinks.itemKey],
      set: { externalEventId, eventDate: item.dueDate, unlinkedAt: null, updatedAt: now },
    });
  return 'upserted';
}

/** Every deadline of the project into the calendar, and stale events out (first connect, settings or time-zone change). */
export async function pushAllDeadlines(db: DbOrTx, integration: IntegrationWithProvider): Promise<number> {
  const connection = await loadConnection(integration);
  const ms = await db.select({ id: milestones.id }).from(milestones).where(and(eq(milestones.projectId, integration.projectId), isNotNull(milestones.dueDate)));
  const ts = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.projectId, integration.projectId), isNotNull(tasks.dueDate), isNull(tasks.deletedAt)));
  const linked = await db.select({ itemKey: calendarEventLinks.itemKey }).from(calendarEventLinks).where(eq(calendarEventLinks.integrationId, integration.id));
  const keys = new Set([...ms.map((m) => `milestone:${m.id}`), ...ts.map((t) => `task:${t.id}`), ...linked.map((l) => l.itemKey)]);
  let n = 0;
  for (const ref of [...keys].map(parseItemKey).filter((r) => r !== null)) {
    if ((await pushDeadline(db, integration, ref, { connection })) === 'upserted') n++;
  }
  return n;
}
