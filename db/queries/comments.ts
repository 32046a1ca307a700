import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationProviders, projectIntegrations, type TaskComment, taskComments, tasks, users } from '../schema';

export async function insertComment(db: DbOrTx, values: { taskId: string; authorId: string | null; body: string }): Promise<TaskComment> {
  const [row] = await db.insert(taskComments).values(values).returning();
  return row!;
}

export type SyncedComment = {
  taskId: string;
  sourceIntegrationId: string;
  /** The comment's id at the provider. */
  externalId: string;
  externalAuthor: string | null;
  externalUrl: string | null;
  body: string;
  /** When it was written there (its place in the conversation). */
  writtenAt: Date;
};

/**
 * A comment that came in from an integration (GitHub, Jira): one row per comment there, unique
 * on (source, external id), so a redelivery changes nothing and an edit replaces the text.
 */
export async function upsertSyncedComment(db: DbOrTx, c: SyncedComment): Promise<void> {
  const { writtenAt, ...values } = c;
  await db
    .insert(taskComments)
    .values({ ...values, authorId: null, createdAt: writtenAt })
    .onConflictDoUpdate({
      target: [taskComments.sourceIntegrationId, taskComments.externalId],
      set: { body: sql`excluded.body`, externalAuthor: sql`excluded.external_author`, externalUrl: sql`coalesce(excluded.external_url, ${taskComments.externalUrl})` },
    });
}

/** A synced comment deleted at its source goes here too. */
export async function deleteSyncedComment(db: DbOrTx, sourceIntegrationId: string, externalId: string): Promise<boolean> {
  const gone = await db
    .delete(taskComments)
    .where(and(eq(taskComments.sourceIntegrationId, sourceIntegrationId), eq(taskComments.externalId, externalId)))
    .returning({ id: taskComments.id });
  return gone.length > 0;
}

export type CommentRow = {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
  authorEmail: string | null;
  externalAuthor: string | null;
  externalUrl: string | null;
  /** The provider's display name ("GitHub") when the comment was synced from an integration. */
  sourceName: string | null;
};

/** A task's comments, oldest first (a conversation), scoped to the project through the task. */
export async function listTaskComments(db: DbOrTx, projectId: string, taskId: string, limit = 200): Promise<CommentRow[]> {
  return db
    .select({
      id: taskComments.id,
      body: taskComments.body,
      createdAt: taskComments.createdAt,
      authorName: users.name,
      authorEmail: users.email,
      externalAuthor: taskComments.externalAuthor,
      externalUrl: taskComments.externalUrl,
      sourceName: integrationProviders.name,
    })
    .from(taskComments)
    .innerJoin(tasks, eq(tasks.id, taskComments.taskId))
    .leftJoin(users, eq(users.id, taskComments.authorId))
    .leftJoin(projectIntegrations, eq(projectIntegrations.id, taskComments.sourceIntegrationId))
    .leftJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(and(eq(taskComments.taskId, taskId), eq(tasks.projectId, projectId)))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id))
    .limit(limit);
}
