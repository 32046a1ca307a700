import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { alertChannelPreferences, notifications, projectMembers, projects } from '../schema';

/** The bell's number: unread notifications of one user (partial index on unread). */
export async function unreadNotificationCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The newest notifications of one user, with their project's name. */
export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  return db
    .select({ notification: notifications, projectName: projects.name })
    .from(notifications)
    .innerJoin(projects, eq(projects.id, notifications.projectId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Marks the given notifications (or all, when `ids` is undefined) of this user read; returns how many changed. */
export async function markNotificationsRead(db: DbOrTx, userId: string, ids?: string[]): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The projects this user owns, each with the channels they switched off. */
export async function ownedProjectsWithChannels(db: DbOrTx, userId: string) {
  const owned = await db
    .select({ id: projects.id, name: projects.name })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(eq(projectMembers.userId, userId), eq(projectMembers.role, 'owner')))
    .orderBy(projects.name);
  const prefs = owned.length
    ? await db.select().from(alertChannelPreferences).where(and(eq(alertChannelPreferences.userId, userId), inArray(alertChannelPreferences.projectId, owned.map((p) => p.id))))
    : [];
  return owned.map((p) => ({ ...p, off: prefs.filter((x) => x.projectId === p.id && !x.enabled).map((x) => x.channel) }));
}

/** Saves one owner's channel choices for one project (every channel named; others keep theirs). */
export async function saveChannelChoices(db: DbOrTx, projectId: string, userId: string, channels: Record<string, boolean>) {
  const values = Object.entries(channels).map(([channel, enabled]) => ({ projectId, userId, channel, enabled, updatedAt: new Date() }));
  if (values.length === 0) return;
  await db
    .insert(alertChannelPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: [alertChannelPreferences.projectId, alertChannelPreferences.userId, alertChannelPreferences.channel],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` },
    });
}
