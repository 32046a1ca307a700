import { type InferSelectModel, sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projectIntegrations } from './integrations';
import { projects } from './projects';

/** pending → running (claimed, lease) → done; failed once its attempts are spent. */
export const localChangeStatusEnum = pgEnum('local_change_status', ['pending', 'running', 'done', 'failed']);

/**
 * The outbox of local changes (lib/changes): one row per committed change to a task or a
 * milestone, written in the same transaction as the change, then fanned out to the change
 * targets (taskSync push, notify, calendar). `doneTargets` records which targets succeeded,
 * so a retry re-runs only the ones that failed. Rows left pending are re-dispatched by the
 * sweep with backoff (`nextAttemptAt`).
 */
export const localChanges = pgTable(
  'local_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** A LocalChangeKind ('task.updated', 'milestone.deleted', ...). */
    kind: text().notNull(),
    projectId: uuid().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    /** No foreign keys: a deleted task's or milestone's change still names it. */
    taskId: uuid(),
    milestoneId: uuid(),
    fields: text().array().notNull().default(sql`'{}'::text[]`),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The integration the change came in from; never pushed back there. Null for changes made in the app. */
    originIntegrationId: uuid().references(() => projectIntegrations.id, { onDelete: 'set null' }),
    status: localChangeStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** While running: a claim that lapses if its process dies (the sweep then takes the row again). */
    leaseUntil: timestamp({ withTimezone: true }),
    doneTargets: text().array().notNull().default(sql`'{}'::text[]`),
    lastError: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('local_changes_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'running')`),
    index().on(t.taskId),
    index().on(t.milestoneId).where(sql`milestone_id is not null`),
  ],
);
export type LocalChangeRow = InferSelectModel<typeof localChanges>;
