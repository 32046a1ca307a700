import { type InferSelectModel } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projectIntegrations } from './integrations';
import { tasks } from './tasks';

/**
 * Comments on a task. A local comment has an author (a member); a comment synced from an
 * integration (GitHub, later Jira) names its source integration and its id there, plus the
 * external author's handle, and is unique per (source, external id) so re-imports don't duplicate.
 */
export const taskComments = pgTable(
  'task_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    /** Set for comments synced from an integration; null for comments written here. */
    sourceIntegrationId: uuid().references(() => projectIntegrations.id, { onDelete: 'set null' }),
    externalId: text(),
    /** The author on the external side (a GitHub login), when the comment came from there. */
    externalAuthor: text(),
    externalUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.taskId, t.createdAt), unique().on(t.sourceIntegrationId, t.externalId)],
);
export type TaskComment = InferSelectModel<typeof taskComments>;

/**
 * Local edits of a task, for display on the task page next to the sync timeline: who changed
 * which field from what to what. Not an outbox (lib/changes owns delivery of local changes).
 */
export const taskActivity = pgTable(
  'task_activity',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** A task field ('status', 'title', …) or an event: 'created', 'deleted', 'restored', 'comment'. */
    field: text().notNull(),
    fromValue: jsonb().$type<unknown>(),
    toValue: jsonb().$type<unknown>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.taskId, t.createdAt)],
);
export type TaskActivity = InferSelectModel<typeof taskActivity>;
